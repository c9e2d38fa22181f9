//! E-mail addresses: grow outwards from every '@' over the characters an
//! address may contain, then check the domain has a real-looking TLD.

use super::text::is_word_byte;
use super::{Hit, PersonalDataKind};

fn is_local_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"._%+-'".contains(&b)
}

fn is_domain_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'.' || b == b'-'
}

pub(super) fn scan(input: &str, hits: &mut Vec<Hit>) {
    let bytes = input.as_bytes();
    for at in (0..bytes.len()).filter(|&i| bytes[i] == b'@') {
        let mut start = at;
        while start > 0 && is_local_byte(bytes[start - 1]) {
            start -= 1;
        }
        // Sentence punctuation or quotes are not part of the address.
        while start < at && matches!(bytes[start], b'.' | b'\'' | b'-') {
            start += 1;
        }
        let mut end = at + 1;
        while end < bytes.len() && is_domain_byte(bytes[end]) {
            end += 1;
        }
        while end > at + 1 && matches!(bytes[end - 1], b'.' | b'-') {
            end -= 1; // "mail naar jan@voorbeeld.be." ends before the full stop
        }
        let glued = (start > 0 && is_word_byte(bytes[start - 1])) || (end < bytes.len() && is_word_byte(bytes[end]));
        if start < at && !glued && domain_ok(&input[at + 1..end]) {
            hits.push(Hit::new(PersonalDataKind::Email, start, end));
        }
    }
}

/// At least two non-empty labels and an alphabetic TLD of 2+ letters.
fn domain_ok(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    let tld = labels.last().copied().unwrap_or("");
    labels.len() >= 2 && labels.iter().all(|l| !l.is_empty()) && tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic())
}
