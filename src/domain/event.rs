//! Events: the history of a signal. Never edited, never deleted.

use serde::{Deserialize, Serialize};

use super::{CampaignId, MeetingId, NotRetainedReason, Outcome, Phase, SignalId};

/// What happened. Stored by code; the signaalgever's timeline shows the public part.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Submitted,
    PhaseChanged,
    SteppedBack,
    Reopened,
    Withdrawn,
    /// Another organisation meets the same problem ("ik zie dit ook").
    Sighted,
    /// The signaalgever added information before screening.
    InformationAdded,
    /// The hoofdsignaalverwerker removed personal data from a text. Says who
    /// and when, never what.
    Redacted,
    /// Went into a bundle (made, added, or its bundle merged into another),
    /// taking the bundle's phase.
    JoinedBundle,
    /// Split out of its bundle.
    LeftBundle,
    /// An internal comment (its text is the note), maybe mentioning colleagues.
    Commented,
    /// Assigned to a colleague (the subject), or to nobody.
    Assigned,
    /// Linked to another signal about the same problem, or the link removed.
    Linked,
    Unlinked,
    /// A processor changed its title or classification (what changed is the note).
    Edited,
    /// A processor asked the reporter a question (the message), and the reporter answered.
    QuestionAsked,
    QuestionAnswered,
    /// Its agenda item moved to another meeting: it stays Geagendeerd.
    MovedToMeeting,
    /// Linked to a policy bottleneck, or the link removed.
    BottleneckLinked,
    BottleneckUnlinked,
}

impl EventKind {
    pub const ALL: [EventKind; 20] = [
        EventKind::Submitted,
        EventKind::PhaseChanged,
        EventKind::SteppedBack,
        EventKind::Reopened,
        EventKind::Withdrawn,
        EventKind::Sighted,
        EventKind::InformationAdded,
        EventKind::Redacted,
        EventKind::JoinedBundle,
        EventKind::LeftBundle,
        EventKind::Commented,
        EventKind::Assigned,
        EventKind::Linked,
        EventKind::Unlinked,
        EventKind::Edited,
        EventKind::QuestionAsked,
        EventKind::QuestionAnswered,
        EventKind::MovedToMeeting,
        EventKind::BottleneckLinked,
        EventKind::BottleneckUnlinked,
    ];

    pub const fn code(self) -> &'static str {
        match self {
            EventKind::Submitted => "submitted",
            EventKind::PhaseChanged => "phase_changed",
            EventKind::SteppedBack => "stepped_back",
            EventKind::Reopened => "reopened",
            EventKind::Withdrawn => "withdrawn",
            EventKind::Sighted => "sighted",
            EventKind::InformationAdded => "information_added",
            EventKind::Redacted => "redacted",
            EventKind::JoinedBundle => "joined_bundle",
            EventKind::LeftBundle => "left_bundle",
            EventKind::Commented => "commented",
            EventKind::Assigned => "assigned",
            EventKind::Linked => "linked",
            EventKind::Unlinked => "unlinked",
            EventKind::Edited => "edited",
            EventKind::QuestionAsked => "question_asked",
            EventKind::QuestionAnswered => "question_answered",
            EventKind::MovedToMeeting => "moved_to_meeting",
            EventKind::BottleneckLinked => "bottleneck_linked",
            EventKind::BottleneckUnlinked => "bottleneck_unlinked",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// A short Dutch description for the history.
    pub fn describe(self, from: Option<Phase>, to: Option<Phase>) -> String {
        let to = to.map(Phase::label).unwrap_or("?");
        match self {
            EventKind::Submitted => "Signaal ingediend".to_string(),
            EventKind::PhaseChanged => match from {
                Some(from) => format!("Van {} naar {}", from.label(), to),
                None => format!("Naar {to}"),
            },
            EventKind::SteppedBack => format!("Teruggezet naar {to}"),
            // A wrong "niet weerhouden" taken back: the reporter reads that it is screened again.
            EventKind::Reopened if from == Some(Phase::NotRetained) => "Opnieuw in screening".to_string(),
            EventKind::Reopened => format!("Heropend: {to}"),
            EventKind::Withdrawn => "Ingetrokken door de signaalgever".to_string(),
            EventKind::Sighted => "Ook gezien door een andere organisatie".to_string(),
            EventKind::InformationAdded => "Informatie toegevoegd door de signaalgever".to_string(),
            EventKind::Redacted => "Persoonsgegevens verwijderd".to_string(),
            EventKind::JoinedBundle => format!("Gebundeld met gelijkaardige signalen: {to}"),
            EventKind::LeftBundle => format!("Uit de bundel gehaald: {to}"),
            EventKind::Commented => "Opmerking".to_string(),
            EventKind::Assigned => "Toegewezen".to_string(),
            EventKind::Linked => "Gekoppeld aan een ander signaal".to_string(),
            EventKind::Unlinked => "Koppeling met een ander signaal verwijderd".to_string(),
            EventKind::Edited => "Gegevens aangepast".to_string(),
            EventKind::QuestionAsked => "Vraag aan de signaalgever".to_string(),
            EventKind::QuestionAnswered => "Antwoord van de signaalgever".to_string(),
            EventKind::MovedToMeeting => "Verplaatst naar een ander overleg".to_string(),
            EventKind::BottleneckLinked => "Gekoppeld aan een beleidsknelpunt".to_string(),
            EventKind::BottleneckUnlinked => "Koppeling met een beleidsknelpunt verwijderd".to_string(),
        }
    }

    /// Done by the signaalgever who reported the signal: its actor is the reporter.
    pub const fn is_by_reporter(self) -> bool {
        matches!(self, EventKind::Submitted | EventKind::InformationAdded | EventKind::Withdrawn | EventKind::QuestionAnswered)
    }

    /// The team's own work on a signal: never shown to its reporter or outsiders.
    pub const fn is_internal(self) -> bool {
        matches!(
            self,
            EventKind::Commented
                | EventKind::Assigned
                | EventKind::Linked
                | EventKind::Unlinked
                | EventKind::Edited
                | EventKind::BottleneckLinked
                | EventKind::BottleneckUnlinked
        )
    }
}

/// An event about to be recorded: what the lifecycle decided, before storage
/// adds who, when and the id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDraft {
    pub kind: EventKind,
    pub from: Option<Phase>,
    pub to: Option<Phase>,
    pub reason: Option<NotRetainedReason>,
    pub duplicate_of: Option<SignalId>,
    pub outcome: Option<Outcome>,
    /// Public: shown to the signaalgever in their timeline.
    pub message: Option<String>,
    /// Internal: only for processors (and, for a comment, the regisseurs who read it).
    pub note: Option<String>,
    /// The person the event is about (the assignee).
    pub subject: Option<super::PersonId>,
    /// The other signal of a link.
    pub linked: Option<SignalId>,
    /// The meeting or campaign that carries the signal after this event.
    pub carrier: Option<Carrier>,
}

/// What carries a signal: Geagendeerd names a meeting, In actie a campaign.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Carrier {
    Meeting(MeetingId),
    Campaign(CampaignId),
}

impl Carrier {
    pub fn meeting(self) -> Option<MeetingId> {
        if let Carrier::Meeting(id) = self { Some(id) } else { None }
    }

    pub fn campaign(self) -> Option<CampaignId> {
        if let Carrier::Campaign(id) = self { Some(id) } else { None }
    }
}

impl EventDraft {
    /// An event that changes no phase (a sighting, added information).
    pub fn note(kind: EventKind, message: Option<String>, note: Option<String>) -> Self {
        EventDraft {
            kind,
            from: None,
            to: None,
            reason: None,
            duplicate_of: None,
            outcome: None,
            message,
            note,
            subject: None,
            linked: None,
            carrier: None,
        }
    }

    pub fn submitted() -> Self {
        EventDraft {
            kind: EventKind::Submitted,
            from: None,
            to: Some(Phase::Submitted),
            reason: None,
            duplicate_of: None,
            outcome: None,
            message: None,
            note: None,
            subject: None,
            linked: None,
            carrier: None,
        }
    }
}
