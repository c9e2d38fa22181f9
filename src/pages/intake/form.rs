//! The intake form, rendered on the server with what was sent before (and
//! its errors), so it works fully without JavaScript. The parts that change
//! while typing are rendered by `intake_ui::markup` into containers the
//! intake script fills again as the person types.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::intake::{IntakeForm as Form, SubmitSignal};
use crate::domain::intake::{FREQUENCIES, Field, MAX_TEXT_CHARS, MAX_TITLE_CHARS, SignalDraft, WHOLE_MUNICIPALITY};
use crate::domain::vocabulary::{LIFE_DOMAINS, TARGET_GROUPS, Term};
use crate::intake_ui::{draft_key, markup};

#[component]
pub fn IntakeForm(form: Form) -> impl IntoView {
    let returned = form.returned.is_some();
    let (draft, errors) =
        form.returned.clone().unwrap_or_else(|| (SignalDraft { area: WHOLE_MUNICIPALITY.into(), ..Default::default() }, vec![]));
    let messages = |field: Field| errors.iter().filter(|e| e.field == field).map(|e| e.message.clone()).collect::<Vec<_>>();
    let text = |label, field, name, hint, value: &String, max, rows| {
        view! { <TextField field label name hint value=value.clone() errors=messages(field) max rows/> }
    };
    let flags = |field: Field| {
        view! { <div id=format!("{}-privacy", field.id()) class="privacy-slot" aria-live="polite" inner_html=markup::privacy_flags(&draft, field)/> }
    };
    let invalid = |field: Field| (!messages(field).is_empty()).to_string();

    view! {
        <div class="intake-layout">
            // `data-returned`: the server sent this form back; its values win over a kept draft.
            <form method="post" action=SubmitSignal::url() class="form intake-form" novalidate id="signaal-formulier"
                data-concept=draft_key(&form.tenant.slug, form.author) data-tenant=form.tenant.slug.clone()
                data-returned=returned.then_some("")>
                <input type="hidden" name="tenant" value=form.tenant.slug.clone()/>
                <div id="concept-melding"></div>
                <div id="foutenoverzicht" inner_html=markup::error_summary(&errors)/>
                {form.organisation.clone().map(|o| view! { <p class="hint">"Je meldt namens " <strong>{o}</strong> "."</p> })}

                {text("Korte titel", Field::Title, "title", "Hoogstens 120 tekens, bv. ‘Geen psycholoog voor jongeren zonder inkomen’.", &draft.title, MAX_TITLE_CHARS, 0)}
                {flags(Field::Title)}
                {text("Wat zie je?", Field::Description, "description", "Beschrijf het probleem zonder namen of andere gegevens van cliënten.", &draft.description, MAX_TEXT_CHARS, 6)}
                {flags(Field::Description)}

                <Choices legend="Voor wie speelt het?" field=Field::TargetGroups name="target_groups" terms=TARGET_GROUPS
                    selected=draft.target_groups.clone() errors=messages(Field::TargetGroups)/>
                <Choices legend="Welke levensdomeinen raakt het?" field=Field::LifeDomains name="life_domains" terms=LIFE_DOMAINS
                    selected=draft.life_domains.clone() errors=messages(Field::LifeDomains)/>

                <div class="field">
                    <label for="beleidsdomein">"Beleidsdomein"</label>
                    <select id="beleidsdomein" name="policy_domain" aria-describedby="beleidsdomein-voorstel beleidsdomein-fout"
                        aria-invalid=invalid(Field::PolicyDomain)>
                        <option value="">"Weet ik niet"</option>
                        {form.policy_domains.iter().map(|p| {
                            let id = p.id.0.to_string();
                            let selected = draft.policy_domain == id;
                            view! { <option value=id selected=selected>{p.name.clone()}</option> }
                        }).collect_view()}
                    </select>
                    <p class="suggestion" role="status" id="beleidsdomein-voorstel"></p>
                    <FieldErrors field=Field::PolicyDomain errors=messages(Field::PolicyDomain)/>
                </div>
                <div class="field">
                    <label for="waar">"Waar speelt het?"</label>
                    <select id="waar" name="area" aria-describedby="waar-fout" aria-invalid=invalid(Field::Area)>
                        <option value=WHOLE_MUNICIPALITY>{WHOLE_MUNICIPALITY}</option>
                        {form.districts.iter().map(|a| {
                            let selected = draft.area == *a;
                            view! { <option value=a.clone() selected=selected>{a.clone()}</option> }
                        }).collect_view()}
                    </select>
                    <FieldErrors field=Field::Area errors=messages(Field::Area)/>
                </div>
                <div class="field">
                    <label for="hoe-vaak">"Hoe vaak kom je het tegen?"</label>
                    <select id="hoe-vaak" name="frequency" aria-describedby="hoe-vaak-fout" aria-invalid=invalid(Field::Frequency)>
                        <option value="">"Kies"</option>
                        {FREQUENCIES.iter().map(|(c, l)| {
                            let selected = draft.frequency == *c;
                            view! { <option value=*c selected=selected>{*l}</option> }
                        }).collect_view()}
                    </select>
                    <FieldErrors field=Field::Frequency errors=messages(Field::Frequency)/>
                </div>
                {text("Sinds wanneer?", Field::Since, "since", "Bv. ‘voorjaar 2024’ of ‘al jaren’.", &draft.since, 100, 0)}
                {flags(Field::Since)}
                {text("Hoeveel mensen ongeveer?", Field::PeopleEstimate, "people_estimate", "Een schatting is genoeg.", &draft.people_estimate, 10, 0)}
                {text("Wat werd al geprobeerd?", Field::Tried, "tried", "Door jou, je organisatie of anderen.", &draft.tried, MAX_TEXT_CHARS, 3)}
                {flags(Field::Tried)}
                {text("Heb je een idee voor een oplossing? (niet verplicht)", Field::Idea, "idea", "", &draft.idea, MAX_TEXT_CHARS, 3)}
                {flags(Field::Idea)}

                <fieldset class="field" id="contact" aria-describedby="contact-fout">
                    <legend>"Mogen we je hierover contacteren?"</legend>
                    {["ja", "nee"].map(|answer| view! {
                        <label class="choice">
                            <input type="radio" name="may_contact" value=answer checked=draft.may_contact == answer/>
                            {if answer == "ja" { "Ja" } else { "Nee" }}
                        </label>
                    }).collect_view()}
                    <FieldErrors field=Field::MayContact errors=messages(Field::MayContact)/>
                </fieldset>

                <fieldset class="field check" id="controle" aria-describedby="controle-fout">
                    <legend>"Even nagaan: is het een signaal?"</legend>
                    <CheckBox name="beyond_one_person" label="Het gaat verder dan één persoon." checked=draft.beyond_one_person/>
                    <CheckBox name="recurs" label="Ik kom het steeds opnieuw tegen." checked=draft.recurs/>
                    <CheckBox name="structural" label="Er zit iets structureels achter (een regel, een wachtlijst, een drempel)." checked=draft.structural/>
                    <FieldErrors field=Field::Check errors=messages(Field::Check)/>
                </fieldset>

                <button type="submit" class="button">"Signaal versturen"</button>
            </form>
            // Filled by the script; without JavaScript there is nothing to show.
            <aside class="similar" aria-labelledby="lijkt-op" hidden>
                <h2 id="lijkt-op">"Lijkt op"</h2>
                <p class="hint">"Signalen van collega's die op het jouwe lijken. Zie je hetzelfde? Zeg het met ‘Ik zie dit ook’ in plaats van een nieuw signaal."</p>
                <ul class="similar-list" aria-live="polite"></ul>
            </aside>
        </div>
    }
}

#[component]
fn FieldErrors(field: Field, errors: Vec<String>) -> impl IntoView {
    view! { <div id=format!("{}-fout", field.id()) class="field-errors" inner_html=markup::field_errors(&errors)/> }
}

/// A text input (`rows` 0) or text area, with its limit counted under it.
#[component]
fn TextField(
    field: Field,
    label: &'static str,
    name: &'static str,
    hint: &'static str,
    value: String,
    errors: Vec<String>,
    max: usize,
    rows: u32,
) -> impl IntoView {
    let id = field.id();
    let described = format!("{id}-uitleg {id}-fout");
    let invalid = (!errors.is_empty()).to_string();
    let count = markup::counter(value.chars().count(), max);
    let input = if rows == 0 {
        view! { <input id=id name=name value=value aria-describedby=described aria-invalid=invalid data-max=max/> }.into_any()
    } else {
        view! { <textarea id=id name=name rows=rows aria-describedby=described aria-invalid=invalid data-max=max>{value}</textarea> }
            .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {input}
            <p id=format!("{id}-uitleg") class="hint">{hint} " " <span class="counter">{count}</span></p>
            <FieldErrors field errors/>
        </div>
    }
}

#[component]
fn Choices(
    legend: &'static str,
    field: Field,
    name: &'static str,
    terms: &'static [Term],
    selected: Vec<String>,
    errors: Vec<String>,
) -> impl IntoView {
    view! {
        <fieldset class="field choices" id=field.id() aria-describedby=format!("{}-fout", field.id())>
            <legend>{legend}</legend>
            {terms.iter().enumerate().map(|(i, (code, label))| view! {
                <label class="choice">
                    <input type="checkbox" name=format!("{name}[{i}]") value=*code checked=selected.iter().any(|c| c == code)/>
                    {*label}
                </label>
            }).collect_view()}
            <FieldErrors field errors/>
        </fieldset>
    }
}

#[component]
fn CheckBox(name: &'static str, label: &'static str, checked: bool) -> impl IntoView {
    view! {
        <label class="choice">
            <input type="checkbox" name=name value="ja" checked=checked/>
            {label}
        </label>
    }
}
