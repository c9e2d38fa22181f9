//! Working a signal from its panel: comment, assign, ask the reporter,
//! answer (the reporter), link; and what waits for a person on their home.
//! Flat text fields, so the signal's page posts the same forms without
//! JavaScript.

// Server functions take one argument per form field. server_fn drops lint
// attributes on the browser stub it generates, so allow it here for that build.
#![cfg_attr(feature = "hydrate", allow(clippy::too_many_arguments))]

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::workbench::{Colleague, Waiting};
use crate::error::AppError;

/// A text a plain form sent and the server refused, to fill its form again.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnedText {
    /// Which form: `opmerking`, `vraag`, `antwoord-{question}`, `koppelen`.
    pub form: String,
    pub record: i64,
    pub text: String,
}

/// Session key of a refused text, for the next page only.
#[cfg(feature = "ssr")]
pub const RETURNED_TEXT: &str = "text_returned";

/// Run a change; when a plain form's post is refused, keep what was typed.
#[cfg(feature = "ssr")]
async fn keeping<T>(form: &str, record: i64, text: &str, change: impl Future<Output = Result<T, AppError>>) -> Result<T, AppError> {
    let result = change.await;
    if result.is_err() && crate::server::is_plain_form_post() {
        let typed = ReturnedText { form: form.to_string(), record, text: text.to_string() };
        crate::server::auth::set_flash(RETURNED_TEXT, &typed).await?;
    }
    result
}

/// What was typed into this form, refused, on the previous page.
#[cfg(feature = "ssr")]
pub async fn returned_text() -> Result<Option<ReturnedText>, AppError> {
    crate::server::auth::take_flash::<ReturnedText>(RETURNED_TEXT).await
}

#[server(endpoint = "opmerking-plaatsen")]
pub async fn comment(tenant: String, signal: i64, text: String, confirmed: Option<String>) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "opmerking-plaatsen", &tenant).await?;
        let confirmed = super::admin::checked(&confirmed);
        let id = crate::domain::SignalId(signal);
        let public_url = &state.config.public_url;
        let store = state.store.as_ref();
        let now = chrono::Utc::now();
        keeping("opmerking", signal, &text, crate::usecases::workbench::comment(store, &caller, id, &text, confirmed, public_url, now))
            .await?;
        auth::set_feedback(super::feedback::Feedback::success("Je opmerking staat bij het signaal.")).await
    })
    .await
}

/// Assign a signal: `person` is a colleague's id, or empty for nobody.
#[server(endpoint = "signaal-toewijzen")]
pub async fn assign(tenant: String, signal: i64, person: String) -> Result<Option<Colleague>, AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "signaal-toewijzen", &tenant).await?;
        let to = match person.trim() {
            "" => None,
            id => Some(id.parse().map_err(|_| AppError::Invalid("Kies een collega uit de lijst.".into()))?),
        };
        let id = crate::domain::SignalId(signal);
        let now = chrono::Utc::now();
        let assignee = crate::usecases::workbench::assign(state.store.as_ref(), &caller, id, to, &state.config.public_url, now).await?;
        let said = match &assignee {
            Some(c) if c.person == caller.person.id => "Dit signaal is nu aan jou toegewezen.".to_string(),
            Some(c) => format!("Dit signaal is nu aan {} toegewezen.", c.name),
            None => "Dit signaal is aan niemand meer toegewezen.".to_string(),
        };
        auth::set_feedback(super::feedback::Feedback::success(said)).await?;
        Ok(assignee)
    })
    .await
}

#[server(endpoint = "vraag-stellen")]
pub async fn ask(tenant: String, signal: i64, text: String, confirmed: Option<String>) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "vraag-stellen", &tenant).await?;
        let confirmed = super::admin::checked(&confirmed);
        let id = crate::domain::SignalId(signal);
        let public_url = &state.config.public_url;
        let now = chrono::Utc::now();
        let asked = crate::usecases::workbench::ask(state.store.as_ref(), &caller, id, &text, confirmed, public_url, now);
        keeping("vraag", signal, &text, asked).await?;
        auth::set_feedback(super::feedback::Feedback::success("Je vraag is naar de signaalgever gestuurd.")).await
    })
    .await
}

/// The reporter answers a question about their own signal.
#[server(endpoint = "vraag-beantwoorden")]
pub async fn answer(tenant: String, question: i64, text: String, confirmed: Option<String>) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "vraag-beantwoorden", &tenant).await?;
        let confirmed = super::admin::checked(&confirmed);
        let id = crate::domain::QuestionId(question);
        let public_url = &state.config.public_url;
        let now = chrono::Utc::now();
        let answered = crate::usecases::workbench::answer(state.store.as_ref(), &caller, id, &text, confirmed, public_url, now);
        keeping(&format!("antwoord-{question}"), question, &text, answered).await?;
        auth::set_feedback(super::feedback::Feedback::success("Bedankt: je antwoord is bij de signaalverwerker.")).await
    })
    .await
}

/// Link a signal to another by its number, or (`remove`) undo a link.
#[server(endpoint = "signalen-koppelen")]
pub async fn link(tenant: String, signal: i64, other: String, remove: Option<String>) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "signalen-koppelen", &tenant).await?;
        let on = !super::admin::checked(&remove);
        let linked = async {
            let number = other.trim().trim_start_matches('#');
            let other = number
                .parse()
                .map(crate::domain::SignalId)
                .map_err(|_| AppError::Invalid("Geef het nummer van een signaal, bv. 12.".into()))?;
            let id = crate::domain::SignalId(signal);
            crate::usecases::workbench::link(state.store.as_ref(), &caller, id, other, on, chrono::Utc::now()).await
        };
        keeping("koppelen", signal, &other, linked).await?;
        let said = if on { "De signalen zijn gekoppeld." } else { "De koppeling is verwijderd." };
        auth::set_feedback(super::feedback::Feedback::success(said)).await
    })
    .await
}

/// What waits for the caller: their notifications, cards and open questions.
#[server(endpoint = "wat-wacht")]
pub async fn load_waiting(tenant: String) -> Result<Waiting, AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "wat-wacht", &tenant).await?;
        crate::usecases::workbench::waiting(state.store.as_ref(), &caller, WAITING_DAYS).await
    })
    .await
}

/// How far back a home's notifications look.
pub const WAITING_DAYS: i64 = 30;

/// One action on several cards (`action`: `toewijzen` with `person`,
/// `verplaatsen` with `to` and an optional `note`, `bundelen` with `title`).
/// Each card is checked on its own; the report says what was refused and why.
#[server(endpoint = "kaarten-samen")]
pub async fn bulk(
    tenant: String,
    signals: Vec<i64>,
    action: String,
    person: Option<String>,
    to: Option<String>,
    note: Option<String>,
    title: Option<String>,
) -> Result<crate::domain::bulk::BulkReport, AppError> {
    crate::server::answer(async move {
        use crate::domain::{Phase, SignalId};
        use crate::server::{app_state, auth};
        use crate::usecases::bulk::{BulkAction, run};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "kaarten-samen", &tenant).await?;
        let action = match action.as_str() {
            "toewijzen" => BulkAction::Assign(match person.as_deref().map(str::trim).unwrap_or("") {
                "" => None,
                id => Some(id.parse().map_err(|_| AppError::Invalid("Kies een collega uit de lijst.".into()))?),
            }),
            "verplaatsen" => BulkAction::Move {
                to: to.as_deref().and_then(Phase::from_code).ok_or_else(|| AppError::Invalid("Kies een kolom.".into()))?,
                note: note.unwrap_or_default(),
            },
            "bundelen" => BulkAction::Bundle { title: title.unwrap_or_default() },
            _ => return Err(AppError::Invalid("Kies wat er met de kaarten moet gebeuren.".into())),
        };
        let ids: Vec<SignalId> = signals.into_iter().map(SignalId).collect();
        run(state.store.as_ref(), &caller, &ids, action, &state.config.public_url).await
    })
    .await
}

/// A processor changes a signal's title and classification (based on `version`).
#[server(endpoint = "signaal-aanpassen")]
#[allow(clippy::too_many_arguments)] // one argument per form field
pub async fn edit(
    tenant: String,
    signal: i64,
    version: i64,
    title: String,
    policy_domain: Option<String>,
    target_groups: Option<Vec<String>>,
    life_domains: Option<Vec<String>>,
    confirmed: Option<String>,
) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::domain::workbench::SignalEdit;
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "signaal-aanpassen", &tenant).await?;
        let policy_domain = match policy_domain.as_deref().map(str::trim).unwrap_or("") {
            "" => None,
            id => Some(id.parse().map_err(|_| AppError::Invalid("Kies een beleidsdomein uit de lijst.".into()))?),
        };
        let edit = SignalEdit {
            title: title.clone(),
            policy_domain,
            target_groups: target_groups.unwrap_or_default(),
            life_domains: life_domains.unwrap_or_default(),
        };
        let confirmed = super::admin::checked(&confirmed);
        let id = crate::domain::SignalId(signal);
        let edited = crate::usecases::workbench::edit(state.store.as_ref(), &caller, id, version, edit, confirmed, chrono::Utc::now());
        keeping("aanpassen", signal, &title, edited).await?;
        auth::set_feedback(super::feedback::Feedback::success("De gegevens van het signaal zijn aangepast.")).await
    })
    .await
}
