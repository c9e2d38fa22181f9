//! Acting on several cards at once: tick them, then assign, move or bundle
//! them in one step. Each card is checked against the rules on its own; the
//! bar then lists what was refused and why, and keeps those cards ticked.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::moving::refresh;
use super::state::BoardState;
use crate::api::workbench::bulk;
use crate::components::browser::form_values;
use crate::domain::bulk::BulkReport;
use crate::domain::{Phase, SignalId};

const FORM: &str = "samen-formulier";

#[derive(Clone, Copy, PartialEq, Eq)]
enum What {
    Assign,
    Move,
    Bundle,
}

impl What {
    fn code(self) -> &'static str {
        match self {
            What::Assign => "toewijzen",
            What::Move => "verplaatsen",
            What::Bundle => "bundelen",
        }
    }

    fn done(self) -> &'static str {
        match self {
            What::Assign => "toegewezen",
            What::Move => "verplaatst",
            What::Bundle => "gebundeld",
        }
    }
}

#[component]
pub fn BulkBar() -> impl IntoView {
    let state = expect_context::<BoardState>();
    let what = RwSignal::new(What::Move);
    let report = RwSignal::new(None::<BulkReport>);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let count = move || state.selected.with(Vec::len);
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let values = form_values(FORM).unwrap_or_default();
        let value = |name: &str| values.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone());
        let (person, to, note, title) = (value("person"), value("to"), value("note"), value("title"));
        let ids: Vec<SignalId> = state.selected.get_untracked();
        let kind = what.get_untracked();
        let tenant = state.tenant.get_value();
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let answer = bulk(tenant, ids.iter().map(|id| id.0).collect(), kind.code().into(), person, to, note, title).await;
            busy.set(false);
            match answer {
                Ok(done) => {
                    state.say(done.summary(kind.done()));
                    // The refused stay ticked, to act on them otherwise.
                    state.selected.set(done.refused.iter().map(|(id, _, _)| *id).collect());
                    report.set(Some(done));
                    refresh(state, ids).await;
                }
                Err(e) => error.set(Some(e.message())),
            }
        });
    };
    let colleagues = move || {
        state
            .board
            .with_untracked(|b| b.colleagues.clone())
            .into_iter()
            .map(|c| view! { <option value=c.person.0>{c.name}</option> })
            .collect_view()
    };
    let phases = || Phase::ALL.into_iter().map(|p| view! { <option value=p.code()>{p.label()}</option> }).collect_view();
    let fields = move || match what.get() {
        What::Assign => view! {
            <label for="samen-persoon">"Geef aan"</label>
            <select id="samen-persoon" name="person">
                <option value="">"niemand"</option>
                {colleagues()}
            </select>
        }
        .into_any(),
        What::Move => view! {
            <label for="samen-naar">"Naar"</label>
            <select id="samen-naar" name="to">{phases()}</select>
            <label for="samen-notitie">"Interne notitie (niet verplicht)"</label>
            <input id="samen-notitie" name="note" maxlength="500"/>
        }
        .into_any(),
        What::Bundle => view! {
            <label for="samen-titel">"Titel van de nieuwe bundel"</label>
            <input id="samen-titel" name="title" maxlength="200" required/>
        }
        .into_any(),
    };
    let choice = move |value: What, label: &'static str| {
        view! {
            <label class="choice">
                <input type="radio" name="wat" checked=move || what.get() == value on:change=move |_| what.set(value)/>
                {label}
            </label>
        }
    };
    let refused = move || {
        report.get().filter(|r| !r.refused.is_empty()).map(|r| {
            let lines = r
                .refused
                .into_iter()
                .map(|(id, title, why)| view! { <li><strong>"#" {id.0} " " {title}</strong> ": " {why}</li> })
                .collect_view();
            view! {
                <div class="notice notice-error">
                    <p>"Niet gelukt:"</p>
                    <ul>{lines}</ul>
                </div>
            }
        })
    };
    let summary = move || report.get().map(|r| view! { <p class="notice notice-ok">{r.summary("gelukt")}</p> });
    view! {
        <section class="bulk-bar" aria-labelledby="samen-kop" hidden=move || count() == 0 && report.get().is_none()>
            <h2 id="samen-kop" class="visually-hidden">"Kaarten samen behandelen"</h2>
            <p>
                {move || match count() {
                    1 => "1 kaart geselecteerd.".to_string(),
                    n => format!("{n} kaarten geselecteerd."),
                }}
                " "
                <button
                    type="button"
                    class="button button-small button-quiet"
                    on:click=move |_| {
                        state.selected.set(Vec::new());
                        report.set(None);
                    }
                >
                    "Selectie wissen"
                </button>
            </p>
            <form id=FORM class="inline-form" on:submit=send>
                <fieldset class="inline-choices">
                    <legend>"Wat doe je met de geselecteerde kaarten?"</legend>
                    {choice(What::Move, "Verplaatsen")}
                    {choice(What::Assign, "Toewijzen")}
                    {choice(What::Bundle, "Bundelen")}
                </fieldset>
                {fields}
                <button type="submit" class="button button-small" disabled=move || busy.get() || count() == 0>"Uitvoeren"</button>
            </form>
            <p class="field-error" role="alert">{move || error.get()}</p>
            {summary}
            {refused}
        </section>
    }
}
