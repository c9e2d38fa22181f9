//! People, invitations and requests for invitations.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::api::TenantHeader;
use crate::domain::{Invitation, InvitationRequest, InvitationStatus, Member, Organisation, PersonId, PolicyDomain};
use crate::error::AppError;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeoplePage {
    pub tenant: TenantHeader,
    pub me: PersonId,
    pub members: Vec<Member>,
    pub invitations: Vec<InvitationLine>,
    pub requests: Vec<InvitationRequest>,
    pub organisations: Vec<Organisation>,
    pub policy_domains: Vec<PolicyDomain>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationLine {
    pub invitation: Invitation,
    pub status: InvitationStatus,
    pub organisation: Option<String>,
    pub now: DateTime<Utc>,
}

#[server(endpoint = "beheer-mensen")]
pub async fn load_people(tenant: String) -> Result<PeoplePage, AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "beheer-mensen", &tenant).await?;
        let mut tx = state.store.read().await?;
        let id = caller.tenant.id;
        let organisations = tx.organisations(id).await?;
        let now = Utc::now();
        let invitations = tx
            .invitations(id)
            .await?
            .into_iter()
            .map(|invitation| InvitationLine {
                status: invitation.status(now),
                organisation: organisations.iter().find(|o| Some(o.id) == invitation.organisation).map(|o| o.name.clone()),
                invitation,
                now,
            })
            .collect();
        Ok(PeoplePage {
            tenant: (&caller.tenant).into(),
            me: caller.person.id,
            members: tx.members(id).await?,
            invitations,
            requests: tx.invitation_requests(id).await?,
            policy_domains: tx.policy_domains(id).await?,
            organisations,
        })
    })
    .await
}

#[server(endpoint = "uitnodigen")]
pub async fn invite(
    tenant: String,
    email: String,
    name: String,
    role: String,
    organisation: Option<String>,
    policy_domains: Option<Vec<i64>>,
) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::domain::{OrganisationId, PolicyDomainId};
        use crate::server::{app_state, auth};
        use crate::usecases::invitations::{InviteForm, invite};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "uitnodigen", &tenant).await?;
        let organisation = organisation
            .filter(|o| !o.is_empty())
            .map(|o| o.parse().map(OrganisationId).map_err(|_| AppError::Invalid("Kies een organisatie uit de lijst.".into())))
            .transpose()?;
        let form = InviteForm {
            email,
            name,
            role,
            organisation,
            policy_domains: policy_domains.unwrap_or_default().into_iter().map(PolicyDomainId).collect(),
        };
        let invitation = invite(state.store.as_ref(), &caller, &form, &state.config.public_url, Utc::now()).await?;
        let message = format!("Uitnodiging verstuurd naar {}.", invitation.email);
        auth::set_feedback(crate::api::feedback::Feedback::success(message)).await
    })
    .await
}

#[server(endpoint = "uitnodiging-opnieuw")]
pub async fn resend_invitation(tenant: String, id: i64) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "uitnodiging-opnieuw", &tenant).await?;
        crate::usecases::invitations::resend(state.store.as_ref(), &caller, id, &state.config.public_url, Utc::now()).await
    })
    .await
}

#[server(endpoint = "uitnodiging-intrekken")]
pub async fn revoke_invitation(tenant: String, id: i64) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "uitnodiging-intrekken", &tenant).await?;
        crate::usecases::invitations::revoke(state.store.as_ref(), &caller, id, Utc::now()).await
    })
    .await
}

/// Handle a request for an invitation: invite the person (as signaalgever of
/// the requesting organisation), or set it aside.
#[server(endpoint = "uitnodigingsvraag-afhandelen")]
pub async fn handle_request(tenant: String, id: i64, invite: Option<String>) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::domain::Role;
        use crate::server::{app_state, auth};
        use crate::usecases::invitations::InviteForm;
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "uitnodigingsvraag-afhandelen", &tenant).await?;
        let now = Utc::now();
        let request = {
            let mut tx = state.store.read().await?;
            tx.invitation_requests(caller.tenant.id).await?.into_iter().find(|r| r.id == id).ok_or(AppError::NotFound)?
        };
        if super::checked(&invite) {
            let form = InviteForm {
                email: request.email.clone(),
                name: request.name.clone(),
                role: Role::Signaalgever.code().into(),
                organisation: Some(request.organisation_id),
                policy_domains: vec![],
            };
            crate::usecases::invitations::invite(state.store.as_ref(), &caller, &form, &state.config.public_url, now).await?;
        }
        let mut tx = state.store.write().await?;
        tx.handle_invitation_request(caller.tenant.id, id, now).await?;
        tx.audit(
            &crate::domain::NewAudit {
                tenant: Some(caller.tenant.id),
                person: Some(caller.person.id),
                action: "uitnodigingsvraag-afgehandeld",
                object_type: "uitnodigingsvraag",
                object_id: id.to_string(),
                detail: request.email,
                ip: caller.ip.clone(),
            },
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    })
    .await
}

#[server(endpoint = "rollen-wijzigen")]
pub async fn change_roles(
    tenant: String,
    person: i64,
    roles: Option<Vec<String>>,
    processor_domains: Option<Vec<i64>>,
    regisseur_domains: Option<Vec<i64>>,
) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::domain::{PolicyDomainId, Role, RoleDomain};
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "rollen-wijzigen", &tenant).await?;
        let roles: Vec<Role> = roles.unwrap_or_default().iter().filter_map(|r| Role::from_code(r)).collect();
        let held =
            |role: Role, ids: Option<Vec<i64>>| ids.unwrap_or_default().into_iter().map(move |d| RoleDomain::new(role, PolicyDomainId(d)));
        let domains: Vec<RoleDomain> =
            held(Role::Signaalverwerker, processor_domains).chain(held(Role::Regisseur, regisseur_domains)).collect();
        crate::usecases::admin::change_roles(state.store.as_ref(), &caller, PersonId(person), &roles, &domains, Utc::now()).await
    })
    .await
}

#[server(endpoint = "persoon-activeren")]
pub async fn set_person_active(tenant: String, person: i64, active: bool) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "persoon-activeren", &tenant).await?;
        crate::usecases::admin::set_active(state.store.as_ref(), &caller, PersonId(person), active, Utc::now()).await
    })
    .await
}

/// A member of an organisation asks the coordinator to invite a colleague.
#[server(endpoint = "uitnodiging-vragen")]
pub async fn request_invitation(tenant: String, email: String, name: String, note: Option<String>) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "uitnodiging-vragen", &tenant).await?;
        let note = note.unwrap_or_default();
        let per_day = state.config.limits.invitation_requests_per_day;
        crate::usecases::invitations::request(
            state.store.as_ref(),
            &caller,
            &email,
            &name,
            &note,
            &state.config.public_url,
            per_day,
            Utc::now(),
        )
        .await
    })
    .await
}
