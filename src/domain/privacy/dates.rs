//! Dates of birth. A date on its own is not personal data ("sinds 12 maart
//! 2023 is de wachtlijst..."), so a date is only flagged when a birth cue
//! ("geboren", "geb.", "°", "geboortedatum", ...) precedes it within a few
//! words of the same sentence. A bare year is only flagged right after "°"
//! or "geboortejaar".

use super::lists::MONTHS;
use super::text::{Token, digit_run, digits_value, in_list, is_all_digits, is_single_space, number_may_end, number_may_start};
use super::{Hit, PersonalDataKind};

const CUES: &[&str] = &["geboren", "geb", "geboortedatum", "geboortedag", "geboortejaar", "geboorte", "gebdatum"];
/// Words that start a different time reference: the cue no longer applies.
const STOPS: &[&str] = &["sinds", "sedert", "vanaf", "tot", "tussen", "en", "maar", "of"];
/// How many words back a cue may stand ("geboren in Gent op 3 mei 1990").
const WINDOW: usize = 5;

pub(super) fn scan(input: &str, toks: &[Token], hits: &mut Vec<Hit>) {
    // End of the previous birth date, for lists: "geboren op 3/5/2010 en 1/2/2013".
    let mut last_birth_end = None;
    let mut k = 0;
    while k < toks.len() {
        let t = toks[k];
        // Tokens keep inner hyphens, so "30-07-1985" is a single token.
        if !t.text(input).starts_with(|c: char| c.is_ascii_digit()) {
            k += 1;
            continue;
        }
        if let Some(end) = textual_date(input, toks, k).or_else(|| numeric_date(input, t.start)) {
            let listed = last_birth_end.is_some_and(|e| matches!(input[e..t.start].trim(), "," | "en" | ", en" | "&"));
            if listed || has_birth_cue(input, toks, k) {
                hits.push(Hit::new(PersonalDataKind::BirthDate, t.start, end));
                last_birth_end = Some(end);
            }
            k = toks.partition_point(|x| x.start < end);
            continue;
        }
        if is_year(t.text(input)) && bare_year_cue(input, toks, k) {
            hits.push(Hit::new(PersonalDataKind::BirthDate, t.start, t.end));
        }
        k += 1;
    }
}

fn is_year(s: &str) -> bool {
    s.len() == 4 && is_all_digits(s) && (1900..=2099).contains(&digits_value(s.as_bytes()))
}

/// "30 juli 1985", "3 sept. 2015". Returns the end of the year.
fn textual_date(input: &str, toks: &[Token], k: usize) -> Option<usize> {
    let [day, month, year] = toks.get(k..k + 3)?.try_into().ok()?;
    let d = day.text(input);
    let day_ok = d.len() <= 2 && is_all_digits(d) && (1..=31).contains(&digits_value(d.as_bytes()));
    let month_gap = &input[day.end..month.start];
    let year_gap = &input[month.end..year.start];
    let ok = day_ok
        && is_single_space(month_gap)
        && in_list(month.text(input), MONTHS)
        && (is_single_space(year_gap) || year_gap == ". ")
        && is_year(year.text(input));
    ok.then_some(year.end)
}

/// "30/07/1985", "30-07-85", "30.07.1985" or ISO "1985-07-30".
fn numeric_date(input: &str, start: usize) -> Option<usize> {
    let bytes = input.as_bytes();
    let after_degree = input[..start].ends_with('°');
    if !(after_degree || number_may_start(bytes, start, b"/-.")) {
        return None;
    }
    let run = digit_run(bytes, start, b"/-.");
    if run.groups.len() != 3 || run.seps[0] != run.seps[1] || !number_may_end(bytes, run.end()) {
        return None;
    }
    let lens = run.group_lens();
    let val = |g: usize| digits_value(&bytes[run.groups[g].0..run.groups[g].1]);
    let (d, m, y_len) = if lens[0] == 4 {
        if run.seps[0] != b'-' {
            return None;
        }
        (val(2), val(1), 4)
    } else {
        (val(0), val(1), lens[2])
    };
    let year_ok = match y_len {
        4 => (1900..=2099).contains(&val(if lens[0] == 4 { 0 } else { 2 })),
        2 => true,
        _ => false,
    };
    let short = |l: usize| (1..=2).contains(&l);
    let shape_ok = if lens[0] == 4 { short(lens[1]) && short(lens[2]) } else { short(lens[0]) && short(lens[1]) };
    (shape_ok && year_ok && (1..=31).contains(&d) && (1..=12).contains(&m)).then_some(run.end())
}

/// Walks back from token `k` over at most `WINDOW` words of the same
/// sentence looking for a birth cue.
fn has_birth_cue(input: &str, toks: &[Token], k: usize) -> bool {
    let mut pos = toks[k].start;
    for p in (k.saturating_sub(WINDOW)..k).rev() {
        let prev = toks[p];
        let gap = &input[prev.end..pos];
        let word = prev.text(input);
        if is_degree_sign_cue(gap, word) {
            return true;
        }
        if gap.contains(['.', '!', '?', ';', '\n']) {
            // "geb. 30/07/1985": the full stop belongs to the abbreviation.
            return word.eq_ignore_ascii_case("geb") && gap.starts_with('.') && !gap[1..].contains(['.', '!', '?', ';', '\n']);
        }
        if in_list(word, CUES) {
            return true;
        }
        if in_list(word, STOPS) {
            return false;
        }
        pos = prev.start;
    }
    // Start of text: "°30/07/1985".
    k <= WINDOW && input[..pos].contains('°')
}

/// "°" marks a birth date, but "20° 5 dagen" is a temperature.
fn is_degree_sign_cue(gap: &str, word_before: &str) -> bool {
    gap.contains('°') && !(gap.starts_with('°') && is_all_digits(word_before))
}

/// "° 1985", "(°1985)", "geboortejaar: 1985".
fn bare_year_cue(input: &str, toks: &[Token], k: usize) -> bool {
    let from = if k == 0 { 0 } else { toks[k - 1].end };
    let gap = &input[from..toks[k].start];
    let degree = if k == 0 { gap.contains('°') } else { is_degree_sign_cue(gap, toks[k - 1].text(input)) };
    if degree {
        return gap.trim_end().ends_with('°');
    }
    k > 0 && toks[k - 1].text(input).eq_ignore_ascii_case("geboortejaar") && gap.chars().all(|c| c == ':' || c == ' ')
}
