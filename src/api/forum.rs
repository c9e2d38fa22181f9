//! Forum preparation: the meetings list, one meeting's agenda builder, its
//! invitees, minutes and dossier. Flat fields, so plain forms post them too;
//! the agenda island calls the same functions.

// Server functions take one argument per form field. server_fn drops lint
// attributes on the browser stub it generates, so allow it here for that build.
#![cfg_attr(feature = "hydrate", allow(clippy::too_many_arguments))]

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::TenantHeader;
use crate::domain::forum::dossier::Dossier;
use crate::domain::forum::meeting::Meeting;
use crate::domain::forum::view::AgendaView;
use crate::error::AppError;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingsPage {
    pub tenant: TenantHeader,
    pub meetings: Vec<Meeting>,
    pub may_plan: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingPage {
    pub tenant: TenantHeader,
    pub agenda: AgendaView,
    /// Minutes sent without JavaScript and refused: shown again as typed (item, form).
    #[serde(default)]
    pub returned: Option<(i64, crate::domain::forum::agenda::MinutesForm)>,
}

#[cfg(feature = "ssr")]
const RETURNED_MINUTES: &str = "minutes_returned";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DossierPage {
    pub tenant: TenantHeader,
    pub meeting: i64,
    pub dossier: Dossier,
    /// The reader prepares the meeting (links back to the agenda).
    pub prepares: bool,
}

#[cfg(feature = "ssr")]
mod on_server {
    pub use crate::server::{app_state, auth};
    pub use crate::usecases::forum;

    pub async fn tell(message: &str) -> Result<(), crate::error::AppError> {
        auth::set_feedback(crate::api::feedback::Feedback::success(message)).await
    }

    pub fn mailing(state: &crate::server::state::AppState) -> forum::meetings::Mailing<'_> {
        forum::meetings::Mailing { public_url: &state.config.public_url, organiser: &state.config.mail.from }
    }

    pub fn meeting_form(
        kind: String,
        title: String,
        date: String,
        time: String,
        length: String,
        place: Option<String>,
    ) -> crate::domain::forum::meeting::MeetingForm {
        crate::domain::forum::meeting::MeetingForm { kind, title, date, time, length, place: place.unwrap_or_default() }
    }
}

#[server(endpoint = "overleggen")]
pub async fn load_meetings(tenant: String) -> Result<MeetingsPage, AppError> {
    crate::server::answer(async move {
        use on_server::*;
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "overleggen", &tenant).await?;
        let meetings = forum::meetings::list(state.store.as_ref(), &caller).await?;
        Ok(MeetingsPage { tenant: (&caller.tenant).into(), meetings, may_plan: forum::prepares(&caller) })
    })
    .await
}

/// Plan a meeting; then go to its agenda.
#[server(endpoint = "overleg-plannen")]
#[allow(clippy::too_many_arguments)] // one argument per form field
pub async fn plan_meeting(
    tenant: String,
    kind: String,
    title: String,
    date: String,
    time: String,
    length: String,
    place: Option<String>,
) -> Result<i64, AppError> {
    crate::server::answer(async move {
        use on_server::*;
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "overleg-plannen", &tenant).await?;
        let form = meeting_form(kind, title, date, time, length, place);
        let id = forum::meetings::plan(state.store.as_ref(), &caller, &form, chrono::Utc::now()).await?;
        tell("Het overleg is gepland. Stel nu de agenda samen.").await?;
        leptos_axum::redirect(&format!("/{tenant}/overleg/{id}"));
        Ok(id.0)
    })
    .await
}

#[server(endpoint = "overleg")]
pub async fn load_meeting(tenant: String, id: i64) -> Result<MeetingPage, AppError> {
    crate::server::answer(async move {
        use on_server::*;
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "overleg", &tenant).await?;
        let agenda = forum::agenda::view(state.store.as_ref(), &caller, crate::domain::MeetingId(id), chrono::Utc::now()).await?;
        let returned = auth::take_flash(RETURNED_MINUTES).await?;
        Ok(MeetingPage { tenant: (&caller.tenant).into(), agenda, returned })
    })
    .await
}

#[server(endpoint = "overleg-wijzigen")]
#[allow(clippy::too_many_arguments)] // one argument per form field
pub async fn replan_meeting(
    tenant: String,
    meeting: i64,
    version: i64,
    kind: String,
    title: String,
    date: String,
    time: String,
    length: String,
    place: Option<String>,
) -> Result<(), AppError> {
    crate::server::answer(async move {
        use on_server::*;
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "overleg-wijzigen", &tenant).await?;
        let form = meeting_form(kind, title, date, time, length, place);
        let id = crate::domain::MeetingId(meeting);
        forum::meetings::replan(state.store.as_ref(), &caller, id, version, &form, &mailing(&state), chrono::Utc::now()).await?;
        tell("Het overleg is gewijzigd. Wie een uitnodiging kreeg, krijgt een update als datum, duur of plaats veranderde.").await
    })
    .await
}

#[server(endpoint = "overleg-status")]
pub async fn set_meeting_status(tenant: String, meeting: i64, status: String) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::domain::forum::meeting::MeetingStatus;
        use on_server::*;
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "overleg-status", &tenant).await?;
        let status = MeetingStatus::from_code(status.trim()).ok_or_else(|| AppError::Invalid("Kies een status uit de lijst.".into()))?;
        let id = crate::domain::MeetingId(meeting);
        forum::meetings::set_status(state.store.as_ref(), &caller, id, status, &mailing(&state), chrono::Utc::now()).await?;
        tell(&format!("Het overleg is nu ‘{}’.", status.label().to_lowercase())).await
    })
    .await
}

/// Invite a member (`person`), an organisation, or an outside guest by name, role and address.
#[server(endpoint = "overleg-uitnodigen")]
#[allow(clippy::too_many_arguments)] // one argument per form field
pub async fn invite(
    tenant: String,
    meeting: i64,
    person: Option<String>,
    organisation: Option<String>,
    name: Option<String>,
    role: Option<String>,
    email: Option<String>,
) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::domain::forum::meeting::NewInvitee;
        use on_server::*;
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "overleg-uitnodigen", &tenant).await?;
        let id_of = |v: &Option<String>| v.as_deref().map(str::trim).filter(|v| !v.is_empty()).and_then(|v| v.parse::<i64>().ok());
        let invitee = NewInvitee::check(
            id_of(&person).map(crate::domain::PersonId),
            id_of(&organisation).map(crate::domain::OrganisationId),
            name.as_deref().unwrap_or(""),
            role.as_deref().unwrap_or(""),
            email.as_deref().unwrap_or(""),
        )?;
        let id = crate::domain::MeetingId(meeting);
        forum::meetings::invite(state.store.as_ref(), &caller, id, &invitee, &mailing(&state), chrono::Utc::now()).await?;
        tell("Uitgenodigd. Wie een e-mailadres heeft, krijgt de uitnodiging met een agendabestand.").await
    })
    .await
}

#[server(endpoint = "overleg-uitnodiging-intrekken")]
pub async fn uninvite(tenant: String, meeting: i64, invitee: i64) -> Result<(), AppError> {
    crate::server::answer(async move {
        use on_server::*;
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "overleg-uitnodiging-intrekken", &tenant).await?;
        let (id, invitee) = (crate::domain::MeetingId(meeting), crate::domain::InviteeId(invitee));
        forum::meetings::uninvite(state.store.as_ref(), &caller, id, invitee, &mailing(&state), chrono::Utc::now()).await?;
        tell("De uitnodiging is ingetrokken.").await
    })
    .await
}

/// Put a candidate (`subject`: "bundel-3", "signaal-12", "knelpunt-2") on the agenda.
#[server(endpoint = "agendapunt-toevoegen")]
pub async fn place_item(tenant: String, meeting: i64, subject: String) -> Result<i64, AppError> {
    crate::server::answer(async move {
        use crate::domain::forum::agenda::AgendaSubject;
        use on_server::*;
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "agendapunt-toevoegen", &tenant).await?;
        let subject = AgendaSubject::from_key(&subject).ok_or(AppError::NotFound)?;
        let id = crate::domain::MeetingId(meeting);
        let item = forum::agenda::place(state.store.as_ref(), &caller, id, subject, &state.config.public_url, chrono::Utc::now()).await?;
        tell("Het agendapunt staat op de agenda.").await?;
        Ok(item.0)
    })
    .await
}

#[server(endpoint = "agendapunt-wijzigen")]
pub async fn edit_item(
    tenant: String,
    item: i64,
    version: i64,
    duration: String,
    presenter: Option<String>,
    question: Option<String>,
) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::domain::forum::agenda::ItemForm;
        use on_server::*;
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "agendapunt-wijzigen", &tenant).await?;
        let form = ItemForm { duration, presenter: presenter.unwrap_or_default(), question: question.unwrap_or_default() };
        let item = crate::domain::AgendaItemId(item);
        forum::agenda::edit(state.store.as_ref(), &caller, item, version, &form, chrono::Utc::now()).await?;
        tell("Het agendapunt is bewaard.").await
    })
    .await
}

/// Move an item to place `index` (0-based) of its agenda.
#[server(endpoint = "agendapunt-ordenen")]
pub async fn order_item(tenant: String, item: i64, index: i64) -> Result<(), AppError> {
    crate::server::answer(async move {
        use on_server::*;
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "agendapunt-ordenen", &tenant).await?;
        let index = usize::try_from(index.max(0)).unwrap_or(0);
        forum::agenda::move_within(state.store.as_ref(), &caller, crate::domain::AgendaItemId(item), index).await
    })
    .await
}

#[server(endpoint = "agendapunt-verwijderen")]
pub async fn remove_item(tenant: String, item: i64) -> Result<(), AppError> {
    crate::server::answer(async move {
        use on_server::*;
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "agendapunt-verwijderen", &tenant).await?;
        let item = crate::domain::AgendaItemId(item);
        forum::agenda::remove(state.store.as_ref(), &caller, item, &state.config.public_url, chrono::Utc::now()).await?;
        tell("Het agendapunt is van de agenda gehaald.").await
    })
    .await
}

#[server(endpoint = "agendapunt-naar-overleg")]
pub async fn move_item(tenant: String, item: i64, to: i64) -> Result<(), AppError> {
    crate::server::answer(async move {
        use on_server::*;
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "agendapunt-naar-overleg", &tenant).await?;
        let (item, to) = (crate::domain::AgendaItemId(item), crate::domain::MeetingId(to));
        forum::agenda::move_to_meeting(state.store.as_ref(), &caller, item, to, chrono::Utc::now()).await?;
        tell("Het agendapunt staat nu op de agenda van het andere overleg.").await
    })
    .await
}

/// The minutes of an item, and maybe its decision; returns the campaign a
/// decision started.
#[server(endpoint = "verslag-opslaan")]
#[allow(clippy::too_many_arguments)] // one argument per form field
pub async fn record_minutes(
    tenant: String,
    item: i64,
    version: i64,
    conclusions: Option<String>,
    problem_definition: Option<String>,
    commitments: Option<String>,
    decision: Option<String>,
    outcome: Option<String>,
    message: Option<String>,
    confirmed: Option<String>,
) -> Result<Option<i64>, AppError> {
    crate::server::answer(async move {
        use crate::domain::forum::agenda::MinutesForm;
        use on_server::*;
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "verslag-opslaan", &tenant).await?;
        let form = MinutesForm {
            conclusions: conclusions.unwrap_or_default(),
            problem_definition: problem_definition.unwrap_or_default(),
            commitments: commitments.unwrap_or_default(),
            decision: decision.unwrap_or_default(),
            outcome: outcome.unwrap_or_default(),
            message: message.unwrap_or_default(),
            confirmed: super::admin::checked(&confirmed),
        };
        let item = crate::domain::AgendaItemId(item);
        let public_url = &state.config.public_url;
        let result = forum::decisions::record(state.store.as_ref(), &caller, item, version, &form, public_url, chrono::Utc::now()).await;
        // Refused without JavaScript, the page comes back with what was typed.
        if result.is_err() && crate::server::is_plain_form_post() {
            auth::set_flash(RETURNED_MINUTES, &(item.0, &form)).await?;
        }
        let campaign = result?;
        match campaign {
            Some(id) => {
                tell("Het verslag is bewaard en de campagne is gestart. Voeg er actielijnen met een trekker aan toe.").await?;
                if crate::server::is_plain_form_post() {
                    leptos_axum::redirect(&format!("/{tenant}/campagnes#campagne-{id}"));
                }
            }
            None => tell("Het verslag is bewaard.").await?,
        }
        Ok(campaign.map(|c| c.0))
    })
    .await
}

/// Mail the minutes to everyone invited.
#[server(endpoint = "verslag-versturen")]
pub async fn send_minutes(tenant: String, meeting: i64) -> Result<(), AppError> {
    crate::server::answer(async move {
        use on_server::*;
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "verslag-versturen", &tenant).await?;
        let id = crate::domain::MeetingId(meeting);
        let sent = forum::meetings::send_minutes(state.store.as_ref(), &caller, id, &mailing(&state), chrono::Utc::now()).await?;
        tell(&format!("Het verslag is verstuurd naar {sent} genodigden met een e-mailadres.")).await
    })
    .await
}

#[server(endpoint = "dossier")]
pub async fn load_dossier(tenant: String, id: i64) -> Result<DossierPage, AppError> {
    crate::server::answer(async move {
        use on_server::*;
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "dossier", &tenant).await?;
        let dossier = forum::dossier::compile(state.store.as_ref(), &caller, crate::domain::MeetingId(id), chrono::Utc::now()).await?;
        Ok(DossierPage { tenant: (&caller.tenant).into(), meeting: id, dossier, prepares: forum::prepares(&caller) })
    })
    .await
}
