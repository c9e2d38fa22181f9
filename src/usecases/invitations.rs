//! Inviting people into a tenant, and accepting an invitation.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::*;
use crate::error::AppError;
use crate::server::auth::TenantCaller;
use crate::server::passwords::{LinkKind, hash_password_blocking, link_url, new_token, placeholder, start_link, token_hash};
use crate::storage::{Store, Tx};

/// Who to invite, as the coordinator fills it in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteForm {
    pub email: String,
    pub name: String,
    pub role: String,
    pub organisation: Option<OrganisationId>,
    pub policy_domains: Vec<PolicyDomainId>,
}

/// Give a stored invitation a new link and queue its mail. The mail holds a
/// placeholder for the link's token, filled in when it is sent.
pub(crate) async fn mail_invitation(
    tx: &mut dyn Tx,
    tenant_name: &str,
    invitation: &Invitation,
    inviter: &str,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let kind = LinkKind::Invitation;
    start_link(tx, kind, invitation.id).await?;
    let link = link_url(public_url, kind, "", &placeholder(kind, invitation.id));
    let mail = super::mails::invitation(tenant_name, invitation.role, inviter, &link, INVITATION_DAYS);
    tx.queue_mail_with_links(Some(invitation.tenant), &invitation.email, &mail.subject, &mail.body, &[(kind, invitation.id)], now).await?;
    Ok(())
}

/// The hash of a token nobody has: what a new row holds until its link is made.
pub(crate) fn unknown_token_hash() -> String {
    token_hash(&new_token())
}

fn audit(caller: &TenantCaller, action: &'static str, id: i64, detail: String) -> NewAudit {
    NewAudit {
        tenant: Some(caller.tenant.id),
        person: Some(caller.person.id),
        action,
        object_type: "uitnodiging",
        object_id: id.to_string(),
        detail,
        ip: caller.ip.clone(),
    }
}

/// Check an invitation form against the tenant; the invitation it describes.
pub async fn validate(tx: &mut dyn Tx, tenant: TenantId, form: &InviteForm, now: DateTime<Utc>) -> Result<Invitation, AppError> {
    let email = parse_email(&form.email).map_err(AppError::Invalid)?;
    let name = parse_name(&form.name).map_err(AppError::Invalid)?;
    let role =
        Role::from_code(&form.role).filter(|r| Role::TENANT_ROLES.contains(r)).ok_or_else(|| AppError::Invalid("Kies een rol.".into()))?;
    if let Some(org) = form.organisation
        && !tx.organisations(tenant).await?.iter().any(|o| o.id == org)
    {
        return Err(AppError::Invalid("Kies een organisatie uit de lijst.".into()));
    }
    let domains = tx.policy_domains(tenant).await?;
    if form.policy_domains.iter().any(|d| !domains.iter().any(|known| known.id == *d)) {
        return Err(AppError::Invalid("Kies beleidsdomeinen uit de lijst.".into()));
    }
    if matches!(role, Role::Signaalverwerker | Role::Regisseur) && form.policy_domains.is_empty() {
        return Err(AppError::Invalid(format!("Kies de beleidsdomeinen van deze {}.", role.label().to_lowercase())));
    }
    if tx.members(tenant).await?.iter().any(|m| m.email == email) {
        return Err(AppError::Invalid(format!("{email} werkt hier al mee. Pas de rollen aan bij Mensen.")));
    }
    if tx.invitations(tenant).await?.iter().any(|i| i.email == email && i.status(now) == InvitationStatus::Pending) {
        return Err(already_waiting(&email));
    }
    Ok(Invitation {
        id: 0,
        tenant,
        email,
        name,
        role,
        organisation: form.organisation,
        policy_domains: form.policy_domains.clone(),
        created_at: now,
        sent_at: now,
        expires_at: now + Duration::days(INVITATION_DAYS),
        accepted_at: None,
        revoked_at: None,
    })
}

fn already_waiting(email: &str) -> AppError {
    AppError::Invalid(format!("Er wacht al een uitnodiging voor {email}. Stuur die opnieuw."))
}

/// Store a checked invitation. Expired, unused invitations of the address are
/// closed first; a second open one that someone else sent at the same moment
/// is refused by the database (one open invitation per address) as the check would.
pub async fn insert(tx: &mut dyn Tx, invitation: &Invitation, invited_by: Option<PersonId>, now: DateTime<Utc>) -> Result<i64, AppError> {
    tx.close_expired_invitations(invitation.tenant, &invitation.email, now).await?;
    match tx.insert_invitation(invitation, &unknown_token_hash(), invited_by).await {
        Err(e) if e.is_unique_violation() => Err(already_waiting(&invitation.email)),
        result => Ok(result?),
    }
}

/// Invite a person: the invitation, its mail and the audit entry, together.
pub async fn invite(
    store: &dyn Store,
    caller: &TenantCaller,
    form: &InviteForm,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<Invitation, AppError> {
    let mut tx = store.write().await?;
    let mut invitation = validate(&mut *tx, caller.tenant.id, form, now).await?;
    invitation.id = insert(&mut *tx, &invitation, Some(caller.person.id), now).await?;
    mail_invitation(&mut *tx, &caller.tenant.name, &invitation, &caller.person.name, public_url, now).await?;
    let detail = format!("{} als {}", invitation.email, invitation.role.code());
    tx.audit(&audit(caller, "uitgenodigd", invitation.id, detail), now).await?;
    tx.commit().await?;
    Ok(invitation)
}

/// Send a pending (or expired) invitation again, with a new link and 14 new days.
pub async fn resend(store: &dyn Store, caller: &TenantCaller, id: i64, public_url: &str, now: DateTime<Utc>) -> Result<(), AppError> {
    let mut tx = store.write().await?;
    let mut invitation = tx.invitation(caller.tenant.id, id).await?.ok_or(AppError::NotFound)?;
    invitation.expires_at = now + Duration::days(INVITATION_DAYS);
    if !tx.renew_invitation(caller.tenant.id, id, &unknown_token_hash(), now, invitation.expires_at).await? {
        return Err(AppError::Invalid("Deze uitnodiging is al aanvaard of ingetrokken.".into()));
    }
    mail_invitation(&mut *tx, &caller.tenant.name, &invitation, &caller.person.name, public_url, now).await?;
    tx.audit(&audit(caller, "uitnodiging-opnieuw", id, invitation.email.clone()), now).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn revoke(store: &dyn Store, caller: &TenantCaller, id: i64, now: DateTime<Utc>) -> Result<(), AppError> {
    let mut tx = store.write().await?;
    // Another tenant's invitation does not exist here.
    tx.invitation(caller.tenant.id, id).await?.ok_or(AppError::NotFound)?;
    if !tx.revoke_invitation(caller.tenant.id, id, now).await? {
        return Err(AppError::Invalid("Deze uitnodiging is al aanvaard of ingetrokken.".into()));
    }
    tx.audit(&audit(caller, "uitnodiging-ingetrokken", id, String::new()), now).await?;
    tx.commit().await?;
    Ok(())
}

/// What the invited person sees before accepting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationView {
    pub tenant_name: String,
    pub tenant_slug: String,
    pub email: String,
    pub name: String,
    pub role: Role,
    /// The address already has an account: log in instead of choosing a password.
    pub has_account: bool,
}

fn unusable(status: InvitationStatus) -> AppError {
    AppError::Invalid(
        match status {
            InvitationStatus::Accepted => "Deze uitnodiging werd al gebruikt. Meld je aan met je e-mailadres en wachtwoord.",
            InvitationStatus::Revoked => "Deze uitnodiging werd ingetrokken. Vraag wie je uitnodigde om een nieuwe.",
            _ => "Deze uitnodiging is verlopen. Vraag wie je uitnodigde om ze opnieuw te sturen.",
        }
        .into(),
    )
}

pub async fn view(store: &dyn Store, token: &str, now: DateTime<Utc>) -> Result<InvitationView, AppError> {
    let mut tx = store.read().await?;
    let invitation = tx.invitation_by_token(&token_hash(token)).await?.ok_or(AppError::NotFound)?;
    let status = invitation.status(now);
    if status != InvitationStatus::Pending {
        return Err(unusable(status));
    }
    let tenant = tx.tenants().await?.into_iter().find(|t| t.id == invitation.tenant).ok_or(AppError::NotFound)?;
    let has_account = tx.credentials(&invitation.email).await?.is_some_and(|c| c.password_hash.is_some());
    Ok(InvitationView {
        tenant_name: tenant.name,
        tenant_slug: tenant.slug,
        email: invitation.email,
        name: invitation.name,
        role: invitation.role,
        has_account,
    })
}

/// What the invited person fills in.
pub struct Acceptance<'a> {
    pub token: &'a str,
    pub name: &'a str,
    pub password: &'a str,
    pub repeat: &'a str,
    /// Who is logged in now, if anyone: an existing account accepts while logged in.
    pub logged_in: Option<&'a Person>,
    pub ip: &'a str,
}

/// Accept an invitation: once, before it expires. A new person chooses a
/// password; someone with an account accepts while logged in.
pub async fn accept(store: &dyn Store, a: Acceptance<'_>, now: DateTime<Utc>) -> Result<(Person, String), AppError> {
    let new_hash = if a.logged_in.is_none() { Some(hash_password_blocking(a.password.to_string()).await?) } else { None };
    let mut tx = store.write().await?;
    let invitation = tx.invitation_by_token(&token_hash(a.token)).await?.ok_or(AppError::NotFound)?;
    let status = invitation.status(now);
    if status != InvitationStatus::Pending || !tx.accept_invitation(invitation.id, now).await? {
        return Err(unusable(status));
    }
    let existing = tx.credentials(&invitation.email).await?;
    let person = match (existing, a.logged_in) {
        (Some(c), Some(me)) if c.person.id == me.id => c.person,
        (Some(c), _) if c.password_hash.is_some() => {
            return Err(AppError::Invalid(format!(
                "Er bestaat al een account voor {}. Meld je eerst aan, en open dan de link opnieuw.",
                c.person.email
            )));
        }
        (existing, _) => {
            check_new_password(a.password, a.repeat, &invitation.email).map_err(AppError::Invalid)?;
            let name = parse_name(a.name).map_err(AppError::Invalid)?;
            let hash = new_hash.ok_or_else(|| AppError::Invalid("Meld je af en open de link opnieuw.".into()))?;
            let id = match existing {
                Some(c) => {
                    tx.set_password(c.person.id, &hash).await?;
                    c.person.id
                }
                None => tx.insert_person(&invitation.email, &name, Some(&hash), false, now).await?,
            };
            tx.person(id).await?.ok_or(AppError::NotFound)?
        }
    };
    let membership = tx.memberships(person.id).await?.into_iter().find(|m| m.tenant == invitation.tenant);
    match membership {
        Some(m) => {
            let mut roles = m.roles.clone();
            roles.push(invitation.role);
            roles.sort();
            roles.dedup();
            let mut domains = m.domains.clone();
            domains.extend(RoleDomain::all(invitation.role, &invitation.policy_domains));
            domains.sort();
            domains.dedup();
            tx.set_roles(invitation.tenant, person.id, &roles, &domains).await?;
        }
        None => {
            tx.insert_membership(
                invitation.tenant,
                person.id,
                invitation.organisation,
                &[invitation.role],
                &RoleDomain::all(invitation.role, &invitation.policy_domains),
            )
            .await?;
        }
    }
    let tenant = tx.tenants().await?.into_iter().find(|t| t.id == invitation.tenant).ok_or(AppError::NotFound)?;
    tx.audit(
        &NewAudit {
            tenant: Some(invitation.tenant),
            person: Some(person.id),
            action: "uitnodiging-aanvaard",
            object_type: "uitnodiging",
            object_id: invitation.id.to_string(),
            detail: format!("{} als {}", invitation.email, invitation.role.code()),
            ip: a.ip.to_string(),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok((person, tenant.slug))
}

/// An organisation's member asks the coordinator to invite a colleague; an
/// organisation asks at most `per_day` times a day.
#[allow(clippy::too_many_arguments)]
pub async fn request(
    store: &dyn Store,
    caller: &TenantCaller,
    email: &str,
    name: &str,
    note: &str,
    public_url: &str,
    per_day: i64,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let organisation = caller
        .membership
        .organisation
        .ok_or_else(|| AppError::Invalid("Alleen wie voor een organisatie werkt, kan collega's laten uitnodigen.".into()))?;
    let email = parse_email(email).map_err(AppError::Invalid)?;
    let name = parse_name(name).map_err(AppError::Invalid)?;
    let note = note.trim();
    if note.chars().count() > 1000 {
        return Err(AppError::Invalid("Je toelichting mag hoogstens 1000 tekens hebben.".into()));
    }
    let mut tx = store.write().await?;
    if tx.invitation_requests_since(caller.tenant.id, organisation, now - Duration::days(1)).await? >= per_day {
        return Err(AppError::Invalid(format!(
            "Je organisatie vroeg de voorbije 24 uur al {per_day} uitnodigingen aan: meer kan niet op één dag. \
             Probeer het morgen opnieuw, of vraag de hoofdsignaalverwerker om je collega zelf uit te nodigen."
        )));
    }
    let org_name = tx.organisations(caller.tenant.id).await?.into_iter().find(|o| o.id == organisation).map(|o| o.name).unwrap_or_default();
    let id = tx
        .insert_invitation_request(caller.tenant.id, organisation, caller.person.id, &email, &name, Role::Signaalgever, note, now)
        .await?;
    let link = format!("{public_url}/{}/beheer/mensen", caller.tenant.slug);
    let mail = super::mails::invitation_request(&caller.tenant.name, &org_name, &caller.person.name, &name, &email, &link);
    for coordinator in tx.members(caller.tenant.id).await?.iter().filter(|m| m.active && m.roles.contains(&Role::Hoofdsignaalverwerker)) {
        tx.queue_mail(Some(caller.tenant.id), &coordinator.email, &mail.subject, &mail.body, now).await?;
    }
    tx.audit(&audit(caller, "uitnodiging-gevraagd", id, email), now).await?;
    tx.commit().await?;
    Ok(())
}
