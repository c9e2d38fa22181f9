//! One signal with its history.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::TenantHeader;
use crate::domain::{HistoryEntry, Phase, Sighting, SignalDetails, Visibility};
use crate::error::AppError;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignalPage {
    pub tenant: TenantHeader,
    pub signal: SignalDetails,
    pub history: Vec<HistoryEntry>,
    /// "Ik zie dit ook": how many, their sectors, and names only for those who may know.
    pub sightings: Vec<Sighting>,
    // The page's own parts (moves, redaction, refused forms) render on the
    // server only; the board's panel, drawn in the browser, reads none of
    // them, so the browser's bundle carries no code to read them.
    #[cfg_attr(not(feature = "ssr"), serde(skip_deserializing))]
    pub targets: Vec<Phase>,
    /// What this reader may see (who reported, internal notes, names).
    #[cfg_attr(not(feature = "ssr"), serde(skip_deserializing, default = "nobody"))]
    pub visibility: Visibility,
    /// The hoofdsignaalverwerker may remove personal data from its texts.
    pub may_redact: bool,
    /// A move sent without JavaScript and refused: its form comes back filled in.
    #[cfg_attr(not(feature = "ssr"), serde(skip_deserializing))]
    pub returned: Option<ReturnedMove>,
    /// Assignee, comments' colleagues, questions and links: for its team only.
    pub work: Option<crate::domain::workbench::WorkView>,
    /// A comment, question or link sent without JavaScript and refused.
    #[cfg_attr(not(feature = "ssr"), serde(skip_deserializing))]
    pub returned_text: Option<super::workbench::ReturnedText>,
}

/// What a page read in the browser assumes of a reader it was not told about.
#[cfg(not(feature = "ssr"))]
fn nobody() -> Visibility {
    Visibility::for_reader(crate::domain::Reader::Outsider)
}

/// What was typed into a move's form, with the server's refusal.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnedMove {
    pub signal: i64,
    pub to: String,
    pub reason: String,
    pub outcome: String,
    pub duplicate_of: String,
    pub message: String,
    pub note: String,
    pub error: String,
}

impl ReturnedMove {
    /// The fragment of a move's form on the signal's page (`stap-{phase}`).
    pub fn anchor(to: &str) -> String {
        Phase::from_code(to).map(Phase::code).unwrap_or("verplaatsen").to_string()
    }
}

/// Session key of a refused move's form, for the next page only.
#[cfg(feature = "ssr")]
pub const RETURNED_MOVE: &str = "move_returned";

#[server(endpoint = "signaal")]
pub async fn load_signal(tenant: String, id: i64) -> Result<SignalPage, AppError> {
    crate::server::answer(async move {
        use crate::domain::{Reader, Role, SignalId};
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "signaal", &tenant).await?;
        let mut tx = state.store.read().await?;
        let summary = tx.signal_summary(caller.tenant.id, SignalId(id)).await?.ok_or(AppError::NotFound)?;
        // Not "geen toegang" for a signal one may not read: that would tell it exists.
        let reader = Reader::of(&caller.membership, caller.person.id, &summary.scope).ok_or(AppError::NotFound)?;
        let visibility = Visibility::for_reader(reader);
        let signal = tx.signal_details(caller.tenant.id, summary.id).await?.ok_or(AppError::NotFound)?;
        let history = tx.history(caller.tenant.id, summary.id).await?;
        let sightings = tx.sightings(caller.tenant.id, summary.id).await?;
        let targets = crate::usecases::signals::allowed_targets(&caller, &summary);
        let returned = auth::take_flash::<ReturnedMove>(RETURNED_MOVE).await?.filter(|r| r.signal == id && !targets.is_empty());
        let work = crate::usecases::workbench::work_view(&mut *tx, &caller, &signal, reader).await?;
        let returned_text = super::workbench::returned_text().await?.filter(|r| r.record == id);
        drop(tx);
        // Opening a signal reads what Seinhuis told about it.
        crate::usecases::workbench::read_notifications(state.store.as_ref(), &caller, summary.id).await?;
        Ok(SignalPage {
            tenant: (&caller.tenant).into(),
            signal: visibility.details(signal),
            history: visibility.history(history),
            sightings: sightings.into_iter().map(|s| visibility.sighting(s)).collect(),
            targets,
            visibility,
            may_redact: caller.membership.has(Role::Hoofdsignaalverwerker),
            returned,
            work,
            returned_text,
        })
    })
    .await
}

/// Remove personal data from a signal's texts (the hoofdsignaalverwerker).
#[server(endpoint = "persoonsgegevens-verwijderen")]
pub async fn redact_signal(tenant: String, signal: i64, passage: String) -> Result<u64, AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "persoonsgegevens-verwijderen", &tenant).await?;
        let id = crate::domain::SignalId(signal);
        let changed =
            crate::usecases::redaction::redact(state.store.as_ref(), &state.similarity, &caller, id, &passage, chrono::Utc::now()).await?;
        let places = if changed == 1 { "1 tekst".to_string() } else { format!("{changed} teksten") };
        auth::set_feedback(super::feedback::Feedback::success(format!("Verwijderd uit {places}."))).await?;
        Ok(changed)
    })
    .await
}
