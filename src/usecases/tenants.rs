//! Creating tenants.

use chrono::Utc;

use crate::domain::TENANT_KINDS;
use crate::domain::vocabulary::DEFAULT_POLICY_DOMAINS;
use crate::domain::{Slug, TenantId};
use crate::error::AppError;
use crate::storage::Tx;

/// Create a tenant with the default policy domains.
pub async fn create(tx: &mut dyn Tx, slug: &str, name: &str, kind: &str) -> Result<TenantId, AppError> {
    let slug = Slug::parse(slug).map_err(AppError::Invalid)?;
    let name = name.trim();
    if name.is_empty() {
        return Err(AppError::Invalid("Geef de gemeente of zone een naam.".into()));
    }
    if !TENANT_KINDS.iter().any(|(code, _)| *code == kind) {
        let codes: Vec<&str> = TENANT_KINDS.iter().map(|(code, _)| *code).collect();
        return Err(AppError::Invalid(format!("Soort ‘{kind}’ bestaat niet: kies uit {}.", codes.join(", "))));
    }
    if tx.tenant_by_slug(slug.as_str()).await?.is_some() {
        return Err(AppError::Invalid(format!("Er bestaat al een gemeente of zone met de korte naam ‘{}’.", slug.as_str())));
    }
    let id = tx.insert_tenant(&slug, name, kind, Utc::now()).await?;
    for (code, label) in DEFAULT_POLICY_DOMAINS {
        tx.insert_policy_domain(id, code, label).await?;
    }
    Ok(id)
}
