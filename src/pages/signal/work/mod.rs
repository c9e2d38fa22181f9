//! The team's work on a signal, in its page and in the board's panel: who it
//! is assigned to, internal comments with mentions, questions to the
//! reporter, and links to other signals. Each is a plain form posting to its
//! server function, so the page works without JavaScript; inside the board's
//! island the same forms send in place and the panel reloads (`Reload`).

mod comments;
mod edit;
mod links;
mod questions;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::api::workbench::{Assign, ReturnedText};
use crate::components::browser::submitted_values;
use crate::components::heading::Heading;
use crate::domain::HistoryEntry;
use crate::domain::workbench::{Colleague, MAX_TEXT_CHARS, WorkView};
use crate::error::AppError;
use comments::Comments;
use edit::edit_form;
use links::Links;
use questions::Questions;

/// Given by the board's panel: reload the signal after a change was sent.
/// Absent on the signal's own page (the server answers with the page again).
#[derive(Clone, Copy)]
pub struct Reload(pub Callback<()>);

/// After a form's action answers: reload on success; the refusal to show.
pub(super) fn answered<S>(action: ServerAction<S>) -> Signal<Option<String>>
where
    S: leptos::server_fn::ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    if let Some(Reload(reload)) = use_context::<Reload>() {
        Effect::new(move |_| {
            if matches!(action.value().get(), Some(Ok(_))) {
                reload.run(());
            }
        });
    }
    Signal::derive(move || action.value().get().and_then(|r| r.err()).map(|e| e.message()))
}

/// What a form sends: where it posts without JavaScript (a plain form, on
/// the signal's page), and in the panel the same server function called in
/// place, with the request `build` makes from the form's values.
pub(super) fn sending<S>(
    action: ServerAction<S>,
    build: impl Fn(&dyn Fn(&str) -> Option<String>) -> S + 'static,
) -> (&'static str, impl Fn(SubmitEvent) + 'static)
where
    S: leptos::server_fn::ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    let send = move |ev: SubmitEvent| {
        ev.prevent_default();
        let values = submitted_values(&ev);
        let value = |name: &str| values.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone());
        action.dispatch(build(&value));
    };
    (S::url(), send)
}

/// A refusal beside its form, read out when it appears.
#[component]
pub(super) fn Refusal(error: Signal<Option<String>>, #[prop(into)] id: String) -> impl IntoView {
    view! { <p class="field-error" id=id role="alert">{move || error.get()}</p> }
}

/// What a refused form had in it, for this form (page without JavaScript).
pub(super) fn typed(returned: &Option<ReturnedText>, form: &str, record: i64) -> Option<String> {
    returned.as_ref().filter(|r| r.form == form && r.record == record).map(|r| r.text.clone())
}

/// A team text (comment, question) with its label, hint and refusal ids;
/// `kept` is what a refused plain form had in it.
#[component]
pub(super) fn TextField(
    #[prop(into)] id: String,
    label: &'static str,
    hint: &'static str,
    kept: Option<String>,
    node_ref: NodeRef<leptos::html::Textarea>,
) -> impl IntoView {
    let (uitleg, described) = (format!("{id}-uitleg"), format!("{id}-uitleg {id}-fout"));
    view! {
        <label for=id.clone()>{label}</label>
        <p class="hint" id=uitleg>{hint}</p>
        <textarea id=id name="text" rows="3" maxlength=MAX_TEXT_CHARS aria-describedby=described node_ref=node_ref>
            {kept.unwrap_or_default()}
        </textarea>
    }
    .into_any()
}

/// "Ik bevestig…": shown once a text was refused, so a false alarm of the
/// privacy guard can be overruled knowingly.
#[component]
pub(super) fn PrivacyConfirm(#[prop(into)] id: String, shown: Signal<bool>) -> impl IntoView {
    view! {
        <div class="check" hidden=move || !shown.get()>
            <input type="checkbox" id=id.clone() name="confirmed"/>
            <label for=id>"Ik heb nagekeken: dit zijn geen persoonsgegevens van een cliënt."</label>
        </div>
    }
    .into_any()
}

/// Everything the team does with the signal, in the order of the work.
#[component]
pub fn TeamWork(
    tenant: String,
    signal: i64,
    work: WorkView,
    comments: Vec<HistoryEntry>,
    returned: Option<ReturnedText>,
    /// The level of the parts' headings.
    level: u8,
    /// The signal's version, which an edit is based on.
    version: i64,
) -> impl IntoView {
    let may_work = work.may_work;
    view! {
        {may_work.then(|| view! { <Assignment tenant=tenant.clone() signal assignee=work.assignee.clone() assignable=work.assignable.clone() level/> })}
        {may_work.then(|| edit_form(tenant.clone(), signal, version, work.clone(), returned.clone()))}
        <Questions tenant=tenant.clone() signal work=work.clone() returned=returned.clone() level/>
        <Comments tenant=tenant.clone() signal comments mentionable=work.mentionable.clone() returned=returned.clone() level/>
        <Links tenant signal work returned level/>
    }
    .into_any()
}

#[component]
fn Assignment(tenant: String, signal: i64, assignee: Option<Colleague>, assignable: Vec<Colleague>, level: u8) -> impl IntoView {
    let action = ServerAction::<Assign>::new();
    let error = answered(action);
    let to = tenant.clone();
    let (url, send) = sending(action, move |v| Assign { tenant: to.clone(), signal, person: v("person").unwrap_or_default() });
    let current = assignee.as_ref().map(|c| c.person);
    let field = format!("toewijzen-{signal}");
    let [kop, fout] = ["kop", "fout"].map(|part| format!("{field}-{part}"));
    let described = fout.clone();
    let options = assignable
        .into_iter()
        .map(|c| view! { <option value=c.person.0 selected=Some(c.person) == current>{c.name}</option> })
        .collect_view();
    let who = assignee.map(|c| c.name).unwrap_or_else(|| "niemand".to_string());
    view! {
        <section aria-labelledby=kop.clone() class="work-part">
            <Heading level id=kop.clone()>"Toegewezen aan " {who}</Heading>
            <form method="post" action=url class="inline-form" on:submit=send>
                <input type="hidden" name="tenant" value=tenant/>
                <input type="hidden" name="signal" value=signal/>
                <label for=field.clone()>"Geef aan"</label>
                <select id=field.clone() name="person" aria-describedby=described>
                    <option value="" selected=current.is_none()>"niemand"</option>
                    {options}
                </select>
                <button type="submit" class="button button-small">"Toewijzen"</button>
            </form>
            <Refusal error id=fout.clone()/>
        </section>
    }
    .into_any()
}
