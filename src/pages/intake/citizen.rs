//! The citizens' form: shorter than a worker's, public where the tenant
//! switched it on. An island over one `CitizenReport`: checked as you type
//! with the server's rules, sent with the server function, and a plain form
//! without JavaScript.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos::task::spawn_local;

use super::browser::{self, focus_soon, go_to};
use super::fields::{ErrorSummary, FieldErrors, TextField, errors_id, messages_for};
use super::form::not_sent;
use crate::api::citizen::{CitizenForm, SendCitizenReport, send_citizen_report};
use crate::domain::CitizenReport;
use crate::domain::intake::{Field, MAX_TEXT_CHARS, MAX_TITLE_CHARS, WHOLE_MUNICIPALITY};
use crate::error::AppError;

/// The public form, in place of the worker's form for people without an account.
#[cfg(feature = "ssr")]
#[component]
pub fn CitizenIntake(form: CitizenForm) -> impl IntoView {
    view! {
        <leptos_meta::Title text="Een probleem melden"/>
        <section class="intake">
            <h1>"Een probleem melden bij " {form.tenant.name.clone()}</h1>
            <p class="lead">
                "Zie je in je buurt of in je leven een probleem dat veel mensen raakt? Meld het hier. "
                "Het gaat naar de mensen die het sociaal beleid voorbereiden."
            </p>
            <p>"Werk je bij een organisatie die signalen meldt? " <a href=format!("/aanmelden?volgende=/{}/signaleren", form.tenant.slug)>"Meld je aan"</a> "."</p>
            <CitizenReportForm form/>
        </section>
    }
}

const FORM_ID: &str = "melding-formulier";

/// The report as the form's fields send it.
fn report_from_form(pairs: Vec<(String, String)>) -> CitizenReport {
    let mut report = CitizenReport::default();
    for (name, value) in pairs {
        match name.as_str() {
            "title" => report.title = value,
            "description" => report.description = value,
            "area" => report.area = value,
            "email" => report.email = value,
            _ => {}
        }
    }
    report
}

#[island]
fn CitizenReportForm(form: CitizenForm) -> impl IntoView {
    let CitizenForm { tenant, districts, returned } = form;
    let was_returned = returned.is_some();
    let (rendered, returned_errors) = returned.unwrap_or_default();
    // What a person typed while the page was still loading is newer than
    // anything here; read it before hydration puts the rendered values back.
    let typed_early = cfg!(target_arch = "wasm32").then(|| browser::form_values(FORM_ID).map(report_from_form)).flatten();
    let report = RwSignal::new(rendered.clone());
    let touched = RwSignal::new(Vec::<Field>::new());
    let submitted = RwSignal::new(was_returned);
    let summary = RwSignal::new(returned_errors);
    let sending = RwSignal::new(false);
    let send_error = RwSignal::new(None::<String>);
    // The honeypot: people never see it, scripts fill it in.
    let website = RwSignal::new(String::new());
    {
        let rendered = rendered.clone();
        Effect::new(move || {
            if let Some(early) = typed_early.clone().filter(|early| *early != rendered) {
                report.set(early);
            }
        });
    }

    let areas = districts.clone();
    let errors = Memo::new(move |_| report.with(|r| r.check(&areas)));
    let shown_errors = move |field: Field| {
        Signal::from(Memo::new(move |_| {
            let visible = submitted.get() || touched.with(|t| t.contains(&field));
            if visible { errors.with(|e| messages_for(e, field)) } else { vec![] }
        }))
    };
    let text = move |field: Field,
                     label,
                     name,
                     hint,
                     max,
                     rows,
                     get: fn(&CitizenReport) -> &String,
                     put: fn(&mut CitizenReport) -> &mut String| {
        let value = Memo::new(move |_| report.with(|r| get(r).clone()));
        let on_input = Callback::new(move |v: String| {
            touched.update(|t| {
                if !t.contains(&field) {
                    t.push(field);
                }
            });
            report.update(|r| *put(r) = v);
        });
        view! { <TextField field label name hint max rows value on_input errors=shown_errors(field)/> }
    };
    let send = {
        let tenant = tenant.slug.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if sending.get_untracked() {
                return;
            }
            submitted.set(true);
            send_error.set(None);
            let refused = errors.get_untracked();
            summary.set(refused.clone());
            if !refused.is_empty() {
                focus_soon("fouten");
                return;
            }
            sending.set(true);
            let (tenant, r) = (tenant.clone(), report.get_untracked());
            spawn_local(async move {
                match send_citizen_report(tenant.clone(), r.email, r.title, r.description, Some(r.area), Some(website.get_untracked()))
                    .await
                {
                    Ok(()) => {
                        go_to(&format!("/{tenant}/signaleren/bijna-klaar"));
                    }
                    Err(AppError::Form(refused)) => {
                        summary.set(refused);
                        focus_soon("fouten");
                    }
                    Err(e) => send_error.set(Some(not_sent("Je melding is niet verstuurd.", &e))),
                }
                sending.set(false);
            });
        }
    };

    view! {
        <ErrorSummary heading="Je melding is nog niet verstuurd." errors=summary/>
        <form method="post" action=SendCitizenReport::url() class="form intake-form" novalidate id=FORM_ID on:submit=send>
            <input type="hidden" name="tenant" value=tenant.slug.clone()/>
            {text(Field::Title, "Korte titel", "title", "Bv. ‘Geen bankautomaat meer in onze wijk’.", MAX_TITLE_CHARS, 0,
                |r| &r.title, |r| &mut r.title)}
            {text(Field::Description, "Wat is het probleem?", "description",
                "Wie raakt het, en sinds wanneer? Schrijf geen namen, adressen of telefoonnummers.", MAX_TEXT_CHARS, 6,
                |r| &r.description, |r| &mut r.description)}
            <div class="field">
                <label for=Field::Area.id()>"Waar speelt het?"</label>
                <select id=Field::Area.id() name="area" aria-describedby=errors_id(Field::Area)
                    prop:value=move || report.with(|r| r.area.clone())
                    on:change=move |ev| report.update(|r| r.area = event_target_value(&ev))>
                    <option value="">{WHOLE_MUNICIPALITY}</option>
                    {districts.iter().map(|d| {
                        let selected = rendered.area == *d;
                        view! { <option value=d.clone() selected=selected>{d.clone()}</option> }
                    }).collect_view()}
                </select>
                <FieldErrors field=Field::Area errors=shown_errors(Field::Area)/>
            </div>
            {text(Field::Email, "Je e-mailadres", "email",
                "We sturen je een link om je melding te bevestigen, en een link om ze op te volgen. We tonen je adres aan niemand.", 254, 0,
                |r| &r.email, |r| &mut r.email)}
            // A honeypot: hidden from people and screen readers; scripts fill it in.
            <div class="visually-hidden" aria-hidden="true">
                <label for="website">"Laat dit veld leeg"</label>
                <input id="website" name="website" tabindex="-1" autocomplete="off" on:input=move |ev| website.set(event_target_value(&ev))/>
            </div>
            {move || send_error.get().map(|message| view! { <p class="notice notice-error" role="alert">{message}</p> })}
            <div><button type="submit" class="button" aria-disabled=move || sending.get().then_some("true")>"Melding versturen"</button></div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_form_fields_make_the_report() {
        let pairs = [
            ("tenant", "kortrijk"),
            ("title", "Geen bank"),
            ("description", "Lang"),
            ("area", "Heule"),
            ("email", "a@b.example"),
            ("website", ""),
        ];
        let report = super::report_from_form(pairs.map(|(n, v)| (n.to_string(), v.to_string())).to_vec());
        assert_eq!((report.title.as_str(), report.description.as_str()), ("Geen bank", "Lang"));
        assert_eq!((report.area.as_str(), report.email.as_str()), ("Heule", "a@b.example"));
    }
}
