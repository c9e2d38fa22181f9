//! Check-digit algorithms. A number that fails its check is not reported as
//! that kind: this is what keeps random 11-digit or IBAN-shaped strings from
//! being flagged.

/// Belgian national register number (11 ASCII digits, YYMMDDSSSCC).
/// CC = 97 - (YYMMDDSSS mod 97); for people born from 2000 on the number is
/// prefixed with a 2 (2YYMMDDSSS) before taking the modulus.
pub(super) fn national_number_is_valid(digits: &[u8]) -> bool {
    if digits.len() != 11 || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let base = super::text::digits_value(&digits[..9]);
    let check = super::text::digits_value(&digits[9..]);
    97 - base % 97 == check || 97 - (2_000_000_000 + base) % 97 == check
}

/// Standard IBAN check (ISO 13616): move the first four characters to the end,
/// replace letters by 10..35 and the result mod 97 must be 1.
/// `iban` is compact (no spaces) and uppercase.
pub(super) fn iban_is_valid(iban: &str) -> bool {
    let b = iban.as_bytes();
    if !(15..=34).contains(&b.len())
        || !b[..2].iter().all(u8::is_ascii_uppercase)
        || !b[2..4].iter().all(u8::is_ascii_digit)
        || !b.iter().all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
    {
        return false;
    }
    let mut rem: u32 = 0;
    for &c in b[4..].iter().chain(&b[..4]) {
        if c.is_ascii_digit() {
            rem = (rem * 10 + u32::from(c - b'0')) % 97;
        } else {
            // Letters expand to two digits (A = 10 ... Z = 35).
            rem = (rem * 100 + u32::from(c - b'A') + 10) % 97;
        }
    }
    rem == 1
}

/// Pre-IBAN Belgian account number 123-4567890-12 (12 digits): the first ten
/// digits mod 97 give the last two, where a remainder of 0 is written as 97.
pub(super) fn be_account_is_valid(digits: &[u8]) -> bool {
    if digits.len() != 12 || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let rem = super::text::digits_value(&digits[..10]) % 97;
    let check = super::text::digits_value(&digits[10..]);
    check == if rem == 0 { 97 } else { rem }
}

/// Expected IBAN length for the countries a Flemish signal is likely to
/// mention; `None` means "unknown country, accept any valid 15..34".
pub(super) fn iban_length(country: &[u8]) -> Option<usize> {
    Some(match country {
        b"BE" => 16,
        b"NL" => 18,
        b"LU" => 20,
        b"DE" | b"GB" => 22,
        b"ES" | b"RO" => 24,
        b"TR" => 26,
        b"FR" | b"MC" | b"IT" => 27,
        b"PL" => 28,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn national_number_born_before_2000() {
        // 85.07.30-033.28: 850730033 mod 97 = 69, 97 - 69 = 28.
        assert!(national_number_is_valid(b"85073003328"));
        assert!(!national_number_is_valid(b"85073003327"));
        assert!(!national_number_is_valid(b"85073003382"));
    }

    #[test]
    fn national_number_born_from_2000() {
        // 05.03.12-456.CC: 97 - (2_050_312_456 mod 97) = 18; the pre-2000
        // rule alone would give 86, so 18 only passes via the 2000 rule.
        assert!(national_number_is_valid(b"05031245618"));
        assert!(!national_number_is_valid(b"05031245617"));
    }

    #[test]
    fn national_number_rejects_wrong_shape() {
        assert!(!national_number_is_valid(b"8507300332"));
        assert!(!national_number_is_valid(b"850730033281"));
        assert!(!national_number_is_valid(b"85O73003328"));
    }

    #[test]
    fn iban_checks() {
        assert!(iban_is_valid("BE68539007547034"));
        assert!(iban_is_valid("NL91ABNA0417164300"));
        assert!(iban_is_valid("DE89370400440532013000"));
        assert!(iban_is_valid("FR1420041010050500013M02606"));
        assert!(iban_is_valid("LU280019400644750000"));
        assert!(!iban_is_valid("BE68539007547035"));
        assert!(!iban_is_valid("BE86539007547034"));
        assert!(!iban_is_valid("be68539007547034"));
        assert!(!iban_is_valid("BE6853900754"));
    }

    #[test]
    fn old_belgian_account_check() {
        // 539-0075470-34: 5390075470 mod 97 = 34.
        assert!(be_account_is_valid(b"539007547034"));
        assert!(!be_account_is_valid(b"539007547043"));
    }

    #[test]
    fn iban_lengths() {
        assert_eq!(iban_length(b"BE"), Some(16));
        assert_eq!(iban_length(b"NL"), Some(18));
        assert_eq!(iban_length(b"XX"), None);
    }
}
