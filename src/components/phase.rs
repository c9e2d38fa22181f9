use leptos::prelude::*;

use crate::domain::Phase;

/// The phase as a small coloured label.
#[component]
pub fn PhaseBadge(phase: Phase) -> impl IntoView {
    view! { <span class=format!("phase phase-{}", phase.code())>{phase.label()}</span> }
}
