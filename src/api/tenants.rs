//! Public facts about tenants: their names and addresses are no secret.

use leptos::prelude::*;

use super::TenantHeader;
use crate::error::AppError;

/// Every tenant on the platform, for the start page. Public by design.
#[server(endpoint = "gemeenten")]
pub async fn public_tenants() -> Result<Vec<TenantHeader>, AppError> {
    crate::server::answer(async move {
        crate::server::auth::public("gemeenten")?;
        let state = crate::server::app_state()?;
        let tenants = state.store.read_one().await?.tenants().await?;
        Ok(tenants.iter().map(TenantHeader::from).collect())
    })
    .await
}

/// One tenant by its slug, for its public page. Public by design.
#[server(endpoint = "gemeente")]
pub async fn public_tenant(slug: String) -> Result<TenantHeader, AppError> {
    crate::server::answer(async move {
        crate::server::auth::public("gemeente")?;
        let state = crate::server::app_state()?;
        let tenant = state.store.read_one().await?.tenant_by_slug(&slug).await?.ok_or(AppError::NotFound)?;
        Ok((&tenant).into())
    })
    .await
}
