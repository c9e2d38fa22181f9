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
    /// The organisation has a mandate for the whole territory: its
    /// signaalverwerkers process every signal of the tenant.
    pub organisation_territory_mandate: bool,
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
        let by_territory = self.organisation_territory_mandate && self.organisation.is_some();
        by_domain || by_organisation || by_territory
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

#[cfg(test)]
mod tests {
    use super::*;

    fn verwerker(organisation: Option<i64>, processes_own: bool, territory: bool, domains: &[i64]) -> Membership {
        Membership {
            id: MembershipId(1),
            person: PersonId(1),
            tenant: TenantId(1),
            tenant_slug: "gent".into(),
            tenant_name: "Gent".into(),
            organisation: organisation.map(OrganisationId),
            organisation_processes_own: processes_own,
            organisation_territory_mandate: territory,
            roles: vec![Role::Signaalverwerker],
            domains: domains.iter().map(|d| RoleDomain::new(Role::Signaalverwerker, PolicyDomainId(*d))).collect(),
        }
    }

    /// A signal is processed by the processors of its policy domain, of its
    /// organisation where that organisation processes its own signals, and
    /// of an organisation with a mandate for the whole territory.
    #[test]
    fn who_processes_a_signal() {
        let scope = SignalScope { policy_domain: Some(PolicyDomainId(3)), organisation: Some(OrganisationId(8)), reporter: None };
        assert!(verwerker(None, false, false, &[3]).processes(&scope), "its policy domain");
        assert!(!verwerker(None, false, false, &[4]).processes(&scope), "another policy domain");
        assert!(verwerker(Some(8), true, false, &[]).processes(&scope), "its own organisation, processing its own");
        assert!(!verwerker(Some(8), false, false, &[]).processes(&scope), "its organisation, not processing its own");
        assert!(!verwerker(Some(9), true, false, &[]).processes(&scope), "another organisation");
        assert!(verwerker(Some(9), false, true, &[]).processes(&scope), "a mandate for the whole territory");
        assert!(!verwerker(None, false, true, &[]).processes(&scope), "a mandate needs an organisation");
        let mut regisseur = verwerker(Some(9), false, true, &[3]);
        regisseur.roles = vec![Role::Regisseur];
        assert!(!regisseur.processes(&scope), "only signaalverwerkers process");
    }
}
