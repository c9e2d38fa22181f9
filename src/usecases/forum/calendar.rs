//! The calendar file an invitation carries (iCalendar, RFC 5545): one
//! stable UID per meeting, so an update or a cancellation replaces the
//! event in the invitee's calendar; SEQUENCE counts the updates. Times are
//! Brussels wall-clock times with their TZID, as invitees read them.

use icalendar::{Calendar, CalendarDateTime, Component, Event, EventLike, EventStatus};

use crate::domain::Tenant;
use crate::domain::brussels;
use crate::domain::forum::meeting::Meeting;
use crate::storage::Attachment;

const TZID: &str = "Europe/Brussels";

/// What the mail asks of the invitee's calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// A new invitation, or an update of date or place.
    Request,
    Cancel,
}

/// One meeting's UID, the same in every mail about it.
pub fn uid(tenant: &Tenant, meeting: &Meeting) -> String {
    format!("overleg-{}-{}@seinhuis", tenant.slug, meeting.id)
}

/// The `.ics` file for this meeting.
pub fn invitation(tenant: &Tenant, meeting: &Meeting, method: Method, organiser: &str, link: &str) -> Attachment {
    let at = |moment| CalendarDateTime::WithTimezone { date_time: brussels::local(moment), tzid: TZID.to_string() };
    let mut event = Event::new();
    event
        .uid(&uid(tenant, meeting))
        .sequence(meeting.sequence.max(0) as u32)
        .summary(&format!("{}: {}", meeting.kind.label(), meeting.title))
        .location(&meeting.place)
        .description(&format!("{} van {}. Agenda en dossier: {link}", meeting.kind.label(), tenant.name))
        .url(link)
        .starts(at(meeting.starts_at))
        .ends(at(meeting.ends_at()))
        .add_property("ORGANIZER", format!("mailto:{}", address(organiser)))
        .status(if method == Method::Cancel { EventStatus::Cancelled } else { EventStatus::Confirmed });
    let mut calendar = Calendar::new();
    calendar.timezone(TZID).append_property(("METHOD", if method == Method::Cancel { "CANCEL" } else { "REQUEST" })).push(event.done());
    let method = if method == Method::Cancel { "CANCEL" } else { "REQUEST" };
    Attachment {
        name: "overleg.ics".into(),
        content_type: format!("text/calendar; method={method}; charset=UTF-8"),
        body: calendar.done().to_string(),
    }
}

/// The address in "Name <address>", or the text itself.
fn address(from: &str) -> &str {
    match (from.find('<'), from.rfind('>')) {
        (Some(start), Some(end)) if start < end => &from[start + 1..end],
        _ => from.trim(),
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::domain::forum::meeting::{MeetingKind, MeetingStatus};
    use crate::domain::{MeetingId, TenantId};

    fn meeting(sequence: i64) -> Meeting {
        Meeting {
            id: MeetingId(7),
            kind: MeetingKind::Forum,
            title: "Forum voorjaar; armoede, zorg".into(),
            starts_at: chrono::Utc.with_ymd_and_hms(2027, 3, 11, 13, 0, 0).unwrap(),
            length_minutes: 120,
            place: "Stadhuis, zaal 2".into(),
            status: MeetingStatus::Gepland,
            version: 1,
            sequence,
        }
    }

    fn tenant() -> Tenant {
        Tenant { id: TenantId(1), slug: "gent".into(), name: "Gent".into(), kind: "gemeente".into(), citizen_intake: false }
    }

    #[test]
    fn an_invitation_names_brussels_time_and_a_stable_uid() {
        let file =
            invitation(&tenant(), &meeting(0), Method::Request, "noreply@seinhuis.example", "https://seinhuis.example/gent/overleg/7");
        let text = file.body.replace("\r\n ", "");
        assert!(text.contains("METHOD:REQUEST"), "{text}");
        assert!(text.contains("ORGANIZER:mailto:noreply@seinhuis.example"), "{text}");
        assert!(text.contains("UID:overleg-gent-7@seinhuis"), "{text}");
        assert!(text.contains("DTSTART;TZID=Europe/Brussels:20270311T140000"), "{text}");
        assert!(text.contains("DTEND;TZID=Europe/Brussels:20270311T160000"), "{text}");
        // Commas and semicolons in text are escaped, as RFC 5545 asks.
        assert!(text.contains("SUMMARY:Forum: Forum voorjaar\\; armoede\\, zorg"), "{text}");
        assert!(file.content_type.starts_with("text/calendar; method=REQUEST"));
    }

    #[test]
    fn a_cancellation_keeps_the_uid_and_counts_the_sequence() {
        let file = invitation(&tenant(), &meeting(2), Method::Cancel, "noreply@seinhuis.example", "https://x");
        let text = file.body.replace("\r\n ", "");
        assert!(text.contains("METHOD:CANCEL") && text.contains("STATUS:CANCELLED"), "{text}");
        assert!(text.contains("UID:overleg-gent-7@seinhuis") && text.contains("SEQUENCE:2"), "{text}");
    }
}
