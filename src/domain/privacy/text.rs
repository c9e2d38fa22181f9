//! Shared low-level helpers: a word tokenizer (for names, addresses and date
//! cues) and byte-level digit-run parsing (for the number detectors).
//!
//! Number detectors work on bytes but only ever start or stop on ASCII bytes,
//! which are always UTF-8 char boundaries. Any byte >= 0x80 is treated as
//! part of a word, so a number glued to a letter like "é" is never a match.

/// A word token: a maximal run of alphanumeric chars, with inner hyphens and
/// apostrophes kept ("Sint-Pietersnieuwstraat", "d'Hondt", "4A").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Token {
    pub start: usize,
    pub end: usize,
}

impl Token {
    pub fn text(self, input: &str) -> &str {
        &input[self.start..self.end]
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’')
}

/// Splits `input` into word tokens (byte offsets on char boundaries).
pub(super) fn tokens(input: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = input.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            continue;
        }
        let next_is_alnum = chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        match start {
            // A joiner between two alphanumerics stays inside the token.
            Some(_) if is_joiner(c) && next_is_alnum => {}
            Some(s) => {
                out.push(Token { start: s, end: i });
                start = None;
            }
            None => {}
        }
    }
    if let Some(s) = start {
        out.push(Token { start: s, end: input.len() });
    }
    out
}

/// Text between token `i - 1` (or the start of the input) and token `i`.
pub(super) fn gap_before<'a>(input: &'a str, toks: &[Token], i: usize) -> &'a str {
    let from = if i == 0 { 0 } else { toks[i - 1].end };
    &input[from..toks[i].start]
}

/// True for exactly one space (or no-break space) between two words.
pub(super) fn is_single_space(gap: &str) -> bool {
    gap == " " || gap == "\u{a0}"
}

/// Case-insensitive membership test for the (lowercase) word lists.
pub(super) fn in_list(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// "Peeters", "Van", "Ayşe": uppercase first letter, then at least one
/// lowercase letter, and only letters/joiners. Acronyms (CAW, OCMW) fail.
pub(super) fn is_capitalised_word(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    first.is_uppercase() && word.chars().any(char::is_lowercase) && word.chars().all(|c| c.is_alphabetic() || is_joiner(c))
}

pub(super) fn is_all_digits(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit())
}

/// Bytes that belong to a word (ASCII alphanumerics and all non-ASCII).
pub(super) fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// Separators allowed between digit groups of phone/register numbers.
pub(super) const NUMBER_SEPS: &[u8] = b" ./-";

/// A number may start at `i` only if it is not glued to a word and is not the
/// tail of a longer number ("12.34" must not yield a match starting at "34").
pub(super) fn number_may_start(bytes: &[u8], i: usize, seps: &[u8]) -> bool {
    if i == 0 {
        return true;
    }
    let prev = bytes[i - 1];
    if is_word_byte(prev) || prev == b',' && i >= 2 && bytes[i - 2].is_ascii_digit() {
        return false;
    }
    !(seps.contains(&prev) && i >= 2 && bytes[i - 2].is_ascii_digit())
}

/// A number may end at `end` only if no word character follows directly.
pub(super) fn number_may_end(bytes: &[u8], end: usize) -> bool {
    end == bytes.len() || !is_word_byte(bytes[end])
}

/// Digit groups joined by single separators, e.g. "0485 12.34.56".
#[derive(Debug, Default)]
pub(super) struct DigitRun {
    /// Byte ranges of the digit groups.
    pub groups: Vec<(usize, usize)>,
    /// The separator byte before each group after the first.
    pub seps: Vec<u8>,
}

impl DigitRun {
    pub fn start(&self) -> usize {
        self.groups.first().map_or(0, |g| g.0)
    }
    pub fn end(&self) -> usize {
        self.groups.last().map_or(0, |g| g.1)
    }
    pub fn digit_count(&self) -> usize {
        self.groups.iter().map(|g| g.1 - g.0).sum()
    }
    pub fn group_lens(&self) -> Vec<usize> {
        self.groups.iter().map(|g| g.1 - g.0).collect()
    }
    /// Sub-runs obtained by splitting at *space* separators only, so that
    /// "85.07.30-033.28 12" still yields "85.07.30-033.28". Dots, slashes and
    /// dashes always bind their groups together. Only windows whose digit
    /// count satisfies `want` are built (keeps long number lists cheap).
    pub fn space_windows(&self, want: impl Fn(usize) -> bool) -> Vec<DigitRun> {
        let n = self.groups.len();
        let mut out = Vec::new();
        for a in (0..n).filter(|&a| a == 0 || self.seps[a - 1] == b' ') {
            let mut count = 0;
            // At most 8 groups per window: no phone or register number has more.
            for b in a..n.min(a + 8) {
                count += self.groups[b].1 - self.groups[b].0;
                if (b == n - 1 || self.seps[b] == b' ') && want(count) {
                    out.push(DigitRun { groups: self.groups[a..=b].to_vec(), seps: self.seps[a..b].to_vec() });
                }
            }
        }
        out
    }
    /// All digits concatenated.
    pub fn digits(&self, bytes: &[u8]) -> Vec<u8> {
        self.groups.iter().flat_map(|g| bytes[g.0..g.1].iter().copied()).collect()
    }
}

/// Reads digit groups from `start` (which must be a digit); a separator from
/// `seps` continues the run only when a digit follows it.
pub(super) fn digit_run(bytes: &[u8], start: usize, seps: &[u8]) -> DigitRun {
    let mut run = DigitRun::default();
    let mut i = start;
    loop {
        let g_start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        run.groups.push((g_start, i));
        let continues = i + 1 < bytes.len() && seps.contains(&bytes[i]) && bytes[i + 1].is_ascii_digit();
        if !continues {
            return run;
        }
        run.seps.push(bytes[i]);
        i += 1;
    }
}

/// Parses ASCII digits as a number (callers keep it short enough).
pub(super) fn digits_value(digits: &[u8]) -> u64 {
    digits.iter().fold(0, |acc, d| acc * 10 + u64::from(d - b'0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenizer_keeps_inner_hyphens_and_utf8_boundaries() {
        let s = "In de Sint-Pietersnieuwstraat 4A woont Ayşe – niet.";
        let words: Vec<&str> = tokens(s).iter().map(|t| t.text(s)).collect();
        assert_eq!(words, ["In", "de", "Sint-Pietersnieuwstraat", "4A", "woont", "Ayşe", "niet"]);
    }

    #[test]
    fn digit_run_stops_at_non_digit_after_separator() {
        let b = b"bel 0485 12.34.56. Dank";
        let run = digit_run(b, 4, NUMBER_SEPS);
        assert_eq!(run.group_lens(), [4, 2, 2, 2]);
        assert_eq!(run.end(), 17);
    }
}
