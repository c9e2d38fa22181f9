//! The board's filters, as its address carries them (so a filtered board can
//! be bookmarked and shared): policy domain, life domain, target group, the
//! kind of organisation that met it, citizen or worker, age, and free text.
//! Unknown values are dropped, never an error: an old bookmark still opens.

use percent_encoding::{NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use serde::{Deserialize, Serialize};

use super::vocabulary::{LIFE_DOMAINS, TARGET_GROUPS};
use super::{ORGANISATION_KINDS, Source};

/// The ages the filter offers, in days.
pub const AGES: [i64; 4] = [7, 30, 90, 365];
/// The longest search text kept.
const TEXT_MAX: usize = 200;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardFilter {
    /// A policy-domain code of the tenant (checked against the tenant's on the server).
    pub policy_domain: String,
    pub life_domain: String,
    pub target_group: String,
    /// An organisation kind: the reporter's organisation or one that saw it too.
    pub sector: String,
    pub source: Option<Source>,
    /// Only signals older than this many days.
    pub older_than: Option<i64>,
    /// Free text, searched on Dutch stems.
    pub text: String,
    /// Only the cards assigned to the board's person ("mijn kaarten").
    pub mine: bool,
}

/// The address's names, in Dutch: people read and share these links.
const NAMES: [&str; 8] = ["domein", "levensdomein", "doelgroep", "sector", "bron", "ouder-dan", "zoek", "toegewezen"];

fn decode(value: &str) -> String {
    percent_decode_str(&value.replace('+', " ")).decode_utf8_lossy().trim().to_string()
}

fn known(terms: &[(&str, &str)], code: String) -> String {
    if terms.iter().any(|(c, _)| *c == code) { code } else { String::new() }
}

impl BoardFilter {
    /// From the address's query pairs (still percent-encoded).
    pub fn from_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut filter = BoardFilter::default();
        for (name, value) in pairs {
            let value = decode(value);
            match name {
                "domein" => filter.policy_domain = value,
                "levensdomein" => filter.life_domain = known(LIFE_DOMAINS, value),
                "doelgroep" => filter.target_group = known(TARGET_GROUPS, value),
                "sector" => filter.sector = known(ORGANISATION_KINDS, value),
                "bron" => {
                    filter.source = match value.as_str() {
                        "burger" => Some(Source::Citizen),
                        "werker" => Some(Source::Worker),
                        _ => None,
                    }
                }
                "ouder-dan" => filter.older_than = value.parse().ok().filter(|d| AGES.contains(d)),
                "zoek" => filter.text = value.chars().take(TEXT_MAX).collect(),
                "toegewezen" => filter.mine = value == "mij",
                _ => {}
            }
        }
        filter
    }

    pub fn is_empty(&self) -> bool {
        *self == BoardFilter::default()
    }

    /// The filter as query pairs, `domein=welzijn&zoek=nacht%20opvang`
    /// (empty when there is none).
    pub fn query(&self) -> String {
        let source = self.source.map(|s| if s == Source::Citizen { "burger" } else { "werker" }).unwrap_or_default();
        let age = self.older_than.map(|d| d.to_string()).unwrap_or_default();
        let mine = if self.mine { "mij" } else { "" };
        let values = [&*self.policy_domain, &self.life_domain, &self.target_group, &self.sector, source, &age, &self.text, mine];
        NAMES
            .iter()
            .zip(values)
            .filter(|(_, value)| !value.is_empty())
            .map(|(name, value)| format!("{name}={}", utf8_percent_encode(value, NON_ALPHANUMERIC)))
            .collect::<Vec<_>>()
            .join("&")
    }
}

/// Two queries as one (`?a=1` and `b=2` give `?a=1&b=2`).
pub fn join_queries(first: &str, second: &str) -> String {
    let parts: Vec<&str> = [first.trim_start_matches('?'), second.trim_start_matches('?')].into_iter().filter(|p| !p.is_empty()).collect();
    if parts.is_empty() { String::new() } else { format!("?{}", parts.join("&")) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filter_survives_its_address() {
        let filter = BoardFilter {
            policy_domain: "welzijn".into(),
            life_domain: "wonen".into(),
            target_group: "ouderen".into(),
            sector: "ocmw".into(),
            source: Some(Source::Citizen),
            older_than: Some(30),
            text: "nachtopvang & één bed".into(),
            mine: true,
        };
        let query = filter.query();
        let pairs: Vec<(&str, &str)> = query.split('&').filter_map(|p| p.split_once('=')).collect();
        assert_eq!(BoardFilter::from_query(pairs), filter);
        assert_eq!(BoardFilter::default().query(), "");
    }

    #[test]
    fn unknown_values_are_dropped_and_forms_are_read() {
        let filter = BoardFilter::from_query([
            ("doelgroep", "marsmannetjes"),
            ("bron", "iedereen"),
            ("ouder-dan", "12"),
            ("zoek", "geen+plek%20in+de+opvang"),
            ("levensdomein", "wonen"),
        ]);
        assert_eq!(filter.target_group, "");
        assert_eq!(filter.source, None);
        assert_eq!(filter.older_than, None);
        assert_eq!(filter.text, "geen plek in de opvang");
        assert!(!filter.is_empty());
        assert!(BoardFilter::from_query([("submitted", "50")]).is_empty());
    }

    #[test]
    fn queries_join() {
        assert_eq!(join_queries("?submitted=50", "zoek=bed"), "?submitted=50&zoek=bed");
        assert_eq!(join_queries("", "zoek=bed"), "?zoek=bed");
        assert_eq!(join_queries("", ""), "");
    }
}
