//! Redaction: events are never edited, except that the hoofdsignaalverwerker
//! may remove personal data that slipped into a text. The passage becomes
//! "[verwijderd]" everywhere it stands; a redaction event says who and when,
//! never what.

/// What a removed passage reads as.
pub const REDACTED: &str = "[verwijderd]";

/// Longest passage one redaction removes.
pub const MAX_PASSAGE_CHARS: usize = 500;

/// The passage to remove, trimmed, or a Dutch reason why it cannot be.
pub fn passage(input: &str) -> Result<&str, String> {
    let passage = input.trim();
    if passage.chars().count() < 2 {
        return Err("Typ of plak de passage die weg moet, zoals ze in de tekst staat (minstens 2 tekens).".into());
    }
    if passage.chars().count() > MAX_PASSAGE_CHARS {
        return Err(format!("Verwijder hoogstens {MAX_PASSAGE_CHARS} tekens tegelijk."));
    }
    if passage.contains(REDACTED) {
        return Err("Die passage is al verwijderd.".into());
    }
    Ok(passage)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passage_is_trimmed_and_bounded() {
        assert_eq!(passage("  Jan Peeters "), Ok("Jan Peeters"));
        assert!(passage(" x ").is_err());
        assert!(passage(&"a".repeat(MAX_PASSAGE_CHARS + 1)).is_err());
        assert!(passage("[verwijderd]").is_err());
    }
}
