//! Policy bottlenecks (beleidsknelpunten): a regisseur's question of approach
//! inside one policy domain that needs other domains' help. Signals linked
//! to one prove it is felt in practice; retained signals linked to none need
//! extra attention.

use serde::{Deserialize, Serialize};

use super::{ForumRefusal, short_text};
use crate::domain::{BottleneckId, Phase, PolicyDomainId};

pub const MAX_QUESTION_CHARS: usize = 1000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BottleneckStatus {
    Open,
    InBehandeling,
    Opgelost,
}

impl BottleneckStatus {
    pub const ALL: [BottleneckStatus; 3] = [BottleneckStatus::Open, BottleneckStatus::InBehandeling, BottleneckStatus::Opgelost];

    pub const fn code(self) -> &'static str {
        match self {
            BottleneckStatus::Open => "open",
            BottleneckStatus::InBehandeling => "in_behandeling",
            BottleneckStatus::Opgelost => "opgelost",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    pub const fn label(self) -> &'static str {
        match self {
            BottleneckStatus::Open => "Open",
            BottleneckStatus::InBehandeling => "In behandeling",
            BottleneckStatus::Opgelost => "Opgelost",
        }
    }
}

/// A bottleneck as people read it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bottleneck {
    pub id: BottleneckId,
    pub question: String,
    pub domain: PolicyDomainId,
    pub domain_name: String,
    pub status: BottleneckStatus,
    pub owner: Option<String>,
    /// The other domains whose help it needs, by name.
    pub help: Vec<String>,
    pub help_ids: Vec<PolicyDomainId>,
    /// Signals proving it (directly or through a bundle).
    pub signals: u32,
    pub version: i64,
    /// The reader may edit it (a regisseur of its domain, or the coordinator).
    pub editable: bool,
}

/// A bottleneck as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BottleneckForm {
    pub question: String,
    pub domain: Option<PolicyDomainId>,
    pub status: String,
    pub help: Vec<PolicyDomainId>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckedBottleneck {
    pub question: String,
    pub domain: PolicyDomainId,
    pub status: BottleneckStatus,
    pub help: Vec<PolicyDomainId>,
}

impl BottleneckForm {
    pub fn check(&self) -> Result<CheckedBottleneck, ForumRefusal> {
        let question = short_text(&self.question, "De vraag", MAX_QUESTION_CHARS)?;
        if question.is_empty() {
            return Err(ForumRefusal::TitleRequired);
        }
        let domain = self.domain.ok_or(ForumRefusal::BadKind)?;
        let status = if self.status.trim().is_empty() {
            BottleneckStatus::Open
        } else {
            BottleneckStatus::from_code(self.status.trim()).ok_or(ForumRefusal::BadKind)?
        };
        let mut help: Vec<PolicyDomainId> = self.help.iter().copied().filter(|d| *d != domain).collect();
        help.sort();
        help.dedup();
        Ok(CheckedBottleneck { question, domain, status, help })
    }
}

/// The phases in which a signal should be linked to a bottleneck: from
/// Weerhouden through In actie.
pub const WANTS_BOTTLENECK: [Phase; 5] = [Phase::Retained, Phase::Bundled, Phase::Analysed, Phase::Scheduled, Phase::InAction];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bottleneck_needs_a_question_and_never_helps_itself() {
        let form = BottleneckForm { question: "  ".into(), domain: Some(PolicyDomainId(1)), ..Default::default() };
        assert_eq!(form.check(), Err(ForumRefusal::TitleRequired));
        let form = BottleneckForm {
            question: "Wie betaalt vervoer naar zorg?".into(),
            domain: Some(PolicyDomainId(1)),
            status: String::new(),
            help: vec![PolicyDomainId(2), PolicyDomainId(1), PolicyDomainId(2)],
        };
        let checked = form.check().unwrap();
        assert_eq!(checked.help, vec![PolicyDomainId(2)]);
        assert_eq!(checked.status, BottleneckStatus::Open);
        assert!(!WANTS_BOTTLENECK.contains(&Phase::Closed) && WANTS_BOTTLENECK.contains(&Phase::Retained));
    }
}
