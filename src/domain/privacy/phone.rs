//! Phone numbers. Belgian numbers have a fixed digit count (landline 0 + 8
//! digits, mobile 04[5-9] + 7 digits), which is what separates them from
//! years, amounts, postcodes and dates: those never start with a 0 and have
//! the right length *and* grouping. International numbers need a leading "+".

use super::text::{DigitRun, NUMBER_SEPS, digit_run, is_word_byte, number_may_end, number_may_start};
use super::{Hit, PersonalDataKind};

pub(super) fn scan(input: &str, hits: &mut Vec<Hit>) {
    let bytes = input.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let starts = (b == b'+' && plus_may_start(bytes, i)) || (b == b'0' && number_may_start(bytes, i, NUMBER_SEPS));
        if !starts {
            i += 1;
            continue;
        }
        let found = be_international(bytes, i).or_else(|| other_international(bytes, i)).or_else(|| be_local(bytes, i));
        match found {
            Some(end) => {
                hits.push(Hit::new(PersonalDataKind::Phone, i, end));
                i = end;
            }
            None => i += 1,
        }
    }
}

fn plus_may_start(bytes: &[u8], i: usize) -> bool {
    i == 0 || !(is_word_byte(bytes[i - 1]) || bytes[i - 1] == b'+')
}

/// "+32 485 12 34 56", "0032 9 123 45 67", "+32 (0)485/12.34.56", "+32485123456".
fn be_international(bytes: &[u8], i: usize) -> Option<usize> {
    let mut j = if bytes[i..].starts_with(b"+32") {
        i + 3
    } else if bytes[i..].starts_with(b"0032") {
        i + 4
    } else {
        return None;
    };
    if bytes.get(j).is_some_and(|b| NUMBER_SEPS.contains(b)) {
        j += 1;
    }
    if bytes[j..].starts_with(b"(0)") {
        j += 3;
        if bytes.get(j) == Some(&b' ') {
            j += 1;
        }
    }
    if !bytes.get(j).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let run = digit_run(bytes, j, NUMBER_SEPS);
    let mut digits = run.digits(bytes);
    if digits.first() == Some(&b'0') {
        digits.remove(0); // "+32 0485 ..." is a common way of writing it
    }
    let lens = run.group_lens();
    let shape_ok = lens.len() == 1 || (lens[0] <= 4 && lens[1..].iter().all(|&l| l >= 2));
    let valid = match digits.len() {
        9 => is_mobile_prefix(&digits[..2]),
        8 => digits[0] != b'0',
        _ => false,
    };
    (shape_ok && valid && ends_cleanly(bytes, run.end())).then_some(run.end())
}

/// Other countries: "+31 6 12345678", "+33 6 12 34 56 78", "+48 123 456 789".
/// Only spaces and dashes as separators, 10 to 15 digits including the
/// country code; "+12.000.000 euro" style amounts are excluded by the dots.
fn other_international(bytes: &[u8], i: usize) -> Option<usize> {
    if bytes[i] != b'+' || !bytes.get(i + 1).is_some_and(|b| (b'1'..=b'9').contains(b)) {
        return None;
    }
    let run = digit_run(bytes, i + 1, b" -");
    ((10..=15).contains(&run.digit_count()) && ends_cleanly(bytes, run.end())).then_some(run.end())
}

/// Local Belgian format, e.g. "0485 12 34 56", "0485/12.34.56", "09 123 45 67",
/// "02/123.45.67", "050 12 34 56", "0800 12 345". Runs are split at spaces
/// so "0485 12 34 56 2 keer" still finds the number.
fn be_local(bytes: &[u8], i: usize) -> Option<usize> {
    let run = digit_run(bytes, i, NUMBER_SEPS);
    run.space_windows(|digits| digits == 9 || digits == 10)
        .iter()
        .filter(|w| w.start() == i && ends_cleanly(bytes, w.end()))
        .filter(|w| is_local_number(&w.digits(bytes), w))
        .map(DigitRun::end)
        .max()
}

fn is_local_number(d: &[u8], w: &DigitRun) -> bool {
    if d.first() != Some(&b'0') || d.get(1).is_none_or(|&b| b == b'0') {
        return false;
    }
    let lens = w.group_lens();
    let rest_ok = lens[1..].iter().all(|&l| l >= 2);
    if lens.len() == 1 {
        return (d.len() == 10 && is_mobile_prefix(&d[1..3])) || d.len() == 9;
    }
    match d.len() {
        // Mobile: "0485 12 34 56", "0485/123 456" or "04 85 12 34 56";
        // "0456.789.123" is a company number (KBO), not a phone.
        10 => {
            let kbo = lens == [4, 3, 3] && w.seps == [b'.', b'.'];
            let pairs = lens.iter().all(|&l| l == 2);
            is_mobile_prefix(&d[1..3]) && ((lens[0] == 4 && rest_ok && !kbo) || pairs)
        }
        // Landline: area code of 2-4 digits. "02 123 45 67" has a 3-digit
        // second group, which also keeps "dd mm yy..." dates out.
        9 => (2..=4).contains(&lens[0]) && rest_ok && (lens[0] > 2 || lens.len() == 2 || lens[1] >= 3),
        _ => false,
    }
}

/// Belgian mobile numbers start with 45..49 after the (optional) 0.
fn is_mobile_prefix(two: &[u8]) -> bool {
    two.len() == 2 && two[0] == b'4' && (b'5'..=b'9').contains(&two[1])
}

/// No word glued to the end and no amount/percentage/time unit right after.
fn ends_cleanly(bytes: &[u8], end: usize) -> bool {
    if !number_may_end(bytes, end) {
        return false;
    }
    let rest = &bytes[end..];
    let rest = rest.strip_prefix(b" ").unwrap_or(rest);
    let lower: Vec<u8> = rest.iter().take(8).map(u8::to_ascii_lowercase).collect();
    let unit = ["euro", "eur", "%", "procent", "uur", "\u{20ac}"]
        .iter()
        .any(|u| lower.starts_with(u.as_bytes()) && lower.get(u.len()).is_none_or(|&b| !b.is_ascii_alphabetic()));
    !unit
}
