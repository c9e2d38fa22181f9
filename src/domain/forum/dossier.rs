//! A meeting's dossier: what Seinhuis holds on each agenda item, compiled
//! for the people at the table. It is anonymous by construction: no field
//! can carry a signaalgever's name, e-mail or organisation (organisations
//! appear only by sector, and by name only as actors of a campaign).

use serde::{Deserialize, Serialize};

/// The whole dossier, as the page shows it and the PDF template reads it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dossier {
    /// The municipality or zone, e.g. "Gent".
    pub tenant: String,
    pub meeting: DossierMeeting,
    pub items: Vec<DossierItem>,
    /// When it was compiled, in Dutch ("3 december 2026, 15:40").
    pub compiled: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DossierMeeting {
    pub title: String,
    /// "Forum", "Ronde tafel", …
    pub kind: String,
    /// Date, time and length in Dutch ("donderdag 14 januari 2027, 14:00 tot 16:00").
    pub when: String,
    pub place: String,
    /// The planned length in minutes, and what the agenda adds up to.
    pub length_minutes: u32,
    pub agenda_minutes: u32,
}

/// One agenda item and what Seinhuis holds on it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DossierItem {
    /// 1, 2, 3 … in agenda order.
    pub position: u32,
    /// "Bundel", "Signaal" or "Knelpunt".
    pub kind: String,
    pub title: String,
    pub duration_minutes: u32,
    /// Who presents it (free text: a name with a role, or an organisation).
    pub presenter: String,
    /// The question put to the table.
    pub question: String,
    /// Placed for information: its signals keep their phase.
    pub for_information: bool,
    pub problem: String,
    pub analysis: String,
    pub signals: Vec<DossierSignal>,
    /// How many organisations saw its signals (reporters' and "ik zie dit ook").
    pub organisations: u32,
    /// Which sectors (kinds of organisation) saw them, with how many.
    pub sectors: Vec<SectorCount>,
    pub target_groups: Vec<String>,
    pub life_domains: Vec<String>,
    pub bottlenecks: Vec<DossierBottleneck>,
    /// The steps already taken, oldest first.
    pub steps: Vec<DossierStep>,
    /// Related campaigns, by title and status.
    pub campaigns: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DossierSignal {
    /// "S-42"
    pub number: String,
    pub title: String,
    pub description: String,
    /// The phase label ("Geanalyseerd").
    pub phase: String,
    pub area: String,
    pub frequency: String,
    pub since: String,
    pub idea: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectorCount {
    pub sector: String,
    pub count: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DossierBottleneck {
    pub question: String,
    pub domain: String,
    pub status: String,
    pub regisseurs: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DossierStep {
    /// Date in Dutch ("12 maart 2026").
    pub date: String,
    /// What happened ("S-42: Weerhouden → Gebundeld").
    pub text: String,
}

/// A meeting's minutes, as the minutes PDF template reads them. Like the
/// dossier, it names no signaalgever: only organisations that commit.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinutesDoc {
    pub tenant: String,
    pub meeting: MinutesMeeting,
    /// Who was invited (members and organisations by name, guests with their role).
    pub present: Vec<String>,
    pub items: Vec<MinutesItem>,
    pub compiled: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinutesMeeting {
    pub title: String,
    pub kind: String,
    pub when: String,
    pub place: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinutesItem {
    pub position: u32,
    pub title: String,
    pub conclusions: String,
    pub problem_definition: String,
    pub commitments: String,
    /// The decision in words ("Campagne", "Geen verdere actie: opgelost").
    pub decision: String,
}
