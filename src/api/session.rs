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
        auth::public("wie-ben-ik")?;
        let state = app_state()?;
        let Some(person) = auth::current_person(&state).await? else {
            return Ok(None);
        };
        let memberships = state.store.read().await?.memberships(person.id).await?;
        Ok(Some(Me {
            name: person.name,
            email: person.email,
            platform_admin: person.platform_admin,
            tenants: memberships.into_iter().map(|m| MyTenant { slug: m.tenant_slug, name: m.tenant_name, roles: m.roles }).collect(),
        }))
    })
    .await
}

#[server(endpoint = "aanmelden")]
pub async fn log_in(email: String, password: String, next: Option<String>) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::server::limits::Door;
        use crate::server::{app_state, auth};
        auth::public("aanmelden")?;
        let state = app_state()?;
        let ip = auth::client_ip().await;
        let email = email.trim().to_lowercase();
        state.limits.check(Door::Login, &[&format!("ip:{ip}"), &format!("e-mail:{email}")])?;
        if email.is_empty() || password.is_empty() {
            return Err(AppError::Invalid("Vul je e-mailadres en je wachtwoord in.".into()));
        }
        let person = crate::usecases::accounts::log_in(state.store.as_ref(), &email, &password, &ip, chrono::Utc::now()).await?;
        auth::start_session(&person).await?;
        leptos_axum::redirect(&safe_next(next.as_deref()));
        Ok(())
    })
    .await
}

#[server(endpoint = "afmelden")]
pub async fn log_out() -> Result<(), AppError> {
    crate::server::answer(async move {
        crate::server::auth::public("afmelden")?;
        crate::server::auth::end_session().await?;
        leptos_axum::redirect("/aanmelden?afgemeld=1");
        Ok(())
    })
    .await
}

/// Ask for a password-reset link. The answer never tells whether the address exists.
#[server(endpoint = "wachtwoord-vergeten")]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::server::limits::Door;
        use crate::server::{app_state, auth};
        auth::public("wachtwoord-vergeten")?;
        let state = app_state()?;
        let ip = auth::client_ip().await;
        state.limits.check(Door::PasswordReset, &[&format!("ip:{ip}"), &format!("e-mail:{}", email.trim().to_lowercase())])?;
        crate::usecases::accounts::request_reset(state.store.as_ref(), &email, &state.config.public_url, &ip, chrono::Utc::now()).await?;
        auth::set_feedback(crate::api::feedback::Feedback::success(
            "Als dit adres bij ons bekend is, krijg je zo een mail met een link om een nieuw wachtwoord te kiezen. \
             Die link werkt twee uur.",
        ))
        .await
    })
    .await
}

/// Choose a new password with the link from the mail.
#[server(endpoint = "wachtwoord-instellen")]
pub async fn set_password(token: String, password: String, repeat: String) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::server::limits::Door;
        use crate::server::{app_state, auth};
        auth::public("wachtwoord-instellen")?;
        let state = app_state()?;
        let ip = auth::client_ip().await;
        state.limits.check(Door::PasswordReset, &[&format!("ip:{ip}")])?;
        crate::usecases::accounts::reset_password(state.store.as_ref(), &token, &password, &repeat, &ip, chrono::Utc::now()).await?;
        leptos_axum::redirect("/aanmelden?nieuw-wachtwoord=1");
        Ok(())
    })
    .await
}
