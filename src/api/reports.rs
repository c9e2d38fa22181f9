//! Reports for officials (`/{tenant}/rapporten`), signalenbundels
//! (`/{tenant}/signalenbundels`) with the partners' approval links, and the
//! public page (`/{tenant}/publiek`). Flat fields, so plain forms post them.

#![cfg_attr(feature = "hydrate", allow(clippy::too_many_arguments))]

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::TenantHeader;
use crate::domain::reports::DashboardPage;
use crate::domain::reports::publication::{ApprovalPage, PublicEditor, PublicPage, PublicationDoc, PublicationPage, PublicationsPage};
use crate::domain::reports::targets::Target;
use crate::error::AppError;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportsPage {
    pub tenant: TenantHeader,
    pub page: DashboardPage,
    /// The tenant's targets, for the hoofdsignaalverwerker's form.
    pub targets: Option<Vec<Target>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicationsListPage {
    pub tenant: TenantHeader,
    pub page: PublicationsPage,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OnePublicationPage {
    pub tenant: TenantHeader,
    pub page: PublicationPage,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicEditorPage {
    pub tenant: TenantHeader,
    pub page: PublicEditor,
}

/// A composer's form refused without JavaScript comes back as typed: (publication id, form).
#[cfg(feature = "ssr")]
const RETURNED_PUBLICATION: &str = "publication_returned";

/// The form as typed when it was refused for this publication (`None`: a new one).
#[cfg(feature = "ssr")]
async fn returned(id: Option<i64>) -> Result<Option<crate::domain::reports::publication::PublicationForm>, AppError> {
    let flash: Option<(Option<i64>, crate::domain::reports::publication::PublicationForm)> =
        crate::server::auth::take_flash(RETURNED_PUBLICATION).await?;
    Ok(flash.filter(|(for_id, _)| *for_id == id).map(|(_, form)| form))
}

/// Public text refused without JavaScript comes back as typed: (kind, id, text),
/// kind "tekst" for the page's own text.
#[cfg(feature = "ssr")]
const RETURNED_PUBLIC: &str = "public_returned";

#[cfg(feature = "ssr")]
async fn tell(message: &str) -> Result<(), AppError> {
    crate::server::auth::set_feedback(super::feedback::Feedback::success(message)).await
}

#[server(endpoint = "rapporten")]
pub async fn load_reports(
    tenant: String,
    periode: Option<String>,
    van: Option<String>,
    tot: Option<String>,
    domein: Option<String>,
) -> Result<ReportsPage, AppError> {
    crate::server::answer(async move {
        use crate::domain::reports::ReportFilter;
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "rapporten", &tenant).await?;
        let filter = ReportFilter::parse(periode.as_deref(), van.as_deref(), tot.as_deref(), domein.as_deref());
        let page = crate::usecases::reports::dashboard::page(state.store.as_ref(), &caller, filter, chrono::Utc::now()).await?;
        let targets = if caller.membership.has(crate::domain::Role::Hoofdsignaalverwerker) {
            Some(state.store.read().await?.targets(caller.tenant.id).await?)
        } else {
            None
        };
        Ok(ReportsPage { tenant: (&caller.tenant).into(), page, targets })
    })
    .await
}

/// The tenant's targets per year; an empty field has no target.
#[server(endpoint = "doelen-opslaan")]
pub async fn save_targets(
    tenant: String,
    ontvangen: Option<String>,
    geagendeerd: Option<String>,
    actieplan: Option<String>,
    afgerond: Option<String>,
) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::domain::reports::targets::Metric;
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "doelen-opslaan", &tenant).await?;
        let mut targets = Vec::new();
        for (metric, value) in
            [(Metric::Received, ontvangen), (Metric::Scheduled, geagendeerd), (Metric::InAction, actieplan), (Metric::Closed, afgerond)]
        {
            let value = value.unwrap_or_default();
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            let per_year = value
                .parse::<u32>()
                .ok()
                .filter(|n| *n <= 100_000)
                .ok_or_else(|| AppError::Invalid(format!("Vul bij ‘{}’ een geheel getal in, of laat het leeg.", metric.label())))?;
            targets.push(Target { metric, per_year });
        }
        let mut tx = state.store.write().await?;
        tx.set_targets(caller.tenant.id, &targets).await?;
        tx.commit().await?;
        tell("De doelen zijn bewaard.").await
    })
    .await
}

#[server(endpoint = "signalenbundels")]
pub async fn load_publications(tenant: String) -> Result<PublicationsListPage, AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "signalenbundels", &tenant).await?;
        let mut page = crate::usecases::reports::publications::list(state.store.as_ref(), &caller, chrono::Utc::now()).await?;
        if let Some(form) = returned(None).await? {
            page.form = form;
        }
        Ok(PublicationsListPage { tenant: (&caller.tenant).into(), page })
    })
    .await
}

#[server(endpoint = "signalenbundel")]
pub async fn load_publication(tenant: String, id: i64) -> Result<OnePublicationPage, AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "signalenbundel", &tenant).await?;
        let mut page = crate::usecases::reports::publications::page(state.store.as_ref(), &caller, id, chrono::Utc::now()).await?;
        if let Some(form) = returned(Some(id)).await? {
            page.form = form;
        }
        Ok(OnePublicationPage { tenant: (&caller.tenant).into(), page })
    })
    .await
}

/// Compose a new signalenbundel (no id) or change a draft at its version.
/// Returns its id, so the page can go there.
#[server(endpoint = "signalenbundel-opslaan")]
#[allow(clippy::too_many_arguments)] // one argument per form field
pub async fn save_publication(
    tenant: String,
    id: Option<i64>,
    version: Option<i64>,
    title: String,
    from: String,
    to: String,
    intro: String,
    #[server(default)] subjects: Vec<String>,
) -> Result<i64, AppError> {
    crate::server::answer(async move {
        use crate::domain::reports::publication::PublicationForm;
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "signalenbundel-opslaan", &tenant).await?;
        let form = PublicationForm { title, from, to, intro, subjects };
        let now = chrono::Utc::now();
        let saved = crate::usecases::reports::publications::save(state.store.as_ref(), &caller, id, version.unwrap_or(0), &form, now).await;
        // Refused without JavaScript, the page comes back with what was typed.
        if saved.is_err() && crate::server::is_plain_form_post() {
            auth::set_flash(RETURNED_PUBLICATION, &(id, &form)).await?;
        }
        let saved = saved?;
        tell("De signalenbundel is bewaard.").await?;
        if id.is_none() && crate::server::is_plain_form_post() {
            leptos_axum::redirect(&format!("/{tenant}/signalenbundels/{saved}"));
        }
        Ok(saved)
    })
    .await
}

#[server(endpoint = "signalenbundel-voorleggen")]
pub async fn ask_approval(tenant: String, id: i64) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "signalenbundel-voorleggen", &tenant).await?;
        let asked = crate::usecases::reports::publications::ask_approval(
            state.store.as_ref(),
            &caller,
            id,
            &state.config.public_url,
            chrono::Utc::now(),
        )
        .await?;
        tell(&match asked {
            0 => "Er staan geen partners in deze signalenbundel; je kunt ze meteen publiceren.".to_string(),
            1 => "We vroegen 1 partner om akkoord.".to_string(),
            n => format!("We vroegen {n} partners om akkoord."),
        })
        .await
    })
    .await
}

#[server(endpoint = "signalenbundel-publiceren")]
pub async fn publish(tenant: String, id: i64) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "signalenbundel-publiceren", &tenant).await?;
        crate::usecases::reports::publications::publish(state.store.as_ref(), &caller, id, chrono::Utc::now()).await?;
        tell("De signalenbundel is gepubliceerd en staat op de publieke pagina.").await
    })
    .await
}

/// What a partner's approval link opens (no account needed: the link is the key).
#[server(endpoint = "akkoord")]
pub async fn load_approval(token: String) -> Result<ApprovalPage, AppError> {
    crate::server::answer(async move {
        crate::server::auth::public("akkoord")?;
        let state = crate::server::app_state()?;
        crate::usecases::reports::publications::approval_page(state.store.as_ref(), &token, chrono::Utc::now()).await
    })
    .await
}

#[server(endpoint = "akkoord-geven")]
pub async fn give_approval(token: String, answer: String, remark: Option<String>) -> Result<(), AppError> {
    crate::server::answer(async move {
        crate::server::auth::public("akkoord-geven")?;
        let state = crate::server::app_state()?;
        let approve = answer == "akkoord";
        let answer = crate::usecases::reports::publications::answer(
            state.store.as_ref(),
            &token,
            approve,
            remark.as_deref().unwrap_or_default(),
            chrono::Utc::now(),
        )
        .await?;
        tell(&format!("Bedankt. Jullie antwoord is doorgegeven: {}.", answer.label().to_lowercase())).await
    })
    .await
}

#[server(endpoint = "publiek")]
pub async fn load_public(tenant: String) -> Result<PublicPage, AppError> {
    crate::server::answer(async move {
        crate::server::auth::public("publiek")?;
        let state = crate::server::app_state()?;
        crate::usecases::reports::public::page(state.store.as_ref(), &tenant, chrono::Utc::now()).await
    })
    .await
}

#[server(endpoint = "publieke-signalenbundel")]
pub async fn load_public_publication(tenant: String, id: i64) -> Result<PublicationDoc, AppError> {
    crate::server::answer(async move {
        crate::server::auth::public("publieke-signalenbundel")?;
        let state = crate::server::app_state()?;
        let tenant = state.store.read_one().await?.tenant_by_slug(&tenant).await?.ok_or(AppError::NotFound)?;
        crate::usecases::reports::publications::published(state.store.as_ref(), &tenant, id).await
    })
    .await
}

#[server(endpoint = "publiek-beheer")]
pub async fn load_public_editor(tenant: String) -> Result<PublicEditorPage, AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "publiek-beheer", &tenant).await?;
        let mut page = crate::usecases::reports::public::editor(state.store.as_ref(), &caller).await?;
        if let Some((kind, id, text)) = auth::take_flash::<(String, i64, String)>(RETURNED_PUBLIC).await? {
            let list = match kind.as_str() {
                "campagne" => Some(&mut page.campaigns),
                "beslissing" => Some(&mut page.decisions),
                "signaal" => Some(&mut page.signals),
                _ => None,
            };
            match list {
                Some(list) => list.iter_mut().filter(|e| e.id == id).for_each(|e| e.summary = text.clone()),
                None => page.text = text,
            }
        }
        Ok(PublicEditorPage { tenant: (&caller.tenant).into(), page })
    })
    .await
}

#[server(endpoint = "publieke-tekst-opslaan")]
pub async fn save_public_text(tenant: String, text: String) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "publieke-tekst-opslaan", &tenant).await?;
        let saved = crate::usecases::reports::public::save_text(state.store.as_ref(), &caller, &text).await;
        if saved.is_err() && crate::server::is_plain_form_post() {
            auth::set_flash(RETURNED_PUBLIC, &("tekst", 0, &text)).await?;
        }
        saved?;
        tell("De tekst van de publieke pagina is bewaard.").await
    })
    .await
}

/// Write or withdraw (empty) the public summary of a campaign ("campagne"),
/// a decision ("beslissing") or a signal ("signaal").
#[server(endpoint = "publieke-samenvatting-opslaan")]
pub async fn save_public_summary(tenant: String, kind: String, id: i64, summary: String) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        use crate::storage::PublicKind;
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "publieke-samenvatting-opslaan", &tenant).await?;
        let public_kind = match kind.as_str() {
            "campagne" => PublicKind::Campaign,
            "beslissing" => PublicKind::Decision,
            "signaal" => PublicKind::Signal,
            _ => return Err(AppError::NotFound),
        };
        let saved = crate::usecases::reports::public::save_summary(state.store.as_ref(), &caller, public_kind, id, &summary).await;
        // Refused without JavaScript (personal data, too long), the page comes back with what was typed.
        if saved.is_err() && crate::server::is_plain_form_post() {
            auth::set_flash(RETURNED_PUBLIC, &(&kind, id, &summary)).await?;
        }
        saved?;
        tell(if summary.trim().is_empty() { "Niet meer openbaar." } else { "De publieke samenvatting is bewaard." }).await
    })
    .await
}
