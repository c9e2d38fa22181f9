//! The processing board: signals in columns per phase, and moving them.

// Server functions take one argument per form field. server_fn drops lint
// attributes on the browser stub it generates, so allow it here for that build.
#![cfg_attr(feature = "hydrate", allow(clippy::too_many_arguments))]

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::TenantHeader;
use crate::domain::board::{Card, CardUpdate};
use crate::domain::{PersonId, Phase, SignalId, SignalSummary};
use crate::error::AppError;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Board {
    pub tenant: TenantHeader,
    /// Who looks at it: the lifecycle rules in the browser need the person.
    pub viewer: PersonId,
    /// The tenant's change number when the board was read: its stream goes on from here.
    pub seq: i64,
    pub columns: Vec<Column>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    pub phase: Phase,
    /// The oldest signals of this column, as far as the URL opened it.
    pub cards: Vec<Card>,
    /// How many signals the column holds in all.
    pub total: i64,
    /// The board's query that shows one page more of this column, if there is more.
    pub more: Option<String>,
    /// How many cards the URL opens this column to.
    pub shown: i64,
}

/// The board: per column the signals the caller processes, filtered and
/// paged in the database. `shown` is the page's query (`in_screening=50&…`):
/// how many cards each column shows.
#[server(endpoint = "bord")]
pub async fn load_board(tenant: String, shown: Option<String>) -> Result<Board, AppError> {
    crate::server::answer(async move {
        use crate::domain::board::{BoardPaging, ProcessedBy};
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "bord", &tenant).await?;
        let shown = shown.unwrap_or_default();
        let paging = BoardPaging::from_query(shown.split('&').filter_map(|pair| pair.split_once('=')));
        let processed = ProcessedBy::of(&caller.membership);
        let mut tx = state.store.read().await?;
        // Read first: a change committed while the columns are read is both
        // in them and in the stream, and showing it twice does no harm.
        let seq = tx.change_seq(caller.tenant.id).await?;
        let counts = tx.board_counts(caller.tenant.id, &processed).await?;
        let mut columns = Vec::with_capacity(Phase::ALL.len());
        for phase in Phase::ALL {
            let total = counts.iter().find(|(p, _)| *p == phase).map(|(_, n)| *n).unwrap_or(0);
            let limit = paging.shown(phase);
            let signals = if total == 0 { vec![] } else { tx.board_column(caller.tenant.id, &processed, phase, limit).await? };
            let cards = cards(&mut *tx, &caller, signals).await?;
            let more = (total > limit).then(|| paging.more(phase));
            columns.push(Column { phase, cards, total, more, shown: limit });
        }
        Ok(Board { tenant: (&caller.tenant).into(), viewer: caller.person.id, seq, columns })
    })
    .await
}

/// These signals as the caller's cards, as they are now: for a live board
/// that heard they changed. A signal the caller does not process (any more,
/// or ever, or of another tenant) comes back as gone, never as an error, so
/// the answer tells nothing about it.
#[server(endpoint = "bord-kaarten")]
pub async fn board_cards(tenant: String, signals: Vec<i64>) -> Result<Vec<CardUpdate>, AppError> {
    crate::server::answer(async move {
        use crate::domain::board::ProcessedBy;
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "bord-kaarten", &tenant).await?;
        if signals.len() > crate::domain::board::BOARD_MAX as usize {
            return Err(AppError::Invalid("Te veel kaarten tegelijk.".into()));
        }
        let processed = ProcessedBy::of(&caller.membership);
        let mut tx = state.store.read().await?;
        let mut found = Vec::new();
        for id in &signals {
            if let Some(signal) = tx.signal_summary(caller.tenant.id, SignalId(*id)).await?
                && processed.matches(&signal.scope)
            {
                found.push(signal);
            }
        }
        let found = cards(&mut *tx, &caller, found).await?;
        Ok(signals
            .into_iter()
            .map(|id| CardUpdate { id: SignalId(id), card: found.iter().find(|c| c.signal.id.0 == id).cloned() })
            .collect())
    })
    .await
}

/// Signals the caller processes as their cards: the facts beside each, and
/// the role they work it in.
#[cfg(feature = "ssr")]
async fn cards(
    tx: &mut dyn crate::storage::Tx,
    caller: &crate::server::auth::TenantCaller,
    signals: Vec<crate::domain::SignalSummary>,
) -> Result<Vec<Card>, AppError> {
    let ids: Vec<SignalId> = signals.iter().map(|s| s.id).collect();
    let mut facts = tx.card_facts(caller.tenant.id, &ids).await?;
    Ok(signals
        .into_iter()
        .map(|signal| {
            let acting_as = caller.membership.acting_role(&signal.scope);
            let at = facts.iter().position(|(id, _)| *id == signal.id);
            let facts = at.map(|i| facts.swap_remove(i).1).unwrap_or_default();
            Card { signal, acting_as, facts }
        })
        .collect())
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
        use crate::server::{app_state, auth, is_plain_form_post};
        use crate::usecases::signals::MoveRequest;
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "signaal-verplaatsen", &tenant).await?;
        // Kept to show the form again, filled in, when the move is refused.
        let typed = super::signal::ReturnedMove {
            signal,
            to: to.clone(),
            reason: reason.clone().unwrap_or_default(),
            outcome: outcome.clone().unwrap_or_default(),
            duplicate_of: duplicate_of.clone().unwrap_or_default(),
            message: message.clone().unwrap_or_default(),
            note: note.clone().unwrap_or_default(),
            error: String::new(),
        };
        let moved = async {
            let request = MoveRequest {
                signal: SignalId(signal),
                version,
                to: parse_phase(&to)?,
                details: parse_details(reason, outcome, message, note, duplicate_of)?,
            };
            crate::usecases::signals::move_signal(state.store.as_ref(), &caller, request, &state.config.public_url).await
        }
        .await;
        // Without JavaScript the browser goes back to the signal's page: with
        // the new phase, or with the refusal next to the form as it was typed.
        if is_plain_form_post() {
            let page = format!("/{}/signalen/{signal}", caller.tenant.slug);
            match &moved {
                Ok(s) => {
                    let done = format!("Signaal #{} staat nu in de fase ‘{}’.", s.id, s.phase.label());
                    auth::set_feedback(super::feedback::Feedback::success(done)).await?;
                    leptos_axum::redirect(&page);
                }
                // Not found: nothing to show again, and nothing to tell.
                Err(AppError::NotFound) => {}
                Err(error) => {
                    auth::set_flash(super::signal::RETURNED_MOVE, &super::signal::ReturnedMove { error: error.message(), ..typed }).await?;
                    leptos_axum::redirect(&format!("{page}#stap-{}", super::signal::ReturnedMove::anchor(&to)));
                }
            }
        }
        moved
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
