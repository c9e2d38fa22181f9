//! Roles a person holds in a tenant (domain README, "Who may do what").

use serde::{Deserialize, Serialize};

use super::PolicyDomainId;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Signaalgever,
    Signaalverwerker,
    Hoofdsignaalverwerker,
    Regisseur,
    Mandataris,
    /// Platform-wide: creates tenants, never sees signal content.
    PlatformBeheerder,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Signaalgever,
        Role::Signaalverwerker,
        Role::Hoofdsignaalverwerker,
        Role::Regisseur,
        Role::Mandataris,
        Role::PlatformBeheerder,
    ];

    /// The roles held inside one tenant (the platform role is not one of them).
    pub const TENANT_ROLES: [Role; 5] =
        [Role::Signaalgever, Role::Signaalverwerker, Role::Hoofdsignaalverwerker, Role::Regisseur, Role::Mandataris];

    /// Stable code: stored in the database and typed on the command line.
    pub const fn code(self) -> &'static str {
        match self {
            Role::Signaalgever => "signaalgever",
            Role::Signaalverwerker => "signaalverwerker",
            Role::Hoofdsignaalverwerker => "hoofdsignaalverwerker",
            Role::Regisseur => "regisseur",
            Role::Mandataris => "mandataris",
            Role::PlatformBeheerder => "platformbeheerder",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }

    pub const fn label(self) -> &'static str {
        match self {
            Role::Signaalgever => "Signaalgever",
            Role::Signaalverwerker => "Signaalverwerker",
            Role::Hoofdsignaalverwerker => "Hoofdsignaalverwerker",
            Role::Regisseur => "Regisseur",
            Role::Mandataris => "Mandataris",
            Role::PlatformBeheerder => "Platformbeheerder",
        }
    }

    /// Roles that hold policy domains of their own: a signaalverwerker
    /// processes its domains, a regisseur steers its domains.
    pub const fn holds_domains(self) -> bool {
        matches!(self, Role::Signaalverwerker | Role::Regisseur)
    }

    /// May this role work signals through their phases?
    pub const fn processes_signals(self) -> bool {
        matches!(self, Role::Signaalverwerker | Role::Hoofdsignaalverwerker)
    }
}

/// A policy domain held in one role. A person's policy domains belong to
/// each role they hold: signaalverwerker for wonen and regisseur for welzijn
/// processes wonen and steers welzijn, never the other way round.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct RoleDomain {
    pub role: Role,
    pub domain: PolicyDomainId,
}

impl RoleDomain {
    pub fn new(role: Role, domain: PolicyDomainId) -> Self {
        RoleDomain { role, domain }
    }

    /// Each domain in `domains`, held in `role`.
    pub fn all(role: Role, domains: &[PolicyDomainId]) -> Vec<RoleDomain> {
        domains.iter().map(|d| RoleDomain::new(role, *d)).collect()
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}
