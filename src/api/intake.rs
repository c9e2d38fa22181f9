//! Signal intake: what the form needs, similar signals while typing,
//! "ik zie dit ook", and sending a signal.

// Server functions take one argument per form field. server_fn drops lint
// attributes on the browser stub it generates, so allow it here for that build.
#![cfg_attr(feature = "hydrate", allow(clippy::too_many_arguments))]

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::TenantHeader;
use crate::domain::intake::{DomainSuggestion, FieldError, SignalDraft};
use crate::domain::{PolicyDomain, SignalId, SimilarSignal};
use crate::error::AppError;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntakeForm {
    pub tenant: TenantHeader,
    /// Whose draft the browser keeps: drafts of two people on one computer stay apart.
    pub author: i64,
    pub organisation: Option<String>,
    pub policy_domains: Vec<PolicyDomain>,
    pub districts: Vec<String>,
    /// What was sent without JavaScript and refused: shown again with its errors.
    pub returned: Option<(SignalDraft, Vec<FieldError>)>,
}

#[cfg(feature = "ssr")]
const RETURNED_KEY: &str = "intake_returned";

#[server(endpoint = "signaleren")]
pub async fn load_intake(tenant: String) -> Result<IntakeForm, AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "signaleren", &tenant).await?;
        let mut tx = state.store.read().await?;
        let organisation =
            tx.organisations(caller.tenant.id).await?.into_iter().find(|o| Some(o.id) == caller.membership.organisation).map(|o| o.name);
        let returned = auth::take_flash(RETURNED_KEY).await?;
        Ok(IntakeForm {
            tenant: (&caller.tenant).into(),
            author: caller.person.id.0,
            organisation,
            policy_domains: tx.policy_domains(caller.tenant.id).await?,
            districts: tx.districts(caller.tenant.id).await?,
            returned,
        })
    })
    .await
}

/// Send a signal. Without JavaScript a refused form comes back filled in,
/// with its errors; with JavaScript the errors return to the form as it is.
#[server(endpoint = "signaal-indienen")]
#[allow(clippy::too_many_arguments)] // one argument per form field
pub async fn submit_signal(
    tenant: String,
    title: String,
    description: String,
    target_groups: Option<Vec<String>>,
    life_domains: Option<Vec<String>>,
    policy_domain: Option<String>,
    area: Option<String>,
    frequency: Option<String>,
    since: Option<String>,
    people_estimate: Option<String>,
    tried: Option<String>,
    idea: Option<String>,
    may_contact: Option<String>,
    beyond_one_person: Option<String>,
    recurs: Option<String>,
    structural: Option<String>,
    confirmed: Option<Vec<String>>,
) -> Result<SignalId, AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth, is_plain_form_post};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "signaal-indienen", &tenant).await?;
        let yes = |v: &Option<String>| v.as_deref().is_some_and(crate::domain::intake::ticked);
        // Browsers send a text area's line breaks as CRLF but count them as
        // one character while typing; count them the same way here.
        let text = |v: Option<String>| v.unwrap_or_default().replace("\r\n", "\n");
        let draft = SignalDraft {
            title: text(Some(title)),
            description: text(Some(description)),
            target_groups: target_groups.unwrap_or_default(),
            life_domains: life_domains.unwrap_or_default(),
            policy_domain: policy_domain.unwrap_or_default(),
            area: area.unwrap_or_default(),
            frequency: frequency.unwrap_or_default(),
            since: text(since),
            people_estimate: people_estimate.unwrap_or_default(),
            tried: text(tried),
            idea: text(idea),
            may_contact: may_contact.unwrap_or_default(),
            beyond_one_person: yes(&beyond_one_person),
            recurs: yes(&recurs),
            structural: yes(&structural),
            confirmed: confirmed.unwrap_or_default(),
        };
        match crate::usecases::intake::submit(state.store.as_ref(), &caller, &draft, chrono::Utc::now()).await {
            Ok(id) => {
                leptos_axum::redirect(&format!("/{tenant}/signaleren/verstuurd/{id}"));
                Ok(id)
            }
            Err(AppError::Form(errors)) if is_plain_form_post() => {
                auth::set_flash(RETURNED_KEY, &(draft, errors.clone())).await?;
                leptos_axum::redirect(&format!("/{tenant}/signaleren#fouten"));
                Err(AppError::Form(errors))
            }
            Err(e) => Err(e),
        }
    })
    .await
}

/// The five signals of the tenant most like what is being typed.
#[server(endpoint = "vergelijkbare-signalen")]
pub async fn similar_signals(tenant: String, text: String) -> Result<Vec<SimilarSignal>, AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "vergelijkbare-signalen", &tenant).await?;
        let text: String = text.chars().take(crate::domain::intake::MAX_TEXT_CHARS).collect();
        crate::usecases::intake::similar(state.store.as_ref(), &state.similarity, caller.tenant.id, &text).await
    })
    .await
}

/// "Ik zie dit ook": record a sighting on an existing signal instead of a duplicate.
#[server(endpoint = "ik-zie-dit-ook")]
pub async fn record_sighting(tenant: String, signal: i64, note: Option<String>) -> Result<SimilarSignal, AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "ik-zie-dit-ook", &tenant).await?;
        let note = note.unwrap_or_default();
        crate::usecases::intake::record_sighting(state.store.as_ref(), &caller, SignalId(signal), &note, chrono::Utc::now()).await
    })
    .await
}

/// A policy domain for what is being typed: a suggestion, never forced.
#[server(endpoint = "beleidsdomein-voorstel")]
pub async fn suggest_policy_domain(tenant: String, text: String) -> Result<Option<DomainSuggestion>, AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "beleidsdomein-voorstel", &tenant).await?;
        let text: String = text.chars().take(crate::domain::intake::MAX_TEXT_CHARS).collect();
        crate::usecases::suggest::suggest_domain(state.store.as_ref(), &state.classifiers, caller.tenant.id, &text).await
    })
    .await
}
