//! `/{tenant}/mijn-signalen`: what became of the signals I sent.

use leptos::prelude::*;
use leptos_meta::Title;

use super::param;
use crate::api::follow::{AddInformation, MySignals, SetNotifications, WithdrawSignal, load_my_signals};
use crate::api::workbench::{Answer, ReturnedText};
use crate::components::dates::date;
use crate::components::history::HistoryLine;
use crate::components::loaded::loaded;
use crate::components::phase::PhaseBadge;
use crate::domain::FollowedSignal;
use crate::domain::workbench::{MAX_TEXT_CHARS, Question};

#[component]
pub fn MySignalsPage() -> impl IntoView {
    let tenant = param("tenant");
    let page = Resource::new(tenant, load_my_signals);
    view! {
        <Title text="Mijn signalen"/>
        {loaded(page, |page| view! { <MySignalsView page/> })}
    }
}

#[component]
fn MySignalsView(page: MySignals) -> impl IntoView {
    let slug = page.tenant.slug.clone();
    let count = page.signals.len();
    let returned = page.returned.clone();
    let signals = page
        .signals
        .into_iter()
        .map(|followed| view! { <FollowedCard followed tenant=slug.clone() returned=returned.clone()/> })
        .collect_view();
    view! {
        <h1>"Mijn signalen bij " {page.tenant.name.clone()}</h1>
        <p class="lead">
            {if count == 0 { "Je meldde hier nog geen signalen.".to_string() } else { format!("Je meldde {count} signalen. Het nieuwste staat bovenaan.") }}
        </p>
        <p><a href=format!("/{slug}/signaleren")>"Een nieuw signaal melden"</a></p>
        <MailChoice tenant=slug.clone() notify=page.notify/>
        <ol class="plain-list">{signals}</ol>
    }
}

/// Mail me at every phase change: on by default, one click to switch off.
#[component]
fn MailChoice(tenant: String, notify: bool) -> impl IntoView {
    let save = ServerAction::<SetNotifications>::new();
    view! {
        <ActionForm action=save attr:class="form mail-choice">
            <input type="hidden" name="tenant" value=tenant/>
            <div class="check">
                <input type="checkbox" id="notify" name="notify" checked=notify/>
                <label for="notify">"Mail me als een van mijn signalen een stap verder gaat"</label>
            </div>
            <div><button type="submit" class="button button-small button-quiet">"Keuze bewaren"</button></div>
        </ActionForm>
    }
}

#[component]
fn FollowedCard(followed: FollowedSignal, tenant: String, returned: Option<ReturnedText>) -> impl IntoView {
    let s = followed.signal;
    let questions = followed
        .questions
        .into_iter()
        .map(|question| view! { <QuestionItem question tenant=tenant.clone() returned=returned.clone()/> })
        .collect_view();
    let id = s.id.0;
    let add = ServerAction::<AddInformation>::new();
    let withdraw = ServerAction::<WithdrawSignal>::new();
    let add_tenant = tenant.clone();
    let heading = format!("signaal-{id}");
    let timeline = followed.timeline.into_iter().map(|entry| view! { <HistoryLine entry/> }).collect_view();
    let add_form = followed.may_add_information.then(move || {
        let field = format!("aanvulling-{id}");
        view! {
            <details>
                <summary>"Informatie toevoegen"</summary>
                <ActionForm action=add attr:class="form">
                    <input type="hidden" name="tenant" value=add_tenant/>
                    <input type="hidden" name="signal" value=id/>
                    <div class="field">
                        <label for=field.clone()>"Wat wil je toevoegen?"</label>
                        <p class="hint" id=format!("{field}-uitleg")>"Zonder namen of andere gegevens van cliënten. Hoogstens 2000 tekens."</p>
                        <textarea id=field.clone() name="text" rows="4" maxlength="2000" aria-describedby=format!("{field}-uitleg")></textarea>
                    </div>
                    <div><button type="submit" class="button button-small">"Toevoegen"</button></div>
                </ActionForm>
            </details>
        }
    });
    let withdraw_form = followed.may_withdraw.then(move || {
        view! {
            <ActionForm action=withdraw attr:class="inline-form">
                <input type="hidden" name="tenant" value=tenant/>
                <input type="hidden" name="signal" value=id/>
                <button type="submit" class="button button-small button-quiet">"Signaal intrekken"</button>
            </ActionForm>
        }
    });
    view! {
        <li class="followed" data-signal=id>
            <article aria-labelledby=heading.clone()>
                <h2 id=heading.clone()>{s.title.clone()}</h2>
                <p class="card-meta">
                    <PhaseBadge phase=s.phase/> " · nummer " {id} " · gemeld op " {date(s.created_at)}
                </p>
                <ul class="plain-list questions">{questions}</ul>
                <details>
                    <summary>"Wat er met dit signaal gebeurde"</summary>
                    <ol class="history">{timeline}</ol>
                </details>
                {add_form}
                {withdraw_form}
            </article>
        </li>
    }
}

/// A question from "de signaalverwerker", with its answer or a form to answer.
#[component]
fn QuestionItem(question: Question, tenant: String, returned: Option<ReturnedText>) -> impl IntoView {
    let id = question.id.0;
    let anchor = format!("vraag-{id}");
    let field = format!("antwoord-{id}");
    let kept = returned.filter(|r| r.form == field).map(|r| r.text);
    let refused = kept.is_some();
    let body = match question.answer {
        Some(answer) => view! { <p class="history-message">"Je antwoord: " {answer}</p> }.into_any(),
        None => {
            let action = ServerAction::<Answer>::new();
            let error = move || action.value().get().and_then(|r| r.err()).map(|e| e.message());
            let (hint, fault, confirm) = (format!("{field}-uitleg"), format!("{field}-fout"), format!("{field}-bevestig"));
            let described = format!("{hint} {fault}");
            view! {
                <ActionForm action attr:class="form">
                    <input type="hidden" name="tenant" value=tenant/>
                    <input type="hidden" name="question" value=id/>
                    <div class="field">
                        <label for=field.clone()>"Je antwoord"</label>
                        <p class="hint" id=hint>"Zonder namen of andere gegevens van cliënten. Hoogstens 2000 tekens."</p>
                        <textarea id=field.clone() name="text" rows="3" maxlength=MAX_TEXT_CHARS aria-describedby=described>
                            {kept.unwrap_or_default()}
                        </textarea>
                    </div>
                    <div class="check" hidden=!refused>
                        <input type="checkbox" id=confirm.clone() name="confirmed"/>
                        <label for=confirm>"Ik heb nagekeken: dit zijn geen persoonsgegevens van een cliënt."</label>
                    </div>
                    <p class="field-error" id=fault role="alert">{error}</p>
                    <div><button type="submit" class="button button-small">"Antwoord versturen"</button></div>
                </ActionForm>
            }
            .into_any()
        }
    };
    view! {
        <li class="question" id=anchor>
            <p>
                // Always "de signaalverwerker" to a reporter (domain::visibility).
                <strong>"De signaalverwerker vraagt"</strong>
                {format!(" ({}): ", date(question.asked_at))}
                {question.question}
            </p>
            {body}
        </li>
    }
}
