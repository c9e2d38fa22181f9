//! Internal comments on a signal, and a new one that may mention colleagues.

use leptos::html::Textarea;
use leptos::prelude::*;

use super::{PrivacyConfirm, Refusal, Reload, TextField, answered, sending, typed};
use crate::api::workbench::{Comment, ReturnedText};
use crate::components::heading::Heading;
use crate::components::history::HistoryLine;
use crate::domain::HistoryEntry;
use crate::domain::workbench::Colleague;

/// The comments so far, and a new one that may mention colleagues.
#[component]
pub(super) fn Comments(
    tenant: String,
    signal: i64,
    comments: Vec<HistoryEntry>,
    mentionable: Vec<Colleague>,
    returned: Option<ReturnedText>,
    level: u8,
) -> impl IntoView {
    let action = ServerAction::<Comment>::new();
    let error = answered(action);
    let to = tenant.clone();
    let (url, send) =
        sending(action, move |v| Comment { tenant: to.clone(), signal, text: v("text").unwrap_or_default(), confirmed: v("confirmed") });
    let kept = typed(&returned, "opmerking", signal);
    let refused = kept.is_some();
    let field = format!("opmerking-{signal}");
    let [kop, fout, bevestig] = ["kop", "fout", "bevestig"].map(|part| format!("{field}-{part}"));
    let text = NodeRef::<Textarea>::new();
    let live = use_context::<Reload>().is_some();
    // In the panel a name is put into the text; on the page they are listed.
    let names = mentionable
        .into_iter()
        .map(|c| {
            let name = c.name.clone();
            let mention = move |_| {
                if let Some(area) = text.get() {
                    let value = area.value();
                    let space = if value.is_empty() || value.ends_with(' ') { "" } else { " " };
                    area.set_value(&format!("{value}{space}@{name} "));
                    let _ = area.focus();
                }
            };
            if live {
                view! { <li><button type="button" class="button button-small button-quiet" on:click=mention>"@" {c.name}</button></li> }
                    .into_any()
            } else {
                view! { <li>"@" {c.name}</li> }.into_any()
            }
        })
        .collect_view();
    let list = comments.into_iter().rev().map(|entry| view! { <HistoryLine entry/> }).collect_view();
    view! {
        <section aria-labelledby=kop.clone() class="work-part">
            <Heading level id=kop.clone()>"Opmerkingen"</Heading>
            <p class="hint">"Intern: de signaalgever leest ze nooit."</p>
            <ol class="history comments">{list}</ol>
            <form method="post" action=url class="form" on:submit=send>
                <input type="hidden" name="tenant" value=tenant/>
                <input type="hidden" name="signal" value=signal/>
                <div class="field">
                    <TextField
                        id=field.clone()
                        label="Nieuwe opmerking"
                        hint="Noem een collega met @ en de naam: die krijgt bericht in Seinhuis en per mail. Geen gegevens van cliënten."
                        kept
                        node_ref=text
                    />
                    <p class="hint">"Wie je kan noemen:"</p>
                    <ul class="mention-list">{names}</ul>
                </div>
                <PrivacyConfirm id=bevestig.clone() shown=Signal::derive(move || refused || error.get().is_some())/>
                <Refusal error id=fout.clone()/>
                <div><button type="submit" class="button button-small">"Opmerking plaatsen"</button></div>
            </form>
        </section>
    }
    .into_any()
}
