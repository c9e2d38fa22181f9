//! A PDF download that says when it takes a while: the link works without
//! JavaScript; alive, it adds a token the server sends back as a cookie once
//! the file is ready, and after a second without it the page says the file
//! is being made.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The cookie the server sets when the file is ready (`server::documents::READY_COOKIE`).
const READY_COOKIE: &str = "seinhuis-pdf-klaar";

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Idle,
    Making,
    Ready,
}

#[island]
pub fn PdfDownload(href: String, label: String, file: String) -> impl IntoView {
    let state = RwSignal::new(State::Idle);
    let plain = href.clone();
    let start = move |ev: leptos::ev::MouseEvent| {
        let fresh = format!("{:x}", (js_sys::Math::random() * 1e15) as u64);
        // Set on the element itself, before the browser follows the link.
        if let Some(anchor) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            let _ = anchor.set_attribute("href", &format!("{plain}?klaar={fresh}"));
        }
        state.set(State::Idle);
        let waited = std::rc::Rc::new(std::cell::Cell::new(0u32));
        poll(fresh, state, waited);
    };
    let told = move || match state.get() {
        State::Idle => "",
        State::Making => "Het PDF-bestand wordt gemaakt…",
        State::Ready => "Het PDF-bestand is klaar.",
    };
    view! {
        <a class="button" href=href download=file data-pdf="true" on:click=start>{label}</a>
        " "
        <span class="hint" role="status">{told}</span>
    }
}

/// Every quarter second: is our file ready? After a second, say it is being made.
fn poll(token: String, state: RwSignal<State>, waited: std::rc::Rc<std::cell::Cell<u32>>) {
    set_timeout(
        move || {
            if ready(&token) {
                state.set(if state.get_untracked() == State::Making { State::Ready } else { State::Idle });
                return;
            }
            waited.set(waited.get() + 250);
            if waited.get() >= 1000 {
                state.set(State::Making);
            }
            // Give up telling after two minutes; the browser still shows its download.
            if waited.get() < 120_000 {
                poll(token, state, waited);
            }
        },
        std::time::Duration::from_millis(250),
    );
}

fn ready(token: &str) -> bool {
    let cookies = document().dyn_into::<web_sys::HtmlDocument>().ok().and_then(|d| d.cookie().ok()).unwrap_or_default();
    cookies.split(';').any(|c| c.trim() == format!("{READY_COOKIE}={token}"))
}
