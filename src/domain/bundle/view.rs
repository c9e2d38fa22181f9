//! How people read a bundle: in lists, on its page, and in its history.

use serde::{Deserialize, Serialize};

use super::BundleState;
use crate::domain::{BundleId, Phase, PolicyDomainId, SignalId};

/// A bundle as people read it in lists and on its page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleSummary {
    pub id: BundleId,
    pub title: String,
    pub phase: Phase,
    /// Grows with every change; a change based on an older version is refused.
    pub version: i64,
    pub lead_domain: Option<String>,
    pub lead_domain_id: Option<PolicyDomainId>,
    pub signals: i64,
    /// Organisations that reported its signals or said "ik zie dit ook".
    pub organisations: i64,
    /// Their kinds, never their names.
    pub sectors: Vec<String>,
    pub merged_into: Option<BundleId>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

impl BundleSummary {
    pub fn state(&self) -> BundleState {
        BundleState { id: self.id, phase: self.phase, lead_domain: self.lead_domain_id, merged_into: self.merged_into }
    }
}

/// A bundle with its texts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleDetails {
    pub summary: BundleSummary,
    pub problem: String,
    pub analysis: String,
}

/// One line of a bundle's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleHistoryEntry {
    pub at: chrono::DateTime<chrono::Utc>,
    pub actor_name: Option<String>,
    pub kind: BundleEventKind,
    pub signal: Option<SignalId>,
    pub other_bundle: Option<BundleId>,
    pub from: Option<Phase>,
    pub to: Option<Phase>,
    pub note: Option<String>,
}

/// A step about to be written to a bundle's history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BundleEventDraft {
    pub kind: BundleEventKind,
    pub signal: Option<SignalId>,
    pub other_bundle: Option<BundleId>,
    pub from: Option<Phase>,
    pub to: Option<Phase>,
    pub note: Option<String>,
}

impl BundleEventDraft {
    pub fn new(kind: BundleEventKind) -> Self {
        BundleEventDraft { kind, signal: None, other_bundle: None, from: None, to: None, note: None }
    }
}

/// The steps in a bundle's history.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BundleEventKind {
    Created,
    Edited,
    SignalAdded,
    SignalRemoved,
    /// Another bundle's signals came in.
    MergedIn,
    /// Its signals went into another bundle.
    MergedInto,
    PhaseChanged,
}

impl BundleEventKind {
    pub const ALL: [BundleEventKind; 7] = [
        BundleEventKind::Created,
        BundleEventKind::Edited,
        BundleEventKind::SignalAdded,
        BundleEventKind::SignalRemoved,
        BundleEventKind::MergedIn,
        BundleEventKind::MergedInto,
        BundleEventKind::PhaseChanged,
    ];

    pub const fn code(self) -> &'static str {
        match self {
            BundleEventKind::Created => "created",
            BundleEventKind::Edited => "edited",
            BundleEventKind::SignalAdded => "signal_added",
            BundleEventKind::SignalRemoved => "signal_removed",
            BundleEventKind::MergedIn => "merged_in",
            BundleEventKind::MergedInto => "merged_into",
            BundleEventKind::PhaseChanged => "phase_changed",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// A short Dutch description for the bundle's history.
    pub fn describe(self, entry: &BundleHistoryEntry) -> String {
        let signal = entry.signal.map(|s| format!("signaal {s}")).unwrap_or_else(|| "een signaal".into());
        let other = entry.other_bundle.map(|b| format!("bundel {b}")).unwrap_or_else(|| "een andere bundel".into());
        match self {
            BundleEventKind::Created => "Bundel gemaakt".into(),
            BundleEventKind::Edited => "Titel, probleemstelling of analyse aangepast".into(),
            BundleEventKind::SignalAdded => format!("{} toegevoegd", capitalised(&signal)),
            BundleEventKind::SignalRemoved => format!("{} uit de bundel gehaald", capitalised(&signal)),
            BundleEventKind::MergedIn => format!("Samengevoegd: de signalen van {other} kwamen erbij"),
            BundleEventKind::MergedInto => format!("Opgegaan in {other}"),
            BundleEventKind::PhaseChanged => match (entry.from, entry.to) {
                (Some(from), Some(to)) => format!("Van {} naar {}", from.label(), to.label()),
                _ => "Fase gewijzigd".into(),
            },
        }
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
