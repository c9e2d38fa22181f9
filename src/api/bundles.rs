//! Bundles: the list, one bundle's page, and every step on a bundle. Flat
//! fields, so plain HTML forms post them too.

// Server functions take one argument per form field. server_fn drops lint
// attributes on the browser stub it generates, so allow it here for that build.
#![cfg_attr(feature = "hydrate", allow(clippy::too_many_arguments))]

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::TenantHeader;
use crate::domain::bundle::{BundleDetails, BundleHistoryEntry, BundleSummary};
use crate::domain::{Phase, PolicyDomain, SignalSummary};
use crate::error::AppError;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundlesPage {
    pub tenant: TenantHeader,
    pub bundles: Vec<BundleSummary>,
    /// Retained signals in no bundle the caller processes, to make a bundle from.
    pub unbundled: Vec<SignalSummary>,
    /// Groups of them that look alike: suggested bundles.
    pub suggested: Vec<Vec<SignalSummary>>,
    pub domains: Vec<PolicyDomain>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundlePage {
    pub tenant: TenantHeader,
    pub bundle: BundleDetails,
    pub signals: Vec<SignalSummary>,
    pub history: Vec<BundleHistoryEntry>,
    pub leads: bool,
    pub targets: Vec<Phase>,
    pub candidates: Vec<SignalSummary>,
    pub mergeable: Vec<BundleSummary>,
    pub domains: Vec<PolicyDomain>,
    /// An edit sent without JavaScript and refused: shown again as typed.
    pub returned: Option<crate::domain::bundle::BundleText>,
}

#[cfg(feature = "ssr")]
const RETURNED_KEY: &str = "bundle_returned";

#[server(endpoint = "bundels")]
pub async fn load_bundles(tenant: String) -> Result<BundlesPage, AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "bundels", &tenant).await?;
        let bundles = crate::usecases::bundles::list(state.store.as_ref(), &caller).await?;
        let unbundled = crate::usecases::bundles::unbundled(state.store.as_ref(), &caller).await?;
        let suggested =
            crate::usecases::bundles::suggestions(state.store.as_ref(), &state.similarity, caller.tenant.id, &unbundled).await?;
        let domains = state.store.read_one().await?.policy_domains(caller.tenant.id).await?;
        Ok(BundlesPage { tenant: (&caller.tenant).into(), bundles, unbundled, suggested, domains })
    })
    .await
}

#[server(endpoint = "bundel")]
pub async fn load_bundle(tenant: String, id: i64) -> Result<BundlePage, AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "bundel", &tenant).await?;
        let page = crate::usecases::bundles::page(state.store.as_ref(), &caller, crate::domain::BundleId(id)).await?;
        let domains = state.store.read_one().await?.policy_domains(caller.tenant.id).await?;
        let returned = auth::take_flash::<(i64, crate::domain::bundle::BundleText)>(RETURNED_KEY)
            .await?
            .filter(|(bundle, _)| *bundle == id)
            .map(|(_, text)| text);
        Ok(BundlePage {
            tenant: (&caller.tenant).into(),
            bundle: page.bundle,
            signals: page.signals,
            history: page.history,
            leads: page.leads,
            targets: page.targets,
            candidates: page.candidates,
            mergeable: page.mergeable,
            domains,
            returned,
        })
    })
    .await
}

#[cfg(feature = "ssr")]
fn bundle_text(
    title: String,
    problem: Option<String>,
    analysis: Option<String>,
    lead_domain: Option<String>,
    confirmed: Option<String>,
) -> crate::domain::bundle::BundleText {
    crate::domain::bundle::BundleText {
        title,
        problem: problem.unwrap_or_default(),
        analysis: analysis.unwrap_or_default(),
        lead_domain: lead_domain.and_then(|d| d.parse().ok()),
        confirmed: confirmed.as_deref().is_some_and(crate::domain::intake::ticked),
    }
}

#[cfg(feature = "ssr")]
async fn tell(message: &str) -> Result<(), AppError> {
    crate::server::auth::set_feedback(super::feedback::Feedback::success(message)).await
}

/// Make a bundle from the chosen retained signals; then go to its page.
#[server(endpoint = "bundel-maken")]
pub async fn create_bundle(
    tenant: String,
    title: String,
    problem: Option<String>,
    lead_domain: Option<String>,
    signals: Option<Vec<i64>>,
    confirmed: Option<String>,
) -> Result<i64, AppError> {
    crate::server::answer(async move {
        use crate::domain::SignalId;
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "bundel-maken", &tenant).await?;
        let chosen: Vec<SignalId> = signals.unwrap_or_default().into_iter().map(SignalId).collect();
        let text = bundle_text(title, problem, None, lead_domain, confirmed);
        let id = crate::usecases::bundles::create(state.store.as_ref(), &caller, &chosen, &text).await?;
        tell("De bundel is gemaakt.").await?;
        leptos_axum::redirect(&format!("/{tenant}/bundels/{id}"));
        Ok(id.0)
    })
    .await
}

#[server(endpoint = "bundel-bewerken")]
#[allow(clippy::too_many_arguments)] // one argument per form field
pub async fn edit_bundle(
    tenant: String,
    bundle: i64,
    version: i64,
    title: String,
    problem: Option<String>,
    analysis: Option<String>,
    lead_domain: Option<String>,
    confirmed: Option<String>,
) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "bundel-bewerken", &tenant).await?;
        let text = bundle_text(title, problem, analysis, lead_domain, confirmed);
        let result = crate::usecases::bundles::edit(state.store.as_ref(), &caller, crate::domain::BundleId(bundle), version, &text).await;
        // Refused without JavaScript, the page comes back with what was typed.
        if result.is_err() && crate::server::is_plain_form_post() {
            auth::set_flash(RETURNED_KEY, &(bundle, &text)).await?;
        }
        result
    })
    .await
}

#[server(endpoint = "bundel-signaal-toevoegen")]
pub async fn add_to_bundle(tenant: String, bundle: i64, version: i64, signal: i64) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::domain::{BundleId, SignalId};
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "bundel-signaal-toevoegen", &tenant).await?;
        crate::usecases::bundles::add(state.store.as_ref(), &caller, BundleId(bundle), version, SignalId(signal)).await
    })
    .await
}

#[server(endpoint = "bundel-signaal-eruit")]
pub async fn split_from_bundle(tenant: String, bundle: i64, version: i64, signal: i64, note: Option<String>) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::domain::{BundleId, SignalId};
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "bundel-signaal-eruit", &tenant).await?;
        let note = note.unwrap_or_default();
        crate::usecases::bundles::split(state.store.as_ref(), &caller, BundleId(bundle), version, SignalId(signal), &note).await
    })
    .await
}

#[server(endpoint = "bundels-samenvoegen")]
pub async fn merge_bundles(tenant: String, bundle: i64, version: i64, other: i64) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::domain::BundleId;
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "bundels-samenvoegen", &tenant).await?;
        crate::usecases::bundles::merge(state.store.as_ref(), &caller, BundleId(bundle), version, BundleId(other)).await
    })
    .await
}

/// Move every signal of a bundle together.
#[server(endpoint = "bundel-verplaatsen")]
pub async fn move_bundle(
    tenant: String,
    bundle: i64,
    version: i64,
    to: String,
    outcome: Option<String>,
    message: Option<String>,
    note: Option<String>,
) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::domain::BundleId;
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "bundel-verplaatsen", &tenant).await?;
        let details = super::board::parse_details(None, outcome, message, note, None)?;
        let to = super::board::parse_phase(&to)?;
        let public_url = &state.config.public_url;
        crate::usecases::bundles::move_bundle(state.store.as_ref(), &caller, BundleId(bundle), version, to, details, public_url).await
    })
    .await
}
