//! Checksum-validated numbers: national register numbers (rijksregisternummer),
//! IBANs and pre-IBAN Belgian account numbers. The check digit is what makes
//! these safe to flag without any context word.

use super::checks::{be_account_is_valid, iban_is_valid, iban_length, national_number_is_valid};
use super::text::{DigitRun, NUMBER_SEPS, digit_run, digits_value, number_may_end, number_may_start};
use super::{Hit, PersonalDataKind};

pub(super) fn scan(input: &str, hits: &mut Vec<Hit>) {
    let bytes = input.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() && number_may_start(bytes, i, NUMBER_SEPS) {
            let run = digit_run(bytes, i, NUMBER_SEPS);
            national_numbers(bytes, &run, hits);
            be_account(bytes, i, hits);
            i = run.end();
            continue;
        }
        if let Some(end) = iban_at(bytes, i) {
            hits.push(Hit::new(PersonalDataKind::Iban, i, end));
            i = end;
            continue;
        }
        i += 1;
    }
}

/// YYMMDDSSSCC written as "85073003328", "85.07.30-033.28", "850730 033 28"...
/// Separators may only sit between the date parts, serial and check digits.
fn national_numbers(bytes: &[u8], run: &DigitRun, hits: &mut Vec<Hit>) {
    for w in run.space_windows(|digits| digits == 11) {
        if !number_may_end(bytes, w.end()) {
            continue;
        }
        let mut cumulative = 0;
        let aligned = w.group_lens()[..w.groups.len() - 1].iter().all(|len| {
            cumulative += len;
            matches!(cumulative, 2 | 4 | 6 | 9)
        });
        let digits = w.digits(bytes);
        if aligned && plausible_birth_part(&digits) && national_number_is_valid(&digits) {
            hits.push(Hit::new(PersonalDataKind::NationalNumber, w.start(), w.end()));
        }
    }
}

/// Month 00-12 (00 = unknown), or +20/+40 for "bis" numbers; day 00-31.
fn plausible_birth_part(d: &[u8]) -> bool {
    let month = digits_value(&d[2..4]);
    let day = digits_value(&d[4..6]);
    day <= 31 && matches!(month, 0..=12 | 20..=32 | 40..=52)
}

/// Old Belgian account number "123-4567890-12" (still seen on letters).
fn be_account(bytes: &[u8], start: usize, hits: &mut Vec<Hit>) {
    let run = digit_run(bytes, start, b"-");
    if run.group_lens() == [3, 7, 2] && number_may_end(bytes, run.end()) && be_account_is_valid(&run.digits(bytes)) {
        hits.push(Hit::new(PersonalDataKind::Iban, run.start(), run.end()));
    }
}

/// IBAN at `i`: two letters, two digits, then the BBAN, compact or in groups
/// separated by single spaces ("BE68 5390 0754 7034", also lowercase). The
/// match must end at a group boundary and pass the mod-97 check.
fn iban_at(bytes: &[u8], i: usize) -> Option<usize> {
    let head = bytes.get(i..i + 4)?;
    if !(head[..2].iter().all(u8::is_ascii_alphabetic) && head[2..].iter().all(u8::is_ascii_digit)) {
        return None;
    }
    if i > 0 && super::text::is_word_byte(bytes[i - 1]) {
        return None;
    }
    let is_iban_char = |b: u8| b.is_ascii_alphanumeric();
    let mut compact = String::new();
    // (compact length, byte end) at each group boundary.
    let mut group_ends = Vec::new();
    let mut j = i;
    while j < bytes.len() && compact.len() < 34 {
        if is_iban_char(bytes[j]) {
            compact.push(char::from(bytes[j].to_ascii_uppercase()));
            j += 1;
            continue;
        }
        group_ends.push((compact.len(), j));
        if bytes[j] == b' ' && bytes.get(j + 1).is_some_and(|&b| is_iban_char(b)) {
            j += 1;
        } else {
            break;
        }
    }
    if j == bytes.len() || compact.len() == 34 {
        group_ends.push((compact.len(), j));
    }
    let expected = iban_length(&compact.as_bytes()[..2]);
    group_ends
        .iter()
        .rev()
        .filter(|(len, end)| expected.map_or(*len >= 15, |e| *len == e) && number_may_end(bytes, *end))
        .find(|(len, _)| iban_is_valid(&compact[..*len]))
        .map(|&(_, end)| end)
}
