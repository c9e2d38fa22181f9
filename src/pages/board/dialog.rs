//! The dialog a move opens when it asks for something (a reason, an outcome,
//! a message to the reporter, an internal note): the same questions as the
//! move's form on the signal's page, in a modal `<dialog>` over the board.

use leptos::html::Dialog;
use leptos::prelude::*;

use super::moving::{Fields, handle_id, send};
use super::state::BoardState;
use crate::components::browser::{focus_soon, form_values};
use crate::components::moves::{Choice, Remark, wording};
use crate::domain::moves::Ask;
use crate::domain::{NotRetainedReason, Outcome};

const FORM_ID: &str = "verplaats-formulier";

#[component]
pub fn MoveDialog() -> impl IntoView {
    let state = expect_context::<BoardState>();
    let dialog = NodeRef::<Dialog>::new();
    Effect::new(move |_| {
        let open = state.asking.with(|a| a.is_some());
        if let Some(dialog) = dialog.get() {
            if open && !dialog.open() {
                let _ = dialog.show_modal();
            } else if !open && dialog.open() {
                dialog.close();
            }
        }
    });
    let cancel = move || {
        if let Some(asking) = state.asking.get_untracked() {
            state.asking.set(None);
            focus_soon(handle_id(asking.card.signal.id));
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(asking) = state.asking.get_untracked() else { return };
        if asking.needs.bundle {
            return;
        }
        let fields = Fields::from_form(form_values(FORM_ID).unwrap_or_default());
        send(state, asking.card, asking.to, fields, true);
    };
    // Drawn anew for each move; an error does not redraw the fields, so what
    // was typed stays.
    let key = Memo::new(move |_| state.asking.with(|a| a.as_ref().map(|a| (a.card.signal.id, a.to))));
    let content = move || {
        key.get()?;
        let asking = state.asking.get_untracked()?;
        let (label, explanation) = wording(asking.needs.kind, asking.to);
        let needs = asking.needs;
        let heading = format!("‘{}’ naar {}", asking.card.signal.title, asking.to.label());
        let field = |name: &str| format!("dialoog-{name}");
        let mark = |ask: Ask| if ask == Ask::Required { " (verplicht)" } else { " (niet verplicht)" };
        let body = if needs.bundle {
            let tenant = state.tenant.get_value();
            view! {
                <p>{explanation} " " <a href=format!("/{tenant}/bundels")>"Naar de bundels"</a></p>
                <div class="dialog-buttons">
                    <button type="button" class="button" on:click=move |_| cancel()>"Sluiten"</button>
                </div>
            }
            .into_any()
        } else {
            let reason = needs.reason.then(|| {
                let options = NotRetainedReason::ALL.map(|r| (r.code(), r.label())).to_vec();
                view! {
                    <Choice id=field("reden") name="reason" label="Waarom niet weerhouden? (verplicht)" empty="Kies een reden"
                        options chosen=String::new()/>
                    <div class="field">
                        <label for=field("dubbel")>"Dubbel van signaal nummer"</label>
                        <p class="hint" id=field("dubbel-uitleg")>"Alleen bij de reden ‘Dubbel signaal’, bijvoorbeeld 12."</p>
                        <input id=field("dubbel") name="duplicate_of" inputmode="numeric" aria-describedby=field("dubbel-uitleg")/>
                    </div>
                }
            });
            let outcome = needs.outcome.then(|| {
                let options = Outcome::ALL.map(|o| (o.code(), o.label())).to_vec();
                view! {
                    <Choice id=field("afloop") name="outcome" label="Hoe loopt het af? (verplicht)" empty="Kies een afloop"
                        options chosen=String::new()/>
                }
            });
            let message = (needs.message != Ask::No).then(|| {
                let label = format!("Bericht aan de signaalgever{}", mark(needs.message));
                view! {
                    <Remark id=field("bericht") name="message" label hint="De signaalgever leest dit in Mijn signalen en in de mail."
                        rows=4 typed=String::new()/>
                }
            });
            let note = (needs.note != Ask::No).then(|| {
                let label = format!("Interne notitie: waarom?{}", mark(needs.note));
                view! {
                    <Remark id=field("notitie") name="note" label hint="Alleen signaalverwerkers lezen dit, nooit de signaalgever."
                        rows=2 typed=String::new()/>
                }
            });
            view! {
                <form id=FORM_ID class="form" on:submit=submit>
                    {reason}
                    {outcome}
                    {message}
                    {note}
                    <div class="dialog-buttons">
                        <button type="submit" class="button">{label}</button>
                        <button type="button" class="button button-quiet" on:click=move |_| cancel()>"Annuleren"</button>
                    </div>
                </form>
            }
            .into_any()
        };
        Some(view! {
            <h2 id="verplaats-titel">{heading}</h2>
            <p class="hint">{explanation}</p>
            {move || state.asking.with(|a| a.as_ref().and_then(|a| a.error.clone())).map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            {body}
        })
    };
    view! {
        <dialog
            node_ref=dialog
            class="move-dialog"
            aria-labelledby="verplaats-titel"
            on:close=move |_| {
                if state.asking.with_untracked(|a| a.is_some()) {
                    cancel();
                }
            }
        >
            {content}
        </dialog>
    }
}
