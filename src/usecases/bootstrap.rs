//! Command-line bootstrapping of a fresh install: the first platform
//! beheerder, the first people of a tenant.

use chrono::{DateTime, Duration, Utc};

use super::invitations::{InviteForm, validate};
use crate::domain::*;
use crate::error::AppError;
use crate::server::passwords::{hash_password_blocking, new_token, token_hash};
use crate::storage::Store;

/// What `seinhuis user add` did.
pub enum Added {
    /// The person can log in with the password given.
    WithPassword,
    /// The person gets this link to choose a password (also in the outbox).
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

/// Add a person to a tenant with a role: directly with a password, or by invitation.
pub async fn add_member(
    store: &dyn Store,
    slug: &str,
    email: &str,
    name: &str,
    role: &str,
    password: Option<&str>,
    public_url: &str,
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
            let token = new_token();
            invitation.id = tx.insert_invitation(&invitation, &token_hash(&token), None).await?;
            let link = format!("{public_url}/uitnodiging/{token}");
            let mail = super::mails::invitation(&tenant.name, invitation.role, "De beheerder van Seinhuis", &link, INVITATION_DAYS);
            tx.queue_mail(Some(tenant.id), &invitation.email, &mail.subject, &mail.body, now).await?;
            Added::Link(link)
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
            let token = new_token();
            tx.insert_password_reset(person, &token_hash(&token), now, now + Duration::days(INVITATION_DAYS)).await?;
            Added::Link(format!("{public_url}/wachtwoord-vergeten?sleutel={token}"))
        }
    };
    tx.audit(&audit(None, "platformbeheerder-toegevoegd", &email, String::new()), now).await?;
    tx.commit().await?;
    Ok(added)
}
