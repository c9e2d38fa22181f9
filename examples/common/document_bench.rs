//! What the document benchmarks share: deterministic Dutch-ish text, and
//! the process's peak memory.

const WORDS: &[&str] = &[
    "gezinnen",
    "budgetmeter",
    "energiefactuur",
    "wachtlijst",
    "huurwoning",
    "schuldhulp",
    "maatschappelijk",
    "werker",
    "kinderopvang",
    "leefloon",
    "begeleiding",
    "aanvraag",
    "wijkgezondheidscentrum",
    "ondersteuning",
    "onderwijs",
    "vervoer",
    "thuiszorg",
    "de",
    "het",
    "een",
    "van",
    "voor",
    "met",
    "zonder",
    "bij",
    "omdat",
    "maar",
    "vaak",
    "soms",
    "steeds",
    "meer",
    "weinig",
    "mensen",
    "jongeren",
    "ouderen",
    "nieuwkomers",
    "alleenstaanden",
    "worden",
    "blijven",
    "wachten",
    "betalen",
    "krijgen",
    "vinden",
    "geen",
    "toegang",
    "tot",
    "hulpverlening",
    "premie",
    "tegemoetkoming",
    "administratie",
    "digitaal",
    "loket",
    "afspraak",
    "wijk",
    "buurt",
    "stad",
    "OCMW",
    "CAW",
    "huisarts",
    "school",
    "€ 80",
    "“dringend”",
    "–",
    "→",
];

/// Deterministic Dutch-ish prose of about `chars` characters.
pub fn prose(seed: u32, chars: usize) -> String {
    let mut state = seed.wrapping_mul(2_654_435_761).wrapping_add(12_345) | 1;
    let mut text = String::new();
    let mut sentence_len = 0;
    while text.len() < chars {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let word = WORDS[state as usize % WORDS.len()];
        if sentence_len == 0 {
            let mut letters = word.chars();
            if let Some(first) = letters.next() {
                text.extend(first.to_uppercase());
                text.push_str(letters.as_str());
            }
        } else {
            text.push(' ');
            text.push_str(word);
        }
        sentence_len += 1;
        if sentence_len > 8 + (state as usize % 10) {
            text.push_str(". ");
            sentence_len = 0;
        }
    }
    text.trim_end().to_string() + "."
}

/// The process's peak resident memory so far (VmHWM), as Linux reports it.
pub fn peak_rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| status.lines().find(|line| line.starts_with("VmHWM:")).map(|line| line["VmHWM:".len()..].trim().to_string()))
        .unwrap_or_else(|| "unknown".into())
}
