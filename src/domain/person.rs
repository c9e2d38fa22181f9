//! People, their memberships in tenants, and what a membership lets them do.

use serde::{Deserialize, Serialize};

use super::{MembershipId, OrganisationId, PersonId, PolicyDomainId, Role, RoleDomain, SignalScope, TenantId};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: PersonId,
    pub email: String,
    pub name: String,
    pub platform_admin: bool,
    pub active: bool,
}

/// A person's place in one tenant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Membership {
    pub id: MembershipId,
    pub person: PersonId,
    pub tenant: TenantId,
    pub tenant_slug: String,
    pub tenant_name: String,
    pub organisation: Option<OrganisationId>,
    /// The organisation may process its own staff's signals in this tenant.
    pub organisation_processes_own: bool,
    pub roles: Vec<Role>,
    /// Policy domains, each held in one role.
    pub domains: Vec<RoleDomain>,
}

impl Membership {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// Does this person hold `domain` in `role` (and hold that role)?
    pub fn holds(&self, role: Role, domain: PolicyDomainId) -> bool {
        self.has(role) && self.domains.contains(&RoleDomain::new(role, domain))
    }

    /// Does this person process this signal (and so see it on the board)?
    pub fn processes(&self, scope: &SignalScope) -> bool {
        if self.has(Role::Hoofdsignaalverwerker) {
            return true;
        }
        if !self.has(Role::Signaalverwerker) {
            return false;
        }
        let by_domain = scope.policy_domain.is_some_and(|d| self.holds(Role::Signaalverwerker, d));
        let by_organisation = self.organisation_processes_own && self.organisation.is_some() && scope.organisation == self.organisation;
        by_domain || by_organisation
    }

    /// Is this person a regisseur of this signal's policy domain?
    pub fn steers(&self, scope: &SignalScope) -> bool {
        scope.policy_domain.is_some_and(|d| self.holds(Role::Regisseur, d))
    }

    /// The role this person works this signal in, for the lifecycle rules:
    /// none unless they process it (a reporter or regisseur only reads it).
    pub fn acting_role(&self, scope: &SignalScope) -> Option<Role> {
        if self.has(Role::Hoofdsignaalverwerker) {
            Some(Role::Hoofdsignaalverwerker)
        } else if self.processes(scope) {
            Some(Role::Signaalverwerker)
        } else {
            None
        }
    }
}
