//! The workers' intake form: one island over one `SignalDraft`.
//!
//! The server renders it with what was sent before and its errors, so it
//! works without JavaScript (a plain POST to the same server function). In
//! the browser it checks as you type with `SignalDraft::check`, counts,
//! flags personal data, keeps the draft, shows similar signals and suggests
//! a policy domain, and sends with the server function, so a dropped
//! connection costs nothing typed.

use std::time::Duration;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos::task::spawn_local;

use super::browser::{self, draft_key};
use super::fields::{CheckBox, Choices, ErrorSummary, FieldErrors, TextField, errors_id, messages_for};
use super::privacy::PrivacyFlags;
use super::similar::{LIST_ID, SimilarSignals};
use crate::api::intake::{IntakeForm as Form, SubmitSignal, similar_signals, submit_signal, suggest_policy_domain};
use crate::domain::intake::{DomainSuggestion, FREQUENCIES, Field, MAX_TEXT_CHARS, MAX_TITLE_CHARS, SignalDraft, WHOLE_MUNICIPALITY};
use crate::domain::vocabulary::{LIFE_DOMAINS, TARGET_GROUPS};
use crate::error::AppError;

const FORM_ID: &str = "signaal-formulier";
/// How long typing pauses before the server is asked about the text.
const PAUSE: Duration = Duration::from_millis(500);

fn fresh() -> SignalDraft {
    SignalDraft { area: WHOLE_MUNICIPALITY.into(), ..Default::default() }
}

/// Why a send that never reached the server, or was refused, did not go.
pub(super) fn not_sent(what: &str, error: &AppError) -> String {
    format!("{what} {} Wat je typte staat er nog.", error.message())
}

#[island]
pub fn IntakeForm(form: Form) -> impl IntoView {
    let Form { tenant, author, organisation, policy_domains, districts, returned } = form;
    let key = draft_key(&tenant.slug, author);
    let was_returned = returned.is_some();
    let (rendered, returned_errors) = returned.unwrap_or_else(|| (fresh(), vec![]));
    // What a person typed while the page was still loading is newer than
    // anything here; read it before hydration puts the rendered values back.
    let typed_early = cfg!(target_arch = "wasm32").then(|| browser::form_values(FORM_ID).map(SignalDraft::from_form)).flatten();

    let draft = RwSignal::new(rendered.clone());
    // Fields typed in show their errors from then on; never on leaving a
    // field: a message appearing on blur shifts the layout under the pointer.
    let touched = RwSignal::new(Vec::<Field>::new());
    // Sending was tried: every error shows.
    let submitted = RwSignal::new(was_returned);
    let summary = RwSignal::new(returned_errors);
    let restored = RwSignal::new(false);
    let alive = RwSignal::new(false);
    let sending = RwSignal::new(false);
    let send_error = RwSignal::new(None::<String>);
    let found = RwSignal::new(Vec::new());
    let suggestion = RwSignal::new(None::<DomainSuggestion>);

    let domains: Vec<i64> = policy_domains.iter().map(|d| d.id.0).collect();
    let areas = districts.clone();
    let errors = Memo::new(move |_| draft.with(|d| d.check(&areas, &domains)));
    let shown_errors = move |field: Field| {
        Signal::from(Memo::new(move |_| {
            let visible = submitted.get() || touched.with(|t| t.contains(&field));
            if visible { errors.with(|e| messages_for(e, field)) } else { vec![] }
        }))
    };
    let edit = move |field: Field, change: Box<dyn FnOnce(&mut SignalDraft)>| {
        touched.update(|t| {
            if !t.contains(&field) {
                t.push(field);
            }
        });
        draft.update(change);
    };
    let text_of = move |get: fn(&SignalDraft) -> &String| Memo::new(move |_| draft.with(|d| get(d).clone()));
    let confirmed = Memo::new(move |_| draft.with(|d| d.confirmed.clone()));
    let confirm = Callback::new(move |(passage, yes): (String, bool)| {
        draft.update(|d| {
            d.confirmed.retain(|c| *c != passage);
            if yes {
                d.confirmed.push(passage);
            }
        })
    });

    // A text field and, for free text, the personal data found in it.
    let text =
        move |field: Field, label, name, hint, max, rows, get: fn(&SignalDraft) -> &String, put: fn(&mut SignalDraft) -> &mut String| {
            let value = text_of(get);
            let on_input = Callback::new(move |v: String| edit(field, Box::new(move |d| *put(d) = v)));
            let place = fresh().texts().iter().position(|(f, _)| *f == field);
            view! {
                <TextField field label name hint max rows value on_input errors=shown_errors(field)/>
                {place.map(|place| view! { <PrivacyFlags field place text=value confirmed on_confirm=confirm/> })}
            }
        };
    let choices = move |field: Field, get: fn(&SignalDraft) -> &Vec<String>, put: fn(&mut SignalDraft) -> &mut Vec<String>| {
        let selected = Memo::new(move |_| draft.with(|d| get(d).clone()));
        let on_toggle = Callback::new(move |(code, on): (String, bool)| {
            edit(
                field,
                Box::new(move |d| {
                    put(d).retain(|c| *c != code);
                    if on {
                        put(d).push(code);
                    }
                }),
            )
        });
        (selected, on_toggle, shown_errors(field))
    };
    let check = move |get: fn(&SignalDraft) -> bool, put: fn(&mut SignalDraft) -> &mut bool| {
        let checked = Memo::new(move |_| draft.with(get));
        (checked, Callback::new(move |on: bool| edit(Field::Check, Box::new(move |d| *put(d) = on))))
    };
    let invalid = move |field: Field| {
        let errors = shown_errors(field);
        move || (!errors.with(Vec::is_empty)).to_string()
    };

    // Comes alive: take over what was typed early, or bring back a kept
    // draft; from then on keep every change.
    {
        let (key, rendered) = (key.clone(), rendered.clone());
        Effect::new(move |started: Option<()>| {
            let now = draft.get();
            if started.is_some() {
                browser::save_draft(&key, &now);
                return;
            }
            alive.set(true);
            if let Some(early) = typed_early.clone().filter(|early| *early != rendered) {
                draft.set(early);
            } else if !was_returned && let Some(saved) = browser::saved_draft(&key).filter(|saved| *saved != now) {
                draft.set(saved);
                restored.set(true);
            }
            if was_returned {
                browser::focus_soon("fouten");
            }
        });
    }

    // Once typing pauses, ask the server for similar signals and a policy
    // domain. Answers to an earlier question no longer count.
    let asked = Memo::new(move |_| draft.with(|d| format!("{}\n{}", d.title, d.description)));
    let question = StoredValue::new(0u32);
    let pending = StoredValue::new(None::<TimeoutHandle>);
    {
        let tenant = tenant.slug.clone();
        Effect::new(move |_| {
            let text = asked.get();
            if let Some(handle) = pending.get_value() {
                handle.clear();
            }
            let ask = question.get_value() + 1;
            question.set_value(ask);
            if text.trim().is_empty() {
                // Nothing to compare: earlier answers would only mislead.
                found.set(vec![]);
                suggestion.set(None);
                return;
            }
            let tenant = tenant.clone();
            let handle = set_timeout_with_handle(
                move || {
                    spawn_local(async move {
                        let similar = similar_signals(tenant.clone(), text.clone()).await;
                        let suggested = suggest_policy_domain(tenant, text).await;
                        if question.get_value() != ask {
                            return;
                        }
                        // A failed lookup leaves the last answer standing; the
                        // list is not redrawn under someone working in it.
                        if let Ok(similar) = similar
                            && !browser::focus_within(LIST_ID)
                        {
                            found.set(similar);
                        }
                        if let Ok(suggested) = suggested {
                            suggestion.set(suggested);
                        }
                    })
                },
                PAUSE,
            );
            pending.set_value(handle.ok());
        });
    }

    let offered = Memo::new(move |_| suggestion.get().filter(|s| draft.with(|d| d.policy_domain != s.policy_domain.to_string())));
    let take_suggestion = move |domain: i64| {
        edit(Field::PolicyDomain, Box::new(move |d| d.policy_domain = domain.to_string()));
        browser::focus_soon(Field::PolicyDomain.id());
    };
    let start_over = {
        let key = key.clone();
        move |_| {
            browser::forget_draft(&key);
            draft.set(fresh());
            touched.set(vec![]);
            submitted.set(false);
            summary.set(vec![]);
            send_error.set(None);
            restored.set(false);
            browser::focus_soon(Field::Title.id());
        }
    };
    let send = {
        let tenant = tenant.slug.clone();
        move |ev: leptos::ev::SubmitEvent| {
            // Sent with the server function: a lost connection leaves the page, and all on it, as it is.
            ev.prevent_default();
            if sending.get_untracked() {
                return;
            }
            submitted.set(true);
            send_error.set(None);
            let refused = errors.get_untracked();
            if !refused.is_empty() {
                summary.set(refused);
                browser::focus_soon("fouten");
                return;
            }
            summary.set(vec![]);
            sending.set(true);
            let (tenant, key, d) = (tenant.clone(), key.clone(), draft.get_untracked());
            spawn_local(async move {
                let answer = submit_signal(
                    tenant.clone(),
                    d.title,
                    d.description,
                    Some(d.target_groups),
                    Some(d.life_domains),
                    Some(d.policy_domain),
                    Some(d.area),
                    Some(d.frequency),
                    Some(d.since),
                    Some(d.people_estimate),
                    Some(d.tried),
                    Some(d.idea),
                    Some(d.may_contact),
                    d.beyond_one_person.then(|| "ja".to_string()),
                    d.recurs.then(|| "ja".to_string()),
                    d.structural.then(|| "ja".to_string()),
                    Some(d.confirmed),
                )
                .await;
                match answer {
                    Ok(id) => {
                        browser::forget_draft(&key);
                        browser::go_to(&format!("/{tenant}/signaleren/verstuurd/{id}"));
                    }
                    Err(AppError::Form(refused)) => {
                        summary.set(refused);
                        browser::focus_soon("fouten");
                    }
                    Err(e) => send_error.set(Some(not_sent("Je signaal is niet verstuurd.", &e))),
                }
                sending.set(false);
            });
        }
    };

    let (target_groups, toggle_target_group, target_group_errors) =
        choices(Field::TargetGroups, |d| &d.target_groups, |d| &mut d.target_groups);
    let (life_domains, toggle_life_domain, life_domain_errors) = choices(Field::LifeDomains, |d| &d.life_domains, |d| &mut d.life_domains);
    let (beyond, set_beyond) = check(|d| d.beyond_one_person, |d| &mut d.beyond_one_person);
    let (recurs, set_recurs) = check(|d| d.recurs, |d| &mut d.recurs);
    let (structural, set_structural) = check(|d| d.structural, |d| &mut d.structural);
    let policy_domain = text_of(|d| &d.policy_domain);
    let area = text_of(|d| &d.area);
    let frequency = text_of(|d| &d.frequency);
    let may_contact = text_of(|d| &d.may_contact);
    let select = move |field: Field| {
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            edit(
                field,
                Box::new(move |d| match field {
                    Field::PolicyDomain => d.policy_domain = value,
                    Field::Area => d.area = value,
                    Field::Frequency => d.frequency = value,
                    _ => d.may_contact = value,
                }),
            )
        }
    };

    view! {
        <div class="intake-layout">
            <form method="post" action=SubmitSignal::url() class="form intake-form" novalidate id=FORM_ID on:submit=send>
                <input type="hidden" name="tenant" value=tenant.slug.clone()/>
                <div id="concept-melding">
                    <Show when=move || restored.get()>
                        <p class="notice" role="status">
                            "We zetten je concept van daarnet terug. "
                            <button type="button" class="link-button" on:click=start_over.clone()>"Begin opnieuw"</button>
                        </p>
                    </Show>
                </div>
                <ErrorSummary heading="Je signaal is nog niet verstuurd." errors=summary/>
                {organisation.map(|o| view! { <p class="hint">"Je meldt namens " <strong>{o}</strong> "."</p> })}

                {text(Field::Title, "Korte titel", "title", "Hoogstens 120 tekens, bv. ‘Geen psycholoog voor jongeren zonder inkomen’.",
                    MAX_TITLE_CHARS, 0, |d| &d.title, |d| &mut d.title)}
                {text(Field::Description, "Wat zie je?", "description", "Beschrijf het probleem zonder namen of andere gegevens van cliënten.",
                    MAX_TEXT_CHARS, 6, |d| &d.description, |d| &mut d.description)}

                <Choices legend="Voor wie speelt het?" field=Field::TargetGroups name="target_groups" terms=TARGET_GROUPS
                    selected=target_groups on_toggle=toggle_target_group errors=target_group_errors/>
                <Choices legend="Welke levensdomeinen raakt het?" field=Field::LifeDomains name="life_domains" terms=LIFE_DOMAINS
                    selected=life_domains on_toggle=toggle_life_domain errors=life_domain_errors/>

                <div class="field">
                    <label for=Field::PolicyDomain.id()>"Beleidsdomein"</label>
                    <select id=Field::PolicyDomain.id() name="policy_domain" aria-describedby=format!("beleidsdomein-voorstel {}", errors_id(Field::PolicyDomain))
                        aria-invalid=invalid(Field::PolicyDomain) prop:value=policy_domain on:change=select(Field::PolicyDomain)>
                        <option value="">"Weet ik niet"</option>
                        {policy_domains.iter().map(|p| {
                            let id = p.id.0.to_string();
                            let selected = rendered.policy_domain == id;
                            view! { <option value=id selected=selected>{p.name.clone()}</option> }
                        }).collect_view()}
                    </select>
                    <p class="suggestion" role="status" id="beleidsdomein-voorstel">
                        {move || offered.get().map(|s| {
                            let how = if s.learned { "geleerd uit eerdere signalen" } else { "op basis van trefwoorden" };
                            view! {
                                "Voorstel: " <strong>{s.name}</strong> {format!(" ({}% zeker, {how}). ", s.confidence)}
                                <button type="button" class="link-button" on:click=move |_| take_suggestion(s.policy_domain)>"Neem dit over"</button>
                            }
                        })}
                    </p>
                    <FieldErrors field=Field::PolicyDomain errors=shown_errors(Field::PolicyDomain)/>
                </div>
                <div class="field">
                    <label for=Field::Area.id()>"Waar speelt het?"</label>
                    <select id=Field::Area.id() name="area" aria-describedby=errors_id(Field::Area) aria-invalid=invalid(Field::Area)
                        prop:value=area on:change=select(Field::Area)>
                        <option value=WHOLE_MUNICIPALITY>{WHOLE_MUNICIPALITY}</option>
                        {districts.iter().map(|a| {
                            let selected = rendered.area == *a;
                            view! { <option value=a.clone() selected=selected>{a.clone()}</option> }
                        }).collect_view()}
                    </select>
                    <FieldErrors field=Field::Area errors=shown_errors(Field::Area)/>
                </div>
                <div class="field">
                    <label for=Field::Frequency.id()>"Hoe vaak kom je het tegen?"</label>
                    <select id=Field::Frequency.id() name="frequency" aria-describedby=errors_id(Field::Frequency)
                        aria-invalid=invalid(Field::Frequency) prop:value=frequency on:change=select(Field::Frequency)>
                        <option value="">"Kies"</option>
                        {FREQUENCIES.iter().map(|(c, l)| {
                            let selected = rendered.frequency == *c;
                            view! { <option value=*c selected=selected>{*l}</option> }
                        }).collect_view()}
                    </select>
                    <FieldErrors field=Field::Frequency errors=shown_errors(Field::Frequency)/>
                </div>
                {text(Field::Since, "Sinds wanneer?", "since", "Bv. ‘voorjaar 2024’ of ‘al jaren’.", 100, 0, |d| &d.since, |d| &mut d.since)}
                {text(Field::PeopleEstimate, "Hoeveel mensen ongeveer?", "people_estimate", "Een schatting is genoeg.", 10, 0,
                    |d| &d.people_estimate, |d| &mut d.people_estimate)}
                {text(Field::Tried, "Wat werd al geprobeerd?", "tried", "Door jou, je organisatie of anderen.", MAX_TEXT_CHARS, 3,
                    |d| &d.tried, |d| &mut d.tried)}
                {text(Field::Idea, "Heb je een idee voor een oplossing? (niet verplicht)", "idea", "", MAX_TEXT_CHARS, 3,
                    |d| &d.idea, |d| &mut d.idea)}

                <fieldset class="field" id=Field::MayContact.id() aria-describedby=errors_id(Field::MayContact)>
                    <legend>"Mogen we je hierover contacteren?"</legend>
                    {["ja", "nee"].map(|answer| view! {
                        <label class="choice">
                            <input type="radio" name="may_contact" value=answer checked=rendered.may_contact == answer
                                prop:checked=move || may_contact.with(|m| m == answer) on:change=select(Field::MayContact)/>
                            {if answer == "ja" { "Ja" } else { "Nee" }}
                        </label>
                    }).collect_view()}
                    <FieldErrors field=Field::MayContact errors=shown_errors(Field::MayContact)/>
                </fieldset>

                <fieldset class="field check" id=Field::Check.id() aria-describedby=errors_id(Field::Check)>
                    <legend>"Even nagaan: is het een signaal?"</legend>
                    <CheckBox name="beyond_one_person" label="Het gaat verder dan één persoon." checked=beyond on_change=set_beyond/>
                    <CheckBox name="recurs" label="Ik kom het steeds opnieuw tegen." checked=recurs on_change=set_recurs/>
                    <CheckBox name="structural" label="Er zit iets structureels achter (een regel, een wachtlijst, een drempel)."
                        checked=structural on_change=set_structural/>
                    <FieldErrors field=Field::Check errors=shown_errors(Field::Check)/>
                </fieldset>

                {move || send_error.get().map(|message| view! { <p class="notice notice-error" role="alert">{message}</p> })}
                <button type="submit" class="button" aria-disabled=move || sending.get().then_some("true")>"Signaal versturen"</button>
            </form>
            <SimilarSignals tenant=tenant.slug found alive/>
        </div>
    }
}
