//! Policy domains and bottlenecks (`/{tenant}/knelpunten`) and campaigns
//! with their action lines (`/{tenant}/campagnes`). Flat fields, so plain
//! forms post them.

// Server functions take one argument per form field. server_fn drops lint
// attributes on the browser stub it generates, so allow it here for that build.
#![cfg_attr(feature = "hydrate", allow(clippy::too_many_arguments))]

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::TenantHeader;
use crate::domain::forum::view::{BottlenecksView, CampaignsView};
#[cfg(feature = "ssr")]
use crate::domain::{CampaignId, OrganisationId, PersonId, PolicyDomainId};
use crate::error::AppError;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BottlenecksPage {
    pub tenant: TenantHeader,
    pub page: BottlenecksView,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignsPage {
    pub tenant: TenantHeader,
    pub page: CampaignsView,
}

#[cfg(feature = "ssr")]
async fn tell(message: &str) -> Result<(), AppError> {
    crate::server::auth::set_feedback(super::feedback::Feedback::success(message)).await
}

#[cfg(feature = "ssr")]
fn id_of(value: &Option<String>) -> Option<i64> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty()).and_then(|v| v.parse().ok())
}

#[server(endpoint = "knelpunten")]
pub async fn load_bottlenecks(tenant: String) -> Result<BottlenecksPage, AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "knelpunten", &tenant).await?;
        let page = crate::usecases::bottlenecks::page(state.store.as_ref(), &caller).await?;
        Ok(BottlenecksPage { tenant: (&caller.tenant).into(), page })
    })
    .await
}

/// Raise a bottleneck (no `bottleneck`), or edit one based on its version.
#[server(endpoint = "knelpunt-opslaan")]
#[allow(clippy::too_many_arguments)] // one argument per form field
pub async fn save_bottleneck(
    tenant: String,
    bottleneck: Option<String>,
    version: Option<i64>,
    question: String,
    domain: String,
    status: Option<String>,
    help: Option<Vec<String>>,
) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::domain::forum::bottleneck::BottleneckForm;
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "knelpunt-opslaan", &tenant).await?;
        let form = BottleneckForm {
            question,
            domain: domain.trim().parse().ok(),
            status: status.unwrap_or_default(),
            help: help.unwrap_or_default().iter().filter_map(|d| d.trim().parse().ok()).collect(),
        };
        let now = chrono::Utc::now();
        match id_of(&bottleneck) {
            Some(id) => {
                let id = crate::domain::BottleneckId(id);
                crate::usecases::bottlenecks::edit(state.store.as_ref(), &caller, id, version.unwrap_or(0), &form, now).await?;
                tell("Het knelpunt is bewaard.").await
            }
            None => {
                crate::usecases::bottlenecks::raise(state.store.as_ref(), &caller, &form, now).await?;
                tell("Het knelpunt is aangemaakt.").await
            }
        }
    })
    .await
}

/// Link a bundle or signal (`subject`: "bundel-3", "signaal-12") to a bottleneck, or unlink it.
#[server(endpoint = "knelpunt-koppelen")]
pub async fn link_bottleneck(tenant: String, bottleneck: i64, subject: String, unlink: Option<String>) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::domain::forum::agenda::AgendaSubject;
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "knelpunt-koppelen", &tenant).await?;
        let subject = AgendaSubject::from_key(&subject)
            .ok_or_else(|| AppError::Invalid("Geef het nummer van een bundel of signaal, bijvoorbeeld bundel-3 of signaal-12.".into()))?;
        let linked = !super::admin::checked(&unlink);
        let id = crate::domain::BottleneckId(bottleneck);
        crate::usecases::bottlenecks::link(state.store.as_ref(), &caller, id, subject, linked, chrono::Utc::now()).await?;
        tell(if linked { "Gekoppeld aan het knelpunt." } else { "De koppeling is verwijderd." }).await
    })
    .await
}

#[server(endpoint = "beleidsdomein-opslaan")]
pub async fn save_domain(tenant: String, domain: i64, name: String, body: Option<String>) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "beleidsdomein-opslaan", &tenant).await?;
        let body = body.unwrap_or_default();
        let id = PolicyDomainId(domain);
        crate::usecases::bottlenecks::edit_domain(state.store.as_ref(), &caller, id, &name, &body, chrono::Utc::now()).await?;
        tell("Het beleidsdomein is bewaard.").await
    })
    .await
}

#[server(endpoint = "campagnes")]
pub async fn load_campaigns(tenant: String) -> Result<CampaignsPage, AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "campagnes", &tenant).await?;
        let page = crate::usecases::campaigns::page(state.store.as_ref(), &caller).await?;
        Ok(CampaignsPage { tenant: (&caller.tenant).into(), page })
    })
    .await
}

#[cfg(feature = "ssr")]
#[allow(clippy::too_many_arguments)]
fn line_form(
    title: Option<String>,
    lead: Option<String>,
    due_on: Option<String>,
    status: Option<String>,
    progress: Option<String>,
    weight: Option<String>,
    confirmed: Option<String>,
) -> crate::domain::forum::campaign::LineForm {
    crate::domain::forum::campaign::LineForm {
        title: title.unwrap_or_default(),
        lead: id_of(&lead).map(PersonId),
        due_on: due_on.unwrap_or_default(),
        status: status.unwrap_or_default(),
        progress: progress.unwrap_or_default(),
        weight: weight.unwrap_or_default(),
        confirmed: super::admin::checked(&confirmed),
    }
}

#[server(endpoint = "actielijn-toevoegen")]
#[allow(clippy::too_many_arguments)] // one argument per form field
pub async fn add_line(
    tenant: String,
    campaign: i64,
    title: String,
    lead: Option<String>,
    due_on: Option<String>,
    weight: Option<String>,
    confirmed: Option<String>,
) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "actielijn-toevoegen", &tenant).await?;
        let form = line_form(Some(title), lead, due_on, None, None, weight, confirmed);
        crate::usecases::campaigns::add_line(state.store.as_ref(), &caller, CampaignId(campaign), &form, chrono::Utc::now()).await?;
        tell("De actielijn is toegevoegd; de trekker ziet ze bij ‘Mijn acties’.").await
    })
    .await
}

#[server(endpoint = "actielijn-bijwerken")]
#[allow(clippy::too_many_arguments)] // one argument per form field
pub async fn update_line(
    tenant: String,
    line: i64,
    version: i64,
    title: Option<String>,
    lead: Option<String>,
    due_on: Option<String>,
    status: Option<String>,
    progress: Option<String>,
    weight: Option<String>,
) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "actielijn-bijwerken", &tenant).await?;
        let form = line_form(title, lead, due_on, status, progress, weight, Some("on".into()));
        let line = crate::domain::ActionLineId(line);
        crate::usecases::campaigns::update_line(state.store.as_ref(), &caller, line, version, &form, chrono::Utc::now()).await?;
        tell("De actielijn is bijgewerkt.").await
    })
    .await
}

#[server(endpoint = "campagne-actor")]
pub async fn set_actor(tenant: String, campaign: i64, organisation: i64, engagement: Option<String>) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "campagne-actor", &tenant).await?;
        let engagement = engagement.unwrap_or_default();
        let (id, organisation) = (CampaignId(campaign), OrganisationId(organisation));
        crate::usecases::campaigns::set_actor(state.store.as_ref(), &caller, id, organisation, &engagement, chrono::Utc::now()).await?;
        tell("De organisatie neemt deel aan de campagne.").await
    })
    .await
}

#[server(endpoint = "campagne-afronden")]
pub async fn close_campaign(
    tenant: String,
    campaign: i64,
    version: i64,
    outcome: Option<String>,
    message: Option<String>,
) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "campagne-afronden", &tenant).await?;
        let outcome = outcome.as_deref().and_then(crate::domain::Outcome::from_code);
        let message = message.unwrap_or_default();
        let public_url = &state.config.public_url;
        let id = CampaignId(campaign);
        crate::usecases::campaigns::close(state.store.as_ref(), &caller, id, version, outcome, &message, public_url, chrono::Utc::now())
            .await?;
        tell("De campagne is afgerond. Elke signaalgever krijgt de afloop te zien in Mijn signalen en per mail.").await
    })
    .await
}
