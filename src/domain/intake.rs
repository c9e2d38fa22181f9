//! The intake form's rules, shared by the browser (checked as you type) and
//! the server (authoritative): limits, required answers, and the privacy guard.

use serde::{Deserialize, Serialize};

use super::privacy::{Finding, scan};
use super::vocabulary::{LIFE_DOMAINS, TARGET_GROUPS, Term};

pub const MAX_TITLE_CHARS: usize = 120;
pub const MAX_TEXT_CHARS: usize = 5000;
/// "Whole municipality": the area when a signal is not bound to a district.
pub const WHOLE_MUNICIPALITY: &str = "Hele gemeente";

pub const FREQUENCIES: &[Term] = &[
    ("dagelijks", "Dagelijks"),
    ("wekelijks", "Wekelijks"),
    ("maandelijks", "Maandelijks"),
    ("enkele keren per jaar", "Enkele keren per jaar"),
];

/// What a signaalgever fills in. Plain strings, as a form sends them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignalDraft {
    pub title: String,
    pub description: String,
    pub target_groups: Vec<String>,
    pub life_domains: Vec<String>,
    /// A policy-domain id, or empty for "weet ik niet".
    pub policy_domain: String,
    pub area: String,
    pub frequency: String,
    pub since: String,
    pub people_estimate: String,
    pub tried: String,
    pub idea: String,
    /// "ja", "nee", or empty when not answered.
    pub may_contact: String,
    /// The short check: beyond one person, it comes back, it is structural.
    pub beyond_one_person: bool,
    pub recurs: bool,
    pub structural: bool,
    /// Flagged passages the worker confirmed are not personal data.
    pub confirmed: Vec<String>,
}

/// The fields of the form, for errors next to them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    Title,
    Description,
    TargetGroups,
    LifeDomains,
    PolicyDomain,
    Area,
    Frequency,
    Since,
    PeopleEstimate,
    Tried,
    Idea,
    MayContact,
    /// Only on the citizens' form: where the confirmation link goes.
    Email,
    Check,
}

impl Field {
    pub const ALL: [Field; 14] = [
        Field::Title,
        Field::Description,
        Field::TargetGroups,
        Field::LifeDomains,
        Field::PolicyDomain,
        Field::Area,
        Field::Frequency,
        Field::Since,
        Field::PeopleEstimate,
        Field::Tried,
        Field::Idea,
        Field::MayContact,
        Field::Email,
        Field::Check,
    ];

    /// The field whose input has this HTML id.
    pub fn from_id(id: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.id() == id)
    }

    /// The HTML id of the field's input (errors point at it).
    pub const fn id(self) -> &'static str {
        match self {
            Field::Title => "titel",
            Field::Description => "wat",
            Field::TargetGroups => "voor-wie",
            Field::LifeDomains => "levensdomeinen",
            Field::PolicyDomain => "beleidsdomein",
            Field::Area => "waar",
            Field::Frequency => "hoe-vaak",
            Field::Since => "sinds",
            Field::PeopleEstimate => "hoeveel",
            Field::Tried => "geprobeerd",
            Field::Idea => "idee",
            Field::MayContact => "contact",
            Field::Email => "e-mail",
            Field::Check => "controle",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: Field,
    pub message: String,
}

/// Personal data found in a field and not yet confirmed by the worker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flagged {
    pub field: Field,
    pub finding: Finding,
}

/// The field a form name belongs to: `target_groups[3]` → `target_groups`.
/// May a signal in this phase be offered to someone typing a new one, as a
/// similar signal to say "ik zie dit ook" to? Not when its giver withdrew it,
/// nor when screening found it is no signal: both are closed for good.
/// "Ik zie dit ook" acts only on signals this list could have shown.
pub fn shown_as_similar(phase: super::Phase) -> bool {
    !matches!(phase, super::Phase::Withdrawn | super::Phase::NotRetained)
}

pub fn field_name(name: &str) -> &str {
    name.split('[').next().unwrap_or_default()
}

/// Whether a checkbox's sent value means "ticked" (absent means not).
pub fn ticked(value: &str) -> bool {
    !value.is_empty() && value != "false"
}

impl SignalDraft {
    /// The draft as the form's fields send it: name and value pairs, lists as
    /// `name[i]`, unchecked boxes left out.
    pub fn from_form(pairs: impl IntoIterator<Item = (String, String)>) -> SignalDraft {
        let mut d = SignalDraft::default();
        for (name, value) in pairs {
            match field_name(&name) {
                "title" => d.title = value,
                "description" => d.description = value,
                "target_groups" => d.target_groups.push(value),
                "life_domains" => d.life_domains.push(value),
                "policy_domain" => d.policy_domain = value,
                "area" => d.area = value,
                "frequency" => d.frequency = value,
                "since" => d.since = value,
                "people_estimate" => d.people_estimate = value,
                "tried" => d.tried = value,
                "idea" => d.idea = value,
                "may_contact" => d.may_contact = value,
                "beyond_one_person" => d.beyond_one_person = ticked(&value),
                "recurs" => d.recurs = ticked(&value),
                "structural" => d.structural = ticked(&value),
                "confirmed" => d.confirmed.push(value),
                _ => {}
            }
        }
        d
    }

    /// The opposite of `from_form`: what each field holds for this draft.
    pub fn to_form(&self) -> Vec<(String, String)> {
        let mut pairs: Vec<(String, String)> = [
            ("title", &self.title),
            ("description", &self.description),
            ("policy_domain", &self.policy_domain),
            ("area", &self.area),
            ("frequency", &self.frequency),
            ("since", &self.since),
            ("people_estimate", &self.people_estimate),
            ("tried", &self.tried),
            ("idea", &self.idea),
            ("may_contact", &self.may_contact),
        ]
        .into_iter()
        .map(|(name, value)| (name.to_string(), value.clone()))
        .collect();
        let lists = [("target_groups", &self.target_groups), ("life_domains", &self.life_domains), ("confirmed", &self.confirmed)];
        for (name, values) in lists {
            pairs.extend(values.iter().enumerate().map(|(i, v)| (format!("{name}[{i}]"), v.clone())));
        }
        let checks = [("beyond_one_person", self.beyond_one_person), ("recurs", self.recurs), ("structural", self.structural)];
        pairs.extend(checks.into_iter().filter(|(_, on)| *on).map(|(name, _)| (name.to_string(), "ja".to_string())));
        pairs
    }

    /// Free-text fields the privacy guard reads.
    pub fn texts(&self) -> [(Field, &str); 5] {
        [
            (Field::Title, &self.title),
            (Field::Description, &self.description),
            (Field::Since, &self.since),
            (Field::Tried, &self.tried),
            (Field::Idea, &self.idea),
        ]
    }

    /// Passages that look like personal data and were not confirmed.
    pub fn flagged(&self) -> Vec<Flagged> {
        self.texts()
            .into_iter()
            .flat_map(|(field, text)| scan(text).into_iter().map(move |finding| Flagged { field, finding }))
            .filter(|f| !self.confirmed.iter().any(|c| c == &f.finding.text))
            .collect()
    }

    /// Everything wrong with the draft, field by field, in form order.
    /// `areas` are the tenant's districts; `domains` its policy-domain ids.
    pub fn check(&self, areas: &[String], domains: &[i64]) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let mut err = |field, message: String| errors.push(FieldError { field, message });
        let chars = |s: &str| s.trim().chars().count();
        if chars(&self.title) == 0 {
            err(Field::Title, "Geef je signaal een korte titel.".into());
        } else if chars(&self.title) > MAX_TITLE_CHARS {
            err(Field::Title, format!("De titel mag hoogstens {MAX_TITLE_CHARS} tekens hebben (nu {}).", chars(&self.title)));
        }
        if chars(&self.description) < 20 {
            err(Field::Description, "Beschrijf in een paar zinnen wat je ziet (minstens 20 tekens).".into());
        }
        for (field, text) in [(Field::Description, &self.description), (Field::Tried, &self.tried), (Field::Idea, &self.idea)] {
            if chars(text) > MAX_TEXT_CHARS {
                err(field, format!("Dit mag hoogstens {MAX_TEXT_CHARS} tekens hebben (nu {}).", chars(text)));
            }
        }
        if chars(&self.since) > 100 {
            err(Field::Since, "Hou het kort, bijvoorbeeld ‘voorjaar 2024’.".into());
        }
        if self.target_groups.is_empty() {
            err(Field::TargetGroups, "Kies voor wie het probleem speelt (een of meer).".into());
        } else if !self.target_groups.iter().all(|c| known(TARGET_GROUPS, c)) {
            err(Field::TargetGroups, "Kies doelgroepen uit de lijst.".into());
        }
        if !self.life_domains.iter().all(|c| known(LIFE_DOMAINS, c)) {
            err(Field::LifeDomains, "Kies levensdomeinen uit de lijst.".into());
        }
        if !self.policy_domain.is_empty() && !self.policy_domain.parse::<i64>().is_ok_and(|d| domains.contains(&d)) {
            err(Field::PolicyDomain, "Kies een beleidsdomein uit de lijst, of ‘weet ik niet’.".into());
        }
        if !(self.area == WHOLE_MUNICIPALITY || areas.iter().any(|a| a == &self.area)) {
            err(Field::Area, "Kies waar het speelt: de hele gemeente of een wijk uit de lijst.".into());
        }
        if !FREQUENCIES.iter().any(|(code, _)| *code == self.frequency) {
            err(Field::Frequency, "Kies hoe vaak je het tegenkomt.".into());
        }
        if !self.people_estimate.trim().is_empty() && self.people_estimate.trim().parse::<u32>().is_err() {
            err(Field::PeopleEstimate, "Schrijf een getal, bijvoorbeeld 15, of laat het leeg.".into());
        }
        if self.may_contact != "ja" && self.may_contact != "nee" {
            err(Field::MayContact, "Zeg of we je hierover mogen contacteren.".into());
        }
        if !(self.beyond_one_person && self.recurs && self.structural) {
            err(
                Field::Check,
                "Een signaal gaat verder dan één persoon, komt terug en heeft een structurele kant. \
                 Klopt dat niet? Dan is het misschien een klacht of een vraag voor één dienst: \
                 bespreek het met die dienst of met je signaalcoördinator."
                    .into(),
            );
        }
        for f in self.flagged() {
            err(
                f.field,
                format!(
                    "‘{}’ lijkt een {}. {} Is het geen persoonsgegeven, bevestig dat dan.",
                    f.finding.text,
                    f.finding.kind.label(),
                    f.finding.kind.advice()
                ),
            );
        }
        errors
    }
}

fn known(terms: &[Term], code: &str) -> bool {
    terms.iter().any(|(c, _)| *c == code)
}

/// A suggested policy domain for what is being typed, with how sure it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainSuggestion {
    pub policy_domain: i64,
    pub name: String,
    /// 0 to 100.
    pub confidence: u8,
    /// Learned from the tenant's screened signals (else from keywords).
    pub learned: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_survives_the_trip_through_its_form_fields() {
        let draft = SignalDraft {
            title: "Geen plaats".into(),
            description: "Ouders vinden geen opvang.".into(),
            target_groups: vec!["gezinnen".into(), "jongeren".into()],
            life_domains: vec!["werk".into()],
            policy_domain: "3".into(),
            area: WHOLE_MUNICIPALITY.into(),
            frequency: "wekelijks".into(),
            people_estimate: "12".into(),
            may_contact: "nee".into(),
            recurs: true,
            confirmed: vec!["Jan Peeters".into()],
            ..Default::default()
        };
        let pairs = draft.to_form();
        assert!(pairs.contains(&("target_groups[1]".into(), "jongeren".into())));
        assert!(!pairs.iter().any(|(name, _)| name == "structural"), "unchecked boxes are not sent");
        assert_eq!(SignalDraft::from_form(pairs), draft);
    }

    #[test]
    fn every_field_is_found_by_its_html_id() {
        for field in Field::ALL {
            assert_eq!(Field::from_id(field.id()), Some(field));
        }
        assert_eq!(Field::from_id("bevestig-wat-12"), None);
    }
}
