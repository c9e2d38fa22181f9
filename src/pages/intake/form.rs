//! The intake form: an island. Rendered on the server with what was sent
//! before (and its errors) so it works without JavaScript; in the browser it
//! checks as you type with the same rules as the server, keeps a draft and
//! looks up similar signals.

use leptos::prelude::*;

use super::draft;
use super::similar::SimilarSignals;
use super::suggestion::DomainSuggestionHint;
use crate::api::intake::{IntakeForm as Form, SubmitSignal};
use crate::domain::intake::{FREQUENCIES, Field, FieldError, SignalDraft, WHOLE_MUNICIPALITY};
use crate::domain::privacy::scan;
use crate::domain::vocabulary::{LIFE_DOMAINS, TARGET_GROUPS, Term};
use crate::error::AppError;

#[island]
pub fn IntakeForm(form: Form) -> impl IntoView {
    let tenant = form.tenant.slug.clone();
    let key = draft::key(&tenant, form.author);
    let (returned, returned_errors) = form.returned.clone().unzip();
    let restored = RwSignal::new(false);
    let draft = RwSignal::new(returned.clone().unwrap_or_else(|| SignalDraft { area: WHOLE_MUNICIPALITY.into(), ..Default::default() }));
    // A field's errors show once the person typed in it, or sent the form:
    // never on leaving a field, because a message appearing on blur shifts
    // the layout under the pointer and the next click misses its target.
    let touched = RwSignal::new(Vec::<Field>::new());
    let submitted = RwSignal::new(returned_errors.is_some());
    let districts = form.districts.clone();
    let domain_ids: Vec<i64> = form.policy_domains.iter().map(|d| d.id.0).collect();
    let errors = Memo::new(move |_| draft.with(|d| d.check(&districts, &domain_ids)));
    let shown = move |field: Field| {
        let visible = submitted.get() || touched.get().contains(&field);
        if visible {
            errors.with(|e| e.iter().filter(|x| x.field == field).map(|x| x.message.clone()).collect::<Vec<_>>())
        } else {
            Default::default()
        }
    };
    let action = ServerAction::<SubmitSignal>::new();

    // Bring back a draft from an earlier visit (first run), then keep the
    // draft as it grows (every later run: the effect tracks the draft).
    {
        let key = key.clone();
        Effect::new(move |first: Option<()>| {
            let current = draft.get();
            if first.is_none() && returned.is_none() {
                if let Some(saved) = draft::load(&key).filter(|saved| *saved != current) {
                    draft.set(saved);
                    restored.set(true);
                }
            } else {
                draft::save(&key, &current);
            }
        });
    }
    {
        let (key, tenant) = (key.clone(), tenant.clone());
        Effect::new(move || match action.value().get() {
            Some(Ok(id)) => {
                draft::clear(&key);
                let _ = window().location().set_href(&format!("/{tenant}/signaleren/verstuurd/{id}"));
            }
            Some(Err(AppError::Form(_))) => submitted.set(true),
            _ => {}
        });
    }
    let server_error = move || match action.value().get() {
        Some(Err(e)) if !matches!(e, AppError::Form(_)) => Some(e.message()),
        _ => None,
    };
    let forget = {
        let key = key.clone();
        move |_| {
            draft::clear(&key);
            draft.set(SignalDraft { area: WHOLE_MUNICIPALITY.into(), ..Default::default() });
            restored.set(false);
        }
    };
    let text_for_similar = Signal::derive(move || draft.with(|d| format!("{}\n{}", d.title, d.description)));
    let similar_tenant = tenant.clone();
    let suggestion_tenant = tenant.clone();
    let touch = move |field: Field| {
        touched.update(|t| {
            if !t.contains(&field) {
                t.push(field)
            }
        })
    };
    let set = move |apply: fn(&mut SignalDraft, String)| move |ev| draft.update(|d| apply(d, event_target_value(&ev)));

    view! {
        <div class="intake-layout">
            <ActionForm action=action attr:class="form intake-form" attr:novalidate="" attr:id="signaal-formulier">
                <input type="hidden" name="tenant" value=tenant/>
                <Show when=move || restored.get()>
                    <p class="notice" role="status">
                        "We zetten je concept van daarnet terug. "
                        <button type="button" class="link-button" on:click=forget.clone()>"Begin opnieuw"</button>
                    </p>
                </Show>
                <ErrorSummary errors=Signal::derive(move || if submitted.get() { errors.get() } else { vec![] })/>
                <p class="field-error" role="alert">{server_error}</p>
                {form.organisation.clone().map(|o| view! { <p class="hint">"Je meldt namens " <strong>{o}</strong> "."</p> })}

                <TextField field=Field::Title label="Korte titel" name="title" hint="Hoogstens 120 tekens, bv. ‘Geen psycholoog voor jongeren zonder inkomen’."
                    value=Signal::derive(move || draft.with(|d| d.title.clone())) on_input=set(|d, v| d.title = v)
                    errors=Signal::derive(move || shown(Field::Title)) on_touch=move || touch(Field::Title) max=120 rows=0/>
                <TextField field=Field::Description label="Wat zie je?" name="description"
                    hint="Beschrijf het probleem zonder namen of andere gegevens van cliënten."
                    value=Signal::derive(move || draft.with(|d| d.description.clone())) on_input=set(|d, v| d.description = v)
                    errors=Signal::derive(move || shown(Field::Description)) on_touch=move || touch(Field::Description) max=5000 rows=6/>
                <PrivacyFlags draft field=Field::Description/>
                <PrivacyFlags draft field=Field::Title/>

                <Choices legend="Voor wie speelt het?" field=Field::TargetGroups name="target_groups" terms=TARGET_GROUPS
                    selected=Signal::derive(move || draft.with(|d| d.target_groups.clone()))
                    on_toggle=move |code: String| draft.update(|d| toggle(&mut d.target_groups, code))
                    errors=Signal::derive(move || shown(Field::TargetGroups))/>
                <Choices legend="Welke levensdomeinen raakt het?" field=Field::LifeDomains name="life_domains" terms=LIFE_DOMAINS
                    selected=Signal::derive(move || draft.with(|d| d.life_domains.clone()))
                    on_toggle=move |code: String| draft.update(|d| toggle(&mut d.life_domains, code))
                    errors=Signal::derive(move || shown(Field::LifeDomains))/>

                <div class="field">
                    <label for="beleidsdomein">"Beleidsdomein"</label>
                    <select id="beleidsdomein" name="policy_domain" aria-describedby="beleidsdomein-voorstel" prop:value=move || draft.with(|d| d.policy_domain.clone())
                        on:change=set(|d, v| d.policy_domain = v)>
                        <option value="">"Weet ik niet"</option>
                        {form.policy_domains.iter().map(|p| {
                            let id = p.id.0.to_string();
                            let selected = draft.with_untracked(|d| d.policy_domain == id);
                            view! { <option value=id selected=selected>{p.name.clone()}</option> }
                        }).collect_view()}
                    </select>
                    <DomainSuggestionHint tenant=suggestion_tenant text=text_for_similar draft/>
                </div>
                <div class="field">
                    <label for="waar">"Waar speelt het?"</label>
                    <select id="waar" name="area" prop:value=move || draft.with(|d| d.area.clone()) on:change=set(|d, v| d.area = v)>
                        <option value=WHOLE_MUNICIPALITY>{WHOLE_MUNICIPALITY}</option>
                        {form.districts.iter().map(|a| {
                            let selected = draft.with_untracked(|d| d.area == *a);
                            view! { <option value=a.clone() selected=selected>{a.clone()}</option> }
                        }).collect_view()}
                    </select>
                    <FieldErrors field=Field::Area errors=Signal::derive(move || shown(Field::Area))/>
                </div>
                <div class="field">
                    <label for="hoe-vaak">"Hoe vaak kom je het tegen?"</label>
                    <select id="hoe-vaak" name="frequency" prop:value=move || draft.with(|d| d.frequency.clone())
                        on:change=move |ev| { draft.update(|d| d.frequency = event_target_value(&ev)); touch(Field::Frequency) }
                        aria-describedby="hoe-vaak-fout" aria-invalid=move || (!shown(Field::Frequency).is_empty()).to_string()>
                        <option value="">"Kies"</option>
                        {FREQUENCIES.iter().map(|(c, l)| {
                            let selected = draft.with_untracked(|d| d.frequency == *c);
                            view! { <option value=*c selected=selected>{*l}</option> }
                        }).collect_view()}
                    </select>
                    <FieldErrors field=Field::Frequency errors=Signal::derive(move || shown(Field::Frequency))/>
                </div>
                <TextField field=Field::Since label="Sinds wanneer?" name="since" hint="Bv. ‘voorjaar 2024’ of ‘al jaren’."
                    value=Signal::derive(move || draft.with(|d| d.since.clone())) on_input=set(|d, v| d.since = v)
                    errors=Signal::derive(move || shown(Field::Since)) on_touch=move || touch(Field::Since) max=100 rows=0/>
                <TextField field=Field::PeopleEstimate label="Hoeveel mensen ongeveer?" name="people_estimate" hint="Een schatting is genoeg."
                    value=Signal::derive(move || draft.with(|d| d.people_estimate.clone())) on_input=set(|d, v| d.people_estimate = v)
                    errors=Signal::derive(move || shown(Field::PeopleEstimate)) on_touch=move || touch(Field::PeopleEstimate) max=10 rows=0/>
                <TextField field=Field::Tried label="Wat werd al geprobeerd?" name="tried" hint="Door jou, je organisatie of anderen."
                    value=Signal::derive(move || draft.with(|d| d.tried.clone())) on_input=set(|d, v| d.tried = v)
                    errors=Signal::derive(move || shown(Field::Tried)) on_touch=move || touch(Field::Tried) max=5000 rows=3/>
                <PrivacyFlags draft field=Field::Tried/>
                <TextField field=Field::Idea label="Heb je een idee voor een oplossing? (niet verplicht)" name="idea" hint=""
                    value=Signal::derive(move || draft.with(|d| d.idea.clone())) on_input=set(|d, v| d.idea = v)
                    errors=Signal::derive(move || shown(Field::Idea)) on_touch=move || touch(Field::Idea) max=5000 rows=3/>
                <PrivacyFlags draft field=Field::Idea/>

                <fieldset class="field" id="contact" aria-describedby="contact-fout">
                    <legend>"Mogen we je hierover contacteren?"</legend>
                    {["ja", "nee"].map(|answer| view! {
                        <label class="choice">
                            <input type="radio" name="may_contact" value=answer
                                checked=draft.with_untracked(|d| d.may_contact == answer)
                                prop:checked=move || draft.with(|d| d.may_contact == answer)
                                on:change=move |_| draft.update(|d| d.may_contact = answer.into())/>
                            {if answer == "ja" { "Ja" } else { "Nee" }}
                        </label>
                    }).collect_view()}
                    <FieldErrors field=Field::MayContact errors=Signal::derive(move || shown(Field::MayContact))/>
                </fieldset>

                <fieldset class="field check" id="controle" aria-describedby="controle-fout">
                    <legend>"Even nagaan: is het een signaal?"</legend>
                    <CheckBox name="beyond_one_person" label="Het gaat verder dan één persoon."
                        checked=Signal::derive(move || draft.with(|d| d.beyond_one_person))
                        on_toggle=move |v| draft.update(|d| d.beyond_one_person = v)/>
                    <CheckBox name="recurs" label="Ik kom het steeds opnieuw tegen."
                        checked=Signal::derive(move || draft.with(|d| d.recurs))
                        on_toggle=move |v| draft.update(|d| d.recurs = v)/>
                    <CheckBox name="structural" label="Er zit iets structureels achter (een regel, een wachtlijst, een drempel)."
                        checked=Signal::derive(move || draft.with(|d| d.structural))
                        on_toggle=move |v| draft.update(|d| d.structural = v)/>
                    <FieldErrors field=Field::Check errors=Signal::derive(move || shown(Field::Check))/>
                </fieldset>

                <button type="submit" class="button" on:click=move |_| submitted.set(true)>"Signaal versturen"</button>
            </ActionForm>
            <SimilarSignals tenant=similar_tenant text=text_for_similar/>
        </div>
    }
}

fn toggle(list: &mut Vec<String>, code: String) {
    if let Some(i) = list.iter().position(|c| *c == code) {
        list.remove(i);
    } else {
        list.push(code);
    }
}

#[component]
fn ErrorSummary(errors: Signal<Vec<FieldError>>) -> impl IntoView {
    view! {
        <Show when=move || !errors.get().is_empty()>
            <div class="notice notice-error" id="fouten" role="alert" tabindex="-1">
                <p><strong>"Je signaal is nog niet verstuurd."</strong> " Kijk deze velden na:"</p>
                <ul>
                    {move || errors.get().into_iter().map(|e| view! {
                        <li><a href=format!("#{}", e.field.id())>{e.message}</a></li>
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

#[component]
fn FieldErrors(field: Field, errors: Signal<Vec<String>>) -> impl IntoView {
    view! {
        <div id=format!("{}-fout", field.id()) class="field-errors">
            {move || errors.get().into_iter().map(|m| view! { <p class="field-error">{m}</p> }).collect_view()}
        </div>
    }
}

#[component]
#[allow(clippy::too_many_arguments)]
fn TextField(
    field: Field,
    label: &'static str,
    name: &'static str,
    hint: &'static str,
    value: Signal<String>,
    on_input: impl Fn(leptos::ev::Event) + 'static,
    on_touch: impl Fn() + Copy + 'static,
    errors: Signal<Vec<String>>,
    max: u32,
    rows: u32,
) -> impl IntoView {
    let id = field.id();
    let described = format!("{id}-uitleg {id}-fout");
    let invalid = move || (!errors.get().is_empty()).to_string();
    let count = move || format!("{} / {max} tekens", value.with(|v| v.chars().count()));
    let input = if rows == 0 {
        view! {
            <input id=id name=name value=value.get_untracked() prop:value=move || value.get() on:input=move |ev| { on_input(ev); on_touch() }
                aria-describedby=described aria-invalid=invalid/>
        }
        .into_any()
    } else {
        view! {
            <textarea id=id name=name rows=rows prop:value=move || value.get() on:input=move |ev| { on_input(ev); on_touch() }
                aria-describedby=described aria-invalid=invalid>{value.get_untracked()}</textarea>
        }
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
    selected: Signal<Vec<String>>,
    on_toggle: impl Fn(String) + Copy + Send + Sync + 'static,
    errors: Signal<Vec<String>>,
) -> impl IntoView {
    view! {
        <fieldset class="field choices" id=field.id() aria-describedby=format!("{}-fout", field.id())>
            <legend>{legend}</legend>
            {terms.iter().enumerate().map(|(i, (code, label))| view! {
                <label class="choice">
                    <input type="checkbox" name=format!("{name}[{i}]") value=*code
                        checked=selected.with_untracked(|s| s.iter().any(|c| c == code))
                        prop:checked=move || selected.with(|s| s.iter().any(|c| c == code))
                        on:change=move |_| on_toggle(code.to_string())/>
                    {*label}
                </label>
            }).collect_view()}
            <FieldErrors field errors/>
        </fieldset>
    }
}

#[component]
fn CheckBox(name: &'static str, label: &'static str, checked: Signal<bool>, on_toggle: impl Fn(bool) + 'static) -> impl IntoView {
    view! {
        <label class="choice">
            <input type="checkbox" name=name value="ja" checked=checked.get_untracked() prop:checked=move || checked.get()
                on:change=move |ev| on_toggle(event_target_checked(&ev))/>
            {label}
        </label>
    }
}

/// Personal data the guard found in one field, highlighted in context; each
/// must be rewritten, or confirmed as not personal data. The confirmation is a
/// named checkbox, so it travels with the form also without JavaScript.
#[component]
fn PrivacyFlags(draft: RwSignal<SignalDraft>, field: Field) -> impl IntoView {
    let findings = move || {
        draft.with(|d| {
            let texts = d.texts();
            let slot = texts.iter().position(|(f, _)| *f == field).unwrap_or_default();
            let text = texts[slot].1.to_string();
            scan(&text).into_iter().map(|f| (slot, text.clone(), f, d.confirmed.clone())).collect::<Vec<_>>()
        })
    };
    view! {
        <Show when=move || !findings().is_empty()>
            <div class="privacy" role="alert">
                <p><strong>"Let op: persoonsgegevens?"</strong></p>
                <ul>
                    {move || findings().into_iter().map(|(slot, text, f, confirmed)| {
                        let before: String = text[..f.start as usize].chars().rev().take(30).collect::<Vec<_>>().into_iter().rev().collect();
                        let after: String = text[f.end as usize..].chars().take(30).collect();
                        let passage = f.text.clone();
                        let is_confirmed = confirmed.contains(&passage);
                        // Unique per field and place; the server only needs the passages.
                        let name = format!("confirmed[{}]", slot * 100_000 + f.start as usize);
                        let box_id = format!("bevestig-{}-{}", field.id(), f.start);
                        view! {
                            <li>
                                <p class="context">"…" {before} <mark>{f.text.clone()}</mark> {after} "…"</p>
                                <p>{format!("Dit lijkt een {}. {}", f.kind.label(), f.kind.advice())}</p>
                                <div class="choice">
                                    <input type="checkbox" id=box_id.clone() name=name value=passage.clone() checked=is_confirmed
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            let passage = passage.clone();
                                            draft.update(|d| {
                                                d.confirmed.retain(|c| *c != passage);
                                                if on { d.confirmed.push(passage) }
                                            })
                                        }/>
                                    <label for=box_id>"‘" {f.text.clone()} "’ is geen persoonsgegeven"</label>
                                </div>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}
