//! A signal as people read it: on the board, on its own page, in its history.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{
    BundleId, EventId, EventKind, NotRetainedReason, OrganisationId, Outcome, PersonId, Phase, PolicyDomainId, SignalId, SignalState,
};

/// Who brought the signal in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// A frontline worker with an account.
    #[default]
    Worker,
    /// A citizen through the public form.
    Citizen,
}

impl Source {
    pub const fn code(self) -> &'static str {
        match self {
            Source::Worker => "worker",
            Source::Citizen => "citizen",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [Source::Worker, Source::Citizen].into_iter().find(|s| s.code() == code)
    }
}

/// What decides who may see and process a signal. Server-side only: it is
/// never sent to a browser.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SignalScope {
    pub policy_domain: Option<PolicyDomainId>,
    pub organisation: Option<OrganisationId>,
    pub reporter: Option<PersonId>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleRef {
    pub id: BundleId,
    pub title: String,
    /// The bundle's own version: moving it from the board checks this.
    pub version: i64,
}

/// A signal on the board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignalSummary {
    pub id: SignalId,
    pub title: String,
    pub phase: Phase,
    /// Grows with every change; a change based on an older version is refused.
    pub version: i64,
    pub policy_domain: Option<String>,
    /// The reporter's organisation: only for those who may know who reported.
    pub organisation: Option<String>,
    /// Its kind (sector), which anyone who reads the signal may see.
    pub sector: Option<String>,
    pub bundle: Option<BundleRef>,
    pub source: Source,
    pub created_at: DateTime<Utc>,
    #[serde(skip)]
    pub scope: SignalScope,
}

impl SignalSummary {
    pub fn state(&self) -> SignalState {
        SignalState { id: self.id, phase: self.phase, reporter: self.scope.reporter, bundle: self.bundle.as_ref().map(|b| b.id) }
    }
}

/// A signal with everything its reporter wrote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignalDetails {
    pub summary: SignalSummary,
    pub description: String,
    pub area: String,
    pub frequency: String,
    pub since: String,
    pub people_estimate: Option<i64>,
    pub tried: String,
    pub idea: String,
    pub may_contact: bool,
    pub target_groups: Vec<String>,
    pub life_domains: Vec<String>,
    /// Left out for people who may not know who reported it.
    pub reporter_name: Option<String>,
}

/// One line of a signal's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub id: EventId,
    pub at: DateTime<Utc>,
    pub actor_name: Option<String>,
    pub kind: EventKind,
    pub from: Option<Phase>,
    pub to: Option<Phase>,
    pub reason: Option<NotRetainedReason>,
    pub duplicate_of: Option<SignalId>,
    pub outcome: Option<Outcome>,
    pub message: Option<String>,
    /// Internal; stripped before a signaalgever sees the timeline.
    pub note: Option<String>,
    /// The colleague an assignment names (a processor's name, as the reader may read it).
    pub subject_name: Option<String>,
    /// The other signal of a link.
    pub linked: Option<SignalId>,
    /// The meeting or campaign it names, by name ("Forum voorjaar (11-03-2027)").
    pub carrier: Option<String>,
}

/// A new signal as intake hands it to storage.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewSignal {
    pub title: String,
    pub description: String,
    pub policy_domain: Option<PolicyDomainId>,
    pub area: String,
    pub frequency: String,
    pub since: String,
    pub people_estimate: Option<i64>,
    pub tried: String,
    pub idea: String,
    pub may_contact: bool,
    pub source: Source,
    pub reporter: Option<PersonId>,
    pub organisation: Option<OrganisationId>,
    pub target_groups: Vec<String>,
    pub life_domains: Vec<String>,
}

/// A signal that resembles what someone is typing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SimilarSignal {
    pub id: SignalId,
    pub title: String,
    pub phase: Phase,
    /// How many organisations met it: the reporter's and those of sightings.
    pub organisations: u32,
    pub sightings: u32,
}

/// "Ik zie dit ook": another organisation meets the same problem.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sighting {
    /// Who said it and their organisation: only for those who may know (`Visibility`).
    pub person: Option<String>,
    pub organisation: Option<String>,
    /// The kind of organisation (its sector), shown to anyone who may read the signal.
    pub sector: Option<String>,
    pub note: String,
    pub at: DateTime<Utc>,
}

/// A signal as its reporter follows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowedSignal {
    pub signal: SignalSummary,
    /// Phase changes and messages to the reporter; never internal notes.
    pub timeline: Vec<HistoryEntry>,
    pub may_add_information: bool,
    pub may_withdraw: bool,
    /// Questions from "de signaalverwerker", answered or still open.
    pub questions: Vec<super::workbench::Question>,
}

/// What a citizen sees with their private link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitizenFollow {
    pub tenant: String,
    /// None while the report waits for its confirmation.
    pub signal: Option<(SignalSummary, Vec<HistoryEntry>)>,
}
