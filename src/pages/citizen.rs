//! Citizens: the shorter public form (where the tenant switched it on), the
//! confirmation by e-mail, and following a report with a private link.
//! Plain server-rendered forms: nothing to download, works everywhere.

use leptos::prelude::*;
use leptos_meta::Title;

use super::param;
use crate::api::citizen::{CitizenForm, ConfirmCitizenReport, SendCitizenReport, follow_citizen_report};
use crate::components::history::HistoryLine;
use crate::components::loaded::loaded;
use crate::components::phase::PhaseBadge;
use crate::domain::intake::{Field, MAX_TEXT_CHARS, MAX_TITLE_CHARS, WHOLE_MUNICIPALITY};

/// The public form, in place of the worker's form for people without an account.
#[component]
pub fn CitizenIntake(form: CitizenForm) -> impl IntoView {
    let send = ServerAction::<SendCitizenReport>::new();
    let (report, all_errors) = form.returned.unwrap_or_default();
    let errors = all_errors.clone();
    let errors_of = move |field: Field| -> Vec<String> { errors.iter().filter(|e| e.field == field).map(|e| e.message.clone()).collect() };
    let districts = form
        .districts
        .iter()
        .map(|d| {
            let selected = report.area == *d;
            view! { <option value=d.clone() selected=selected>{d.clone()}</option> }
        })
        .collect_view();
    view! {
        <Title text="Een probleem melden"/>
        <section class="intake">
            <h1>"Een probleem melden bij " {form.tenant.name.clone()}</h1>
            <p class="lead">
                "Zie je in je buurt of in je leven een probleem dat veel mensen raakt? Meld het hier. "
                "Het gaat naar de mensen die het sociaal beleid voorbereiden."
            </p>
            <p>"Werk je bij een organisatie die signalen meldt? " <a href=format!("/aanmelden?volgende=/{}/signaleren", form.tenant.slug)>"Meld je aan"</a> "."</p>
            {(!all_errors.is_empty()).then(|| view! {
                <div class="notice notice-error" id="fouten" role="alert" tabindex="-1">
                    <p><strong>"Je melding is nog niet verstuurd."</strong> " Kijk deze velden na:"</p>
                    <ul>{all_errors.iter().map(|e| view! { <li><a href=format!("#{}", e.field.id())>{e.message.clone()}</a></li> }).collect_view()}</ul>
                </div>
            })}
            <ActionForm action=send attr:class="form intake-form" attr:novalidate="">
                <input type="hidden" name="tenant" value=form.tenant.slug.clone()/>
                <PlainField field=Field::Title label="Korte titel" name="title" value=report.title.clone() max=MAX_TITLE_CHARS errors=errors_of(Field::Title) rows=0
                    hint="Bv. ‘Geen bankautomaat meer in onze wijk’."/>
                <PlainField field=Field::Description label="Wat is het probleem?" name="description" value=report.description.clone() max=MAX_TEXT_CHARS errors=errors_of(Field::Description) rows=6
                    hint="Wie raakt het, en sinds wanneer? Schrijf geen namen, adressen of telefoonnummers."/>
                <div class="field">
                    <label for=Field::Area.id()>"Waar speelt het?"</label>
                    <select id=Field::Area.id() name="area">
                        <option value="">{WHOLE_MUNICIPALITY}</option>
                        {districts}
                    </select>
                </div>
                <PlainField field=Field::Email label="Je e-mailadres" name="email" value=report.email.clone() max=254 errors=errors_of(Field::Email) rows=0
                    hint="We sturen je een link om je melding te bevestigen, en een link om ze op te volgen. We tonen je adres aan niemand."/>
                // A honeypot: hidden from people and screen readers; scripts fill it in.
                <div class="visually-hidden" aria-hidden="true">
                    <label for="website">"Laat dit veld leeg"</label>
                    <input id="website" name="website" tabindex="-1" autocomplete="off"/>
                </div>
                <div><button type="submit" class="button">"Melding versturen"</button></div>
            </ActionForm>
        </section>
    }
}

/// A labelled text field with its hint and its errors, linked for screen readers.
#[component]
fn PlainField(
    field: Field,
    label: &'static str,
    name: &'static str,
    hint: &'static str,
    value: String,
    max: usize,
    errors: Vec<String>,
    rows: u32,
) -> impl IntoView {
    let id = field.id();
    let described = format!("{id}-uitleg {id}-fout");
    let invalid = (!errors.is_empty()).to_string();
    let input = if rows == 0 {
        view! { <input id=id name=name value=value maxlength=max aria-describedby=described aria-invalid=invalid/> }.into_any()
    } else {
        view! { <textarea id=id name=name rows=rows aria-describedby=described aria-invalid=invalid>{value}</textarea> }.into_any()
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {input}
            <p id=format!("{id}-uitleg") class="hint">{hint}</p>
            <div id=format!("{id}-fout") class="field-errors">
                {errors.into_iter().map(|m| view! { <p class="field-error">{m}</p> }).collect_view()}
            </div>
        </div>
    }
}

/// After sending: look in your mailbox.
#[component]
pub fn AlmostDonePage() -> impl IntoView {
    view! {
        <Title text="Bijna klaar"/>
        <section class="narrow-wide">
            <h1>"Bijna klaar: kijk in je mailbox"</h1>
            <p class="lead">"We stuurden je een mail met een link. Pas als je op die link klikt, komt je melding bij de signaalverwerkers."</p>
            <p>"Geen mail gekregen? Kijk bij je ongewenste mail. De link blijft werken tot je ze gebruikt."</p>
        </section>
    }
}

/// The link from the mail: one button confirms (mail scanners that open links do not).
#[component]
pub fn ConfirmPage() -> impl IntoView {
    let token = param("token");
    let confirm = ServerAction::<ConfirmCitizenReport>::new();
    view! {
        <Title text="Melding bevestigen"/>
        <section class="narrow-wide">
            <h1>"Je melding bevestigen"</h1>
            <p>"Klik op de knop om je melding door te sturen naar de signaalverwerkers."</p>
            <ActionForm action=confirm>
                <input type="hidden" name="token" value=token/>
                <button type="submit" class="button">"Ja, bevestig mijn melding"</button>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn ConfirmedPage() -> impl IntoView {
    view! {
        <Title text="Melding bevestigd"/>
        <section class="narrow-wide">
            <h1>"Je melding is bevestigd"</h1>
            <p class="lead">"Een signaalverwerker bekijkt ze, meestal binnen twee weken. Je krijgt een mail bij elke stap."</p>
            <p>"Met de tweede link uit je mail volg je je melding op. Bewaar die mail."</p>
        </section>
    }
}

/// A citizen follows their report with the private link from the mail.
#[component]
pub fn CitizenFollowPage() -> impl IntoView {
    let token = param("token");
    let page = Resource::new(token, follow_citizen_report);
    view! {
        <Title text="Je melding opvolgen"/>
        {loaded(page, |page| {
            let body = match page.signal {
                None => view! {
                    <p class="lead">"Je melding wacht nog op je bevestiging: klik op de eerste link in je mail."</p>
                }.into_any(),
                Some((signal, timeline)) => view! {
                    <h2>{signal.title.clone()}</h2>
                    <p><PhaseBadge phase=signal.phase/> " · nummer " {signal.id.0}</p>
                    <ol class="history">{timeline.into_iter().map(|entry| view! { <HistoryLine entry/> }).collect_view()}</ol>
                }.into_any(),
            };
            view! {
                <h1>"Je melding bij " {page.tenant.clone()}</h1>
                {body}
            }
        })}
    }
}
