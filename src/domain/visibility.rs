//! Who may see whom (domain README): who may read a signal at all, and then
//! one decision per field. Every way a signal leaves the server (pages,
//! server functions, mails, later streams, exports and PDFs) asks here.

use serde::{Deserialize, Serialize};

use super::{EventKind, HistoryEntry, Membership, PersonId, Sighting, SignalDetails, SignalScope};

/// How a reader stands to one signal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reader {
    /// The hoofdsignaalverwerker, or a signaalverwerker who processes it.
    Processor,
    /// The signaalgever who reported it.
    Reporter,
    /// A regisseur of its policy domain: reads what is reported, never who reported it.
    DomainReader,
    /// Anyone else who meets the signal's content (a mandataris reading a
    /// report, a meeting invitee, the public): never an identity.
    Outsider,
}

impl Reader {
    /// How this member stands to a signal with this scope; `None` when they
    /// may not read the signal itself (404: not even that it exists).
    pub fn of(membership: &Membership, person: PersonId, scope: &SignalScope) -> Option<Reader> {
        if membership.processes(scope) {
            Some(Reader::Processor)
        } else if scope.reporter == Some(person) {
            Some(Reader::Reporter)
        } else if membership.steers(scope) {
            Some(Reader::DomainReader)
        } else {
            None
        }
    }
}

/// What one reader may see of a signal, field by field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visibility {
    /// Who reported it: name, e-mail and the name of their organisation.
    pub reporter: bool,
    /// The names of processors in the history.
    pub processor_names: Names,
    /// Internal notes and comments.
    pub internal_notes: bool,
    /// Names of people (and their organisations) who said "ik zie dit ook".
    /// Their number and sectors are shown to anyone who may read the signal.
    pub sighting_names: bool,
    /// The team's own work: comments, assignments, links (`EventKind::is_internal`).
    /// Regisseurs comment too; reporters and outsiders never read it.
    pub team_work: bool,
}

/// How a name appears.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Names {
    Shown,
    /// As "de signaalverwerker": a signaalgever never reads a processor's name.
    Alias,
    Hidden,
}

/// How a signaalgever reads a processor's name.
pub const PROCESSOR_ALIAS: &str = "de signaalverwerker";

impl Visibility {
    pub const fn for_reader(reader: Reader) -> Visibility {
        let (reporter, processor_names, internal_notes, sighting_names, team_work) = match reader {
            Reader::Processor => (true, Names::Shown, true, true, true),
            // Their own identity is no secret to them; everyone else's is.
            Reader::Reporter => (true, Names::Alias, false, false, false),
            Reader::DomainReader => (false, Names::Shown, false, false, true),
            Reader::Outsider => (false, Names::Hidden, false, false, false),
        };
        Visibility { reporter, processor_names, internal_notes, sighting_names, team_work }
    }

    /// The signal with what this reader may not see left out.
    pub fn details(&self, mut signal: SignalDetails) -> SignalDetails {
        if !self.reporter {
            signal.reporter_name = None;
            signal.summary.organisation = None;
        }
        signal
    }

    /// How this reader reads a processor's name.
    pub fn processor_name(&self, name: Option<String>) -> Option<String> {
        match self.processor_names {
            Names::Shown => name,
            Names::Alias => name.map(|_| PROCESSOR_ALIAS.to_string()),
            Names::Hidden => None,
        }
    }

    /// One history line as this reader may read it; None for the team's own
    /// work where the reader may not read that.
    pub fn history_entry(&self, mut entry: HistoryEntry) -> Option<HistoryEntry> {
        if entry.kind.is_internal() && !self.team_work {
            return None;
        }
        let names = match entry.kind {
            EventKind::Sighted if self.sighting_names => Names::Shown,
            EventKind::Sighted => Names::Hidden,
            kind if kind.is_by_reporter() && self.reporter => Names::Shown,
            kind if kind.is_by_reporter() => Names::Hidden,
            _ => self.processor_names,
        };
        entry.actor_name = match names {
            Names::Shown => entry.actor_name,
            Names::Alias => entry.actor_name.map(|_| PROCESSOR_ALIAS.to_string()),
            Names::Hidden => None,
        };
        // A comment's text is its note: the team reads it; other notes are the processors'.
        let comment = entry.kind == EventKind::Commented && self.team_work;
        if !self.internal_notes && !comment {
            entry.note = None;
        }
        entry.subject_name = self.processor_name(entry.subject_name);
        Some(entry)
    }

    /// The history as this reader may read it.
    pub fn history(&self, history: Vec<HistoryEntry>) -> Vec<HistoryEntry> {
        history.into_iter().filter_map(|e| self.history_entry(e)).collect()
    }

    /// A question to the reporter as this reader may read it.
    pub fn question(&self, mut question: super::workbench::Question) -> super::workbench::Question {
        question.asked_by = self.processor_name(question.asked_by);
        question
    }

    /// One "ik zie dit ook" as this reader may see it.
    pub fn sighting(&self, mut sighting: Sighting) -> Sighting {
        if !self.sighting_names {
            sighting.person = None;
            sighting.organisation = None;
        }
        if !self.internal_notes {
            sighting.note = String::new();
        }
        sighting
    }
}

/// The sectors of the organisations that said "ik zie dit ook", each once.
pub fn distinct_sectors(sightings: &[Sighting]) -> Vec<String> {
    let mut sectors: Vec<String> = sightings.iter().filter_map(|s| s.sector.clone()).collect();
    sectors.sort();
    sectors.dedup();
    sectors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{EventId, Phase};

    fn entry(kind: EventKind, actor: &str) -> HistoryEntry {
        HistoryEntry {
            id: EventId(1),
            at: chrono::Utc::now(),
            actor_name: Some(actor.into()),
            kind,
            from: None,
            to: Some(Phase::InScreening),
            reason: None,
            duplicate_of: None,
            outcome: None,
            message: Some("Bericht aan de signaalgever".into()),
            note: Some("Interne notitie".into()),
            subject_name: Some("Collega Naam".into()),
            linked: None,
            carrier: None,
        }
    }

    /// Every reader × every kind of event: whose name they read, and the note.
    #[test]
    fn each_reader_reads_only_the_names_the_rule_allows() {
        let readers = [Reader::Processor, Reader::Reporter, Reader::DomainReader, Reader::Outsider];
        for reader in readers {
            let v = Visibility::for_reader(reader);
            for kind in EventKind::ALL {
                let Some(seen) = v.history_entry(entry(kind, "Echte Naam")) else {
                    assert!(kind.is_internal() && matches!(reader, Reader::Reporter | Reader::Outsider), "{reader:?} lost {kind:?}");
                    continue;
                };
                assert!(!kind.is_internal() || matches!(reader, Reader::Processor | Reader::DomainReader), "{reader:?} read {kind:?}");
                let expected = match (reader, kind) {
                    (Reader::Processor, _) => Some("Echte Naam"),
                    // Reporter-side events are the reporter's own.
                    (Reader::Reporter, k) if k.is_by_reporter() => Some("Echte Naam"),
                    (Reader::Reporter, EventKind::Sighted) => None,
                    (Reader::Reporter, _) => Some(PROCESSOR_ALIAS),
                    (Reader::DomainReader, k) if k.is_by_reporter() || k == EventKind::Sighted => None,
                    (Reader::DomainReader, _) => Some("Echte Naam"),
                    (Reader::Outsider, _) => None,
                };
                assert_eq!(seen.actor_name.as_deref(), expected, "{reader:?} reading {kind:?}");
                let reads_note = reader == Reader::Processor || (reader == Reader::DomainReader && kind == EventKind::Commented);
                assert_eq!(seen.note.is_some(), reads_note, "{reader:?} reading {kind:?}: note");
                let subject = match reader {
                    Reader::Processor | Reader::DomainReader => Some("Collega Naam"),
                    Reader::Reporter => Some(PROCESSOR_ALIAS),
                    Reader::Outsider => None,
                };
                assert_eq!(seen.subject_name.as_deref(), subject, "{reader:?} reading {kind:?}: subject");
                assert!(seen.message.is_some(), "the message to the signaalgever is public");
            }
        }
    }

    #[test]
    fn only_processors_and_the_reporter_know_who_reported() {
        for reader in [Reader::Processor, Reader::Reporter, Reader::DomainReader, Reader::Outsider] {
            let v = Visibility::for_reader(reader);
            assert_eq!(v.reporter, matches!(reader, Reader::Processor | Reader::Reporter), "{reader:?}");
            let sighting = Sighting {
                person: Some("Iemand".into()),
                organisation: Some("Een Organisatie".into()),
                sector: Some("caw".into()),
                note: "toelichting".into(),
                at: chrono::Utc::now(),
            };
            let seen = v.sighting(sighting);
            assert_eq!(seen.person.is_some(), reader == Reader::Processor, "{reader:?}: sighting names");
            assert_eq!(seen.organisation.is_some(), reader == Reader::Processor, "{reader:?}: sighting organisation");
            assert_eq!(seen.sector.as_deref(), Some("caw"), "{reader:?}: the sector is for all");
        }
    }

    #[test]
    fn a_persons_domains_belong_to_each_role() {
        use crate::domain::{MembershipId, PersonId, PolicyDomainId, Role, RoleDomain, SignalScope, TenantId};
        let (wonen, welzijn) = (PolicyDomainId(1), PolicyDomainId(2));
        let mixed = Membership {
            id: MembershipId(1),
            person: PersonId(1),
            tenant: TenantId(1),
            tenant_slug: "gent".into(),
            tenant_name: "Gent".into(),
            organisation: None,
            organisation_processes_own: false,
            organisation_territory_mandate: false,
            roles: vec![Role::Signaalverwerker, Role::Regisseur],
            domains: vec![RoleDomain::new(Role::Signaalverwerker, wonen), RoleDomain::new(Role::Regisseur, welzijn)],
        };
        let scope = |d| SignalScope { policy_domain: Some(d), organisation: None, reporter: Some(PersonId(9)) };
        assert_eq!(Reader::of(&mixed, PersonId(1), &scope(wonen)), Some(Reader::Processor));
        assert_eq!(Reader::of(&mixed, PersonId(1), &scope(welzijn)), Some(Reader::DomainReader));
        assert_eq!(Reader::of(&mixed, PersonId(1), &scope(PolicyDomainId(3))), None);
    }
}
