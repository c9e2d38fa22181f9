//! Dutch text analysis on the server: words, stems and the things built on
//! them (similar signals, policy-domain suggestions). Server-only: the
//! stemmer would only add weight to the browser's download.

pub mod classifier;
pub mod keywords;
pub mod similarity;

use rust_stemmers::{Algorithm, Stemmer};
use std::sync::LazyLock;

static DUTCH: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::Dutch));

/// Frequent Dutch words that say nothing about the problem.
const STOPWORDS: &[&str] = &[
    "aan", "al", "alle", "alleen", "als", "altijd", "ben", "bij", "dan", "dat", "de", "deze", "die", "dit", "doen", "door", "dus", "een",
    "eens", "en", "er", "ge", "geen", "geweest", "had", "heb", "hebben", "heeft", "hem", "het", "hier", "hij", "hoe", "hun", "iemand",
    "iets", "ik", "in", "is", "ja", "je", "kan", "kon", "kunnen", "maar", "me", "meer", "men", "met", "mij", "mijn", "moet", "na", "naar",
    "niet", "niets", "nog", "nu", "of", "om", "omdat", "ons", "ook", "op", "over", "reeds", "te", "tegen", "toch", "toen", "tot", "u",
    "uit", "uw", "van", "veel", "voor", "want", "waren", "was", "wat", "we", "wel", "werd", "wezen", "wie", "wij", "wil", "worden",
    "wordt", "zal", "ze", "zei", "zelf", "zich", "zij", "zijn", "zo", "zonder", "zou", "zeer", "heel", "vaak", "steeds", "komen", "komt",
    "gaan", "gaat", "hun", "haar", "onze", "jullie", "hen", "daar", "waar", "wanneer", "welke", "mensen",
];

/// Lower-case words of two or more letters or digits, split on everything else.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() >= 2).map(|w| w.to_lowercase())
}

/// Dutch stems of the meaningful words of a text, in order.
pub fn stems(text: &str) -> Vec<String> {
    words(text)
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .map(|w| DUTCH.stem(&w).into_owned())
        .filter(|s| s.chars().count() >= 2)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_words_meet_at_their_stem() {
        assert_eq!(stems("wachtlijsten"), stems("wachtlijst"));
        assert_eq!(stems("De problemen"), stems("probleem"));
        assert!(stems("Het is er niet voor ons").is_empty(), "only stopwords");
        assert_eq!(stems("GGZ-hulp voor 18-jarigen").len(), 4);
    }
}
