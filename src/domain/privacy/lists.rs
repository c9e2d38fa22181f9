//! Word lists used by the detectors. Lowercase lists are matched
//! ASCII-case-insensitively; `FIRST_NAMES` is matched exactly (names are
//! capitalised in running text); it lives in `first_names.rs`.

/// Dutch month names and their usual abbreviations.
#[rustfmt::skip]
pub(super) const MONTHS: &[&str] = &[
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december", "jan", "feb", "febr", "mrt", "apr", "jun", "jul", "aug",
    "sep", "sept", "okt", "nov", "dec",
];

/// Words before a surname that address a person ("mevrouw Peeters").
/// Abbreviations may be followed by a full stop.
#[rustfmt::skip]
pub(super) const TITLES: &[&str] = &[
    "mevrouw", "mevr", "mw", "mvr", "meneer", "mijnheer", "mnr", "dhr", "mr", "dr", "dokter",
    "prof", "professor", "juffrouw", "juf", "meester", "madame", "mme", "monsieur", "zuster",
    "heer",
];

/// Family words: "het gezin Peeters", "de familie El Amrani". Only lowercase
/// (capitalised "Gezin" is usually part of "Kind en Gezin").
pub(super) const FAMILY_WORDS: &[&str] = &["gezin", "familie"];

/// Lowercase surname particles ("Van den Broeck", "De Smet", "El Amrani").
#[rustfmt::skip]
pub(super) const PARTICLES: &[&str] = &[
    "van", "de", "den", "der", "vanden", "vander", "vande", "ver", "te", "ten", "ter", "het", "'t",
    "op", "in", "d'", "le", "la", "du", "des", "di", "da", "dos", "del", "della", "el", "al",
    "ben", "bin", "ait", "aït", "abou", "ould",
];

/// Capitalised words that follow a first name or title but are not a surname:
/// time words, places, organisations and other capitalised policy words.
#[rustfmt::skip]
pub(super) const NOT_SURNAMES: &[&str] = &[
    // time
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag",
    "zaterdag", "zondag", "pasen", "kerstmis", "kerst",
    // places
    "gent", "antwerpen", "brussel", "brugge", "leuven", "mechelen", "hasselt", "genk", "kortrijk",
    "oostende", "aalst", "sint-niklaas", "roeselare", "turnhout", "lier", "vilvoorde",
    "dendermonde", "ninove", "lokeren", "geel", "mol", "ieper", "tienen", "diest", "halle",
    "beveren", "waregem", "eeklo", "deinze", "zottegem", "oudenaarde", "ronse", "wetteren",
    "vlaanderen", "oost-vlaanderen", "west-vlaanderen", "vlaams-brabant", "limburg", "wallonië",
    "belgië", "nederland", "marokko", "turkije", "polen", "roemenië", "bulgarije", "syrië",
    "afghanistan", "oekraïne", "europa",
    // organisations and institutions
    "huis", "kind", "gezin", "lijn", "stad", "gemeente", "provincie", "ziekenhuis", "school",
    "centrum", "dienst", "team", "welzijn", "zorg", "wonen", "vzw", "ocmw", "caw", "vdab",
    "fedasil", "justitie", "politie", "parket", "rechtbank", "vrederechter", "ministerie",
    "minister", "regering", "vlaamse", "vlaams", "belgische", "federale", "europese", "groeipakket",
    "mutualiteit", "ziekenfonds", "thuiszorg", "jeugdhulp", "agentschap", "opgroeien",
    // institutions named after (historical) people: "Thomas More", "Jan Palfijn"
    "middelares", "palfijn", "yperman", "more", "grote", "breydel", "vesalius", "universiteit",
    "hogeschool", "sociaal", "sociale", "huurdersbond", "woonmaatschappij",
    "wijkgezondheidscentrum", "rode", "kruis", "samenlevingsopbouw", "armoede",
];

/// Street-name endings ("Kerkstraat", "Koning Albertlaan", "Brugsesteenweg").
#[rustfmt::skip]
pub(super) const STREET_SUFFIXES: &[&str] = &[
    "straat", "laan", "steenweg", "weg", "plein", "dreef", "lei", "kaai", "kade", "markt", "hof",
    "baan", "pad", "dijk", "vest", "singel", "berg", "veld", "gracht", "wal", "dries", "park",
    "square", "hoek", "meers", "akker", "beemd", "heide", "bos", "kouter", "rei", "reep", "vliet",
    "wegel", "poort", "oever", "boulevard",
];

/// Street endings that surnames practically never have; such a word after a
/// first name is a street ("Victor Hortaplein"), not a surname.
#[rustfmt::skip]
pub(super) const STRONG_STREET_SUFFIXES: &[&str] = &[
    "straat", "laan", "steenweg", "plein", "dreef", "kaai", "markt", "baan", "singel", "gracht",
    "kade",
];

/// Street-type words written separately after a name ("Grote Markt 1").
#[rustfmt::skip]
pub(super) const STREET_TYPE_WORDS: &[&str] = &[
    "markt", "plein", "laan", "straat", "steenweg", "kaai", "dreef", "lei",
];

/// French street types that come before the name ("Rue de la Loi 16").
#[rustfmt::skip]
pub(super) const STREET_PREFIXES: &[&str] = &[
    "rue", "avenue", "chaussée", "boulevard", "place", "quai", "drève",
];

/// Capitalised nouns with a street ending that are not streets.
#[rustfmt::skip]
pub(super) const NOT_STREETS: &[&str] = &[
    "loopbaan", "onderweg", "zorgpad", "werkveld", "arbeidsmarkt", "woningmarkt", "huurmarkt",
    "snelweg", "zorgpark", "speelveld", "beleidsveld", "gerechtshof", "binnenhof",
    // municipalities with a street-like ending
    "koekelberg", "heist-op-den-berg", "kapelle-op-den-bos",
];

/// Words after a number that make it a count or amount, not a house number.
#[rustfmt::skip]
pub(super) const UNIT_WORDS: &[&str] = &[
    "euro", "eur", "procent", "jaar", "jaren", "maand", "maanden", "week", "weken", "dag", "dagen",
    "uur", "uren", "keer", "kinderen", "personen", "mensen", "gezinnen", "plaatsen", "woningen",
    "km", "kilometer", "meter", "m", "minuten", "min", "cliënten", "dossiers", "huishoudens",
    "aanvragen", "bedden", "jongeren", "nachten", "sessies", "gesprekken", "x",
];
