//! The processing board: signals in columns per phase, and moving them.

// Server functions take one argument per form field. server_fn drops lint
// attributes on the browser stub it generates, so allow it here for that build.
#![cfg_attr(feature = "hydrate", allow(clippy::too_many_arguments))]

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::TenantHeader;
use crate::domain::{Phase, SignalSummary};
use crate::error::AppError;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Board {
    pub tenant: TenantHeader,
    pub columns: Vec<Column>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    pub phase: Phase,
    pub cards: Vec<Card>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Card {
    pub signal: SignalSummary,
    /// Where the caller may move it (the UI lists these first).
    pub targets: Vec<Phase>,
}

#[server(endpoint = "bord")]
pub async fn load_board(tenant: String) -> Result<Board, AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        use crate::usecases::signals::allowed_targets;
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "bord", &tenant).await?;
        let signals = state.store.read().await?.signal_summaries(caller.tenant.id).await?;
        let mut columns: Vec<Column> = Phase::ALL.into_iter().map(|phase| Column { phase, cards: vec![] }).collect();
        for signal in signals.into_iter().filter(|s| caller.membership.processes(&s.scope)) {
            let targets = allowed_targets(&caller, &signal);
            let column = Phase::ALL.iter().position(|p| *p == signal.phase).unwrap_or(0);
            columns[column].cards.push(Card { signal, targets });
        }
        Ok(Board { tenant: (&caller.tenant).into(), columns })
    })
    .await
}

/// Move one signal. Flat text fields, so a plain HTML form can post it too.
#[server(endpoint = "signaal-verplaatsen")]
#[allow(clippy::too_many_arguments)] // one argument per form field
pub async fn move_signal(
    tenant: String,
    signal: i64,
    version: i64,
    to: String,
    reason: Option<String>,
    outcome: Option<String>,
    message: Option<String>,
    note: Option<String>,
    duplicate_of: Option<String>,
) -> Result<SignalSummary, AppError> {
    crate::server::answer(async move {
        use crate::domain::SignalId;
        use crate::server::{app_state, auth};
        use crate::usecases::signals::MoveRequest;
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "signaal-verplaatsen", &tenant).await?;
        let request = MoveRequest {
            signal: SignalId(signal),
            version,
            to: parse_phase(&to)?,
            details: parse_details(reason, outcome, message, note, duplicate_of)?,
        };
        crate::usecases::signals::move_signal(state.store.as_ref(), &caller, request, &state.config.public_url).await
    })
    .await
}

#[cfg(feature = "ssr")]
pub(super) fn parse_phase(code: &str) -> Result<Phase, AppError> {
    Phase::from_code(code).ok_or_else(|| AppError::Invalid("Kies naar welke fase het signaal gaat.".into()))
}

#[cfg(feature = "ssr")]
pub(super) fn parse_details(
    reason: Option<String>,
    outcome: Option<String>,
    message: Option<String>,
    note: Option<String>,
    duplicate_of: Option<String>,
) -> Result<crate::domain::MoveDetails, AppError> {
    use crate::domain::{NotRetainedReason, Outcome};
    let filled = |v: Option<String>| v.filter(|s| !s.trim().is_empty());
    Ok(crate::domain::MoveDetails {
        reason: filled(reason)
            .map(|r| NotRetainedReason::from_code(&r).ok_or_else(|| AppError::Invalid("Kies een reden uit de lijst.".into())))
            .transpose()?,
        outcome: filled(outcome)
            .map(|o| Outcome::from_code(&o).ok_or_else(|| AppError::Invalid("Kies een afloop uit de lijst.".into())))
            .transpose()?,
        duplicate_of: filled(duplicate_of)
            .map(|d| {
                d.trim()
                    .trim_start_matches('#')
                    .parse()
                    .map_err(|_| AppError::Invalid("Geef het nummer van het signaal waarvan dit een dubbel is, bijvoorbeeld 12.".into()))
            })
            .transpose()?,
        bundle: None,
        message: message.unwrap_or_default(),
        note: note.unwrap_or_default(),
    })
}
