//! The signalenbundel: a publication for a period (seed 002, "2-jaarlijkse
//! signalenbundel"). The hoofdsignaalverwerker composes it; every partner
//! organisation it names approves its part; once published it is frozen as
//! a [`PublicationDoc`], so later edits to signals do not change it.
//!
//! Anonymous by construction, like the dossier: organisations appear only
//! as actors or trekkers of an action, people not at all.

use serde::{Deserialize, Serialize};

use super::figures::Table;
use crate::domain::forum::dossier::SectorCount;

/// Where a publication stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PublicationStatus {
    /// Being composed; nobody outside the coordinator sees it.
    Draft,
    /// The partners were asked to approve their part.
    Asking,
    /// Published and frozen.
    Published,
}

impl PublicationStatus {
    pub const fn code(self) -> &'static str {
        match self {
            PublicationStatus::Draft => "concept",
            PublicationStatus::Asking => "ter-goedkeuring",
            PublicationStatus::Published => "gepubliceerd",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [PublicationStatus::Draft, PublicationStatus::Asking, PublicationStatus::Published].into_iter().find(|s| s.code() == code)
    }

    pub const fn label(self) -> &'static str {
        match self {
            PublicationStatus::Draft => "Concept",
            PublicationStatus::Asking => "Ter goedkeuring bij de partners",
            PublicationStatus::Published => "Gepubliceerd",
        }
    }
}

/// A partner's answer to its approval link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    Waiting,
    Approved,
    /// Asks a change, with what to change.
    ChangeAsked(String),
}

impl Answer {
    pub fn label(&self) -> String {
        match self {
            Answer::Waiting => "Wacht op antwoord".to_string(),
            Answer::Approved => "Akkoord".to_string(),
            Answer::ChangeAsked(remark) => format!("Vraagt een wijziging: {remark}"),
        }
    }
}

/// One partner organisation asked to approve.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Approval {
    pub id: i64,
    pub organisation: String,
    /// Where the link went; empty when the organisation has no contact address.
    pub contact: String,
    pub answer: Answer,
}

/// The most a remark may hold.
pub const REMARK_MAX: usize = 2000;

/// Why an approval or a publication step is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PublicationRefusal {
    TitleRequired,
    NothingSelected,
    NotDraft,
    AlreadyPublished,
    RemarkRequired,
    RemarkTooLong,
    NoContact(Vec<String>),
}

impl PublicationRefusal {
    pub fn message(&self) -> String {
        match self {
            PublicationRefusal::TitleRequired => "Geef de signalenbundel een titel.".to_string(),
            PublicationRefusal::NothingSelected => "Kies minstens één bundel of signaal.".to_string(),
            PublicationRefusal::NotDraft => "Deze signalenbundel is al aan de partners voorgelegd; wijzigen kan niet meer.".to_string(),
            PublicationRefusal::AlreadyPublished => "Deze signalenbundel is al gepubliceerd.".to_string(),
            PublicationRefusal::RemarkRequired => "Schrijf wat er moet veranderen.".to_string(),
            PublicationRefusal::RemarkTooLong => format!("Je opmerking is te lang (maximaal {REMARK_MAX} tekens)."),
            PublicationRefusal::NoContact(names) => format!(
                "Deze partners hebben nog geen e-mailadres voor contact: {}. Vul het aan bij Beheer › Organisaties.",
                names.join(", ")
            ),
        }
    }
}

/// A partner's answer as typed, checked.
pub fn check_answer(approve: bool, remark: &str) -> Result<Answer, PublicationRefusal> {
    let remark = remark.trim();
    if approve {
        return Ok(Answer::Approved);
    }
    if remark.is_empty() {
        return Err(PublicationRefusal::RemarkRequired);
    }
    if remark.chars().count() > REMARK_MAX {
        return Err(PublicationRefusal::RemarkTooLong);
    }
    Ok(Answer::ChangeAsked(remark.to_string()))
}

/// The publication as it is read: on the page, in the PDF and in the XLSX.
/// Published, it is this value frozen as JSON.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PublicationDoc {
    /// The municipality or zone, e.g. "Gent".
    pub tenant: String,
    pub title: String,
    /// "1 januari 2025 tot en met 31 december 2026".
    pub period: String,
    /// The coordinator's introduction; blank lines part paragraphs.
    pub intro: String,
    pub items: Vec<PublicationItem>,
    /// "Signalen ontvangen: 48"
    pub received: String,
    /// The period's figures, small numbers hidden (charts are drawn from these).
    pub figures: Vec<Table>,
    /// The action lines and who leads them, by organisation.
    pub trekkers: Vec<Trekker>,
    /// Signals worked out (In actie or Afgerond), by title.
    pub worked_out: Vec<String>,
    /// "3 december 2026", or empty while a draft.
    pub published: String,
}

/// One selected bundle or signal.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicationItem {
    /// "Bundel" or "Signaal".
    pub kind: String,
    pub title: String,
    pub problem: String,
    pub analysis: String,
    /// What was done: meetings that discussed it, decisions and campaigns.
    pub done: Vec<String>,
    /// How it ended, or where it stands ("In actie").
    pub outcome: String,
    pub signals: u32,
    /// How many organisations saw it, and which sectors.
    pub organisations: u32,
    pub sectors: Vec<SectorCount>,
    /// The partners committed to it, with their engagement.
    pub actors: Vec<PartnerPart>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerPart {
    pub organisation: String,
    pub engagement: String,
}

/// An action line with its lead's organisation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trekker {
    pub organisation: String,
    pub line: String,
    pub campaign: String,
    /// "Loopt, 40 %", "Klaar".
    pub status: String,
}

impl PublicationDoc {
    /// The organisations named in it (as actor or trekker), each once, sorted.
    pub fn partners(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .items
            .iter()
            .flat_map(|i| i.actors.iter().map(|a| a.organisation.clone()))
            .chain(self.trekkers.iter().map(|t| t.organisation.clone()))
            .filter(|n| !n.is_empty())
            .collect();
        names.sort();
        names.dedup();
        names
    }

    /// What one partner is asked to approve: the items it is an actor of and
    /// the lines it leads.
    pub fn part_of(&self, organisation: &str) -> PublicationDoc {
        PublicationDoc {
            items: self.items.iter().filter(|i| i.actors.iter().any(|a| a.organisation == organisation)).cloned().collect(),
            trekkers: self.trekkers.iter().filter(|t| t.organisation == organisation).cloned().collect(),
            figures: Vec::new(),
            worked_out: Vec::new(),
            ..self.clone()
        }
    }
}

/// A publication in the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicationSummary {
    pub id: i64,
    pub title: String,
    /// "1 januari 2025 tot en met 31 december 2026".
    pub period: String,
    pub status: PublicationStatus,
    /// "3 december 2026" once published.
    pub published: String,
}

/// A bundle or signal that may go into a publication.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Publishable {
    /// "bundel-3", "signaal-12" (as on the agenda).
    pub key: String,
    /// "Bundel" or "Signaal".
    pub kind: String,
    pub title: String,
    /// The Dutch phase label.
    pub phase: String,
}

/// The composer's form, as saved or as typed when refused.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicationForm {
    pub title: String,
    /// "2025-01-01"
    pub from: String,
    pub to: String,
    pub intro: String,
    /// Keys of the selected bundles and signals, in order.
    pub subjects: Vec<String>,
}

/// The list page of signalenbundels.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicationsPage {
    pub publications: Vec<PublicationSummary>,
    /// Only for the hoofdsignaalverwerker: what may be composed.
    pub candidates: Vec<Publishable>,
    pub may_compose: bool,
    /// The new-publication form (prefilled with the previous two years).
    pub form: PublicationForm,
}

/// One signalenbundel: the document, and for its composer the form and
/// the partners' answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublicationPage {
    pub summary: PublicationSummary,
    pub doc: PublicationDoc,
    pub version: i64,
    pub may_compose: bool,
    pub form: PublicationForm,
    pub candidates: Vec<Publishable>,
    pub approvals: Vec<Approval>,
}

/// What a partner sees behind its approval link.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApprovalPage {
    pub tenant: String,
    pub organisation: String,
    /// Its part of the publication.
    pub part: PublicationDoc,
    /// Answered already, expired or published: the link no longer works.
    pub closed: Option<String>,
}

/// Something made public, as the public page shows it: never the raw
/// signal text, only the summary the hoofdsignaalverwerker wrote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicEntry {
    pub id: i64,
    pub title: String,
    pub summary: String,
    pub context: String,
}

/// The public page of a municipality or zone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublicPage {
    pub tenant: String,
    pub slug: String,
    /// What it does with signals, in its own words.
    pub text: String,
    pub citizen_intake: bool,
    pub publications: Vec<PublicationSummary>,
    pub agreements: Vec<PublicEntry>,
    pub followed: Vec<PublicEntry>,
    /// "Signalen ontvangen dit jaar" and so on, small numbers hidden.
    pub figures: Vec<(String, super::Cell)>,
}

/// What the hoofdsignaalverwerker edits for the public page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicEditor {
    pub text: String,
    pub campaigns: Vec<PublicEntry>,
    pub decisions: Vec<PublicEntry>,
    pub signals: Vec<PublicEntry>,
}

/// The most a public summary may hold.
pub const SUMMARY_MAX: usize = 2000;

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> PublicationDoc {
        PublicationDoc {
            items: vec![
                PublicationItem {
                    title: "A".into(),
                    actors: vec![PartnerPart { organisation: "OCMW".into(), engagement: "x".into() }],
                    ..Default::default()
                },
                PublicationItem { title: "B".into(), ..Default::default() },
            ],
            trekkers: vec![Trekker { organisation: "CAW".into(), line: "l".into(), ..Default::default() }],
            ..Default::default()
        }
    }

    #[test]
    fn partners_are_the_actors_and_trekkers() {
        assert_eq!(doc().partners(), ["CAW", "OCMW"]);
        let part = doc().part_of("OCMW");
        assert_eq!(part.items.len(), 1);
        assert!(part.trekkers.is_empty());
        assert_eq!(doc().part_of("CAW").trekkers.len(), 1);
    }

    #[test]
    fn a_change_needs_a_remark() {
        assert_eq!(check_answer(true, ""), Ok(Answer::Approved));
        assert_eq!(check_answer(false, "  "), Err(PublicationRefusal::RemarkRequired));
        assert_eq!(check_answer(false, " Andere naam "), Ok(Answer::ChangeAsked("Andere naam".into())));
    }
}
