//! The platform beheerder's functions: tenants, never signal content.

use leptos::prelude::*;

use super::TenantHeader;
use crate::error::AppError;

#[server(endpoint = "platform-gemeenten")]
pub async fn platform_tenants() -> Result<Vec<TenantHeader>, AppError> {
    crate::server::answer(async move {
        let state = crate::server::app_state()?;
        crate::server::auth::platform(&state, "platform-gemeenten").await?;
        let tenants = state.store.read_one().await?.tenants().await?;
        Ok(tenants.iter().map(TenantHeader::from).collect())
    })
    .await
}

/// Create a tenant and invite its first hoofdsignaalverwerker.
#[server(endpoint = "gemeente-aanmaken")]
pub async fn create_tenant(
    slug: String,
    name: String,
    kind: String,
    coordinator_email: String,
    coordinator_name: String,
) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let admin = auth::platform(&state, "gemeente-aanmaken").await?;
        let ip = auth::client_ip().await;
        crate::usecases::admin::create_tenant(
            state.store.as_ref(),
            Some(&admin),
            &slug,
            &name,
            &kind,
            &coordinator_email,
            &coordinator_name,
            &state.config.public_url,
            &ip,
            chrono::Utc::now(),
        )
        .await?;
        Ok(())
    })
    .await
}
