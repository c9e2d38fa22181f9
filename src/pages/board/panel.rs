//! The detail panel: a card opened without leaving the board. It shows the
//! signal's own view (`pages::signal::SignalView`), with the team's forms
//! working in place; after each change, and whenever the stream says the
//! signal changed, it reads the signal again.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::state::BoardState;
use crate::api::signal::{SignalPage, load_signal};
use crate::components::browser::focus_soon;
use crate::domain::SignalId;
use crate::pages::signal::{Reload, SignalView};

const PANEL: &str = "signaalpaneel";
const CLOSE: &str = "signaalpaneel-sluiten";

/// Which signal the panel shows, and what the server answered for it.
#[derive(Clone, Copy)]
pub struct Panel {
    pub open: RwSignal<Option<SignalId>>,
    page: RwSignal<Option<Result<SignalPage, String>>>,
}

impl Default for Panel {
    fn default() -> Self {
        Panel::new()
    }
}

impl Panel {
    pub fn new() -> Self {
        Panel { open: RwSignal::new(None), page: RwSignal::new(None) }
    }

    /// Open a card in the panel, and put focus on it.
    pub fn show(self, state: BoardState, id: SignalId) {
        self.open.set(Some(id));
        self.page.set(None);
        self.load(state, id);
        focus_soon(CLOSE);
    }

    /// Read the signal again if the panel shows it.
    pub fn changed(self, state: BoardState, ids: &[SignalId]) {
        if let Some(id) = self.open.get_untracked().filter(|id| ids.contains(id)) {
            self.load(state, id);
        }
    }

    fn load(self, state: BoardState, id: SignalId) {
        let tenant = state.tenant.get_value();
        spawn_local(async move {
            let answer = load_signal(tenant, id.0).await.map_err(|e| e.message());
            // Only if the person did not open another card meanwhile.
            if self.open.get_untracked() == Some(id) {
                self.page.set(Some(answer));
            }
        });
    }

    fn close(self) {
        if let Some(id) = self.open.get_untracked() {
            self.open.set(None);
            focus_soon(format!("kaart-{id}"));
        }
    }
}

#[component]
pub fn SignalPanel() -> impl IntoView {
    let state = expect_context::<BoardState>();
    let panel = state.panel;
    provide_context(Reload(Callback::new(move |_| {
        if let Some(id) = panel.open.get_untracked() {
            panel.load(state, id);
        }
    })));
    let on_key = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            panel.close();
        }
    };
    let body = move || match panel.page.get() {
        None => view! { <p>"Signaal laden…"</p> }.into_any(),
        Some(Err(message)) => view! { <p class="notice notice-error" role="alert">{message}</p> }.into_any(),
        Some(Ok(page)) => view! { <SignalView page level=2/> }.into_any(),
    };
    move || {
        panel.open.get().map(|id| {
            view! {
                <aside id=PANEL class="signal-panel" aria-label=format!("Signaal #{id}") on:keydown=on_key>
                    <div class="signal-panel-bar">
                        <a href=format!("/{}/signalen/{id}", state.tenant.get_value())>"Open als pagina"</a>
                        <button type="button" id=CLOSE class="button button-small button-quiet" on:click=move |_| panel.close()>
                            "Sluiten"
                        </button>
                    </div>
                    {body}
                </aside>
            }
        })
    }
}
