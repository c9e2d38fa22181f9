//! Events: the history of a signal. Never edited, never deleted.

use serde::{Deserialize, Serialize};

use super::{NotRetainedReason, Outcome, Phase, SignalId};

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
}

impl EventKind {
    pub const ALL: [EventKind; 10] = [
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
        }
    }

    /// Done by the signaalgever who reported the signal: its actor is the reporter.
    pub const fn is_by_reporter(self) -> bool {
        matches!(self, EventKind::Submitted | EventKind::InformationAdded | EventKind::Withdrawn)
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
    /// Internal: only for processors.
    pub note: Option<String>,
}

impl EventDraft {
    /// An event that changes no phase (a sighting, added information).
    pub fn note(kind: EventKind, message: Option<String>, note: Option<String>) -> Self {
        EventDraft { kind, from: None, to: None, reason: None, duplicate_of: None, outcome: None, message, note }
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
        }
    }
}
