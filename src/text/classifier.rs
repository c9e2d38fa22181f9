//! Which policy domain a signal belongs to: multinomial naive Bayes over
//! Dutch stems, learned from the tenant's own screened signals, with a
//! keyword table for tenants that have too few of those yet.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::keywords::KEYWORDS;
use super::stems;

/// Below this many screened examples, only keywords suggest.
pub const MIN_EXAMPLES: usize = 20;
/// A text with fewer meaningful words says too little to suggest anything.
const MIN_STEMS: usize = 3;
/// How many screened signals the keyword table weighs as, when blended: ten
/// per policy domain. Measured on the demo data (about two examples per
/// domain per tenant), the learned ranking is still mostly noise there, so
/// the keywords must carry a young tenant (docs/benchmarks.md).
const KEYWORD_EXAMPLES: f32 = 10.0 * KEYWORDS.len() as f32;
/// Suggestions less sure than this are noise.
const MIN_CONFIDENCE: f32 = 0.3;
/// Naive Bayes multiplies per-word evidence as if words were independent,
/// which makes it far too sure of itself; scaling the log-likelihood down
/// by this much per word gives confidences that mean something.
const WORDS_PER_VOTE: f64 = 4.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Source {
    Learned,
    Keywords,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    pub code: String,
    /// 0..=1
    pub confidence: f32,
    pub source: Source,
}

#[derive(Default)]
struct Class {
    documents: usize,
    words: usize,
    counts: HashMap<String, usize>,
}

#[derive(Default)]
pub struct Classifier {
    classes: HashMap<String, Class>,
    vocabulary: usize,
    examples: usize,
}

/// A signal's words: the title counts double, it says what matters.
fn features(text: &str) -> Vec<String> {
    let mut lines = text.splitn(2, '\n');
    let title = lines.next().unwrap_or_default();
    let title = stems(title);
    let mut words = title.clone();
    words.extend(title);
    words.extend(stems(lines.next().unwrap_or_default()));
    words
}

impl Classifier {
    /// Learn from (text, policy-domain code) pairs; the first line of a text is its title.
    pub fn train<'a>(examples: impl IntoIterator<Item = (&'a str, &'a str)>) -> Classifier {
        let mut classifier = Classifier::default();
        let mut vocabulary = std::collections::HashSet::new();
        for (text, code) in examples {
            let class = classifier.classes.entry(code.to_string()).or_default();
            class.documents += 1;
            for word in features(text) {
                class.words += 1;
                *class.counts.entry(word.clone()).or_default() += 1;
                vocabulary.insert(word);
            }
            classifier.examples += 1;
        }
        classifier.vocabulary = vocabulary.len();
        classifier
    }

    pub fn examples(&self) -> usize {
        self.examples
    }

    /// Every class with its probability for this text, best first.
    pub fn ranking(&self, text: &str) -> Vec<(String, f32)> {
        let words: Vec<String> = features(text).into_iter().filter(|w| self.classes.values().any(|c| c.counts.contains_key(w))).collect();
        if words.is_empty() || self.classes.is_empty() {
            return Vec::new();
        }
        let vocabulary = self.vocabulary as f64 + 1.0;
        let scores: Vec<(String, f64)> = self
            .classes
            .iter()
            .map(|(code, class)| {
                let prior = (class.documents as f64 / self.examples as f64).ln();
                let likelihood: f64 = words
                    .iter()
                    .map(|w| ((*class.counts.get(w).unwrap_or(&0) as f64 + 1.0) / (class.words as f64 + vocabulary)).ln())
                    .sum();
                (code.clone(), prior + likelihood / WORDS_PER_VOTE)
            })
            .collect();
        // Log-sum-exp: probabilities without underflow.
        let top = scores.iter().map(|(_, s)| *s).fold(f64::NEG_INFINITY, f64::max);
        let total: f64 = scores.iter().map(|(_, s)| (s - top).exp()).sum();
        let mut ranking: Vec<(String, f32)> = scores.into_iter().map(|(code, s)| (code, ((s - top).exp() / total) as f32)).collect();
        ranking.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        ranking
    }

    /// The most likely policy domain with its probability.
    pub fn predict(&self, text: &str) -> Option<(String, f32)> {
        self.ranking(text).into_iter().next()
    }
}

/// The keyword fallback: the domain whose keywords the text uses most, with
/// its share of all keyword hits as the confidence.
pub fn keyword_suggestion(text: &str) -> Option<Suggestion> {
    keyword_ranking(text, &[]).into_iter().next()
}

fn keyword_ranking(text: &str, allowed: &[&str]) -> Vec<Suggestion> {
    let words = stems(text);
    let mut hits: Vec<(&str, usize)> = KEYWORDS
        .iter()
        .filter(|(code, _)| allowed.is_empty() || allowed.contains(code))
        .map(|(code, keys)| (*code, words.iter().filter(|w| keys.iter().any(|k| w.starts_with(k))).count()))
        .filter(|(_, n)| *n > 0)
        .collect();
    let total: usize = hits.iter().map(|(_, n)| n).sum();
    hits.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    hits.into_iter()
        .map(|(code, n)| Suggestion { code: code.to_string(), confidence: n as f32 / total as f32, source: Source::Keywords })
        .collect()
}

/// The suggestion shown on the form, among the tenant's `allowed` codes.
/// The learned ranking and the keyword ranking are blended: the keywords
/// weigh as much as `KEYWORD_EXAMPLES` screened signals, so they carry a
/// young tenant and fade as its own examples grow.
pub fn suggest(classifier: &Classifier, text: &str, allowed: &[&str]) -> Option<Suggestion> {
    if stems(text).len() < MIN_STEMS {
        return None;
    }
    let learned: Vec<(String, f32)> = if classifier.examples() >= MIN_EXAMPLES {
        classifier.ranking(text).into_iter().filter(|(code, _)| allowed.contains(&code.as_str())).collect()
    } else {
        Vec::new()
    };
    let keywords = keyword_ranking(text, allowed);
    let learned_total: f32 = learned.iter().map(|(_, p)| p).sum();
    let weight = match (learned_total > 0.0, keywords.is_empty()) {
        (false, _) => 0.0,
        (true, true) => 1.0,
        (true, false) => {
            let n = classifier.examples() as f32;
            n / (n + KEYWORD_EXAMPLES)
        }
    };
    let mut blended: Vec<Suggestion> = Vec::new();
    let mut add = |code: &str, share: f32, source: Source| match blended.iter_mut().find(|s| s.code == code) {
        Some(s) => {
            if share > s.confidence {
                s.source = source;
            }
            s.confidence += share;
        }
        None => blended.push(Suggestion { code: code.to_string(), confidence: share, source }),
    };
    for (code, p) in &learned {
        add(code, weight * p / learned_total, Source::Learned);
    }
    for k in &keywords {
        add(&k.code, (1.0 - weight) * k.confidence, Source::Keywords);
    }
    blended
        .into_iter()
        .max_by(|a, b| a.confidence.total_cmp(&b.confidence).then_with(|| b.code.cmp(&a.code)))
        .filter(|s| s.confidence >= MIN_CONFIDENCE)
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLES: &[(&str, &str)] = &[
        ("Huurwaarborg te hoog\nMensen vinden geen betaalbare huurwoning en de wachtlijst voor een sociale woning is lang.", "wonen"),
        ("Slechte huurwoningen\nVerhuurders laten woningen verkommeren, schimmel en vocht in de huurwoning.", "wonen"),
        ("Dakloos na uithuiszetting\nGezinnen worden uit hun woning gezet en vinden geen nieuwe huurwoning.", "wonen"),
        (
            "Energieschulden bij jongeren\nJongeren hebben schulden bij hun energieleverancier en vragen te laat hulp bij schuldbemiddeling.",
            "inkomen-schuldhulp",
        ),
        (
            "Wachtlijst schuldbemiddeling\nMensen met schulden wachten maanden op budgetbegeleiding en schuldbemiddeling.",
            "inkomen-schuldhulp",
        ),
        ("Leefloon te laag\nHet leefloon volstaat niet om de rekeningen en schulden te betalen.", "inkomen-schuldhulp"),
        ("Geen psycholoog\nJongeren wachten maanden op een psycholoog in de geestelijke gezondheidszorg.", "gezondheid"),
        ("Tandzorg onbetaalbaar\nGezinnen stellen de tandarts uit omdat de zorg te duur is.", "gezondheid"),
        ("Huisarts zoeken\nNieuwkomers vinden geen huisarts die nog patiënten aanneemt.", "gezondheid"),
    ];

    fn trained() -> Classifier {
        Classifier::train(EXAMPLES.iter().copied())
    }

    #[test]
    fn clear_texts_get_their_domain() {
        let c = trained();
        assert_eq!(c.examples(), 9);
        assert_eq!(c.predict("Gezinnen vinden geen betaalbare huurwoning").unwrap().0, "wonen");
        assert_eq!(c.predict("Schulden bij de energieleverancier, schuldbemiddeling duurt lang").unwrap().0, "inkomen-schuldhulp");
        assert_eq!(c.predict("Lange wachtlijst voor een psycholoog").unwrap().0, "gezondheid");
        let (_, p) = c.predict("Gezinnen vinden geen betaalbare huurwoning").unwrap();
        assert!(p > 0.4 && p < 1.0, "a probability, not a certainty: {p}");
    }

    #[test]
    fn below_the_minimum_keywords_suggest() {
        let c = trained();
        let s = suggest(&c, "Veel huurders zitten in een slechte huurwoning met schimmel", &["wonen", "gezondheid"]).unwrap();
        assert_eq!((s.code.as_str(), s.source), ("wonen", Source::Keywords));
    }

    #[test]
    fn examples_break_keyword_ties_and_take_over_as_they_grow() {
        // "psycholoog" points to gezondheid, "jongeren" to jeugd: a keyword tie.
        let text = "Lange wachtlijst voor een psycholoog bij jongeren";
        let allowed = ["wonen", "gezondheid", "jeugd"];
        let few: Vec<(&str, &str)> = EXAMPLES.iter().copied().cycle().take(MIN_EXAMPLES).collect();
        let s = suggest(&Classifier::train(few), text, &allowed).unwrap();
        assert_eq!((s.code.as_str(), s.source), ("gezondheid", Source::Keywords));
        assert!(s.confidence > 0.5, "the examples add to the keyword share: {}", s.confidence);

        let many: Vec<(&str, &str)> = EXAMPLES.iter().copied().cycle().take(10 * KEYWORD_EXAMPLES as usize).collect();
        let s = suggest(&Classifier::train(many), text, &allowed).unwrap();
        assert_eq!((s.code.as_str(), s.source), ("gezondheid", Source::Learned));
    }

    #[test]
    fn never_outside_the_allowed_codes_nor_on_too_little_text() {
        let many: Vec<(&str, &str)> = EXAMPLES.iter().copied().cycle().take(MIN_EXAMPLES).collect();
        let c = Classifier::train(many);
        let s = suggest(&c, "Lange wachtlijst voor een psycholoog bij jongeren", &["wonen"]);
        assert!(s.is_none_or(|s| s.code == "wonen"));
        assert_eq!(suggest(&c, "", &["wonen"]), None);
        assert_eq!(suggest(&c, "psycholoog", &["gezondheid"]), None);
        assert_eq!(keyword_suggestion("Het is er niet"), None);
    }
}
