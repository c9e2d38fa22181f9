//! Campaigns and action plans: partners commit to work a problem out, each
//! action line (piste) with a lead (trekker), a due date and its progress.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{ForumRefusal, guard, short_text};
use crate::domain::{ActionLineId, CampaignId, Outcome, PersonId};

pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_TEXT_CHARS: usize = 20_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CampaignStatus {
    Lopend,
    Afgerond,
}

impl CampaignStatus {
    pub const fn code(self) -> &'static str {
        match self {
            CampaignStatus::Lopend => "lopend",
            CampaignStatus::Afgerond => "afgerond",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [CampaignStatus::Lopend, CampaignStatus::Afgerond].into_iter().find(|s| s.code() == code)
    }

    pub const fn label(self) -> &'static str {
        match self {
            CampaignStatus::Lopend => "Lopend",
            CampaignStatus::Afgerond => "Afgerond",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LineStatus {
    Gepland,
    Bezig,
    Klaar,
    Stopgezet,
}

impl LineStatus {
    pub const ALL: [LineStatus; 4] = [LineStatus::Gepland, LineStatus::Bezig, LineStatus::Klaar, LineStatus::Stopgezet];

    pub const fn code(self) -> &'static str {
        match self {
            LineStatus::Gepland => "gepland",
            LineStatus::Bezig => "bezig",
            LineStatus::Klaar => "klaar",
            LineStatus::Stopgezet => "stopgezet",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    pub const fn label(self) -> &'static str {
        match self {
            LineStatus::Gepland => "Gepland",
            LineStatus::Bezig => "Bezig",
            LineStatus::Klaar => "Klaar",
            LineStatus::Stopgezet => "Stopgezet",
        }
    }

    /// Still to be done: a reminder is due when it is late.
    pub const fn is_open(self) -> bool {
        matches!(self, LineStatus::Gepland | LineStatus::Bezig)
    }
}

/// An action line with its lead, shown with the lead's organisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionLine {
    pub id: ActionLineId,
    pub title: String,
    pub lead: Option<PersonId>,
    pub lead_name: Option<String>,
    pub lead_organisation: Option<String>,
    pub due_on: Option<NaiveDate>,
    pub status: LineStatus,
    pub progress: u8,
    pub weight: u8,
    pub version: i64,
}

impl ActionLine {
    pub fn overdue(&self, today: NaiveDate) -> bool {
        self.status.is_open() && self.due_on.is_some_and(|due| due < today)
    }
}

/// An organisation taking part, with what it engages to do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub organisation: String,
    pub engagement: String,
}

/// A campaign as people read it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Campaign {
    pub id: CampaignId,
    pub title: String,
    pub problem: String,
    pub analysis: String,
    pub status: CampaignStatus,
    pub outcome: Option<Outcome>,
    /// The bundles and signals it carries, by title.
    pub subjects: Vec<String>,
    pub signals: u32,
    pub actors: Vec<Actor>,
    pub lines: Vec<ActionLine>,
    pub version: i64,
}

impl Campaign {
    pub fn progress(&self) -> u8 {
        progress(&self.lines)
    }
}

/// A campaign's progress from its lines, weighted; stopped lines do not count.
pub fn progress(lines: &[ActionLine]) -> u8 {
    let counted = lines.iter().filter(|l| l.status != LineStatus::Stopgezet);
    let (done, weight) = counted.fold((0u32, 0u32), |(done, weight), l| {
        let progress = if l.status == LineStatus::Klaar { 100 } else { u32::from(l.progress.min(100)) };
        (done + progress * u32::from(l.weight), weight + u32::from(l.weight))
    });
    done.checked_div(weight).unwrap_or(0) as u8
}

/// An action line as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineForm {
    pub title: String,
    pub lead: Option<PersonId>,
    /// "2027-06-30" or "30-06-2027"; empty for none.
    pub due_on: String,
    pub status: String,
    pub progress: String,
    pub weight: String,
    pub confirmed: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckedLine {
    pub title: String,
    pub lead: PersonId,
    pub due_on: Option<NaiveDate>,
    pub status: LineStatus,
    pub progress: u8,
    pub weight: u8,
}

impl LineForm {
    pub fn check(&self) -> Result<CheckedLine, ForumRefusal> {
        let title = short_text(&self.title, "De actielijn", MAX_TITLE_CHARS)?;
        if title.is_empty() {
            return Err(ForumRefusal::TitleRequired);
        }
        let lead = self.lead.ok_or(ForumRefusal::LeadRequired)?;
        let due_on = match self.due_on.trim() {
            "" => None,
            text => Some(
                NaiveDate::parse_from_str(text, "%Y-%m-%d")
                    .or_else(|_| NaiveDate::parse_from_str(text, "%d-%m-%Y"))
                    .map_err(|_| ForumRefusal::BadDate)?,
            ),
        };
        let status = match self.status.trim() {
            "" => LineStatus::Gepland,
            code => LineStatus::from_code(code).ok_or(ForumRefusal::BadKind)?,
        };
        let number = |text: &str, default: u8, max: u8| match text.trim() {
            "" => Ok(default),
            text => text.trim_end_matches('%').trim().parse::<u8>().ok().filter(|n| *n <= max).ok_or(ForumRefusal::BadProgress),
        };
        let progress = if status == LineStatus::Klaar { 100 } else { number(&self.progress, 0, 100)? };
        let weight = number(&self.weight, 1, 10)?.max(1);
        guard(&[&title], self.confirmed)?;
        Ok(CheckedLine { title, lead, due_on, status, progress, weight })
    }
}

/// A campaign's texts as typed (prefilled from its bundle).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignForm {
    pub title: String,
    pub problem: String,
    pub analysis: String,
    pub confirmed: bool,
}

impl CampaignForm {
    pub fn check(&self) -> Result<CampaignForm, ForumRefusal> {
        let title = short_text(&self.title, "De titel", MAX_TITLE_CHARS)?;
        if title.is_empty() {
            return Err(ForumRefusal::TitleRequired);
        }
        let problem = short_text(&self.problem, "De probleemstelling", MAX_TEXT_CHARS)?;
        let analysis = short_text(&self.analysis, "De analyse", MAX_TEXT_CHARS)?;
        guard(&[&title, &problem, &analysis], self.confirmed)?;
        Ok(CampaignForm { title, problem, analysis, confirmed: self.confirmed })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(progress: u8, weight: u8, status: LineStatus) -> ActionLine {
        ActionLine {
            id: ActionLineId(1),
            title: "x".into(),
            lead: None,
            lead_name: None,
            lead_organisation: None,
            due_on: None,
            status,
            progress,
            weight,
            version: 1,
        }
    }

    #[test]
    fn progress_rolls_up_weighted_and_ignores_stopped_lines() {
        assert_eq!(progress(&[]), 0);
        let lines = [line(50, 1, LineStatus::Bezig), line(0, 3, LineStatus::Klaar), line(10, 5, LineStatus::Stopgezet)];
        // (50*1 + 100*3) / 4 = 87
        assert_eq!(progress(&lines), 87);
    }

    #[test]
    fn a_line_is_overdue_only_while_open() {
        let today = NaiveDate::from_ymd_opt(2027, 2, 1).unwrap();
        let late = ActionLine { due_on: NaiveDate::from_ymd_opt(2027, 1, 31), ..line(10, 1, LineStatus::Bezig) };
        assert!(late.overdue(today));
        assert!(!ActionLine { status: LineStatus::Klaar, ..late.clone() }.overdue(today));
        assert!(!ActionLine { due_on: Some(today), ..late }.overdue(today));
    }

    #[test]
    fn a_line_needs_a_title_and_a_lead_and_sane_numbers() {
        let form = LineForm { title: "Aanspreekpunt".into(), ..Default::default() };
        assert_eq!(form.check(), Err(ForumRefusal::LeadRequired));
        let form = LineForm { lead: Some(PersonId(1)), progress: "120".into(), ..form };
        assert_eq!(form.check(), Err(ForumRefusal::BadProgress));
        let form = LineForm { progress: "40%".into(), due_on: "30-06-2027".into(), ..form };
        let checked = form.check().unwrap();
        assert_eq!((checked.progress, checked.weight), (40, 1));
        assert_eq!(checked.due_on, NaiveDate::from_ymd_opt(2027, 6, 30));
    }
}
