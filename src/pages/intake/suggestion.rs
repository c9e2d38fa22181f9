//! The policy-domain suggestion under the select: a hint with how sure it
//! is, taken over with one click, never chosen for the person.

use leptos::prelude::*;

use crate::api::intake::suggest_policy_domain;
use crate::domain::intake::{DomainSuggestion, SignalDraft};

#[component]
pub fn DomainSuggestionHint(tenant: String, text: Signal<String>, draft: RwSignal<SignalDraft>) -> impl IntoView {
    let suggestion = RwSignal::new(None::<DomainSuggestion>);
    let tenant = StoredValue::new(tenant);
    super::typing::after_typing(text, suggestion, move |text| suggest_policy_domain(tenant.get_value(), text));
    let shown = move || suggestion.get().filter(|s| draft.with(|d| d.policy_domain != s.policy_domain.to_string()));
    view! {
        <p class="suggestion" role="status" id="beleidsdomein-voorstel">
            {move || shown().map(|s| {
                let how = if s.learned { "geleerd uit eerdere signalen" } else { "op basis van trefwoorden" };
                let id = s.policy_domain.to_string();
                view! {
                    "Voorstel: " <strong>{s.name.clone()}</strong> {format!(" ({}% zeker, {how}). ", s.confidence)}
                    <button type="button" class="link-button" on:click=move |_| draft.update(|d| d.policy_domain = id.clone())>
                        "Neem dit over"
                    </button>
                }
            })}
        </p>
    }
}
