//! Reports for officials: the dashboard's figures, the signalenbundel
//! publication and the public page. Pure types and rules; the storage
//! counts, the pages show, the exports and the PDF write what is here.

pub mod figures;
pub mod lines;
pub mod period;
pub mod publication;
pub mod spans;
pub mod tally;
pub mod targets;

pub use figures::{Cell, Chart, Dashboard, Row, Table};
pub use lines::SignalLine;
pub use period::{Period, PeriodChoice, ReportFilter};

use crate::domain::{Membership, PolicyDomainId, Role};

/// What the dashboard page shows: the figures, and the choices of its filters.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DashboardPage {
    pub dashboard: Dashboard,
    pub filter: ReportFilter,
    /// The domains the reader may filter on.
    pub domains: Vec<(PolicyDomainId, String)>,
    /// Why the chosen dates make no period (the default period is shown instead).
    pub period_error: Option<String>,
}

/// What one reader's dashboard covers (domain README, "Who may do what"):
/// the hoofdsignaalverwerker and mandatarissen the whole tenant, a
/// regisseur its own domains. Small numbers are hidden for whoever may not
/// read the signals behind them: a mandataris, unless the chosen domain is
/// one it also steers as regisseur.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportScope {
    /// `None`: every domain (and signals without one).
    pub domains: Option<Vec<PolicyDomainId>>,
    pub protected: bool,
}

impl ReportScope {
    /// The scope of `membership` with `chosen` as the domain filter; `None`
    /// when it may not read reports at all.
    pub fn of(membership: &Membership, chosen: Option<PolicyDomainId>) -> Option<ReportScope> {
        let steered: Vec<PolicyDomainId> =
            membership.domains.iter().filter(|d| d.role == Role::Regisseur && membership.has(Role::Regisseur)).map(|d| d.domain).collect();
        if membership.has(Role::Hoofdsignaalverwerker) {
            return Some(ReportScope { domains: chosen.map(|d| vec![d]), protected: false });
        }
        if membership.has(Role::Mandataris) {
            let protected = !chosen.is_some_and(|d| steered.contains(&d));
            return Some(ReportScope { domains: chosen.map(|d| vec![d]), protected });
        }
        if membership.has(Role::Regisseur) {
            let domains = match chosen {
                Some(d) if steered.contains(&d) => vec![d],
                _ => steered,
            };
            return Some(ReportScope { domains: Some(domains), protected: false });
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{MembershipId, PersonId, RoleDomain, TenantId};

    fn member(roles: &[Role], domains: &[RoleDomain]) -> Membership {
        Membership {
            id: MembershipId(1),
            person: PersonId(1),
            tenant: TenantId(1),
            tenant_slug: "gent".into(),
            tenant_name: "Gent".into(),
            organisation: None,
            organisation_processes_own: false,
            organisation_territory_mandate: false,
            roles: roles.to_vec(),
            domains: domains.to_vec(),
        }
    }

    #[test]
    fn each_reader_sees_its_part() {
        let wonen = PolicyDomainId(7);
        let zorg = PolicyDomainId(8);
        let coordinator = member(&[Role::Hoofdsignaalverwerker], &[]);
        assert_eq!(ReportScope::of(&coordinator, None), Some(ReportScope { domains: None, protected: false }));
        let mandataris = member(&[Role::Mandataris], &[]);
        assert_eq!(ReportScope::of(&mandataris, Some(wonen)), Some(ReportScope { domains: Some(vec![wonen]), protected: true }));
        let regisseur = member(&[Role::Regisseur], &[RoleDomain::new(Role::Regisseur, wonen)]);
        assert_eq!(ReportScope::of(&regisseur, None), Some(ReportScope { domains: Some(vec![wonen]), protected: false }));
        assert_eq!(ReportScope::of(&regisseur, Some(zorg)), Some(ReportScope { domains: Some(vec![wonen]), protected: false }));
        let both = member(&[Role::Mandataris, Role::Regisseur], &[RoleDomain::new(Role::Regisseur, wonen)]);
        assert!(!ReportScope::of(&both, Some(wonen)).unwrap().protected);
        assert!(ReportScope::of(&both, None).unwrap().protected);
        assert_eq!(ReportScope::of(&member(&[Role::Signaalverwerker], &[]), None), None);
        assert_eq!(ReportScope::of(&member(&[Role::Signaalgever], &[]), None), None);
    }
}
