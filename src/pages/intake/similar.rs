//! Similar signals beside the form, and "ik zie dit ook" on one of them:
//! a worker who meets a problem a colleague already reported says so, and
//! the signal gains an organisation instead of a duplicate.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser::focus_soon;
use crate::api::intake::record_sighting;
use crate::domain::SimilarSignal;

/// The id of the list, so the form can tell whether someone works in it.
pub const LIST_ID: &str = "lijkt-op-lijst";

/// The aside with the list. Hidden until the island is alive: without
/// JavaScript there is nothing to show.
#[component]
pub fn SimilarSignals(tenant: String, #[prop(into)] found: Signal<Vec<SimilarSignal>>, #[prop(into)] alive: Signal<bool>) -> impl IntoView {
    // Signals a sighting was recorded on, as the server answered: their
    // counts stay current and they stay "genoteerd" if they leave the list
    // and come back.
    let noted = RwSignal::new(Vec::<SimilarSignal>::new());
    view! {
        <aside class="similar" aria-labelledby="lijkt-op" hidden=move || !alive.get()>
            <h2 id="lijkt-op">"Lijkt op"</h2>
            <p class="hint">
                "Signalen van collega's die op het jouwe lijken. Zie je hetzelfde? Zeg het met ‘Ik zie dit ook’ in plaats van een nieuw signaal."
            </p>
            <ul class="similar-list" id=LIST_ID aria-live="polite">
                <For each=move || found.get() key=|signal| signal.id.0 let(signal)>
                    <SimilarCard tenant=tenant.clone() signal found noted/>
                </For>
            </ul>
        </aside>
    }
}

fn seen_by(organisations: u32) -> String {
    match organisations {
        1 => "gezien door 1 organisatie".into(),
        n => format!("gezien door {n} organisaties"),
    }
}

/// One similar signal: title, phase, how many organisations saw it, and
/// "Ik zie dit ook" (the button, then an optional note, then "genoteerd").
#[component]
fn SimilarCard(
    tenant: String,
    signal: SimilarSignal,
    found: Signal<Vec<SimilarSignal>>,
    noted: RwSignal<Vec<SimilarSignal>>,
) -> impl IntoView {
    let id = signal.id;
    let current = Memo::new(move |_| {
        let latest = |list: &Vec<SimilarSignal>| list.iter().find(|s| s.id == id).cloned();
        noted.with(latest).or_else(|| found.with(latest)).unwrap_or_else(|| signal.clone())
    });
    let is_noted = Memo::new(move |_| noted.with(|n| n.iter().any(|s| s.id == id)));
    let asking = RwSignal::new(false);
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let (note_id, done_id) = (format!("notitie-{}", id.0), format!("genoteerd-{}", id.0));

    let offer = {
        let note_id = note_id.clone();
        move |_| {
            asking.set(true);
            // The button goes: focus follows to the note that replaces it.
            focus_soon(note_id.clone());
        }
    };
    let confirm = {
        let done_id = done_id.clone();
        move |_| {
            // One sighting per click, however often an impatient finger taps.
            if busy.get_untracked() {
                return;
            }
            busy.set(true);
            let (tenant, done_id) = (tenant.clone(), done_id.clone());
            spawn_local(async move {
                match record_sighting(tenant, id.0, Some(note.get_untracked())).await {
                    Ok(updated) => {
                        noted.update(|n| n.push(updated));
                        focus_soon(done_id);
                    }
                    Err(e) => error.set(e.message()),
                }
                busy.set(false);
            });
        }
    };
    let action = move || {
        if is_noted.get() {
            // Focusable, so keyboard focus lands on it when the form it replaces goes.
            view! { <p class="notice notice-ok" role="status" tabindex="-1" id=done_id.clone()>"Genoteerd: je organisatie ziet dit ook."</p> }
                .into_any()
        } else if asking.get() {
            view! {
                <label for=note_id.clone()>"Wat zie jij? (niet verplicht)"</label>
                <input id=note_id.clone() prop:value=note on:input=move |ev| note.set(event_target_value(&ev))/>
                <p class="field-error" role="alert">{move || error.get()}</p>
                <button type="button" class="button button-small" on:click=confirm.clone()>"Bevestig: ik zie dit ook"</button>
            }
            .into_any()
        } else {
            view! { <button type="button" class="button button-small button-quiet" on:click=offer.clone()>"Ik zie dit ook"</button> }
                .into_any()
        }
    };
    view! {
        <li class="similar-card" data-signal=id.0>
            <p class="similar-title">{move || current.with(|s| s.title.clone())}</p>
            <p class="card-meta">{move || current.with(|s| format!("{} · {}", s.phase.label(), seen_by(s.organisations)))}</p>
            {action}
        </li>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_organisation_is_singular() {
        assert_eq!(super::seen_by(1), "gezien door 1 organisatie");
        assert_eq!(super::seen_by(3), "gezien door 3 organisaties");
    }
}
