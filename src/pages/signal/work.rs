//! The team's work on a signal, in its page and in the board's panel: who it
//! is assigned to, internal comments with mentions, questions to the
//! reporter, and links to other signals. Each is a plain form posting to its
//! server function, so the page works without JavaScript; inside the board's
//! island the same forms send in place and the panel reloads (`Reload`).

use leptos::ev::SubmitEvent;
use leptos::html::Textarea;
use leptos::prelude::*;

use crate::api::workbench::{Ask, Assign, Comment, ReturnedText};
use crate::components::browser::submitted_values;
use crate::components::dates::date_time;
use crate::components::heading::Heading;
use crate::components::history::HistoryLine;
use crate::components::phase::PhaseBadge;
use crate::domain::HistoryEntry;
use crate::domain::workbench::{Colleague, MAX_TEXT_CHARS, WorkView};
use crate::error::AppError;

/// Given by the board's panel: reload the signal after a change was sent.
/// Absent on the signal's own page (the server answers with the page again).
#[derive(Clone, Copy)]
pub struct Reload(pub Callback<()>);

/// After a form's action answers: reload on success; the refusal to show.
fn answered<S>(action: ServerAction<S>) -> Signal<Option<String>>
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
fn sending<S>(
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
fn Refusal(error: Signal<Option<String>>, #[prop(into)] id: String) -> impl IntoView {
    view! { <p class="field-error" id=id role="alert">{move || error.get()}</p> }
}

/// What a refused form had in it, for this form (page without JavaScript).
fn typed(returned: &Option<ReturnedText>, form: &str, record: i64) -> Option<String> {
    returned.as_ref().filter(|r| r.form == form && r.record == record).map(|r| r.text.clone())
}

/// "Ik bevestig…": shown once a text was refused, so a false alarm of the
/// privacy guard can be overruled knowingly.
#[component]
fn PrivacyConfirm(#[prop(into)] id: String, shown: Signal<bool>) -> impl IntoView {
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

/// The comments so far, and a new one that may mention colleagues.
#[component]
fn Comments(
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
    let [kop, fout, uitleg, bevestig] = ["kop", "fout", "uitleg", "bevestig"].map(|part| format!("{field}-{part}"));
    let described = format!("{uitleg} {fout}");
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
                    <label for=field.clone()>"Nieuwe opmerking"</label>
                    <p class="hint" id=uitleg.clone()>
                        "Noem een collega met @ en de naam: die krijgt bericht in Seinhuis en per mail. Geen gegevens van cliënten."
                    </p>
                    <textarea
                        id=field.clone()
                        name="text"
                        rows="3"
                        maxlength=MAX_TEXT_CHARS
                        node_ref=text
                        aria-describedby=described.clone()
                    >
                        {kept.unwrap_or_default()}
                    </textarea>
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

/// Questions to the reporter, their answers, and a new question.
#[component]
fn Questions(tenant: String, signal: i64, work: WorkView, returned: Option<ReturnedText>, level: u8) -> impl IntoView {
    let action = ServerAction::<Ask>::new();
    let error = answered(action);
    let to = tenant.clone();
    let (url, send) =
        sending(action, move |v| Ask { tenant: to.clone(), signal, text: v("text").unwrap_or_default(), confirmed: v("confirmed") });
    let kept = typed(&returned, "vraag", signal);
    let refused = kept.is_some();
    let field = format!("vraag-{signal}");
    let [kop, fout, uitleg, bevestig] = ["kop", "fout", "uitleg", "bevestig"].map(|part| format!("{field}-{part}"));
    let described = format!("{uitleg} {fout}");
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
                        <label for=field.clone()>"Vraag aan de signaalgever"</label>
                        <p class="hint" id=uitleg.clone()>
                            "De signaalgever leest je vraag in Mijn signalen en krijgt een mail, van ‘de signaalverwerker’: niet met je naam."
                        </p>
                        <textarea
                            id=field.clone()
                            name="text"
                            rows="3"
                            maxlength=MAX_TEXT_CHARS
                            aria-describedby=described.clone()
                        >
                            {kept.unwrap_or_default()}
                        </textarea>
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

/// A linked signal: its number, title and phase.
fn linked_item(tenant: &str, l: &crate::domain::workbench::LinkedSignal) -> impl IntoView + use<> {
    view! { <a href=format!("/{tenant}/signalen/{}", l.id)>"#" {l.id.0} " " {l.title.clone()}</a> " " <PhaseBadge phase=l.phase/> }
}

/// In the board's panel (drawn in the browser) the links are listed; they
/// are made and removed on the signal's page, which keeps the board's bundle
/// within its budget.
#[cfg(not(feature = "ssr"))]
#[component]
fn Links(tenant: String, signal: i64, work: WorkView, returned: Option<ReturnedText>, level: u8) -> impl IntoView {
    let _ = returned;
    let (kop, heading) = (format!("koppelen-{signal}-kop"), format!("koppelen-{signal}-kop"));
    let list = work.links.iter().map(|l| view! { <li>{linked_item(&tenant, l)}</li> }).collect_view();
    view! {
        <section aria-labelledby=kop class="work-part">
            <Heading level id=heading>"Gekoppelde signalen"</Heading>
            <ul class="plain-list">{list}</ul>
            {work.may_work.then(|| view! { <p class="hint">"Koppelen kan op de pagina van het signaal (‘Open als pagina’)."</p> })}
        </section>
    }
    .into_any()
}

#[cfg(feature = "ssr")]
use links::Links;

#[cfg(feature = "ssr")]
mod links {
    use leptos::prelude::*;

    use super::{Refusal, answered, linked_item, sending, typed};
    use crate::api::workbench::{Link, ReturnedText};
    use crate::components::heading::Heading;
    use crate::domain::workbench::WorkView;

    /// Signals about the same problem, and linking one more by its number.
    #[component]
    pub fn Links(tenant: String, signal: i64, work: WorkView, returned: Option<ReturnedText>, level: u8) -> impl IntoView {
        let action = ServerAction::<Link>::new();
        let error = answered(action);
        let field = format!("koppelen-{signal}");
        let [kop, fout] = ["kop", "fout"].map(|part| format!("{field}-{part}"));
        let described = fout.clone();
        let kept = typed(&returned, "koppelen", signal);
        let may_work = work.may_work;
        let list = work
            .links
            .into_iter()
            .map(|l| {
                let tenant = tenant.clone();
                let unlink = may_work.then(|| {
                    let to = tenant.clone();
                    let (url, send) = sending(action, move |v| Link {
                        tenant: to.clone(),
                        signal,
                        other: v("other").unwrap_or_default(),
                        remove: v("remove"),
                    });
                    view! {
                        <form method="post" action=url class="inline-form" on:submit=send>
                            <input type="hidden" name="tenant" value=tenant.clone()/>
                            <input type="hidden" name="signal" value=signal/>
                            <input type="hidden" name="other" value=l.id.0/>
                            <input type="hidden" name="remove" value="on"/>
                            <button type="submit" class="button button-small button-quiet">
                                "Ontkoppelen" <span class="visually-hidden">" van #" {l.id.0}</span>
                            </button>
                        </form>
                    }
                });
                view! {
                    <li>
                        {linked_item(&tenant, &l)}
                        {unlink}
                    </li>
                }
            })
            .collect_view();
        let form = may_work.then(move || {
            let to = tenant.clone();
            let (url, send) =
                sending(action, move |v| Link { tenant: to.clone(), signal, other: v("other").unwrap_or_default(), remove: v("remove") });
            view! {
                <form method="post" action=url class="inline-form" on:submit=send>
                    <input type="hidden" name="tenant" value=tenant/>
                    <input type="hidden" name="signal" value=signal/>
                    <label for=field.clone()>"Koppel aan signaal nummer"</label>
                    <input
                        id=field.clone()
                        name="other"
                        inputmode="numeric"
                        size="6"
                        value=kept.unwrap_or_default()
                        aria-describedby=described
                    />
                    <button type="submit" class="button button-small">"Koppelen"</button>
                </form>
                <Refusal error id=fout.clone()/>
            }
        });
        view! {
            <section aria-labelledby=kop.clone() class="work-part">
                <Heading level id=kop.clone()>"Gekoppelde signalen"</Heading>
                <ul class="plain-list">{list}</ul>
                {form}
            </section>
        }
    }
}

/// The edit form, on the signal's own page only: drawn on the server, so
/// the board's panel (drawn in the browser) does not carry its code; the
/// panel links to the page.
#[cfg(feature = "ssr")]
fn edit_form(tenant: String, signal: i64, version: i64, work: WorkView, returned: Option<ReturnedText>) -> impl IntoView {
    view! { <edit::EditForm tenant signal version work returned/> }
}

#[cfg(not(feature = "ssr"))]
fn edit_form(_: String, _: i64, _: i64, _: WorkView, _: Option<ReturnedText>) -> impl IntoView {
    view! { <p class="hint">"Titel of indeling aanpassen kan op de pagina van het signaal (‘Open als pagina’)."</p> }
}

#[cfg(feature = "ssr")]
mod edit {
    use leptos::prelude::*;

    use super::{PrivacyConfirm, Refusal, answered, typed};
    use crate::api::workbench::{Edit, ReturnedText};
    use crate::domain::intake::MAX_TITLE_CHARS;
    use crate::domain::vocabulary::{LIFE_DOMAINS, TARGET_GROUPS};
    use crate::domain::workbench::WorkView;

    /// "Gegevens aanpassen": a clearer title, another policy domain, target
    /// groups and life domains. The reporter's own texts are not edited here.
    #[component]
    pub fn EditForm(tenant: String, signal: i64, version: i64, work: WorkView, returned: Option<ReturnedText>) -> impl IntoView {
        let action = ServerAction::<Edit>::new();
        let error = answered(action);
        let field = format!("aanpassen-{signal}");
        let fout = format!("{field}-fout");
        let kept = typed(&returned, "aanpassen", signal);
        let refused = kept.is_some();
        let current = work.edit;
        let domains = work
            .domains
            .into_iter()
            .map(|(id, name)| view! { <option value=id.0 selected=current.policy_domain == Some(id)>{name}</option> })
            .collect_view();
        let boxes = |name: &'static str, terms: &'static [(&'static str, &'static str)], chosen: &[String]| {
            terms
                .iter()
                .enumerate()
                .map(|(i, (code, label))| {
                    let id = format!("{name}-{signal}-{code}");
                    let checked = chosen.iter().any(|c| c == code);
                    view! {
                        <div class="check">
                            <input type="checkbox" id=id.clone() name=format!("{name}[{i}]") value=*code checked=checked/>
                            <label for=id>{*label}</label>
                        </div>
                    }
                })
                .collect_view()
        };
        let groups = boxes("target_groups", TARGET_GROUPS, &current.target_groups);
        let lives = boxes("life_domains", LIFE_DOMAINS, &current.life_domains);
        view! {
            <details class="work-part">
                <summary>"Gegevens aanpassen"</summary>
                <ActionForm action attr:class="form">
                    <input type="hidden" name="tenant" value=tenant/>
                    <input type="hidden" name="signal" value=signal/>
                    <input type="hidden" name="version" value=version/>
                    <div class="field">
                        <label for=format!("{field}-titel")>"Titel"</label>
                        <input id=format!("{field}-titel") name="title" maxlength=MAX_TITLE_CHARS value=kept.unwrap_or(current.title)/>
                    </div>
                    <div class="field">
                        <label for=format!("{field}-domein")>"Beleidsdomein"</label>
                        <select id=format!("{field}-domein") name="policy_domain">
                            <option value="" selected=current.policy_domain.is_none()>"Nog niet gekozen"</option>
                            {domains}
                        </select>
                    </div>
                    <fieldset>
                        <legend>"Doelgroepen"</legend>
                        {groups}
                    </fieldset>
                    <fieldset>
                        <legend>"Levensdomeinen"</legend>
                        {lives}
                    </fieldset>
                    <PrivacyConfirm id=format!("{field}-bevestig") shown=Signal::derive(move || refused || error.get().is_some())/>
                    <Refusal error id=fout/>
                    <div><button type="submit" class="button button-small">"Aanpassen"</button></div>
                </ActionForm>
            </details>
        }
    }
}
