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

/// Only paths on this site are followed after log-in; anything else goes home.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if is_local_path(n) => n.to_string(),
        _ => "/".to_string(),
    }
}

/// Does `path` stay on this site, however a browser reads it? Only a path
/// that starts with exactly one `/`, in plain visible ASCII, and that holds no
/// whitespace, control character or backslash, raw or percent-encoded (at any
/// depth of encoding). Browsers drop tabs and newlines and read `\` as `/`,
/// so `/<tab>/evil.example` or `/\evil.example` would leave the site as
/// `//evil.example`; a scheme (`https:`, `javascript:`) never starts with `/`.
pub fn is_local_path(path: &str) -> bool {
    // Raw: visible ASCII only (no space, tab, newline, NUL, DEL or non-ASCII).
    if !path.bytes().all(|b| b.is_ascii_graphic()) {
        return false;
    }
    let mut current = path.to_string();
    // Each round decodes one level of percent-encoding (`%252F` -> `%2F` -> `/`).
    for _ in 0..4 {
        if !current.starts_with('/') || current.starts_with("//") || current.contains('\\') {
            return false;
        }
        if current.chars().any(|c| c.is_control() || c.is_whitespace()) {
            return false;
        }
        if !current.contains('%') {
            return true;
        }
        // One level of percent-decoding; bytes that are no UTF-8 become
        // replacement characters, which pass.
        let decoded = percent_encoding::percent_decode_str(&current).decode_utf8_lossy().into_owned();
        if decoded == current {
            // Malformed escapes, or nothing left to decode ("%" alone is malformed).
            return false;
        }
        current = decoded;
    }
    false
}

#[server(endpoint = "wie-ben-ik")]
pub async fn who_am_i() -> Result<Option<Me>, AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        auth::public("wie-ben-ik")?;
        let state = app_state()?;
        let Some(caller) = auth::current_caller(&state).await? else {
            return Ok(None);
        };
        let person = caller.person;
        Ok(Some(Me {
            name: person.name,
            email: person.email,
            platform_admin: person.platform_admin,
            tenants: caller
                .memberships
                .into_iter()
                .map(|(m, _)| MyTenant { slug: m.tenant_slug, name: m.tenant_name, roles: m.roles })
                .collect(),
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
        state.limits.check(Door::Login, &[&format!("ip:{ip}"), &format!("e-mail:{email}")]).await?;
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
        state.limits.check(Door::PasswordReset, &[&format!("ip:{ip}"), &format!("e-mail:{}", email.trim().to_lowercase())]).await?;
        let per_day = state.config.limits.reset_mails_per_day;
        crate::usecases::accounts::request_reset(state.store.as_ref(), &email, &state.config.public_url, per_day, &ip, chrono::Utc::now())
            .await?;
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
        state.limits.check(Door::PasswordReset, &[&format!("ip:{ip}")]).await?;
        crate::usecases::accounts::reset_password(state.store.as_ref(), &token, &password, &repeat, &ip, chrono::Utc::now()).await?;
        leptos_axum::redirect("/aanmelden?nieuw-wachtwoord=1");
        Ok(())
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::{is_local_path, safe_next};

    #[test]
    fn paths_on_this_site_are_followed() {
        for path in [
            "/",
            "/gent/bord",
            "/gent/signaleren?concept=1#fouten",
            "/uitnodiging/abc123",
            "/gent/zoek?q=caf%C3%A9",
            "/gent/signalen/12/../13",
            "/a//b",
        ] {
            assert!(is_local_path(path), "{path} stays on the site");
            assert_eq!(safe_next(Some(path)), path);
        }
    }

    #[test]
    fn known_bypasses_go_home() {
        for path in [
            "",
            "gent/bord",
            "//evil.example",
            "///evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r/evil.example",
            "\t//evil.example",
            "/ /evil.example",
            " /evil.example",
            "/\\evil.example",
            "\\/evil.example",
            "\\\\evil.example",
            "/gent\\..\\..\\evil",
            "/%2F/evil.example",
            "/%2fevil.example",
            "/%5C/evil.example",
            "/%5cevil.example",
            "%2F%2Fevil.example",
            "/%09/evil.example",
            "/%0a/evil.example",
            "/%0D/evil.example",
            "/%00/evil.example",
            "/%20/evil.example",
            "/%C2%A0/evil.example",
            "/%E2%80%A8/evil.example",
            "/%252F/evil.example",
            "/%2509/evil.example",
            "/%25255C/evil.example",
            "/%zz/evil.example",
            "/%",
            "https://evil.example",
            "https:evil.example",
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "/\u{7f}/evil.example",
            "/\u{3000}/evil.example",
            "/\u{2028}/evil.example",
            "/\u{ff0f}evil.example",
        ] {
            assert!(!is_local_path(path), "{path:?} must not be followed");
            assert_eq!(safe_next(Some(path)), "/", "{path:?}");
        }
        assert_eq!(safe_next(None), "/");
    }
}
