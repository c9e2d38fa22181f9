//! Logging in and out, and who is logged in.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::Role;
use crate::error::AppError;

/// The logged-in person, as the header shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Me {
    pub name: String,
    pub email: String,
    pub platform_admin: bool,
    pub tenants: Vec<MyTenant>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyTenant {
    pub slug: String,
    pub name: String,
    pub roles: Vec<Role>,
}

/// Only same-site paths are followed after log-in.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n.to_string(),
        _ => "/".to_string(),
    }
}

#[server(endpoint = "wie-ben-ik")]
pub async fn who_am_i() -> Result<Option<Me>, AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let Some(person) = auth::current_person(&state).await? else {
            return Ok(None);
        };
        let memberships = state.store.read().await?.memberships(person.id).await?;
        Ok(Some(Me {
            name: person.name,
            email: person.email,
            platform_admin: person.platform_admin,
            tenants: memberships
                .into_iter()
                .map(|m| MyTenant { slug: m.tenant_slug, name: m.tenant_name, roles: m.roles })
                .collect(),
        }))
    })
    .await
}

#[server(endpoint = "aanmelden")]
pub async fn log_in(email: String, password: String, next: Option<String>) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        if email.trim().is_empty() || password.is_empty() {
            return Err(AppError::Invalid("Vul je e-mailadres en je wachtwoord in.".into()));
        }
        auth::log_in(&state, &email, &password).await?;
        leptos_axum::redirect(&safe_next(next.as_deref()));
        Ok(())
    })
    .await
}

#[server(endpoint = "afmelden")]
pub async fn log_out() -> Result<(), AppError> {
    crate::server::answer(async move {
        crate::server::auth::log_out().await?;
        leptos_axum::redirect("/aanmelden?afgemeld=1");
        Ok(())
    })
    .await
}
