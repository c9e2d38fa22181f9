//! Person names. Capitalisation carries most of the signal in Dutch: only
//! proper nouns are capitalised mid-sentence. We flag
//!  * a title + surname: "mevrouw Peeters", "dhr. Maes", "de heer De Wit",
//!    "het gezin El Amrani";
//!  * a known first name + surname: "Fatima El Amrani", "Jan Van den Broeck".
//!
//! A first name alone is not flagged ("Roos belde...", "Jan is..."): too
//! many false positives for too little gain. Places, months and organisations
//! after a first name are rejected via `NOT_SURNAMES` ("Jan Palfijn",
//! "Maria Middelares", "Anna Gent").

use super::first_names::FIRST_NAMES;
use super::lists::{FAMILY_WORDS, NOT_SURNAMES, PARTICLES, STRONG_STREET_SUFFIXES, TITLES};
use super::text::{Token, gap_before, in_list, is_capitalised_word, is_single_space};
use super::{Hit, PersonalDataKind};

/// Titles that are abbreviations and may carry a full stop ("dhr. Maes").
const ABBREVIATIONS: &[&str] = &["mevr", "mw", "mvr", "mnr", "dhr", "mr", "dr", "prof", "mme"];
/// Particles that only count when capitalised ("Op de Beeck", "Ter Beek"):
/// lowercase they are ordinary words ("Jan in Zelzate").
const CAPITAL_ONLY_PARTICLES: &[&str] = &["in", "op", "te", "ten", "ter", "het", "ver"];
/// Longest name tail we consider ("Van den Broeck-De Smet" is 4 tokens).
const MAX_TAIL: usize = 5;

pub(super) fn scan(input: &str, toks: &[Token], hits: &mut Vec<Hit>) {
    let mut k = 0;
    while k < toks.len() {
        match title_name(input, toks, k).or_else(|| first_and_last_name(input, toks, k)) {
            Some((start, last)) => {
                hits.push(Hit::new(PersonalDataKind::PersonName, start, toks[last].end));
                k = last + 1;
            }
            None => k += 1,
        }
    }
}

/// "mevrouw Peeters", "Dr. Wouters", "de heer Janssens", "het gezin Claes".
/// Returns (start byte, index of the last name token).
fn title_name(input: &str, toks: &[Token], k: usize) -> Option<(usize, usize)> {
    let word = toks[k].text(input);
    let family = in_list(word, FAMILY_WORDS) && word.chars().all(char::is_lowercase);
    if !family && !in_list(word, TITLES) {
        return None;
    }
    let mut start = toks[k].start;
    if word.eq_ignore_ascii_case("heer") {
        // Only "de heer X": "heer" alone is rarely a title.
        let de = k.checked_sub(1).map(|p| toks[p])?;
        if !de.text(input).eq_ignore_ascii_case("de") || !is_single_space(gap_before(input, toks, k)) {
            return None;
        }
        start = de.start;
    }
    // Stacked titles: "Prof. Dr. Janssens".
    let mut title = k;
    loop {
        let next = title + 1;
        let gap = gap_before(input, toks, toks.get(next).map(|_| next)?);
        let title_word = toks[title].text(input);
        if !(is_single_space(gap) || (gap == ". " && in_list(title_word, ABBREVIATIONS))) {
            return None;
        }
        if family || !in_list(toks[next].text(input), TITLES) {
            return name_tail(input, toks, next, family).map(|last| (start, last));
        }
        title = next;
    }
}

/// "Fatima El Amrani", "Piotr Kowalski", "Jan van Dijk".
fn first_and_last_name(input: &str, toks: &[Token], k: usize) -> Option<(usize, usize)> {
    if !is_first_name(toks[k].text(input)) || k + 1 >= toks.len() {
        return None;
    }
    // "Sint Jan", "Sint Maria": saints are places and institutions.
    if k > 0 && toks[k - 1].text(input) == "Sint" {
        return None;
    }
    if !is_single_space(gap_before(input, toks, k + 1)) {
        return None;
    }
    name_tail(input, toks, k + 1, false).map(|last| (toks[k].start, last))
}

fn is_first_name(word: &str) -> bool {
    FIRST_NAMES.binary_search(&word).is_ok() || (word.contains('-') && word.split('-').all(|p| FIRST_NAMES.binary_search(&p).is_ok()))
}

/// Reads particles and capitalised surname words from token `j` on; returns
/// the index of the last surname word. A dangling particle is not included.
fn name_tail(input: &str, toks: &[Token], j: usize, family: bool) -> Option<usize> {
    let mut last = None;
    for i in j..(j + MAX_TAIL).min(toks.len()) {
        if i > j && !is_single_space(gap_before(input, toks, i)) {
            break;
        }
        let word = toks[i].text(input);
        if is_particle(word) {
            continue;
        }
        if !is_surname_word(word, family) {
            break;
        }
        last = Some(i);
    }
    last
}

fn is_particle(word: &str) -> bool {
    let capital = word.starts_with(|c: char| c.is_uppercase());
    in_list(word, PARTICLES) && (capital || !in_list(word, CAPITAL_ONLY_PARTICLES))
}

fn is_surname_word(word: &str, family: bool) -> bool {
    if !is_capitalised_word(word) || in_list(word, NOT_SURNAMES) || in_list(word, TITLES) {
        return false;
    }
    let lower = word.to_lowercase();
    // "Victor Hortaplein" is a street, not a person.
    if STRONG_STREET_SUFFIXES.iter().any(|s| lower.ends_with(s)) {
        return false;
    }
    // "een gezin Syrische vluchtelingen": nationality adjectives, not names.
    !(family && ["se", "sche", "isch", "aans", "ees"].iter().any(|s| lower.ends_with(s)))
}
