//! Questions to a signal's reporter, their answers, and a new question.

use leptos::prelude::*;

use super::{PrivacyConfirm, Refusal, TextField, answered, sending, typed};
use crate::api::workbench::{Ask, ReturnedText};
use crate::components::dates::date_time;
use crate::components::heading::Heading;
use crate::domain::workbench::WorkView;

/// Questions to the reporter, their answers, and a new question.
#[component]
pub(super) fn Questions(tenant: String, signal: i64, work: WorkView, returned: Option<ReturnedText>, level: u8) -> impl IntoView {
    let action = ServerAction::<Ask>::new();
    let error = answered(action);
    let to = tenant.clone();
    let (url, send) =
        sending(action, move |v| Ask { tenant: to.clone(), signal, text: v("text").unwrap_or_default(), confirmed: v("confirmed") });
    let kept = typed(&returned, "vraag", signal);
    let refused = kept.is_some();
    let field = format!("vraag-{signal}");
    let [kop, fout, bevestig] = ["kop", "fout", "bevestig"].map(|part| format!("{field}-{part}"));
    let list = work
        .questions
        .into_iter()
        .map(|q| {
            let answer = match (q.answer, q.answered_at) {
                (Some(a), Some(at)) => view! { <p class="history-message">"Antwoord (" {date_time(at)} "): " {a}</p> }.into_any(),
                _ => view! { <p class="hint">"Nog geen antwoord."</p> }.into_any(),
            };
            view! {
                <li class="history-entry question">
                    <p class="history-what"><strong>"Vraag: "</strong> {q.question}</p>
                    <p class="history-meta">{date_time(q.asked_at)} {q.asked_by.map(|n| view! { " · " {n} })}</p>
                    {answer}
                </li>
            }
        })
        .collect_view();
    let form = match (work.may_work, work.no_question) {
        (false, _) => None,
        (true, Some(why)) => Some(view! { <p class="hint">{why}</p> }.into_any()),
        (true, None) => Some(
            view! {
                <form method="post" action=url class="form" on:submit=send>
                    <input type="hidden" name="tenant" value=tenant/>
                    <input type="hidden" name="signal" value=signal/>
                    <div class="field">
                        <TextField
                            id=field.clone()
                            label="Vraag aan de signaalgever"
                            hint="De signaalgever leest je vraag in Mijn signalen en krijgt een mail, van ‘de signaalverwerker’: niet met je naam."
                            kept
                            node_ref=NodeRef::new()
                        />
                    </div>
                    <PrivacyConfirm id=bevestig.clone() shown=Signal::derive(move || refused || error.get().is_some())/>
                    <Refusal error id=fout.clone()/>
                    <div><button type="submit" class="button button-small">"Vraag stellen"</button></div>
                </form>
            }
            .into_any(),
        ),
    };
    view! {
        <section aria-labelledby=kop.clone() class="work-part">
            <Heading level id=kop.clone()>"Vragen aan de signaalgever"</Heading>
            <ol class="history">{list}</ol>
            {form}
        </section>
    }
    .into_any()
}
