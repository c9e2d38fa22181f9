//! A meeting's agenda: what can be put on it, what that does to the signals,
//! each item's own details and version, and the minutes per item.

use serde::{Deserialize, Serialize};

use super::{ForumRefusal, guard, short_text};
use crate::domain::{AgendaItemId, BottleneckId, BundleId, Outcome, Phase, SignalId};

pub const MAX_PRESENTER_CHARS: usize = 200;
pub const MAX_QUESTION_CHARS: usize = 1000;
pub const MAX_MINUTES_CHARS: usize = 10_000;

/// What an agenda item is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AgendaSubject {
    Bundle(BundleId),
    Signal(SignalId),
    Bottleneck(BottleneckId),
}

impl AgendaSubject {
    /// A stable key for forms and drag data: "bundel-3", "signaal-12", "knelpunt-2".
    pub fn key(self) -> String {
        match self {
            AgendaSubject::Bundle(id) => format!("bundel-{id}"),
            AgendaSubject::Signal(id) => format!("signaal-{id}"),
            AgendaSubject::Bottleneck(id) => format!("knelpunt-{id}"),
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        let (kind, id) = key.trim().split_once('-')?;
        let id: i64 = id.parse().ok()?;
        match kind {
            "bundel" => Some(AgendaSubject::Bundle(BundleId(id))),
            "signaal" => Some(AgendaSubject::Signal(SignalId(id))),
            "knelpunt" => Some(AgendaSubject::Bottleneck(BottleneckId(id))),
            _ => None,
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            AgendaSubject::Bundle(_) => "Bundel",
            AgendaSubject::Signal(_) => "Signaal",
            AgendaSubject::Bottleneck(_) => "Knelpunt",
        }
    }
}

/// What placing a subject on an agenda does to its signals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Placement {
    /// Geanalyseerd: its signals go to Geagendeerd, naming the meeting.
    Schedules,
    /// Another phase: it is discussed for information and keeps its phase.
    ForInformation,
}

/// The placement for a subject in this phase (`None`: a bottleneck, which has
/// no phase and is always discussed as itself).
pub fn placement(phase: Option<Phase>) -> Result<Placement, ForumRefusal> {
    use Phase::*;
    match phase {
        Some(Analysed) => Ok(Placement::Schedules),
        None | Some(Retained | Bundled | Scheduled | InAction | Closed) => Ok(Placement::ForInformation),
        Some(phase @ (Submitted | InScreening | NotRetained | Withdrawn)) => Err(ForumRefusal::CannotPlace { phase }),
    }
}

/// The decision a meeting takes on an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decision {
    /// No further action: the signals are closed with this outcome.
    NoFurtherAction(Outcome),
    /// More analysis: the signals go back to Geanalyseerd.
    MoreAnalysis,
    /// A campaign: partners work it out; its signals go to In actie.
    Campaign,
}

impl Decision {
    pub const fn code(self) -> &'static str {
        match self {
            Decision::NoFurtherAction(_) => "geen_actie",
            Decision::MoreAnalysis => "verder_analyseren",
            Decision::Campaign => "campagne",
        }
    }

    pub fn label(self) -> String {
        match self {
            Decision::NoFurtherAction(outcome) => format!("Geen verdere actie: {}", outcome.label().to_lowercase()),
            Decision::MoreAnalysis => "Verder analyseren".into(),
            Decision::Campaign => "Campagne".into(),
        }
    }

    /// Stored as "geen_actie:opgelost", "verder_analyseren", "campagne".
    pub fn stored(self) -> String {
        match self {
            Decision::NoFurtherAction(outcome) => format!("geen_actie:{}", outcome.code()),
            other => other.code().to_string(),
        }
    }

    pub fn from_stored(text: &str) -> Option<Self> {
        match text.split_once(':') {
            Some(("geen_actie", outcome)) => Outcome::from_code(outcome).map(Decision::NoFurtherAction),
            None if text == "verder_analyseren" => Some(Decision::MoreAnalysis),
            None if text == "campagne" => Some(Decision::Campaign),
            _ => None,
        }
    }
}

/// The minutes of one item.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Minutes {
    pub conclusions: String,
    /// The problem definition the table agreed on.
    pub problem_definition: String,
    /// Which partners commit to what.
    pub commitments: String,
    pub decision: Option<Decision>,
}

/// One item of an agenda, as preparers see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItem {
    pub id: AgendaItemId,
    pub subject: AgendaSubject,
    pub title: String,
    /// The phase of its bundle or signal (none for a bottleneck).
    pub phase: Option<Phase>,
    /// How many signals it carries.
    pub signals: u32,
    pub position: i64,
    pub duration_minutes: u32,
    pub presenter: String,
    pub question: String,
    pub for_information: bool,
    /// Its own version: editing one item never makes another stale.
    pub version: i64,
    pub minutes: Minutes,
}

/// The running total of an agenda against the meeting's length.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaTotal {
    pub minutes: u32,
    pub length: u32,
}

impl AgendaTotal {
    pub fn of(items: &[AgendaItem], length: u32) -> Self {
        AgendaTotal { minutes: items.iter().map(|i| i.duration_minutes).sum(), length }
    }

    pub fn over(self) -> bool {
        self.minutes > self.length
    }

    /// "95 van 120 minuten" / "135 van 120 minuten: 15 te veel"
    pub fn sentence(self) -> String {
        if self.over() {
            format!("{} van {} minuten: {} minuten te veel", self.minutes, self.length, self.minutes - self.length)
        } else {
            format!("{} van {} minuten", self.minutes, self.length)
        }
    }
}

/// The details of an item, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemForm {
    pub duration: String,
    pub presenter: String,
    pub question: String,
}

/// Checked details of an item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemDetails {
    pub duration_minutes: u32,
    pub presenter: String,
    pub question: String,
}

impl ItemForm {
    pub fn check(&self) -> Result<ItemDetails, ForumRefusal> {
        let duration_minutes =
            self.duration.trim().parse::<u32>().ok().filter(|m| (1..=480).contains(m)).ok_or(ForumRefusal::BadDuration)?;
        Ok(ItemDetails {
            duration_minutes,
            presenter: short_text(&self.presenter, "Wie het voorstelt", MAX_PRESENTER_CHARS)?,
            question: short_text(&self.question, "De vraag aan de tafel", MAX_QUESTION_CHARS)?,
        })
    }
}

/// The minutes of an item, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinutesForm {
    pub conclusions: String,
    pub problem_definition: String,
    pub commitments: String,
    /// "", "geen_actie", "verder_analyseren", "campagne"
    pub decision: String,
    /// The outcome code when no further action is decided.
    pub outcome: String,
    /// What the signaalgevers are told when the decision closes their signals.
    pub message: String,
    /// The writer confirmed the texts hold no personal data.
    pub confirmed: bool,
}

impl MinutesForm {
    /// The minutes, checked by the privacy guard; the decision may still be open.
    pub fn check(&self) -> Result<Minutes, ForumRefusal> {
        let text = |t: &str, what: &str| short_text(t, what, MAX_MINUTES_CHARS);
        let minutes = Minutes {
            conclusions: text(&self.conclusions, "De conclusies")?,
            problem_definition: text(&self.problem_definition, "De probleemstelling")?,
            commitments: text(&self.commitments, "De engagementen")?,
            decision: match self.decision.trim() {
                "" => None,
                "geen_actie" => {
                    Some(Decision::NoFurtherAction(Outcome::from_code(self.outcome.trim()).ok_or(ForumRefusal::OutcomeRequired)?))
                }
                "verder_analyseren" => Some(Decision::MoreAnalysis),
                "campagne" => Some(Decision::Campaign),
                _ => return Err(ForumRefusal::DecisionRequired),
            },
        };
        if matches!(minutes.decision, Some(Decision::NoFurtherAction(_))) && self.message.trim().is_empty() {
            return Err(ForumRefusal::MessageRequired);
        }
        guard(&[&minutes.conclusions, &minutes.problem_definition, &minutes.commitments, &self.message], self.confirmed)?;
        Ok(minutes)
    }
}

/// The order after moving `item` to `index` (0-based, clamped).
pub fn reorder(order: &[AgendaItemId], item: AgendaItemId, index: usize) -> Vec<AgendaItemId> {
    let mut order: Vec<AgendaItemId> = order.iter().copied().filter(|i| *i != item).collect();
    order.insert(index.min(order.len()), item);
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_analysed_work_is_scheduled_by_an_agenda() {
        assert_eq!(placement(Some(Phase::Analysed)), Ok(Placement::Schedules));
        assert_eq!(placement(Some(Phase::Bundled)), Ok(Placement::ForInformation));
        assert_eq!(placement(Some(Phase::InAction)), Ok(Placement::ForInformation));
        assert_eq!(placement(None), Ok(Placement::ForInformation));
        assert_eq!(placement(Some(Phase::InScreening)), Err(ForumRefusal::CannotPlace { phase: Phase::InScreening }));
    }

    #[test]
    fn subjects_round_trip_through_their_keys() {
        for subject in [AgendaSubject::Bundle(BundleId(3)), AgendaSubject::Signal(SignalId(12)), AgendaSubject::Bottleneck(BottleneckId(2))]
        {
            assert_eq!(AgendaSubject::from_key(&subject.key()), Some(subject));
        }
        assert_eq!(AgendaSubject::from_key("bundel-x"), None);
        assert_eq!(AgendaSubject::from_key("taart-3"), None);
    }

    #[test]
    fn reordering_moves_one_item_and_keeps_the_rest_in_order() {
        let ids = [AgendaItemId(1), AgendaItemId(2), AgendaItemId(3)];
        assert_eq!(reorder(&ids, AgendaItemId(3), 0), vec![AgendaItemId(3), AgendaItemId(1), AgendaItemId(2)]);
        assert_eq!(reorder(&ids, AgendaItemId(1), 9), vec![AgendaItemId(2), AgendaItemId(3), AgendaItemId(1)]);
    }

    #[test]
    fn decisions_are_stored_with_their_outcome() {
        for decision in [Decision::NoFurtherAction(Outcome::Opgelost), Decision::MoreAnalysis, Decision::Campaign] {
            assert_eq!(Decision::from_stored(&decision.stored()), Some(decision));
        }
    }

    #[test]
    fn minutes_are_checked_for_personal_data_and_a_message() {
        let form = MinutesForm { decision: "geen_actie".into(), outcome: "opgelost".into(), ..Default::default() };
        assert_eq!(form.check(), Err(ForumRefusal::MessageRequired));
        let named = MinutesForm { conclusions: "Mevrouw Jansens belde op 0475 12 34 56.".into(), ..Default::default() };
        assert!(matches!(named.check(), Err(ForumRefusal::PersonalData { .. })));
        assert!(MinutesForm { confirmed: true, ..named }.check().is_ok());
    }

    #[test]
    fn the_total_is_marked_when_over_the_meeting_length() {
        let total = AgendaTotal { minutes: 135, length: 120 };
        assert!(total.over());
        assert_eq!(total.sentence(), "135 van 120 minuten: 15 minuten te veel");
    }
}
