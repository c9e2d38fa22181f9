//! Bundles: the same problem, seen by several organisations, grouped so it
//! reaches policy as one. A bundle has its own phase and all its signals
//! share it. These pure rules decide every step (make, edit, add a signal,
//! split one out, merge, move); the server applies the result in one
//! transaction, with an event in the history of the bundle and of every
//! signal it touches.

use serde::{Deserialize, Serialize};

use super::lifecycle::{Actor, ChangeKind, Refusal, SignalState, Transition, transition_bundle};
use super::moves::{MoveDetails, change_for_move};
mod view;

pub use view::*;

use super::{BundleId, EventDraft, EventKind, Membership, Phase, PolicyDomainId, Role};

pub const MAX_TITLE_CHARS: usize = 120;
/// Problem definitions and analyses are long texts (Markdown).
pub const MAX_TEXT_CHARS: usize = 20_000;

/// What the rules need to know about a bundle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleState {
    pub id: BundleId,
    pub phase: Phase,
    pub lead_domain: Option<PolicyDomainId>,
    /// Set once it went into another bundle: it then takes no more steps.
    pub merged_into: Option<BundleId>,
}

/// Does this person lead a bundle with this lead domain (edit and move it)?
/// The hoofdsignaalverwerker and the signaalverwerkers of the lead domain;
/// processors of its other signals see it and comment.
pub fn leads(membership: &Membership, lead_domain: Option<PolicyDomainId>) -> bool {
    membership.has(Role::Hoofdsignaalverwerker) || lead_domain.is_some_and(|d| membership.holds(Role::Signaalverwerker, d))
}

/// What a person writes on a bundle.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleText {
    pub title: String,
    pub problem: String,
    pub analysis: String,
    pub lead_domain: Option<PolicyDomainId>,
    /// The person confirmed that what the privacy guard flags in these
    /// texts is no personal data (a service's own phone number, say).
    pub confirmed: bool,
}

impl BundleText {
    /// The text as it is stored: trimmed, and within its limits.
    pub fn checked(&self) -> Result<BundleText, Refusal> {
        let title = self.title.trim();
        if title.is_empty() {
            return Err(Refusal::TitleRequired);
        }
        if title.chars().count() > MAX_TITLE_CHARS {
            return Err(Refusal::BundleTextTooLong);
        }
        if [&self.problem, &self.analysis].iter().any(|t| t.chars().count() > MAX_TEXT_CHARS) {
            return Err(Refusal::BundleTextTooLong);
        }
        // The privacy guard reads analyses too: personal data that slipped in
        // is refused until rewritten, or confirmed as none.
        if !self.confirmed
            && let Some(found) = [title, &self.problem, &self.analysis].iter().flat_map(|t| super::privacy::scan(t)).next()
        {
            return Err(Refusal::PersonalData { passage: found.text, kind: found.kind });
        }
        Ok(BundleText {
            title: title.to_string(),
            problem: self.problem.trim().to_string(),
            analysis: self.analysis.trim().to_string(),
            lead_domain: self.lead_domain,
            confirmed: self.confirmed,
        })
    }
}

/// Phases in which a bundle takes signals: not once it is closed.
const fn takes_signals(phase: Phase) -> bool {
    matches!(phase, Phase::Bundled | Phase::Analysed | Phase::Scheduled | Phase::InAction)
}

/// Every step needs a bundle still of its own, and a caller who leads it.
fn may_change(bundle: &BundleState, leads: bool) -> Result<(), Refusal> {
    if bundle.merged_into.is_some() {
        return Err(Refusal::BundleMerged);
    }
    if !leads {
        return Err(Refusal::NotBundleLead);
    }
    Ok(())
}

fn processor(actor: &Actor) -> Result<(), Refusal> {
    if actor.role.processes_signals() { Ok(()) } else { Err(Refusal::RoleMayNot { role: actor.role, change: ChangeKind::AddToBundle }) }
}

fn event(kind: EventKind, from: Phase, to: Phase, note: Option<String>) -> EventDraft {
    EventDraft { kind, from: Some(from), to: Some(to), ..EventDraft::note(kind, None, note) }
}

/// A Weerhouden signal joins the bundle and takes its phase (one event).
pub fn join(bundle: &BundleState, signal: &SignalState, leads: bool, actor: &Actor) -> Result<Transition, Refusal> {
    may_change(bundle, leads)?;
    processor(actor)?;
    if signal.bundle == Some(bundle.id) {
        return Err(Refusal::AlreadyInBundle);
    }
    if signal.bundle.is_some() {
        return Err(Refusal::InOtherBundle);
    }
    if signal.phase != Phase::Retained {
        return Err(Refusal::NotRetainedYet { phase: signal.phase });
    }
    if !takes_signals(bundle.phase) {
        return Err(Refusal::BundleClosed);
    }
    Ok(Transition {
        signal: signal.id,
        to: bundle.phase,
        bundle: Some(bundle.id),
        event: event(EventKind::JoinedBundle, signal.phase, bundle.phase, None),
    })
}

/// May these signals make a new bundle? Each must be able to join it.
pub fn check_new(signals: &[SignalState], leads: bool, actor: &Actor) -> Result<(), Refusal> {
    if signals.is_empty() {
        return Err(Refusal::NoSignals);
    }
    let new = BundleState { id: BundleId(0), phase: Phase::Bundled, lead_domain: None, merged_into: None };
    signals.iter().try_for_each(|s| join(&new, s, leads, actor).map(|_| ()))
}

/// A signal split out of the bundle goes back to Weerhouden if the bundle
/// is Gebundeld, and otherwise keeps the bundle's phase on its own.
pub fn split(
    bundle: &BundleState,
    signal: &SignalState,
    left_after: usize,
    leads: bool,
    actor: &Actor,
    note: &str,
) -> Result<Transition, Refusal> {
    may_change(bundle, leads)?;
    processor(actor)?;
    if signal.bundle != Some(bundle.id) {
        return Err(Refusal::NotInBundle);
    }
    if left_after == 0 {
        return Err(Refusal::LastSignal);
    }
    let to = if bundle.phase == Phase::Bundled { Phase::Retained } else { bundle.phase };
    let note = optional(note)?;
    Ok(Transition { signal: signal.id, to, bundle: None, event: event(EventKind::LeftBundle, signal.phase, to, note) })
}

/// Merging keeps the target's phase; the other bundle's signals take it
/// (one event each). Neither may be closed: reopen it first.
pub fn merge(
    target: &BundleState,
    other: &BundleState,
    others: &[SignalState],
    leads_both: bool,
    actor: &Actor,
) -> Result<Vec<Transition>, Refusal> {
    may_change(target, leads_both)?;
    may_change(other, leads_both)?;
    processor(actor)?;
    if target.id == other.id {
        return Err(Refusal::MergeWithItself);
    }
    if !takes_signals(target.phase) || !takes_signals(other.phase) {
        return Err(Refusal::BundleClosed);
    }
    others
        .iter()
        .map(|s| {
            if s.bundle != Some(other.id) {
                return Err(Refusal::NotInBundle);
            }
            Ok(Transition {
                signal: s.id,
                to: target.phase,
                bundle: Some(target.id),
                event: event(EventKind::JoinedBundle, s.phase, target.phase, None),
            })
        })
        .collect()
}

/// Move the whole bundle: each signal moves with it, one event each, or
/// none does. Back to Weerhouden is splitting its signals out, one by one.
pub fn move_to(
    bundle: &BundleState,
    signals: &[SignalState],
    to: Phase,
    details: MoveDetails,
    leads: bool,
    actor: &Actor,
) -> Result<Vec<Transition>, Refusal> {
    may_change(bundle, leads)?;
    if to == Phase::Retained && bundle.phase == Phase::Bundled {
        return Err(Refusal::SplitInstead);
    }
    let (message, note) = (details.message.clone(), details.note.clone());
    let change = change_for_move(bundle.phase, to, details)?;
    transition_bundle(bundle.id, signals, &change, actor)?.into_iter().map(|t| t.with_remarks(&message, &note)).collect()
}

fn optional(text: &str) -> Result<Option<String>, Refusal> {
    let text = text.trim();
    if text.chars().count() > super::lifecycle::MAX_NOTE_CHARS {
        return Err(Refusal::TextTooLong);
    }
    Ok((!text.is_empty()).then(|| text.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{NotRetainedReason, Outcome, PersonId, SignalId};

    const ROLES: [Role; 4] = [Role::Signaalgever, Role::Signaalverwerker, Role::Hoofdsignaalverwerker, Role::Regisseur];

    fn bundle(phase: Phase) -> BundleState {
        BundleState { id: BundleId(1), phase, lead_domain: Some(PolicyDomainId(3)), merged_into: None }
    }

    fn signal(id: i64, phase: Phase, bundle: Option<i64>) -> SignalState {
        SignalState { id: SignalId(id), phase, reporter: Some(PersonId(99)), bundle: bundle.map(BundleId) }
    }

    fn actor(role: Role) -> Actor {
        Actor { person: PersonId(7), role }
    }

    fn filled() -> MoveDetails {
        MoveDetails {
            reason: Some(NotRetainedReason::Klacht),
            outcome: Some(Outcome::Opgelost),
            message: "Wat er beslist werd.".into(),
            note: "Waarom.".into(),
            meeting: Some(crate::domain::MeetingId(1)),
            campaign: Some(crate::domain::CampaignId(1)),
            ..Default::default()
        }
    }

    /// Every bundle phase × every step × every role, led or not: a step is
    /// taken only by a processor who leads the bundle, and afterwards every
    /// signal still in a bundle has that bundle's phase.
    #[test]
    fn every_step_in_every_phase_for_every_role() {
        for phase in Phase::ALL.into_iter().filter(|p| p.is_bundled_stage()) {
            let b = bundle(phase);
            let inside = [signal(10, phase, Some(1)), signal(11, phase, Some(1))];
            for role in ROLES {
                for leads in [false, true] {
                    let a = actor(role);
                    let may = leads && role.processes_signals();
                    // Joining: only a Weerhouden signal, only while the bundle takes signals.
                    for from in Phase::ALL {
                        let joined = join(&b, &signal(20, from, None), leads, &a);
                        let expected = may && from == Phase::Retained && phase != Phase::Closed;
                        assert_eq!(joined.is_ok(), expected, "join {from:?} into {phase:?} as {role:?} (leads {leads}): {joined:?}");
                        if let Ok(t) = joined {
                            assert_eq!((t.to, t.bundle, t.event.kind), (phase, Some(b.id), EventKind::JoinedBundle));
                        }
                    }
                    // Splitting out: back to Weerhouden from Gebundeld, else the bundle's phase.
                    let split_out = split(&b, &inside[0], 1, leads, &a, "");
                    assert_eq!(split_out.is_ok(), may, "split from {phase:?} as {role:?} (leads {leads})");
                    if let Ok(t) = split_out {
                        assert_eq!(t.to, if phase == Phase::Bundled { Phase::Retained } else { phase });
                        assert_eq!(t.bundle, None);
                    }
                    // Merging: the other's signals take the target's phase; nothing closed.
                    for other_phase in Phase::ALL.into_iter().filter(|p| p.is_bundled_stage()) {
                        let other = BundleState { id: BundleId(2), ..bundle(other_phase) };
                        let others = [signal(30, other_phase, Some(2))];
                        let merged = merge(&b, &other, &others, leads, &a);
                        let expected = may && phase != Phase::Closed && other_phase != Phase::Closed;
                        assert_eq!(merged.is_ok(), expected, "merge {other_phase:?} into {phase:?} as {role:?} (leads {leads})");
                        for t in merged.unwrap_or_default() {
                            assert_eq!((t.to, t.bundle), (phase, Some(b.id)));
                        }
                    }
                    // Moving: every signal moves with the bundle, to the same phase.
                    for to in Phase::ALL {
                        if let Ok(ts) = move_to(&b, &inside, to, filled(), leads, &a) {
                            assert!(leads && role.processes_signals(), "a bundle moved by {role:?}, leads {leads}");
                            assert_eq!(ts.len(), inside.len());
                            assert!(ts.iter().all(|t| t.to == to && t.bundle == Some(b.id)), "{phase:?} -> {to:?}: {ts:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn the_lead_domains_processors_and_the_coordinator_move_a_bundle_along_the_main_path() {
        let inside = [signal(10, Phase::Bundled, Some(1))];
        let steps = [
            (Phase::Bundled, Phase::Analysed),
            (Phase::Analysed, Phase::Scheduled),
            (Phase::Scheduled, Phase::InAction),
            (Phase::InAction, Phase::Closed),
        ];
        for (from, to) in steps {
            let signals = inside.map(|s| SignalState { phase: from, ..s });
            for role in [Role::Signaalverwerker, Role::Hoofdsignaalverwerker] {
                assert!(move_to(&bundle(from), &signals, to, filled(), true, &actor(role)).is_ok(), "{from:?} -> {to:?} as {role:?}");
            }
        }
        // Reopening a closed bundle stays with the hoofdsignaalverwerker.
        let closed = inside.map(|s| SignalState { phase: Phase::Closed, ..s });
        assert!(move_to(&bundle(Phase::Closed), &closed, Phase::InAction, filled(), true, &actor(Role::Hoofdsignaalverwerker)).is_ok());
        assert!(matches!(
            move_to(&bundle(Phase::Closed), &closed, Phase::InAction, filled(), true, &actor(Role::Signaalverwerker)),
            Err(Refusal::RoleMayNot { .. })
        ));
        // Closing asks for an outcome and a message.
        let scheduled = inside.map(|s| SignalState { phase: Phase::Scheduled, ..s });
        let no_outcome = MoveDetails { outcome: None, ..filled() };
        assert_eq!(
            move_to(&bundle(Phase::Scheduled), &scheduled, Phase::Closed, no_outcome, true, &actor(Role::Signaalverwerker)),
            Err(Refusal::OutcomeRequired)
        );
    }

    #[test]
    fn refusals_say_what_is_wrong() {
        let a = actor(Role::Signaalverwerker);
        let b = bundle(Phase::Bundled);
        assert_eq!(join(&b, &signal(5, Phase::Retained, Some(1)), true, &a), Err(Refusal::AlreadyInBundle));
        assert_eq!(join(&b, &signal(5, Phase::Retained, Some(4)), true, &a), Err(Refusal::InOtherBundle));
        assert_eq!(join(&b, &signal(5, Phase::InScreening, None), true, &a), Err(Refusal::NotRetainedYet { phase: Phase::InScreening }));
        assert_eq!(join(&bundle(Phase::Closed), &signal(5, Phase::Retained, None), true, &a), Err(Refusal::BundleClosed));
        assert_eq!(join(&b, &signal(5, Phase::Retained, None), false, &a), Err(Refusal::NotBundleLead));
        assert_eq!(split(&b, &signal(5, Phase::Bundled, Some(1)), 0, true, &a, ""), Err(Refusal::LastSignal));
        assert_eq!(split(&b, &signal(5, Phase::Bundled, Some(2)), 1, true, &a, ""), Err(Refusal::NotInBundle));
        assert_eq!(merge(&b, &b, &[], true, &a), Err(Refusal::MergeWithItself));
        assert_eq!(move_to(&b, &[signal(5, Phase::Bundled, Some(1))], Phase::Retained, filled(), true, &a), Err(Refusal::SplitInstead));
        let merged = BundleState { merged_into: Some(BundleId(8)), ..b };
        assert_eq!(join(&merged, &signal(5, Phase::Retained, None), true, &a), Err(Refusal::BundleMerged));
        assert_eq!(check_new(&[], true, &a), Err(Refusal::NoSignals));
        assert!(check_new(&[signal(5, Phase::Retained, None), signal(6, Phase::Retained, None)], true, &a).is_ok());
        for refusal in [Refusal::NotBundleLead, Refusal::BundleClosed, Refusal::LastSignal, Refusal::SplitInstead, Refusal::TitleRequired] {
            assert!(refusal.message().ends_with('.'), "{refusal:?}");
        }
    }

    #[test]
    fn a_bundle_text_needs_a_title_and_stays_within_its_limits() {
        let text = BundleText { title: "  Wachtlijsten  ".into(), problem: " Probleem ".into(), ..Default::default() };
        assert_eq!(text.checked().map(|t| (t.title, t.problem)), Ok(("Wachtlijsten".into(), "Probleem".into())));
        assert_eq!(BundleText::default().checked(), Err(Refusal::TitleRequired));
        let long = BundleText { title: "x".into(), analysis: "a".repeat(MAX_TEXT_CHARS + 1), ..Default::default() };
        assert_eq!(long.checked(), Err(Refusal::BundleTextTooLong));
        // The privacy guard reads the analysis; a confirmation lets it pass.
        let slipped = BundleText { title: "Wachtlijst".into(), analysis: "Bel het onthaal op 09 210 10 10.".into(), ..Default::default() };
        assert!(matches!(slipped.checked(), Err(Refusal::PersonalData { ref passage, .. }) if passage == "09 210 10 10"));
        assert!(BundleText { confirmed: true, ..slipped }.checked().is_ok());
    }

    #[test]
    fn who_leads_a_bundle() {
        use crate::domain::{MembershipId, RoleDomain, TenantId};
        let member = |roles: Vec<Role>, domains: Vec<RoleDomain>| Membership {
            id: MembershipId(1),
            person: PersonId(7),
            tenant: TenantId(1),
            tenant_slug: "gent".into(),
            tenant_name: "Gent".into(),
            organisation: None,
            organisation_processes_own: false,
            organisation_territory_mandate: false,
            roles,
            domains,
        };
        let lead = Some(PolicyDomainId(3));
        assert!(leads(&member(vec![Role::Hoofdsignaalverwerker], vec![]), lead));
        assert!(leads(&member(vec![Role::Signaalverwerker], vec![RoleDomain::new(Role::Signaalverwerker, PolicyDomainId(3))]), lead));
        assert!(!leads(&member(vec![Role::Signaalverwerker], vec![RoleDomain::new(Role::Signaalverwerker, PolicyDomainId(4))]), lead));
        assert!(!leads(&member(vec![Role::Regisseur], vec![RoleDomain::new(Role::Regisseur, PolicyDomainId(3))]), lead));
        assert!(!leads(&member(vec![Role::Signaalverwerker], vec![RoleDomain::new(Role::Signaalverwerker, PolicyDomainId(3))]), None));
    }
}
