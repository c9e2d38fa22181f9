//! The meetings list and one meeting's page (rendered on the server).

use leptos::prelude::*;
use leptos_meta::Title;

use super::agenda::AgendaBuilder;
pub use super::dossier::DossierPageView;
use super::invitees::Invitees;
use super::minutes::MinutesSection;
use crate::api::forum::{MeetingPage, MeetingsPage, PlanMeeting, ReplanMeeting, SetMeetingStatus, load_meeting, load_meetings};
use crate::components::dates::{long_date, time};
use crate::components::loaded::loaded;
use crate::domain::forum::meeting::{Meeting, MeetingForm, MeetingKind, MeetingStatus};
use crate::error::AppError;
use crate::pages::param;

#[component]
pub fn MeetingsListPage() -> impl IntoView {
    let tenant = param("tenant");
    let page = Resource::new(tenant, load_meetings);
    view! {
        <Title text="Overleg"/>
        {loaded(page, |page| view! { <MeetingsView page/> })}
    }
}

/// "donderdag 11 maart 2027, 14:00 · 150 minuten · Stadhuis"
pub(crate) fn when(m: &Meeting) -> String {
    format!(
        "{}, {} · {} minuten{}",
        long_date(m.starts_at),
        time(m.starts_at),
        m.length_minutes,
        if m.place.is_empty() { String::new() } else { format!(" · {}", m.place) }
    )
}

#[component]
fn MeetingsView(page: MeetingsPage) -> impl IntoView {
    let slug = page.tenant.slug.clone();
    let rows = page
        .meetings
        .iter()
        .map(|m| {
            let href = format!("/{slug}/overleg/{}", m.id);
            view! {
                <li class="bundle-row" data-meeting=m.id.0>
                    <h2 class="card-title"><a href=href>{format!("{}: {}", m.kind.label(), m.title)}</a></h2>
                    <p class="card-meta">{when(m)} " · " <span class="tag">{m.status.label()}</span></p>
                </li>
            }
        })
        .collect_view();
    view! {
        <h1>"Overleg " {page.tenant.name.clone()}</h1>
        <p class="lead">"Fora, ronde tafels, clusteroverleg en regisseursoverleg: stel de agenda samen uit de signalen en bundels, nodig mensen uit en leg vast wat beslist werd."</p>
        {page.meetings.is_empty().then(|| view! { <p>"Er is nog geen overleg gepland."</p> })}
        <ul class="bundle-list">{rows}</ul>
        {page.may_plan.then(|| view! { <PlanForm tenant=slug.clone()/> })}
    }
}

/// The fields of a meeting's plan, for planning and changing it.
#[component]
fn PlanFields(prefix: &'static str, form: MeetingForm) -> impl IntoView {
    let id = move |name: &str| format!("{prefix}-{name}");
    view! {
        <div class="field">
            <label for=id("soort")>"Soort overleg"</label>
            <select id=id("soort") name="kind">
                {MeetingKind::ALL.into_iter().map(|k| view! { <option value=k.code() selected=form.kind == k.code()>{k.label()}</option> }).collect_view()}
            </select>
        </div>
        <div class="field">
            <label for=id("titel")>"Titel"</label>
            <input id=id("titel") name="title" required maxlength="150" value=form.title.clone()/>
        </div>
        <div class="field-row">
            <div class="field">
                <label for=id("datum")>"Datum"</label>
                <input id=id("datum") name="date" type="date" required value=form.date.clone()/>
            </div>
            <div class="field">
                <label for=id("uur")>"Beginuur"</label>
                <input id=id("uur") name="time" type="time" required value=form.time.clone()/>
            </div>
            <div class="field">
                <label for=id("duur")>"Duur (minuten)"</label>
                <input id=id("duur") name="length" type="number" min="15" max="600" required value=form.length.clone()/>
            </div>
        </div>
        <div class="field">
            <label for=id("plaats")>"Plaats"</label>
            <input id=id("plaats") name="place" maxlength="300" value=form.place.clone()/>
        </div>
    }
}

#[component]
fn PlanForm(tenant: String) -> impl IntoView {
    let plan = ServerAction::<PlanMeeting>::new();
    let form = MeetingForm { kind: "forum".into(), length: "120".into(), time: "14:00".into(), ..MeetingForm::default() };
    view! {
        <section class="panel" aria-labelledby="plannen">
            <h2 id="plannen">"Overleg plannen"</h2>
            <ActionForm action=plan attr:class="form">
                <input type="hidden" name="tenant" value=tenant/>
                <PlanFields prefix="nieuw" form/>
                <button type="submit" class="button">"Plannen"</button>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn MeetingPageView() -> impl IntoView {
    let tenant = param("tenant");
    let id = param("id");
    let page = Resource::new(
        move || (tenant(), id()),
        |(tenant, id)| async move {
            let id = id.parse::<i64>().map_err(|_| AppError::NotFound)?;
            load_meeting(tenant, id).await
        },
    );
    loaded(page, |page| view! { <MeetingView page/> })
}

#[component]
fn MeetingView(page: MeetingPage) -> impl IntoView {
    let slug = page.tenant.slug.clone();
    let agenda = page.agenda;
    let returned = page.returned;
    let m = agenda.meeting.clone();
    let dossier = format!("/{slug}/overleg/{}/dossier", m.id);
    let prepares = agenda.may_prepare;
    let open = m.status.is_open();
    view! {
        <Title text=format!("{}: {}", m.kind.label(), m.title)/>
        <p class="breadcrumb"><a href=format!("/{slug}/overleg")>"Overleg"</a></p>
        <h1>{format!("{}: {}", m.kind.label(), m.title)}</h1>
        <p class="lead">{when(&m)} " · " <span class="tag" data-status=m.status.code()>{m.status.label()}</span></p>
        <p><a class="button button-quiet" href=dossier>"Dossier bekijken en afdrukken"</a></p>
        {(prepares && open).then(|| view! { <AgendaBuilder tenant=slug.clone() agenda=agenda.clone()/> })}
        {(!(prepares && open)).then(|| view! { <ReadOnlyAgenda agenda=agenda.clone()/> })}
        <MinutesSection tenant=slug.clone() agenda=agenda.clone() returned=returned/>
        <Invitees tenant=slug.clone() agenda=agenda.clone()/>
        {prepares.then(|| view! { <MeetingSettings tenant=slug.clone() meeting=m.clone()/> })}
    }
}

/// The agenda as read by mandatarissen, and by everyone once the meeting is over.
#[component]
fn ReadOnlyAgenda(agenda: crate::domain::forum::view::AgendaView) -> impl IntoView {
    let total = agenda.total;
    view! {
        <section aria-labelledby="agenda-titel">
            <h2 id="agenda-titel">"Agenda"</h2>
            <p class="agenda-total" class:over=total.over()>{total.sentence()}</p>
            <ol class="agenda-list">
                {agenda.items.into_iter().map(|i| view! {
                    <li class="agenda-item">
                        <h3 class="agenda-item-title"><span class="tag">{i.subject.label()}</span> " " {i.title.clone()}</h3>
                        <p class="card-meta">{format!("{} minuten", i.duration_minutes)}
                            {(!i.presenter.is_empty()).then(|| format!(" · voorgesteld door {}", i.presenter))}</p>
                        {(!i.question.is_empty()).then(|| view! { <p>"Vraag aan de tafel: " {i.question.clone()}</p> })}
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
}

/// Change the plan or the status of a meeting.
#[component]
fn MeetingSettings(tenant: String, meeting: Meeting) -> impl IntoView {
    let replan = ServerAction::<ReplanMeeting>::new();
    let status = ServerAction::<SetMeetingStatus>::new();
    let form = MeetingForm::of(&meeting);
    let statuses = MeetingStatus::ALL.into_iter().filter(|s| *s != meeting.status).collect::<Vec<_>>();
    let (tenant_plan, tenant_status) = (tenant.clone(), tenant);
    let (meeting_plan, meeting_status) = (meeting.clone(), meeting.clone());
    view! {
        <section class="panel" aria-labelledby="instellingen">
            <h2 id="instellingen">"Overleg wijzigen"</h2>
            {meeting.status.is_open().then(move || view! {
                <details>
                    <summary>"Datum, plaats of titel wijzigen"</summary>
                    <ActionForm action=replan attr:class="form">
                        <input type="hidden" name="tenant" value=tenant_plan.clone()/>
                        <input type="hidden" name="meeting" value=meeting_plan.id.0/>
                        <input type="hidden" name="version" value=meeting_plan.version/>
                        <PlanFields prefix="wijzig" form/>
                        <p class="hint">"Wie uitgenodigd is, krijgt een update in de agenda als datum, duur of plaats verandert."</p>
                        <button type="submit" class="button">"Wijzigingen bewaren"</button>
                    </ActionForm>
                </details>
            })}
            {(meeting.status != MeetingStatus::Geannuleerd).then(move || view! {
                <ActionForm action=status attr:class="form form-inline">
                    <input type="hidden" name="tenant" value=tenant_status.clone()/>
                    <input type="hidden" name="meeting" value=meeting_status.id.0/>
                    <div class="field">
                        <label for="status-kiezen">"Status"</label>
                        <select id="status-kiezen" name="status">
                            {statuses.into_iter().map(|s| view! { <option value=s.code()>{s.label()}</option> }).collect_view()}
                        </select>
                    </div>
                    <button type="submit" class="button button-small">"Status wijzigen"</button>
                </ActionForm>
            })}
        </section>
    }
}
