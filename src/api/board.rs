//! The processing board: signals in columns per phase, and moving them.

// Server functions take one argument per form field. server_fn drops lint
// attributes on the browser stub it generates, so allow it here for that build.
#![cfg_attr(feature = "hydrate", allow(clippy::too_many_arguments))]

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::TenantHeader;
use crate::domain::board::{BoardPaging, Card, CardUpdate};
use crate::domain::board_filter::{BoardFilter, join_queries};
use crate::domain::{PersonId, Phase, SignalId, SignalSummary};
use crate::error::AppError;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Board {
    pub tenant: TenantHeader,
    /// Who looks at it: the lifecycle rules in the browser need the person.
    pub viewer: PersonId,
    /// The tenant's change number when the board was read: its stream goes on from here.
    pub seq: i64,
    /// How far the URL opens each column.
    pub paging: BoardPaging,
    /// What the URL filters on.
    pub filter: BoardFilter,
    /// The tenant's policy domains (code, name), for the filter's choice.
    pub domains: Vec<(String, String)>,
    pub columns: Vec<Column>,
    /// The tenant's soft limit per column and screening deadline.
    pub limits: crate::domain::limits::BoardLimits,
    /// The tenant's processors, to give cards to (each card checks its own).
    pub colleagues: Vec<crate::domain::workbench::Colleague>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    pub phase: Phase,
    /// The oldest signals of this column, as far as the URL opened it.
    pub cards: Vec<Card>,
    /// How many signals the column holds in all.
    pub total: i64,
}

impl Board {
    /// Put a card as the stream's news brings it where it belongs now: out
    /// of the column it was in, into its phase's column in date order (as
    /// far as that column is opened), with the counts kept right.
    pub fn apply(&mut self, update: CardUpdate) {
        for column in &mut self.columns {
            if let Some(at) = column.cards.iter().position(|c| c.signal.id == update.id) {
                column.cards.remove(at);
                column.total -= 1;
            }
        }
        let Some(card) = update.card else { return };
        let shown = self.paging.shown(card.signal.phase);
        let Some(column) = self.columns.iter_mut().find(|c| c.phase == card.signal.phase) else { return };
        column.total += 1;
        let key = |c: &Card| (c.signal.created_at, c.signal.id);
        let at = column.cards.partition_point(|c| key(c) < key(&card));
        // Beyond the opened part of a full column it is counted, not shown.
        if at < column.cards.len() || (column.cards.len() as i64) < shown {
            column.cards.insert(at, card);
            if column.cards.len() as i64 > shown {
                column.cards.pop();
            }
        }
    }

    /// The board's query that opens one page more of this column, if it holds more.
    pub fn more(&self, column: &Column) -> Option<String> {
        (column.total > column.cards.len() as i64).then(|| join_queries(&self.paging.more(column.phase), &self.filter.query()))
    }

    pub fn card(&self, id: SignalId) -> Option<&Card> {
        self.columns.iter().flat_map(|c| &c.cards).find(|c| c.signal.id == id)
    }
}

/// The board: per column the signals the caller processes, filtered and
/// paged in the database. `shown` is the page's query (`in_screening=50&…`):
/// how many cards each column shows.
#[server(endpoint = "bord")]
pub async fn load_board(tenant: String, shown: Option<String>) -> Result<Board, AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "bord", &tenant).await?;
        let shown = shown.unwrap_or_default();
        let pairs = || shown.split('&').filter_map(|pair| pair.split_once('='));
        let paging = BoardPaging::from_query(pairs());
        let mut tx = state.store.read().await?;
        let tenant_domains = tx.policy_domains(caller.tenant.id).await?;
        let (filter, selection) = selection(&tenant_domains, &caller, BoardFilter::from_query(pairs()));
        let domains: Vec<(String, String)> = tenant_domains.into_iter().map(|d| (d.code, d.name)).collect();
        // Read first: a change committed while the columns are read is both
        // in them and in the stream, and showing it twice does no harm.
        let seq = tx.change_seq(caller.tenant.id).await?;
        let counts = tx.board_counts(caller.tenant.id, &selection).await?;
        let total = |phase| counts.iter().find(|(p, _)| *p == phase).map_or(0, |(_, n)| *n);
        // All columns in one read, in the board's order, then the facts of
        // all their cards in one read, dealt out again per column.
        let columns: Vec<(Phase, i64)> =
            Phase::ALL.into_iter().filter(|phase| total(*phase) > 0).map(|phase| (phase, paging.shown(phase))).collect();
        let shown = tx.board_columns(caller.tenant.id, &selection, &columns).await?;
        let mut cards = cards(&mut *tx, &caller, shown).await?.into_iter().peekable();
        let columns = Phase::ALL
            .into_iter()
            .map(|phase| {
                let cards = std::iter::from_fn(|| cards.next_if(|card| card.signal.phase == phase)).collect();
                Column { phase, cards, total: total(phase) }
            })
            .collect();
        let limits = tx.board_limits(caller.tenant.id).await?;
        let colleagues = tx.processors(caller.tenant.id).await?;
        Ok(Board { tenant: (&caller.tenant).into(), viewer: caller.person.id, seq, paging, filter, domains, columns, limits, colleagues })
    })
    .await
}

/// These signals as the caller's cards, as they are now: for a live board
/// that heard they changed. A signal the caller does not process (any more,
/// or ever, or of another tenant), or that the board's filter (`shown`, the
/// board's query) leaves out, comes back as gone, never as an error, so the
/// answer tells nothing about it.
#[server(endpoint = "bord-kaarten")]
pub async fn board_cards(tenant: String, signals: Vec<i64>, shown: Option<String>) -> Result<Vec<CardUpdate>, AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "bord-kaarten", &tenant).await?;
        if signals.len() > crate::domain::board::BOARD_MAX as usize {
            return Err(AppError::Invalid("Te veel kaarten tegelijk.".into()));
        }
        let shown = shown.unwrap_or_default();
        let mut tx = state.store.read().await?;
        let filter = BoardFilter::from_query(shown.split('&').filter_map(|pair| pair.split_once('=')));
        let (_, selection) = selection(&tx.policy_domains(caller.tenant.id).await?, &caller, filter);
        let ids: Vec<SignalId> = signals.iter().map(|id| SignalId(*id)).collect();
        let selected = tx.board_matching(caller.tenant.id, &selection, &ids).await?;
        let mut found = Vec::new();
        for id in &selected {
            if let Some(signal) = tx.signal_summary(caller.tenant.id, *id).await? {
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

/// The board's filter resolved for the database: the signals the caller
/// processes, narrowed by it. A policy domain the tenant does not have is
/// dropped from the filter.
#[cfg(feature = "ssr")]
fn selection(
    domains: &[crate::domain::PolicyDomain],
    caller: &crate::server::auth::TenantCaller,
    mut filter: BoardFilter,
) -> (BoardFilter, crate::storage::BoardSelection) {
    use crate::domain::board::ProcessedBy;
    let policy_domain = domains.iter().find(|d| d.code == filter.policy_domain).map(|d| d.id);
    if policy_domain.is_none() {
        filter.policy_domain.clear();
    }
    let filled = |s: &String| (!s.is_empty()).then(|| s.clone());
    let selection = crate::storage::BoardSelection {
        processed: ProcessedBy::of(&caller.membership),
        policy_domain,
        life_domain: filled(&filter.life_domain),
        target_group: filled(&filter.target_group),
        sector: filled(&filter.sector),
        source: filter.source,
        created_before: filter.older_than.map(|days| chrono::Utc::now() - chrono::Duration::days(days)),
        stems: crate::usecases::search::stems_of(&filter.text),
        assignee: filter.mine.then_some(caller.person.id),
    };
    (filter, selection)
}

/// Signals the caller processes as their cards: the facts beside each, the
/// role they work it in, and the reporter's organisation only where the
/// visibility rule lets them know it.
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
        .map(|mut signal| {
            // Who reported it leaves the server only for those who may know.
            let reader = crate::domain::Reader::of(&caller.membership, caller.person.id, &signal.scope);
            if !reader.is_some_and(|r| crate::domain::Visibility::for_reader(r).reporter) {
                signal.organisation = None;
            }
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
        meeting: None,
        campaign: None,
        message: message.unwrap_or_default(),
        note: note.unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::domain::board::CardFacts;
    use crate::domain::{SignalScope, Source};

    fn card(id: i64, phase: Phase, day: u32) -> Card {
        Card {
            signal: SignalSummary {
                id: SignalId(id),
                title: format!("Signaal {id}"),
                phase,
                version: 1,
                policy_domain: None,
                organisation: None,
                sector: None,
                bundle: None,
                source: Source::Worker,
                created_at: Utc.with_ymd_and_hms(2026, 11, day, 9, 0, 0).unwrap(),
                scope: SignalScope::default(),
            },
            acting_as: None,
            facts: CardFacts::default(),
        }
    }

    fn board(submitted: Vec<Card>) -> Board {
        let column = |phase: Phase, cards: Vec<Card>| Column { phase, total: cards.len() as i64, cards };
        let paging = BoardPaging::default();
        Board {
            tenant: TenantHeader { slug: "gent".into(), name: "Gent".into() },
            viewer: PersonId(1),
            seq: 0,
            paging,
            filter: BoardFilter::default(),
            domains: vec![],
            columns: vec![column(Phase::Submitted, submitted), column(Phase::InScreening, vec![card(2, Phase::InScreening, 2)])],
            limits: Default::default(),
            colleagues: vec![],
        }
    }

    fn ids(board: &Board, column: usize) -> Vec<i64> {
        board.columns[column].cards.iter().map(|c| c.signal.id.0).collect()
    }

    #[test]
    fn a_moved_card_leaves_its_column_and_joins_the_next_in_date_order() {
        let mut b = board(vec![card(1, Phase::Submitted, 1), card(3, Phase::Submitted, 3)]);
        b.apply(CardUpdate { id: SignalId(1), card: Some(card(1, Phase::InScreening, 1)) });
        assert_eq!((ids(&b, 0), b.columns[0].total), (vec![3], 1));
        assert_eq!((ids(&b, 1), b.columns[1].total), (vec![1, 2], 2));
        // The same news twice changes nothing more.
        b.apply(CardUpdate { id: SignalId(1), card: Some(card(1, Phase::InScreening, 1)) });
        assert_eq!((ids(&b, 1), b.columns[1].total), (vec![1, 2], 2));
        // Gone from sight.
        b.apply(CardUpdate { id: SignalId(2), card: None });
        assert_eq!((ids(&b, 1), b.columns[1].total), (vec![1], 1));
        // A new signal.
        b.apply(CardUpdate { id: SignalId(9), card: Some(card(9, Phase::Submitted, 20)) });
        assert_eq!((ids(&b, 0), b.columns[0].total), (vec![3, 9], 2));
    }

    #[test]
    fn a_full_column_counts_a_newer_card_without_showing_it() {
        // A full first page: 25 cards, days 1 to 25 (ids 101 to 125).
        let mut b = board((1..=25).map(|day| card(100 + day as i64, Phase::Submitted, day)).collect());
        assert_eq!(b.more(&b.columns[0]), None);
        b.apply(CardUpdate { id: SignalId(9), card: Some(card(9, Phase::Submitted, 28)) });
        assert_eq!((ids(&b, 0).len(), *ids(&b, 0).last().unwrap(), b.columns[0].total), (25, 125, 26));
        assert_eq!(b.more(&b.columns[0]).as_deref(), Some("?submitted=50"));
        // An older one pushes the newest shown one out of the opened part.
        b.apply(CardUpdate { id: SignalId(8), card: Some(card(8, Phase::Submitted, 1)) });
        assert_eq!((ids(&b, 0)[..2].to_vec(), *ids(&b, 0).last().unwrap(), b.columns[0].total), (vec![8, 101], 124, 27));
    }
}
