//! Meetings: what kind, when, where, who is invited, and where they stand.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use super::{ForumRefusal, short_text};
use crate::domain::{InviteeId, MeetingId, OrganisationId, PersonId, brussels};

pub const MAX_TITLE_CHARS: usize = 150;
pub const MAX_PLACE_CHARS: usize = 300;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MeetingKind {
    Forum,
    RondeTafel,
    Clusteroverleg,
    Regisseursoverleg,
}

impl MeetingKind {
    pub const ALL: [MeetingKind; 4] =
        [MeetingKind::Forum, MeetingKind::RondeTafel, MeetingKind::Clusteroverleg, MeetingKind::Regisseursoverleg];

    pub const fn code(self) -> &'static str {
        match self {
            MeetingKind::Forum => "forum",
            MeetingKind::RondeTafel => "ronde_tafel",
            MeetingKind::Clusteroverleg => "clusteroverleg",
            MeetingKind::Regisseursoverleg => "regisseursoverleg",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    pub const fn label(self) -> &'static str {
        match self {
            MeetingKind::Forum => "Forum",
            MeetingKind::RondeTafel => "Ronde tafel",
            MeetingKind::Clusteroverleg => "Clusteroverleg",
            MeetingKind::Regisseursoverleg => "Regisseursoverleg",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MeetingStatus {
    Gepland,
    Voorbereid,
    Afgelopen,
    Geannuleerd,
}

impl MeetingStatus {
    pub const ALL: [MeetingStatus; 4] =
        [MeetingStatus::Gepland, MeetingStatus::Voorbereid, MeetingStatus::Afgelopen, MeetingStatus::Geannuleerd];

    pub const fn code(self) -> &'static str {
        match self {
            MeetingStatus::Gepland => "gepland",
            MeetingStatus::Voorbereid => "voorbereid",
            MeetingStatus::Afgelopen => "afgelopen",
            MeetingStatus::Geannuleerd => "geannuleerd",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    pub const fn label(self) -> &'static str {
        match self {
            MeetingStatus::Gepland => "Gepland",
            MeetingStatus::Voorbereid => "Voorbereid",
            MeetingStatus::Afgelopen => "Afgelopen",
            MeetingStatus::Geannuleerd => "Geannuleerd",
        }
    }

    /// The agenda can still change: the meeting has not been held or cancelled.
    pub const fn is_open(self) -> bool {
        matches!(self, MeetingStatus::Gepland | MeetingStatus::Voorbereid)
    }
}

/// A meeting as people plan and read it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: MeetingId,
    pub kind: MeetingKind,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub length_minutes: u32,
    pub place: String,
    pub status: MeetingStatus,
    pub version: i64,
    /// How many calendar updates went out (iCalendar SEQUENCE).
    pub sequence: i64,
}

impl Meeting {
    pub fn ends_at(&self) -> DateTime<Utc> {
        self.starts_at + chrono::Duration::minutes(self.length_minutes as i64)
    }

    /// "Forum voorjaar 2027 (14-01-2027)"
    pub fn name(&self) -> String {
        format!("{} ({})", self.title, dutch_date(self.starts_at))
    }
}

/// "14-01-2027", the day in Brussels.
pub fn dutch_date(at: DateTime<Utc>) -> String {
    use chrono::Datelike;
    let local = brussels::local(at);
    format!("{:02}-{:02}-{:04}", local.day(), local.month(), local.year())
}

/// What a person fills in to plan a meeting, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingForm {
    pub kind: String,
    pub title: String,
    /// "2027-01-14" (a date input) or "14-01-2027" (typed).
    pub date: String,
    /// "14:00"
    pub time: String,
    /// Minutes.
    pub length: String,
    pub place: String,
}

/// A checked plan for a meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingPlan {
    pub kind: MeetingKind,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub length_minutes: u32,
    pub place: String,
}

impl MeetingForm {
    pub fn of(meeting: &Meeting) -> Self {
        use chrono::{Datelike, Timelike};
        let local = brussels::local(meeting.starts_at);
        MeetingForm {
            kind: meeting.kind.code().into(),
            title: meeting.title.clone(),
            date: format!("{:04}-{:02}-{:02}", local.year(), local.month(), local.day()),
            time: format!("{:02}:{:02}", local.hour(), local.minute()),
            length: meeting.length_minutes.to_string(),
            place: meeting.place.clone(),
        }
    }

    pub fn check(&self) -> Result<MeetingPlan, ForumRefusal> {
        let kind = MeetingKind::from_code(self.kind.trim()).ok_or(ForumRefusal::BadKind)?;
        let title = short_text(&self.title, "Een titel", MAX_TITLE_CHARS)?;
        if title.is_empty() {
            return Err(ForumRefusal::TitleRequired);
        }
        let date = parse_date(&self.date).ok_or(ForumRefusal::BadDate)?;
        let time = NaiveTime::parse_from_str(self.time.trim(), "%H:%M").map_err(|_| ForumRefusal::BadTime)?;
        let length_minutes = self.length.trim().parse::<u32>().ok().filter(|m| (15..=600).contains(m)).ok_or(ForumRefusal::BadLength)?;
        let place = short_text(&self.place, "Een plaats", MAX_PLACE_CHARS)?;
        Ok(MeetingPlan { kind, title, starts_at: brussels::from_local(date.and_time(time)), length_minutes, place })
    }
}

fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%Y-%m-%d").or_else(|_| NaiveDate::parse_from_str(text, "%d-%m-%Y")).ok()
}

/// Whether a change of plan needs a calendar update to the invitees.
pub fn needs_update(before: &Meeting, after: &MeetingPlan) -> bool {
    before.starts_at != after.starts_at || before.length_minutes != after.length_minutes || before.place != after.place
}

/// Who is invited. Outside guests have a name and role; people and
/// organisations are named from their record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitee {
    pub id: InviteeId,
    pub person: Option<PersonId>,
    pub organisation: Option<OrganisationId>,
    /// The person's or organisation's name, or the guest's.
    pub name: String,
    /// An outside guest's role ("spreker", "expert jeugdhulp").
    pub role: String,
    /// Whether an invitation can be mailed (the address itself stays on the server).
    pub reachable: bool,
}

/// A new invitee as checked from the form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NewInvitee {
    Person(PersonId),
    Organisation(OrganisationId),
    Guest { name: String, role: String, email: String },
}

impl NewInvitee {
    /// From the form: a person, an organisation, or a guest's name, role and address.
    pub fn check(
        person: Option<PersonId>,
        organisation: Option<OrganisationId>,
        name: &str,
        role: &str,
        email: &str,
    ) -> Result<Self, ForumRefusal> {
        if let Some(person) = person {
            return Ok(NewInvitee::Person(person));
        }
        if let Some(organisation) = organisation {
            return Ok(NewInvitee::Organisation(organisation));
        }
        let name = short_text(name, "Een naam", 120)?;
        let role = short_text(role, "Een rol", 120)?;
        if name.is_empty() || role.is_empty() {
            return Err(ForumRefusal::InviteeIncomplete);
        }
        let email = match email.trim() {
            "" => String::new(),
            typed => crate::domain::parse_email(typed).map_err(|_| ForumRefusal::BadEmail)?,
        };
        Ok(NewInvitee::Guest { name, role, email })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn form() -> MeetingForm {
        MeetingForm {
            kind: "forum".into(),
            title: "Forum voorjaar".into(),
            date: "2027-03-11".into(),
            time: "14:00".into(),
            length: "120".into(),
            place: "Stadhuis, zaal 2".into(),
        }
    }

    #[test]
    fn a_meeting_is_planned_in_brussels_time() {
        let plan = form().check().unwrap();
        assert_eq!(plan.starts_at, Utc.with_ymd_and_hms(2027, 3, 11, 13, 0, 0).unwrap());
        let typed = MeetingForm { date: "11-03-2027".into(), ..form() };
        assert_eq!(typed.check().unwrap().starts_at, plan.starts_at);
    }

    #[test]
    fn bad_plans_are_refused_in_dutch() {
        assert_eq!(MeetingForm { kind: "feest".into(), ..form() }.check(), Err(ForumRefusal::BadKind));
        assert_eq!(MeetingForm { title: " ".into(), ..form() }.check(), Err(ForumRefusal::TitleRequired));
        assert_eq!(MeetingForm { date: "morgen".into(), ..form() }.check(), Err(ForumRefusal::BadDate));
        assert_eq!(MeetingForm { time: "25:00".into(), ..form() }.check(), Err(ForumRefusal::BadTime));
        assert_eq!(MeetingForm { length: "5".into(), ..form() }.check(), Err(ForumRefusal::BadLength));
    }

    #[test]
    fn guests_need_a_name_and_role() {
        assert_eq!(NewInvitee::check(None, None, "An", "", ""), Err(ForumRefusal::InviteeIncomplete));
        assert_eq!(NewInvitee::check(None, None, "An", "spreker", "geen-adres"), Err(ForumRefusal::BadEmail));
        assert!(NewInvitee::check(None, None, "An", "spreker", "").is_ok());
    }
}
