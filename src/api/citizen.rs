//! The citizens' form: public by design, so each function checks the tenant's
//! switch, a honeypot and a rate limit per address instead of a log-in.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::TenantHeader;
use crate::domain::intake::FieldError;
use crate::domain::{CitizenFollow, CitizenReport};
use crate::error::AppError;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitizenForm {
    pub tenant: TenantHeader,
    pub districts: Vec<String>,
    /// What was sent without JavaScript and refused, with its errors.
    pub returned: Option<(CitizenReport, Vec<FieldError>)>,
}

#[cfg(feature = "ssr")]
const RETURNED_KEY: &str = "citizen_returned";

/// The public form, if this tenant takes citizens' reports (else not found).
#[server(endpoint = "burgerformulier")]
pub async fn load_citizen_form(tenant: String) -> Result<CitizenForm, AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        auth::public("burgerformulier")?;
        let state = app_state()?;
        let (tenant, districts) = crate::usecases::citizen::open_tenant(state.store.as_ref(), &tenant).await?;
        let returned = auth::take_flash(RETURNED_KEY).await?;
        Ok(CitizenForm { tenant: (&tenant).into(), districts, returned })
    })
    .await
}

/// Send a report. `website` is a honeypot: people never see it, scripts fill it in.
#[server(endpoint = "burgermelding")]
pub async fn send_citizen_report(
    tenant: String,
    email: String,
    title: String,
    description: String,
    area: Option<String>,
    website: Option<String>,
) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::server::limits::Door;
        use crate::server::{app_state, auth, is_plain_form_post};
        auth::public("burgermelding")?;
        let state = app_state()?;
        let ip = auth::client_ip().await;
        state.limits.check(Door::CitizenReport, &[&format!("ip:{ip}")]).await?;
        let done = format!("/{tenant}/signaleren/bijna-klaar");
        if website.is_some_and(|w| !w.trim().is_empty()) {
            // Answer as if all went well, so a script learns nothing.
            tracing::info!("citizen report dropped by the honeypot");
            leptos_axum::redirect(&done);
            return Ok(());
        }
        let report = CitizenReport { email, title, description, area: area.unwrap_or_default() };
        let now = chrono::Utc::now();
        let (public_url, hours) = (&state.config.public_url, state.config.limits.citizen_confirm_hours);
        match crate::usecases::citizen::report(state.store.as_ref(), &tenant, &report, public_url, hours, &ip, now).await {
            Ok(()) => {
                leptos_axum::redirect(&done);
                Ok(())
            }
            Err(AppError::Form(errors)) if is_plain_form_post() => {
                auth::set_flash(RETURNED_KEY, &(report, errors.clone())).await?;
                leptos_axum::redirect(&format!("/{tenant}/signaleren#fouten"));
                Err(AppError::Form(errors))
            }
            Err(e) => Err(e),
        }
    })
    .await
}

/// Confirm a report with the link from the mail (a button on the page: mail
/// scanners that open links must not confirm for the citizen).
#[server(endpoint = "burgermelding-bevestigen")]
pub async fn confirm_citizen_report(token: String) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        auth::public("burgermelding-bevestigen")?;
        let state = app_state()?;
        let ip = auth::client_ip().await;
        let hours = state.config.limits.citizen_confirm_hours;
        let (slug, _) = crate::usecases::citizen::confirm(state.store.as_ref(), &token, hours, &ip, chrono::Utc::now()).await?;
        auth::set_feedback(super::feedback::Feedback::success("Bedankt: je melding is bevestigd en staat nu bij de signaalverwerkers."))
            .await?;
        leptos_axum::redirect(&format!("/{slug}/signaleren/bevestigd"));
        Ok(())
    })
    .await
}

/// What became of a citizen's report, with their private link.
#[server(endpoint = "burgermelding-volgen")]
pub async fn follow_citizen_report(token: String) -> Result<CitizenFollow, AppError> {
    crate::server::answer(async move {
        crate::server::auth::public("burgermelding-volgen")?;
        let state = crate::server::app_state()?;
        crate::usecases::citizen::follow(state.store.as_ref(), &token).await
    })
    .await
}
