//! A heading whose level depends on where its part is shown (a signal is
//! the page's `h1` on its own page, an `h2` in the board's panel), so the
//! outline stays in order for screen readers.

use leptos::prelude::*;

#[component]
pub fn Heading(level: u8, #[prop(into, optional)] id: Option<String>, children: Children) -> impl IntoView {
    match level {
        1 => view! { <h1 id=id>{children()}</h1> }.into_any(),
        2 => view! { <h2 id=id>{children()}</h2> }.into_any(),
        3 => view! { <h3 id=id>{children()}</h3> }.into_any(),
        _ => view! { <h4 id=id>{children()}</h4> }.into_any(),
    }
}
