//! One card: what the signal is (title, age, policy domain, target groups,
//! how many organisations met it and their sectors, its bundle), a link to
//! its page, and, once the island is alive, the three ways to move it.

use chrono::Utc;
use leptos::ev::{DragEvent, KeyboardEvent, MouseEvent};
use leptos::prelude::*;

use super::live::INSTRUCTIONS;
use super::moving::{handle_id, start_move};
use super::state::{BoardState, PickedUp};
use crate::components::dates::age;
use crate::domain::board::Card;
use crate::domain::vocabulary::{TARGET_GROUPS, label_of};
use crate::domain::{ORGANISATION_KINDS, Phase, SignalId, Source};

fn seen_by(organisations: u32, sectors: &[String]) -> Option<String> {
    let kinds = sectors.iter().map(|k| label_of(ORGANISATION_KINDS, k)).collect::<Vec<_>>().join(", ");
    match organisations {
        0 => None,
        1 => Some(format!("Gezien door 1 organisatie ({kinds})")),
        n => Some(format!("Gezien door {n} organisaties ({kinds})")),
    }
}

#[component]
pub fn CardView(card: Card) -> impl IntoView {
    let state = expect_context::<BoardState>();
    let tenant = state.tenant.get_value();
    let targets = card.targets(state.viewer);
    let s = card.signal.clone();
    let id = s.id;
    let movable = !targets.is_empty();
    let meta: Vec<String> =
        [s.policy_domain.clone(), s.organisation.clone(), Some(age(s.created_at, Utc::now()))].into_iter().flatten().collect();
    let groups = (!card.facts.target_groups.is_empty()).then(|| {
        let names = card.facts.target_groups.iter().map(|g| label_of(TARGET_GROUPS, g)).collect::<Vec<_>>().join(", ");
        view! { <p class="card-facts">"Doelgroepen: " {names}</p> }
    });
    // Waiting for screening past the tenant's deadline, in words.
    let overdue = state.board.with_untracked(|b| b.limits.overdue_days(s.phase, s.created_at, Utc::now()));
    let overdue_note = overdue.map(|days| view! { <p class="card-overdue">{crate::domain::limits::overdue_text(days)}</p> });
    let seen = seen_by(card.facts.organisations, &card.facts.sectors).map(|text| view! { <p class="card-facts">{text}</p> });
    let bundle = s.bundle.clone().map(|b| {
        view! { <p class="card-bundle">"Bundel: " <a href=format!("/{tenant}/bundels/{}", b.id)>{b.title}</a></p> }
    });
    let picked = move || state.picked.with(|p| p.as_ref().is_some_and(|p| p.id == id));
    let busy = move || state.busy.with(|b| b.contains(&id));
    let error = move || state.error_of(id).map(|e| view! { <p class="card-error" role="alert">{e}</p> });
    let drag_targets = targets.clone();
    let title = s.title.clone();
    // A plain click opens the panel; with a modifier the browser opens the page.
    let open_panel = move |ev: MouseEvent| {
        if state.alive.get_untracked() && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key()) {
            ev.prevent_default();
            state.panel.show(state, id);
        }
    };
    let assignee = card.facts.assignee.clone().map(|name| view! { <p class="card-facts">"Toegewezen aan " {name}</p> });
    view! {
        <article
            class="card"
            class:picked=picked
            class:busy=busy
            class:overdue=overdue.is_some()
            data-signal=id.0
            draggable=move || if movable && state.alive.get() { "true" } else { "false" }
            on:dragstart=move |ev: DragEvent| {
                if let Some(data) = ev.data_transfer() {
                    let _ = data.set_data("text/plain", &id.to_string());
                    data.set_effect_allowed("move");
                }
                state.dragging.set(Some((id, drag_targets.clone())));
            }
            on:dragend=move |_| {
                state.dragging.set(None);
                state.over.set(None);
            }
        >
            <div class="card-head">
                {move || state.alive.get().then(|| view! { <SelectBox id title=title.clone()/> })}
                <h3 class="card-title">
                    <a href=format!("/{}/signalen/{id}", state.tenant.get_value()) id=format!("kaart-{id}") on:click=open_panel>
                        {s.title.clone()}
                    </a>
                </h3>
            </div>
            <p class="card-meta">
                <span class="signal-number">"#" {id.0}</span>
                " · "
                {meta.join(" · ")}
                {(s.source == Source::Citizen).then(|| view! { " · " <span class="tag">"burger"</span> })}
            </p>
            {overdue_note}
            {assignee}
            {groups}
            {seen}
            {bundle}
            {error}
            // Only in a live island: without JavaScript the card's page does the moves.
            {move || {
                (movable && state.alive.get())
                    .then(|| view! { <MoveControls id title=s.title.clone() phase=s.phase targets=targets.clone()/> })
            }}
        </article>
    }
}

/// "Oppakken" for the keyboard, and "Verplaats naar…" for everyone (also on
/// a phone), with its list drawn only while open.
#[component]
fn MoveControls(id: SignalId, title: String, phase: Phase, targets: Vec<Phase>) -> impl IntoView {
    let state = expect_context::<BoardState>();
    let menu_id = format!("verplaats-{id}");
    let open = move || state.menu.get() == Some(id);
    // A key already handled the button (Space's click follows on key-up).
    let by_key = StoredValue::new(false);
    let pick_up = {
        let (title, targets) = (title.clone(), targets.clone());
        move || match state.picked.get_untracked() {
            Some(p) if p.id == id => match p.target() {
                Some(to) => {
                    state.picked.set(None);
                    start_move(state, id, to);
                }
                None => state.say("Kies eerst een kolom met de pijltjestoetsen, of annuleer met Escape."),
            },
            _ => {
                state.menu.set(None);
                state.picked.set(Some(PickedUp { id, targets: targets.clone(), at: None }));
                state.say(format!(
                    "‘{title}’ opgepakt, in {}. Kies een kolom met de pijltjestoetsen, zet neer met spatie, annuleer met Escape.",
                    phase.label()
                ));
            }
        }
    };
    let on_key = {
        let (title, pick_up) = (title.clone(), pick_up.clone());
        move |ev: KeyboardEvent| match ev.key().as_str() {
            " " | "Enter" => {
                ev.prevent_default();
                by_key.set_value(true);
                pick_up();
            }
            "ArrowRight" | "ArrowDown" | "ArrowLeft" | "ArrowUp" => {
                let forward = matches!(ev.key().as_str(), "ArrowRight" | "ArrowDown");
                if state.picked.with_untracked(|p| p.as_ref().is_some_and(|p| p.id == id)) {
                    ev.prevent_default();
                    state.picked.update(|p| {
                        if let Some(p) = p {
                            p.step(forward);
                        }
                    });
                    if let Some(to) = state.picked.with_untracked(|p| p.as_ref().and_then(|p| p.target())) {
                        state.say(format!("Naar {}. Druk op spatie om hier neer te zetten.", to.label()));
                    }
                }
            }
            "Escape" if state.picked.with_untracked(|p| p.as_ref().is_some_and(|p| p.id == id)) => {
                ev.prevent_default();
                state.picked.set(None);
                state.say(format!("Verplaatsen geannuleerd. ‘{title}’ blijft in {}.", phase.label()));
            }
            _ => {}
        }
    };
    let choices = move || {
        targets
            .iter()
            .map(|to| {
                let to = *to;
                view! {
                    <li>
                        <button
                            type="button"
                            class="link-button"
                            on:click=move |_| {
                                state.menu.set(None);
                                start_move(state, id, to);
                            }
                        >
                            {to.label()}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="card-actions">
            <button
                type="button"
                class="button button-small button-quiet"
                id=handle_id(id)
                aria-describedby=INSTRUCTIONS
                aria-pressed=move || if state.picked.with(|p| p.as_ref().is_some_and(|p| p.id == id)) { "true" } else { "false" }
                aria-label=format!("Oppakken: {title}")
                on:keydown=on_key
                on:click=move |_| {
                    if by_key.get_value() {
                        by_key.set_value(false);
                    } else {
                        pick_up();
                    }
                }
            >
                "Oppakken"
            </button>
            <button
                type="button"
                class="button button-small button-quiet"
                aria-expanded=move || if open() { "true" } else { "false" }
                aria-controls=menu_id.clone()
                on:click=move |_| state.menu.set(if open() { None } else { Some(id) })
            >
                "Verplaats naar…"
            </button>
            <ul class="move-menu" id=menu_id hidden=move || !open()>
                {move || open().then(choices.clone())}
            </ul>
        </div>
    }
}

/// Tick a card for a bulk action.
#[component]
fn SelectBox(id: SignalId, title: String) -> impl IntoView {
    let state = expect_context::<BoardState>();
    let checked = move || state.selected.with(|s| s.contains(&id));
    view! {
        <input
            type="checkbox"
            class="card-select"
            id=format!("kies-{id}")
            aria-label=format!("Selecteer ‘{title}’")
            prop:checked=checked
            on:change=move |_| {
                state.selected.update(|s| {
                    if let Some(at) = s.iter().position(|x| *x == id) {
                        s.remove(at);
                    } else {
                        s.push(id);
                    }
                })
            }
        />
    }
}
