//! The minutes per agenda item: conclusions, the agreed problem definition,
//! who commits to what, and the decision, carried back to the signals.
//! Preparers write them; mandatarissen and preparers read the outcomes.

use leptos::prelude::*;

use super::PdfDownload;
use crate::api::forum::{RecordMinutes, SendMinutes};
use crate::domain::Outcome;
use crate::domain::forum::agenda::{AgendaItem, Decision, MinutesForm};
use crate::domain::forum::meeting::MeetingStatus;
use crate::domain::forum::view::AgendaView;

#[component]
pub fn MinutesSection(tenant: String, agenda: AgendaView, returned: Option<(i64, MinutesForm)>) -> impl IntoView {
    if agenda.items.is_empty() || agenda.meeting.status == MeetingStatus::Geannuleerd {
        return ().into_any();
    }
    let writes = agenda.may_prepare;
    let items = agenda
        .items
        .into_iter()
        .map(|item| {
            if writes {
                let typed = returned.as_ref().filter(|(id, _)| *id == item.id.0).map(|(_, form)| form.clone());
                view! { <MinutesEditor tenant=tenant.clone() item typed/> }.into_any()
            } else {
                view! { <Outcomes item/> }.into_any()
            }
        })
        .collect_view();
    let meeting = agenda.meeting.id.0;
    let pdf = format!("/{tenant}/overleg/{meeting}/verslag.pdf");
    let send = ServerAction::<SendMinutes>::new();
    let tenant_send = tenant.clone();
    view! {
        <section aria-labelledby="verslag">
            <h2 id="verslag">"Verslag en beslissingen"</h2>
            <p><PdfDownload href=pdf label="Verslag als PDF".to_string() file="verslag.pdf".to_string()/></p>
            {writes.then(move || view! {
                <ActionForm action=send attr:class="form form-inline">
                    <input type="hidden" name="tenant" value=tenant_send.clone()/>
                    <input type="hidden" name="meeting" value=meeting/>
                    <button type="submit" class="button button-small button-quiet">"Verslag mailen naar de genodigden"</button>
                </ActionForm>
            })}
            {writes.then(|| view! { <p class="hint">"Een beslissing wordt meteen uitgevoerd: geen verdere actie rondt de signalen af, verder analyseren zet ze terug naar Geanalyseerd, een campagne zet ze in actie. Het verslag gaat door de controle op persoonsgegevens."</p> })}
            {items}
        </section>
    }
    .into_any()
}

/// What was concluded and decided, for readers.
#[component]
fn Outcomes(item: AgendaItem) -> impl IntoView {
    let m = item.minutes;
    view! {
        <article class="minutes">
            <h3>{item.title.clone()}</h3>
            {m.decision.map(|d| view! { <p><strong>"Beslissing: "</strong>{d.label()}</p> })}
            {(!m.conclusions.is_empty()).then(|| view! { <p><strong>"Conclusies: "</strong>{m.conclusions.clone()}</p> })}
            {(!m.problem_definition.is_empty()).then(|| view! { <p><strong>"Probleemstelling: "</strong>{m.problem_definition.clone()}</p> })}
            {(!m.commitments.is_empty()).then(|| view! { <p><strong>"Engagementen: "</strong>{m.commitments.clone()}</p> })}
            {(m.decision.is_none() && m.conclusions.is_empty()).then(|| view! { <p>"Nog geen verslag."</p> })}
        </article>
    }
}

/// The minutes form of one item, filled with what is saved, or with what
/// was typed when a post without JavaScript was refused.
#[component]
fn MinutesEditor(tenant: String, item: AgendaItem, typed: Option<MinutesForm>) -> impl IntoView {
    let record = ServerAction::<RecordMinutes>::new();
    let id = move |name: &str| format!("verslag-{}-{name}", item.id);
    let saved = item.minutes.clone();
    let decided = saved.decision;
    let m = typed.unwrap_or(MinutesForm {
        conclusions: saved.conclusions,
        problem_definition: saved.problem_definition,
        commitments: saved.commitments,
        ..MinutesForm::default()
    });
    let decision_field = match decided {
        Some(d) => view! {
            <p><strong>"Beslissing: "</strong>{d.label()}</p>
            <input type="hidden" name="decision" value=d.code()/>
            {if let Decision::NoFurtherAction(o) = d { Some(view! { <input type="hidden" name="outcome" value=o.code()/> }) } else { None }}
        }
        .into_any(),
        None => view! {
            <div class="field">
                <label for=id("beslissing")>"Beslissing"</label>
                <select id=id("beslissing") name="decision">
                    <option value="">"Nog geen beslissing"</option>
                    <option value="geen_actie" selected=m.decision == "geen_actie">"Geen verdere actie"</option>
                    <option value="verder_analyseren" selected=m.decision == "verder_analyseren">"Verder analyseren"</option>
                    <option value="campagne" selected=m.decision == "campagne">"Campagne starten"</option>
                </select>
            </div>
            <div class="field">
                <label for=id("afloop")>"Afloop voor de signalen (bij geen verdere actie)"</label>
                <select id=id("afloop") name="outcome">
                    <option value="">"—"</option>
                    {Outcome::ALL.into_iter().map(|o| view! { <option value=o.code() selected=m.outcome == o.code()>{o.label()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=id("bericht")>"Bericht aan de signaalgevers (bij geen verdere actie)"</label>
                <textarea id=id("bericht") name="message" rows="2">{m.message.clone()}</textarea>
            </div>
        }
        .into_any(),
    };
    view! {
        <article class="minutes" data-item=item.id.0>
            <h3>{item.title.clone()}</h3>
            <ActionForm action=record attr:class="form">
                <input type="hidden" name="tenant" value=tenant/>
                <input type="hidden" name="item" value=item.id.0/>
                <input type="hidden" name="version" value=item.version/>
                <div class="field">
                    <label for=id("conclusies")>"Conclusies"</label>
                    <textarea id=id("conclusies") name="conclusions" rows="3">{m.conclusions.clone()}</textarea>
                </div>
                <div class="field">
                    <label for=id("probleem")>"Afgesproken probleemstelling"</label>
                    <textarea id=id("probleem") name="problem_definition" rows="2">{m.problem_definition.clone()}</textarea>
                </div>
                <div class="field">
                    <label for=id("engagementen")>"Welke partners engageren zich tot wat"</label>
                    <textarea id=id("engagementen") name="commitments" rows="2">{m.commitments.clone()}</textarea>
                </div>
                {decision_field}
                <div class="choice">
                    <input type="checkbox" id=id("geen-persoonsgegevens") name="confirmed" value="ja"/>
                    <label for=id("geen-persoonsgegevens")>"Geen persoonsgegevens: wat de controle aanduidt, gaat niet over een persoon"</label>
                </div>
                <button type="submit" class="button button-small">"Verslag bewaren"</button>
            </ActionForm>
        </article>
    }
}
