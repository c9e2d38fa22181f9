//! The board at scale: which signals a person's board holds (the rule of
//! `Membership::processes`, in a form the database can filter on), and how
//! far each column is opened ("Toon meer", through the URL).

use serde::{Deserialize, Serialize};

use super::{Actor, Membership, OrganisationId, PersonId, Phase, PolicyDomainId, Role, SignalId, SignalScope, SignalSummary, moves};

/// Cards a column shows at first, and how many more each "Toon meer" adds.
pub const BOARD_PAGE: i64 = 25;
/// The most cards one column shows, however the URL is written.
pub const BOARD_MAX: i64 = 1000;

/// The signals a person processes: everything (the hoofdsignaalverwerker, or
/// a signaalverwerker of an organisation with a mandate for the whole
/// territory), or those of their signaalverwerker domains, or of their
/// organisation's staff where that organisation processes its own signals.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcessedBy {
    pub everything: bool,
    pub domains: Vec<PolicyDomainId>,
    pub organisation: Option<OrganisationId>,
}

impl ProcessedBy {
    pub fn of(membership: &Membership) -> Self {
        if membership.has(Role::Hoofdsignaalverwerker) {
            return ProcessedBy { everything: true, ..ProcessedBy::default() };
        }
        if !membership.has(Role::Signaalverwerker) {
            return ProcessedBy::default();
        }
        if membership.organisation_territory_mandate && membership.organisation.is_some() {
            return ProcessedBy { everything: true, ..ProcessedBy::default() };
        }
        let domains = membership.domains.iter().filter(|d| d.role == Role::Signaalverwerker).map(|d| d.domain).collect();
        let organisation = membership.organisation.filter(|_| membership.organisation_processes_own);
        ProcessedBy { everything: false, domains, organisation }
    }

    /// The same rule in Rust, for tests and for one signal at a time.
    pub fn matches(&self, scope: &SignalScope) -> bool {
        self.everything
            || scope.policy_domain.is_some_and(|d| self.domains.contains(&d))
            || (self.organisation.is_some() && scope.organisation == self.organisation)
    }
}

/// One signal on the board, with what the board's person may do with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Card {
    pub signal: SignalSummary,
    /// The role the person works this signal in (None: they only read it).
    pub acting_as: Option<Role>,
    pub facts: CardFacts,
}

/// What a card tells beside the signal itself.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardFacts {
    /// Target-group codes (`vocabulary::TARGET_GROUPS`).
    pub target_groups: Vec<String>,
    /// How many organisations met it: the reporter's and those of sightings.
    pub organisations: u32,
    /// Their kinds (sectors), which anyone who reads the signal may see.
    pub sectors: Vec<String>,
    /// The colleague it is assigned to (boards are for processors, who may know).
    pub assignee: Option<String>,
}

impl Card {
    /// The columns this person may move the card to: the lifecycle's rules,
    /// the same in the browser as on the server (which checks them again).
    /// A card in a bundle moves with its bundle.
    pub fn targets(&self, person: PersonId) -> Vec<Phase> {
        let Some(role) = self.acting_as else { return Vec::new() };
        moves::offered_targets(&self.signal.state(), &Actor { person, role })
    }
}

/// A card as a stream's news brings it: gone (moved out of sight) when None.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardUpdate {
    pub id: SignalId,
    pub card: Option<Card>,
}

/// How many cards each column shows: `?{phase}=N` in the board's URL.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardPaging {
    shown: Vec<(Phase, i64)>,
}

impl Default for BoardPaging {
    fn default() -> Self {
        BoardPaging { shown: Phase::ALL.iter().map(|p| (*p, BOARD_PAGE)).collect() }
    }
}

impl BoardPaging {
    /// From the URL's query pairs; unknown names and bad numbers are ignored.
    pub fn from_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut paging = BoardPaging::default();
        for (name, value) in pairs {
            if let (Some(phase), Ok(n)) = (Phase::from_code(name), value.trim().parse::<i64>()) {
                paging.set(phase, n);
            }
        }
        paging
    }

    fn set(&mut self, phase: Phase, n: i64) {
        let n = n.clamp(BOARD_PAGE, BOARD_MAX);
        if let Some(entry) = self.shown.iter_mut().find(|(p, _)| *p == phase) {
            entry.1 = n;
        }
    }

    /// How many cards of this column to show.
    pub fn shown(&self, phase: Phase) -> i64 {
        self.shown.iter().find(|(p, _)| *p == phase).map(|(_, n)| *n).unwrap_or(BOARD_PAGE)
    }

    /// The query of the board with one more page of this column, keeping the
    /// other columns as they are (`?in_screening=50`, without the defaults).
    pub fn more(&self, phase: Phase) -> String {
        let mut next = self.clone();
        next.set(phase, self.shown(phase) + BOARD_PAGE);
        let pairs: Vec<String> = next.shown.iter().filter(|(_, n)| *n != BOARD_PAGE).map(|(p, n)| format!("{}={n}", p.code())).collect();
        if pairs.is_empty() { String::new() } else { format!("?{}", pairs.join("&")) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The filter the database applies is `Membership::processes`, for every
    /// kind of membership and signal.
    #[test]
    fn the_database_filter_is_the_processing_rule() {
        use crate::domain::{MembershipId, OrganisationId, PersonId, RoleDomain, TenantId};
        let scopes: Vec<SignalScope> = [None, Some(3), Some(4)]
            .into_iter()
            .flat_map(|d| [None, Some(8), Some(9)].map(|o| (d, o)))
            .map(|(d, o)| SignalScope { policy_domain: d.map(PolicyDomainId), organisation: o.map(OrganisationId), reporter: None })
            .collect();
        for roles in [vec![Role::Signaalverwerker], vec![Role::Hoofdsignaalverwerker], vec![Role::Regisseur], vec![Role::Signaalgever]] {
            for organisation in [None, Some(8)] {
                for (own, territory) in [(false, false), (true, false), (false, true)] {
                    for domains in [vec![], vec![3]] {
                        let m = Membership {
                            id: MembershipId(1),
                            person: PersonId(1),
                            tenant: TenantId(1),
                            tenant_slug: "gent".into(),
                            tenant_name: "Gent".into(),
                            organisation: organisation.map(OrganisationId),
                            organisation_processes_own: own,
                            organisation_territory_mandate: territory,
                            roles: roles.clone(),
                            domains: domains.iter().map(|d| RoleDomain::new(roles[0], PolicyDomainId(*d))).collect(),
                        };
                        for scope in &scopes {
                            assert_eq!(ProcessedBy::of(&m).matches(scope), m.processes(scope), "{m:?} {scope:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn each_column_opens_a_page_further_and_keeps_the_others() {
        let paging = BoardPaging::default();
        assert_eq!(paging.shown(Phase::Submitted), BOARD_PAGE);
        assert_eq!(paging.more(Phase::Submitted), "?submitted=50");
        let paging = BoardPaging::from_query([("submitted", "50"), ("in_screening", "x"), ("onbekend", "3"), ("closed", "99999")]);
        assert_eq!(paging.shown(Phase::Submitted), 50);
        assert_eq!(paging.shown(Phase::InScreening), BOARD_PAGE);
        assert_eq!(paging.shown(Phase::Closed), BOARD_MAX);
        assert_eq!(paging.more(Phase::InScreening), "?submitted=50&in_screening=50&closed=1000");
        // Never fewer than one page.
        assert_eq!(BoardPaging::from_query([("retained", "-4")]).shown(Phase::Retained), BOARD_PAGE);
    }
}
