//! Command-line bootstrapping of a fresh install: the first platform
//! beheerder, the first people of a tenant.

use chrono::{DateTime, Duration, Utc};

use super::invitations::{InviteForm, validate};
use crate::domain::*;
use crate::error::AppError;
use crate::server::passwords::{LinkKey, LinkKind, hash_password_blocking, link_token, link_url, start_link};
use crate::storage::Store;

/// What `seinhuis user add` did.
pub enum Added {
    /// The person can log in with the password given.
    WithPassword,
    /// The person gets this link to choose a password (an invitation is also mailed).
    Link(String),
}

fn audit(tenant: Option<TenantId>, action: &'static str, email: &str, detail: String) -> NewAudit {
    NewAudit {
        tenant,
        action,
        object_type: "persoon",
        object_id: email.to_string(),
        detail,
        ip: "command line".into(),
        ..NewAudit::default()
    }
}

/// The link of a row, for the operator: made now, and fixed in the row.
pub async fn operator_link(
    tx: &mut dyn crate::storage::Tx,
    key: &LinkKey,
    public_url: &str,
    kind: LinkKind,
    id: i64,
    tenant_slug: &str,
) -> Result<String, AppError> {
    let token = link_token(tx, key, kind, id).await?.ok_or(AppError::NotFound)?;
    Ok(link_url(public_url, kind, tenant_slug, &token))
}

/// Add a person to a tenant with a role: directly with a password, or by invitation.
#[allow(clippy::too_many_arguments)]
pub async fn add_member(
    store: &dyn Store,
    slug: &str,
    email: &str,
    name: &str,
    role: &str,
    password: Option<&str>,
    public_url: &str,
    key: &LinkKey,
    now: DateTime<Utc>,
) -> Result<Added, AppError> {
    let hash = match password {
        Some(p) => {
            check_new_password(p, p, email).map_err(AppError::Invalid)?;
            Some(hash_password_blocking(p.to_string()).await?)
        }
        None => None,
    };
    let mut tx = store.write().await?;
    let tenant = tx.tenant_by_slug(slug).await?.ok_or_else(|| AppError::Invalid(format!("Er is geen gemeente of zone ‘{slug}’.")))?;
    let name = if name.trim().is_empty() { email.split('@').next().unwrap_or(email).to_string() } else { name.to_string() };
    let form = InviteForm { email: email.into(), name, role: role.into(), ..InviteForm::default() };
    let mut invitation = validate(&mut *tx, tenant.id, &form, now).await?;
    let added = match hash {
        Some(hash) => {
            let person = match tx.credentials(&invitation.email).await? {
                Some(c) => {
                    tx.set_password(c.person.id, &hash).await?;
                    c.person.id
                }
                None => tx.insert_person(&invitation.email, &invitation.name, Some(&hash), false, now).await?,
            };
            tx.insert_membership(tenant.id, person, None, &[invitation.role], &[]).await?;
            Added::WithPassword
        }
        None => {
            invitation.id = super::invitations::insert(&mut *tx, &invitation, None, now).await?;
            super::invitations::mail_invitation(&mut *tx, &tenant.name, &invitation, "De beheerder van Seinhuis", public_url, now).await?;
            Added::Link(operator_link(&mut *tx, key, public_url, LinkKind::Invitation, invitation.id, "").await?)
        }
    };
    tx.audit(&audit(Some(tenant.id), "persoon-toegevoegd", &invitation.email, invitation.role.code().into()), now).await?;
    tx.commit().await?;
    Ok(added)
}

/// Create (or promote) the platform beheerder.
pub async fn add_platform_admin(
    store: &dyn Store,
    email: &str,
    name: &str,
    password: Option<&str>,
    public_url: &str,
    key: &LinkKey,
    now: DateTime<Utc>,
) -> Result<Added, AppError> {
    let email = parse_email(email).map_err(AppError::Invalid)?;
    let hash = match password {
        Some(p) => {
            check_new_password(p, p, &email).map_err(AppError::Invalid)?;
            Some(hash_password_blocking(p.to_string()).await?)
        }
        None => None,
    };
    let mut tx = store.write().await?;
    let person = match tx.credentials(&email).await? {
        Some(c) => {
            tx.set_platform_admin(c.person.id).await?;
            if let Some(hash) = &hash {
                tx.set_password(c.person.id, hash).await?;
            }
            c.person.id
        }
        None => {
            let name = parse_name(if name.trim().is_empty() { &email } else { name }).map_err(AppError::Invalid)?;
            tx.insert_person(&email, &name, hash.as_deref(), true, now).await?
        }
    };
    let added = match hash {
        Some(_) => Added::WithPassword,
        None => {
            let id = super::accounts::new_password_reset(&mut *tx, person, now, now + Duration::days(INVITATION_DAYS)).await?;
            Added::Link(operator_link(&mut *tx, key, public_url, LinkKind::PasswordReset, id, "").await?)
        }
    };
    tx.audit(&audit(None, "platformbeheerder-toegevoegd", &email, String::new()), now).await?;
    tx.commit().await?;
    Ok(added)
}

/// `seinhuis link invitation`: the link of the invitation waiting for this
/// address in this tenant, for an operator without a mail server. The same
/// link as in the mail; an invitation from before links were derived gets a
/// new one.
pub async fn invitation_link(
    store: &dyn Store,
    key: &LinkKey,
    public_url: &str,
    slug: &str,
    email: &str,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let email = parse_email(email).map_err(AppError::Invalid)?;
    let mut tx = store.write().await?;
    let tenant = tx.tenant_by_slug(slug).await?.ok_or_else(|| AppError::Invalid(format!("Er is geen gemeente of zone ‘{slug}’.")))?;
    let invitation =
        tx.invitations(tenant.id).await?.into_iter().find(|i| i.email == email && i.status(now) == InvitationStatus::Pending).ok_or_else(
            || AppError::Invalid(format!("Er wacht geen uitnodiging voor {email} bij {slug}. Stuur ze opnieuw op de pagina Mensen.")),
        )?;
    let kind = LinkKind::Invitation;
    if tx.link_nonce(kind, invitation.id).await?.is_none() {
        start_link(&mut *tx, kind, invitation.id).await?;
    }
    let link = operator_link(&mut *tx, key, public_url, kind, invitation.id, "").await?;
    tx.audit(&audit(Some(tenant.id), "uitnodigingslink-opgevraagd", &email, String::new()), now).await?;
    tx.commit().await?;
    Ok(link)
}

/// `seinhuis link password`: a new link to choose a password, working
/// `RESET_HOURS` hours, for an operator without a mail server.
pub async fn password_link(
    store: &dyn Store,
    key: &LinkKey,
    public_url: &str,
    email: &str,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let email = parse_email(email).map_err(AppError::Invalid)?;
    let mut tx = store.write().await?;
    let person = tx
        .credentials(&email)
        .await?
        .filter(|c| c.person.active)
        .ok_or_else(|| AppError::Invalid(format!("Er is geen actief account voor {email}.")))?
        .person;
    let id = super::accounts::new_password_reset(&mut *tx, person.id, now, now + Duration::hours(RESET_HOURS)).await?;
    let link = operator_link(&mut *tx, key, public_url, LinkKind::PasswordReset, id, "").await?;
    tx.audit(&audit(None, "wachtwoordlink-opgevraagd", &email, String::new()), now).await?;
    tx.commit().await?;
    Ok(link)
}
