//! One line of a signal's history, as processors and reporters read it.

use leptos::prelude::*;

use crate::components::dates::date_time;
use crate::domain::vocabulary::{NotRetainedReason, Outcome};
use crate::domain::{EventKind, HistoryEntry};

#[component]
pub fn HistoryLine(entry: HistoryEntry) -> impl IntoView {
    let what = entry.kind.describe(entry.from, entry.to);
    let reason = entry.reason.map(NotRetainedReason::label);
    let outcome = entry.outcome.map(Outcome::label);
    let message_label = match entry.kind {
        EventKind::InformationAdded => "Aanvulling: ",
        EventKind::Sighted => "Toelichting: ",
        _ => "Bericht aan de signaalgever: ",
    };
    view! {
        <li class="history-entry">
            <p class="history-what">
                <strong>{what}</strong>
                {reason.map(|r| view! { " — reden: " {r} })}
                {outcome.map(|o| view! { " — afloop: " {o} })}
                {entry.duplicate_of.map(|d| view! { " (dubbel van #" {d.0} ")" })}
            </p>
            <p class="history-meta">
                <time datetime=entry.at.to_rfc3339()>{date_time(entry.at)}</time>
                {entry.actor_name.map(|n| view! { " · " {n} })}
            </p>
            {entry.message.map(|m| view! { <p class="history-message">{message_label} {m}</p> })}
            {entry.note.map(|n| view! { <p class="history-note">"Interne notitie: " {n}</p> })}
        </li>
    }
    .into_any()
}
