//! Privacy guard: finds client personal data in a signal text before it is
//! stored. The same code runs in the browser (live highlighting, compiled to
//! WASM) and on the server (authoritative check), so it is dependency-free:
//! hand-written scanners instead of regexes.
//!
//! Every detector reports byte ranges that start and end on ASCII characters
//! or on `char_indices` boundaries, so `&text[start..end]` never panics.

mod address;
mod checks;
mod dates;
mod email;
mod first_names;
mod lists;
mod names;
mod numbers;
mod phone;
mod text;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The kinds of client personal data the guard recognises.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PersonalDataKind {
    NationalNumber,
    Phone,
    Email,
    Iban,
    BirthDate,
    Address,
    PersonName,
}

impl PersonalDataKind {
    /// Short Dutch label for the UI.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::NationalNumber => "rijksregisternummer",
            Self::Phone => "telefoonnummer",
            Self::Email => "e-mailadres",
            Self::Iban => "rekeningnummer (IBAN)",
            Self::BirthDate => "geboortedatum",
            Self::Address => "adres",
            Self::PersonName => "naam",
        }
    }

    /// One plain Dutch sentence on how to rewrite the passage.
    #[must_use]
    pub fn advice(self) -> &'static str {
        match self {
            Self::NationalNumber | Self::Phone | Self::Email | Self::Iban => "Laat het nummer weg: het zegt niets over het probleem.",
            Self::BirthDate => "Vermeld hoogstens een leeftijd of leeftijdsgroep, bv. 'een vrouw van rond de 40'.",
            Self::Address => "Noem alleen de gemeente of de wijk, niet de straat en het huisnummer.",
            Self::PersonName => "Schrijf 'een moeder', 'een jongere' of 'cliënt' in plaats van de naam.",
        }
    }

    /// Tie-breaker when two candidates have the same length: the more
    /// specific (checksum-validated) detector wins.
    fn rank(self) -> u8 {
        match self {
            Self::NationalNumber => 0,
            Self::Iban => 1,
            Self::Email => 2,
            Self::Phone => 3,
            Self::BirthDate => 4,
            Self::Address => 5,
            Self::PersonName => 6,
        }
    }
}

/// One piece of personal data found in the scanned text.
/// `start`/`end` are byte offsets into the scanned `&str`; `text == &input[start..end]`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub kind: PersonalDataKind,
    pub start: u32,
    pub end: u32,
    pub text: String,
}

/// A candidate produced by one detector (byte range into the input).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Hit {
    kind: PersonalDataKind,
    start: usize,
    end: usize,
}

impl Hit {
    fn new(kind: PersonalDataKind, start: usize, end: usize) -> Self {
        Hit { kind, start, end }
    }
}

/// Scans `input` for personal data. The result is sorted by `start` and
/// contains no overlapping findings: the longest candidate wins, and on equal
/// length the most specific kind wins.
#[must_use]
pub fn scan(input: &str) -> Vec<Finding> {
    let tokens = text::tokens(input);
    let mut hits = Vec::new();
    numbers::scan(input, &mut hits);
    phone::scan(input, &mut hits);
    email::scan(input, &mut hits);
    dates::scan(input, &tokens, &mut hits);
    address::scan(input, &tokens, &mut hits);
    names::scan(input, &tokens, &mut hits);
    resolve(input, hits)
}

/// Greedy overlap resolution: longest first, then by rank, then leftmost.
fn resolve(input: &str, mut hits: Vec<Hit>) -> Vec<Finding> {
    hits.sort_by_key(|h| (std::cmp::Reverse(h.end - h.start), h.kind.rank(), h.start));
    // Accepted hits are disjoint and keyed by start, so their ends grow with
    // their starts: only the last one starting before `h.end` can overlap `h`.
    let mut kept: BTreeMap<usize, Hit> = BTreeMap::new();
    for h in hits {
        let before_ok = kept.range(..h.end).next_back().is_none_or(|(_, k)| k.end <= h.start);
        if h.start < h.end && before_ok {
            kept.insert(h.start, h);
        }
    }
    kept.into_values()
        .map(|h| Finding {
            kind: h.kind,
            // Signals are a few KB; offsets beyond 4 GiB cannot occur.
            start: h.start as u32,
            end: h.end as u32,
            text: input[h.start..h.end].to_string(),
        })
        .collect()
}
