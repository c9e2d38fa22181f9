//! One line per signal for the anonymised export of the signals a person
//! may read: no reporter, no organisation name, no internal notes.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignalLine {
    pub id: i64,
    pub title: String,
    pub description: String,
    /// Dutch phase label ("Geanalyseerd").
    pub phase: String,
    pub policy_domain: String,
    /// Dutch labels, joined with ", ".
    pub life_domains: String,
    pub target_groups: String,
    /// The kind of the reporting organisation ("CAW"), never its name.
    pub sector: String,
    pub district: String,
    /// "Werker" or "Burger".
    pub source: String,
    /// Submitted, as a Brussels date "2026-03-14".
    pub submitted: String,
    pub bundle: String,
    /// How it ended, when closed or not retained.
    pub outcome: String,
    /// How many organisations saw it.
    pub organisations: u32,
}

impl SignalLine {
    /// The column headers, in the order of [`SignalLine::cells`].
    pub const HEADERS: [&'static str; 14] = [
        "Nummer",
        "Titel",
        "Omschrijving",
        "Fase",
        "Beleidsdomein",
        "Levensdomeinen",
        "Doelgroepen",
        "Sector",
        "Wijk of deelgemeente",
        "Gemeld door",
        "Ingediend",
        "Bundel",
        "Afloop",
        "Organisaties",
    ];

    pub fn cells(&self) -> [String; 14] {
        [
            self.id.to_string(),
            self.title.clone(),
            self.description.clone(),
            self.phase.clone(),
            self.policy_domain.clone(),
            self.life_domains.clone(),
            self.target_groups.clone(),
            self.sector.clone(),
            self.district.clone(),
            self.source.clone(),
            self.submitted.clone(),
            self.bundle.clone(),
            self.outcome.clone(),
            self.organisations.to_string(),
        ]
    }
}
