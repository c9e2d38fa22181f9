//! The phases a signal passes through (domain README, "The lifecycle of one signal").

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Submitted,
    InScreening,
    NotRetained,
    Retained,
    Bundled,
    Analysed,
    Scheduled,
    InAction,
    Closed,
    Withdrawn,
}

impl Phase {
    /// Every phase, in board order.
    pub const ALL: [Phase; 10] = [
        Phase::Submitted,
        Phase::InScreening,
        Phase::NotRetained,
        Phase::Retained,
        Phase::Bundled,
        Phase::Analysed,
        Phase::Scheduled,
        Phase::InAction,
        Phase::Closed,
        Phase::Withdrawn,
    ];

    /// The stable code stored in the database and used in URLs and forms.
    pub const fn code(self) -> &'static str {
        match self {
            Phase::Submitted => "submitted",
            Phase::InScreening => "in_screening",
            Phase::NotRetained => "not_retained",
            Phase::Retained => "retained",
            Phase::Bundled => "bundled",
            Phase::Analysed => "analysed",
            Phase::Scheduled => "scheduled",
            Phase::InAction => "in_action",
            Phase::Closed => "closed",
            Phase::Withdrawn => "withdrawn",
        }
    }

    pub fn from_code(code: &str) -> Option<Phase> {
        Phase::ALL.into_iter().find(|p| p.code() == code)
    }

    /// The Dutch label the users know.
    pub const fn label(self) -> &'static str {
        match self {
            Phase::Submitted => "Ingediend",
            Phase::InScreening => "In screening",
            Phase::NotRetained => "Niet weerhouden",
            Phase::Retained => "Weerhouden",
            Phase::Bundled => "Gebundeld",
            Phase::Analysed => "Geanalyseerd",
            Phase::Scheduled => "Geagendeerd",
            Phase::InAction => "In actie",
            Phase::Closed => "Afgerond",
            Phase::Withdrawn => "Ingetrokken",
        }
    }

    /// The phase before this one on the main path, for a processor's one-step
    /// correction. Side branches (Niet weerhouden, Ingetrokken) and the end
    /// (Afgerond) have none: leaving them is a reopening, not a correction.
    pub const fn previous(self) -> Option<Phase> {
        match self {
            Phase::InScreening => Some(Phase::Submitted),
            Phase::Retained => Some(Phase::InScreening),
            Phase::Bundled => Some(Phase::Retained),
            Phase::Analysed => Some(Phase::Bundled),
            Phase::Scheduled => Some(Phase::Analysed),
            Phase::InAction => Some(Phase::Scheduled),
            Phase::Submitted | Phase::NotRetained | Phase::Closed | Phase::Withdrawn => None,
        }
    }

    /// Phases in which a signal belongs to a bundle.
    pub const fn is_bundled_stage(self) -> bool {
        matches!(self, Phase::Bundled | Phase::Analysed | Phase::Scheduled | Phase::InAction | Phase::Closed)
    }

    /// Phases past screening: the signal was taken on (retained or further),
    /// or not retained. What policy work (knelpunten) looks at.
    pub const fn is_past_screening(self) -> bool {
        !matches!(self, Phase::Submitted | Phase::InScreening | Phase::Withdrawn)
    }

    /// Phases where the work on a signal is over.
    pub const fn is_final(self) -> bool {
        matches!(self, Phase::Closed | Phase::NotRetained | Phase::Withdrawn)
    }

    /// Phases folded away on the board: the signal left the main path.
    pub const fn is_side_branch(self) -> bool {
        matches!(self, Phase::NotRetained | Phase::Withdrawn)
    }
}

impl std::fmt::Display for Phase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}
