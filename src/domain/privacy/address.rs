//! Street addresses. A street name on its own is not personal data ("de
//! Kerkstraat is onveilig", "op straat staan"); a street *with a house number*
//! points at one household. So we need a capitalised street word followed by
//! a house number, and we extend the match over "bus 3" and ", 9000 Gent".

use super::lists::{NOT_STREETS, STREET_PREFIXES, STREET_SUFFIXES, STREET_TYPE_WORDS, UNIT_WORDS};
use super::text::{Token, digits_value, gap_before, in_list, is_all_digits, is_capitalised_word, is_single_space};
use super::{Hit, PersonalDataKind};

/// Words that never start a street name ("In de Kerkstraat 12").
const LEFT_STOPS: &[&str] = &["in", "op", "aan", "naar", "uit", "bij", "langs", "via", "woont", "wonen", "adres", "te", "ter"];
const LOWER_PARTICLES: &[&str] = &["van", "de", "der", "den", "het", "ter", "ten"];

pub(super) fn scan(input: &str, toks: &[Token], hits: &mut Vec<Hit>) {
    for k in 0..toks.len() {
        let word = toks[k].text(input);
        let found = if is_street_word(word) || is_type_word_after_name(input, toks, k) {
            Some((street_start(input, toks, k), k + 1))
        } else if is_capitalised_word(word) && in_list(word, STREET_PREFIXES) {
            french_street(input, toks, k).map(|n| (toks[k].start, n))
        } else {
            None
        };
        let Some((start, number_idx)) = found else {
            continue;
        };
        if let Some(end) = house_number(input, toks, number_idx) {
            hits.push(Hit::new(PersonalDataKind::Address, start, end));
        }
    }
}

/// "Kerkstraat", "Sint-Pietersnieuwstraat", "Brugsesteenweg": capitalised and
/// longer than the bare ending ("Straat" alone is not a street name).
fn is_street_word(word: &str) -> bool {
    let first_upper = word.chars().next().is_some_and(char::is_uppercase);
    let lower = word.to_lowercase();
    first_upper && !in_list(word, NOT_STREETS) && STREET_SUFFIXES.iter().any(|s| lower.len() > s.len() && lower.ends_with(s))
}

/// "Grote Markt", "Oude Houtlei" written as two words.
fn is_type_word_after_name(input: &str, toks: &[Token], k: usize) -> bool {
    let word = toks[k].text(input);
    k > 0
        && is_capitalised_word(word)
        && in_list(word, STREET_TYPE_WORDS)
        && is_single_space(gap_before(input, toks, k))
        && is_capitalised_word(toks[k - 1].text(input))
        && !in_list(toks[k - 1].text(input), LEFT_STOPS)
}

/// Extends left over capitalised words (and particles between them) that are
/// part of the street name: "Koning Albertlaan", "Jan van Rijswijcklaan".
fn street_start(input: &str, toks: &[Token], k: usize) -> usize {
    let mut start = toks[k].start;
    let mut j = k;
    for _ in 0..3 {
        if j == 0 || !is_single_space(gap_before(input, toks, j)) {
            break;
        }
        let prev = toks[j - 1].text(input);
        if in_list(prev, LOWER_PARTICLES) && prev.chars().all(char::is_lowercase) {
            j -= 1; // only kept if a capitalised word precedes it
            continue;
        }
        if !is_capitalised_word(prev) || in_list(prev, LEFT_STOPS) {
            break;
        }
        j -= 1;
        start = toks[j].start;
    }
    start
}

/// "Rue de la Loi 16", "Avenue Louise 54": up to five words, then a number.
/// Returns the index of the number token.
fn french_street(input: &str, toks: &[Token], k: usize) -> Option<usize> {
    for n in k + 1..(k + 6).min(toks.len()) {
        let gap = gap_before(input, toks, n);
        let word = toks[n].text(input);
        if word.starts_with(|c: char| c.is_ascii_digit()) {
            return (n > k + 1 && is_single_space(gap)).then_some(n);
        }
        if !(is_single_space(gap) || gap == "'" || gap == "’") {
            return None;
        }
    }
    None
}

/// "12", "4A", "12b", "12-14" (not a year like "2023").
fn is_house_number(word: &str) -> bool {
    let mut parts = word.split('-');
    let first = parts.next().unwrap_or("");
    let part_ok = |p: &str| {
        let digits = p.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        (p.len() - digits.len()) <= 1 && (1..=4).contains(&digits.len()) && is_all_digits(digits) && !digits.starts_with('0')
    };
    let year_like = first.len() == 4 && (1900..=2099).contains(&digits_value(first.as_bytes()));
    part_ok(first) && parts.clone().count() <= 1 && parts.all(part_ok) && !year_like
}

/// Checks the house number at token `n` and returns the end of the address,
/// including "bus 3", "/3" and ", 9000 Gent" when present.
fn house_number(input: &str, toks: &[Token], mut n: usize) -> Option<usize> {
    let word_at = |i: usize| toks.get(i).map(|t| t.text(input));
    let spaced = |i: usize| i < toks.len() && is_single_space(gap_before(input, toks, i));
    if !spaced(n) {
        return None;
    }
    // Optional "nr." / "nummer" between street and number.
    if in_list(word_at(n)?, &["nr", "nummer"]) {
        n += 1;
        if !(spaced(n) || n < toks.len() && gap_before(input, toks, n) == ". ") {
            return None;
        }
    }
    let number = word_at(n)?;
    if !is_house_number(number) || !plain_number_end(input, toks, n) {
        return None;
    }
    let mut end = toks[n].end;
    let mut i = n + 1;
    let is_bus = word_at(i).is_some_and(|w| w.eq_ignore_ascii_case("bus"));
    if is_bus && spaced(i) && spaced(i + 1) && word_at(i + 1).is_some_and(|b| b.len() <= 4) {
        // "bus 3", "bus 12B"
        end = toks[i + 1].end;
        i += 2;
    } else if i < toks.len() && gap_before(input, toks, i) == "/" && word_at(i).is_some_and(|w| w.len() <= 3 && is_all_digits(w)) {
        // "12/3"
        end = toks[i].end;
        i += 1;
    }
    // ", 9000 Gent" or " 9000 Gent"
    if let (Some(pc), Some(city)) = (word_at(i), word_at(i + 1)) {
        let gap = gap_before(input, toks, i);
        let is_postcode = pc.len() == 4 && is_all_digits(pc) && !pc.starts_with('0');
        if (gap == ", " || is_single_space(gap))
            && is_postcode
            && is_single_space(gap_before(input, toks, i + 1))
            && is_capitalised_word(city)
        {
            end = toks[i + 1].end;
        }
    }
    Some(end)
}

/// The number is not an amount, a count or a decimal: "Kerkstraat 3 keer",
/// "2,5 %", "12.000".
fn plain_number_end(input: &str, toks: &[Token], n: usize) -> bool {
    let rest = &input[toks[n].end..];
    let mut chars = rest.chars();
    let (a, b) = (chars.next(), chars.next());
    if rest.trim_start().starts_with(['%', '€']) || matches!((a, b), (Some('.' | ','), Some(d)) if d.is_ascii_digit()) {
        return false;
    }
    match toks.get(n + 1) {
        Some(next) if input[toks[n].end..next.start].trim().is_empty() => !in_list(next.text(input), UNIT_WORDS),
        _ => true,
    }
}
