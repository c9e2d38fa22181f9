//! The moves a person may make on one signal, on its own page: one plain form
//! per move, asking exactly what that move needs (domain::moves::needs). It
//! works without JavaScript: the server answers with a redirect back to the
//! page, with the new phase, or with its refusal beside the form as typed.

use leptos::prelude::*;

use crate::api::board::MoveSignal;
use crate::api::signal::ReturnedMove;
use crate::domain::moves::{Ask, MoveNeeds, needs};
use crate::domain::{BundleRef, ChangeKind, NotRetainedReason, Outcome, Phase};

/// What the person can do with this signal now.
#[component]
pub fn SignalMoves(
    tenant: String,
    signal: i64,
    version: i64,
    phase: Phase,
    bundle: Option<BundleRef>,
    targets: Vec<Phase>,
    returned: Option<ReturnedMove>,
    /// The level of its heading (2 on the signal's page).
    #[prop(default = 2)]
    level: u8,
) -> impl IntoView {
    if targets.is_empty() {
        return None;
    }
    let body = match bundle {
        // A signal in a bundle moves with its bundle, on the bundle's page.
        Some(bundle) => view! {
            <p>
                "Dit signaal zit in de bundel "
                <a href=format!("/{tenant}/bundels/{}", bundle.id)>{bundle.title}</a>
                " en gaat mee met die bundel. Verplaats de bundel op haar eigen pagina."
            </p>
        }
        .into_any(),
        None => {
            let action = ServerAction::<MoveSignal>::new();
            targets
                .into_iter()
                .filter_map(|to| needs(phase, to).map(|n| (to, n)))
                .map(|(to, n)| {
                    let typed = returned.clone().filter(|r| r.to == to.code());
                    view! { <MoveForm action tenant=tenant.clone() signal version to needs=n typed/> }
                })
                .collect_view()
                .into_any()
        }
    };
    Some(view! {
        <section aria-labelledby="verplaatsen" class="moves">
            <crate::components::heading::Heading level id="verplaatsen">"Wat gebeurt er met dit signaal?"</crate::components::heading::Heading>
            {body}
        </section>
    })
}

/// The button of a move, and what it does in a sentence.
pub fn wording(kind: ChangeKind, to: Phase) -> (String, &'static str) {
    match kind {
        ChangeKind::StartScreening => ("Screening starten".into(), "Het signaal gaat naar In screening."),
        ChangeKind::Retain => ("Weerhouden".into(), "Het signaal is structureel en gaat verder naar Weerhouden, klaar om te bundelen."),
        ChangeKind::NotRetain => (
            "Niet weerhouden".into(),
            "Het signaal gaat niet verder. De signaalgever leest de reden en je bericht in Mijn signalen en krijgt een mail.",
        ),
        ChangeKind::AddToBundle => ("Bundelen".into(), "Kies op de pagina Bundels in welke bundel het signaal komt."),
        ChangeKind::MarkAnalysed => ("Als geanalyseerd markeren".into(), "Het signaal gaat naar Geanalyseerd."),
        ChangeKind::Schedule => ("Agenderen".into(), "Het signaal gaat naar Geagendeerd."),
        ChangeKind::StartAction => ("In actie zetten".into(), "Het signaal gaat naar In actie."),
        ChangeKind::Close => ("Afronden".into(), "Het signaal is afgerond. De signaalgever leest de afloop en je bericht."),
        ChangeKind::Reopen => (format!("Heropenen: {}", to.label()), "Het afgeronde signaal gaat opnieuw open."),
        ChangeKind::TakeBack => (
            "Opnieuw screenen".into(),
            "Was ‘niet weerhouden’ een vergissing? Het signaal gaat terug naar In screening. \
             De signaalgever krijgt bericht; je notitie blijft intern.",
        ),
        ChangeKind::StepBack => (format!("Terugzetten naar {}", to.label()), "Een fase terug, om een vergissing recht te zetten."),
        ChangeKind::Withdraw => ("Intrekken".into(), "Het signaal wordt ingetrokken."),
    }
}

/// One move as a form, folded until opened (or until it comes back refused).
#[component]
fn MoveForm(
    action: ServerAction<MoveSignal>,
    tenant: String,
    signal: i64,
    version: i64,
    to: Phase,
    needs: MoveNeeds,
    typed: Option<ReturnedMove>,
) -> impl IntoView {
    let (label, explanation) = wording(needs.kind, to);
    let id = format!("stap-{}", to.code());
    let field = {
        let id = id.clone();
        move |name: &str| format!("{id}-{name}")
    };
    let typed = typed.unwrap_or_default();
    let error = (!typed.error.is_empty()).then(|| {
        view! { <p class="field-error" role="alert" id=field("fout")>{typed.error.clone()}</p> }
    });
    let open = error.is_some();
    if needs.bundle {
        return view! {
            <details class="move-step" id=id>
                <summary>{label}</summary>
                <p class="hint">
                    {explanation} " " <a href=format!("/{tenant}/bundels")>"Naar de bundels"</a>
                </p>
            </details>
        }
        .into_any();
    }
    let mark = |ask: Ask| if ask == Ask::Required { " (verplicht)" } else { " (niet verplicht)" };
    let reason = needs.reason.then(|| {
        let options = NotRetainedReason::ALL.map(|r| (r.code(), r.label()));
        let duplicate_of = typed.duplicate_of.clone();
        view! {
            <Choice id=field("reden") name="reason" label="Waarom niet weerhouden? (verplicht)" empty="Kies een reden"
                options=options.to_vec() chosen=typed.reason.clone()/>
            <div class="field">
                <label for=field("dubbel")>"Dubbel van signaal nummer"</label>
                <p class="hint" id=field("dubbel-uitleg")>"Alleen bij de reden ‘Dubbel signaal’, bijvoorbeeld 12."</p>
                <input id=field("dubbel") name="duplicate_of" inputmode="numeric" value=duplicate_of
                    aria-describedby=field("dubbel-uitleg")/>
            </div>
        }
    });
    let outcome = needs.outcome.then(|| {
        let options = Outcome::ALL.map(|o| (o.code(), o.label()));
        view! {
            <Choice id=field("afloop") name="outcome" label="Hoe loopt het af? (verplicht)" empty="Kies een afloop"
                options=options.to_vec() chosen=typed.outcome.clone()/>
        }
    });
    let message = (needs.message != Ask::No).then(|| {
        let label = format!("Bericht aan de signaalgever{}", mark(needs.message));
        let hint = "De signaalgever leest dit in Mijn signalen en in de mail.";
        view! { <Remark id=field("bericht") name="message" label hint rows=4 typed=typed.message.clone()/> }
    });
    let note = (needs.note != Ask::No).then(|| {
        let label = format!("Interne notitie: waarom?{}", mark(needs.note));
        let hint = "Alleen signaalverwerkers lezen dit, nooit de signaalgever.";
        view! { <Remark id=field("notitie") name="note" label hint rows=2 typed=typed.note.clone()/> }
    });
    view! {
        <details class="move-step" id=id.clone() open=open>
            <summary>{label.clone()}</summary>
            <ActionForm action attr:class="form">
                <p class="hint">{explanation}</p>
                {error}
                <input type="hidden" name="tenant" value=tenant/>
                <input type="hidden" name="signal" value=signal/>
                <input type="hidden" name="version" value=version/>
                <input type="hidden" name="to" value=to.code()/>
                {reason}
                {outcome}
                {message}
                {note}
                <div>
                    <button type="submit" class="button">{label}</button>
                </div>
            </ActionForm>
        </details>
    }
    .into_any()
}

/// A labelled choice from a fixed vocabulary, with what was chosen before.
#[component]
pub fn Choice(
    id: String,
    name: &'static str,
    label: &'static str,
    empty: &'static str,
    options: Vec<(&'static str, &'static str)>,
    chosen: String,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id name=name>
                <option value="">{empty}</option>
                {options
                    .into_iter()
                    .map(|(code, text)| view! { <option value=code selected=chosen == code>{text}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}

/// A message or note with its label and hint, and what was typed before.
#[component]
pub fn Remark(id: String, name: &'static str, label: String, hint: &'static str, rows: u32, typed: String) -> impl IntoView {
    let hint_id = format!("{id}-uitleg");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <p class="hint" id=hint_id.clone()>{hint}</p>
            <textarea id=id name=name rows=rows maxlength="2000" aria-describedby=hint_id>{typed}</textarea>
        </div>
    }
}
