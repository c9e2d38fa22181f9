//! Similar signals of the tenant, shown while typing, with "ik zie dit ook".

use leptos::prelude::*;

use crate::api::intake::{record_sighting, similar_signals};
use crate::domain::SimilarSignal;

/// Looks up similar signals half a second after the text stops changing.
#[component]
pub fn SimilarSignals(tenant: String, text: Signal<String>) -> impl IntoView {
    let results = RwSignal::new(Vec::<SimilarSignal>::new());
    let noted = RwSignal::new(Vec::<i64>::new());
    let tenant = StoredValue::new(tenant);
    super::typing::after_typing(text, results, move |text| similar_signals(tenant.get_value(), text));
    view! {
        <aside class="similar" aria-labelledby="lijkt-op">
            <h2 id="lijkt-op">"Lijkt op"</h2>
            <p class="hint">"Signalen van collega's die op het jouwe lijken. Zie je hetzelfde? Zeg het met ‘Ik zie dit ook’ in plaats van een nieuw signaal."</p>
            <ul class="similar-list" aria-live="polite">
                <For each=move || results.get() key=|s| (s.id, s.organisations, s.sightings) let:signal>
                    <SimilarCard signal tenant=tenant.get_value() noted/>
                </For>
            </ul>
        </aside>
    }
}

#[component]
fn SimilarCard(signal: SimilarSignal, tenant: String, noted: RwSignal<Vec<i64>>) -> impl IntoView {
    let id = signal.id.0;
    let open = RwSignal::new(false);
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let organisations = RwSignal::new(signal.organisations);
    let tenant = StoredValue::new(tenant);
    let confirm = move |_| {
        let tenant = tenant.get_value();
        leptos::task::spawn_local(async move {
            match record_sighting(tenant, id, Some(note.get_untracked())).await {
                Ok(card) => {
                    organisations.set(card.organisations);
                    noted.update(|n| n.push(id));
                    open.set(false);
                }
                Err(e) => error.set(Some(e.message())),
            }
        });
    };
    let seen = move || match organisations.get() {
        1 => "gezien door 1 organisatie".to_string(),
        n => format!("gezien door {n} organisaties"),
    };
    view! {
        <li class="similar-card" data-signal=id>
            <p class="similar-title">{signal.title.clone()}</p>
            <p class="card-meta">{signal.phase.label()} " · " {seen}</p>
            <Show
                when=move || noted.get().contains(&id)
                fallback=move || view! {
                    <Show
                        when=move || open.get()
                        fallback=move || view! {
                            <button type="button" class="button button-small button-quiet" on:click=move |_| open.set(true)>
                                "Ik zie dit ook"
                            </button>
                        }
                    >
                        <label for=format!("notitie-{id}")>"Wat zie jij? (niet verplicht)"</label>
                        <input id=format!("notitie-{id}") prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))/>
                        <p class="field-error" role="alert">{move || error.get()}</p>
                        <button type="button" class="button button-small" on:click=confirm>"Bevestig: ik zie dit ook"</button>
                    </Show>
                }
            >
                <p class="notice notice-ok" role="status">"Genoteerd: je organisatie ziet dit ook."</p>
            </Show>
        </li>
    }
}
