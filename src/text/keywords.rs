//! The keyword fallback of the policy-domain suggestion: for each default
//! policy domain, the beginnings of Dutch stems that point to it. Used while
//! a tenant has too few screened signals to learn from.

pub const KEYWORDS: &[(&str, &[&str])] = &[
    ("welzijn", &["welzijn", "eenzaam", "isolement", "ocmw", "caw", "maatschappelijk", "hulpverlen"]),
    ("werk", &["werk", "job", "vdab", "sollicit", "arbeid", "loopbaan", "werkloos", "interim", "ontslag"]),
    ("inkomen-schuldhulp", &["schuld", "leeflon", "leefloon", "budget", "inkomen", "afbetal", "incasso", "energiefactur", "energieschuld", "factur", "deurwaarder", "uitkering", "krediet"]),
    ("onderwijs", &["school", "leerling", "onderwijs", "leerkracht", "klas", "schoolkost", "spijbel", "studie", "student"]),
    ("kinderopvang", &["kinderopvang", "crèche", "creche", "opvang", "onthaalouder", "peuter", "baby"]),
    ("handicap", &["handicap", "beperking", "rolstoel", "vaph", "autism", "doof", "blind", "toegankelijk"]),
    ("wonen", &["woning", "huur", "verhuur", "wonen", "won", "woonst", "schimmel", "kot", "appartement", "huisvest"]),
    ("gezondheid", &["gezond", "psycholog", "psychiat", "ggz", "huisarts", "zorg", "tandarts", "ziekenhuis", "medicat", "mutualiteit", "ziek", "dementie", "verslav"]),
    ("ouderen", &["ouder", "senior", "bejaard", "woonzorg", "rusthuis", "thuiszorg", "pension", "dementie"]),
    ("cultuurparticipatie", &["cultuur", "museum", "theater", "bibliothek", "uitpas", "concert", "vrijetijd"]),
    ("jeugd", &["jongere", "jeugd", "tiener", "jongvolwassen", "jeugdwerk", "jeugdhulp", "adolescent"]),
    ("sport", &["sport", "zwem", "voetbal", "beweg", "sportclub", "fitness"]),
    ("sociale-cohesie", &["buurt", "wijk", "buren", "samenlev", "ontmoet", "overlast", "cohesie", "vereniging"]),
    ("diversiteit-gelijke-kansen", &["discrimin", "racism", "divers", "holebi", "gender", "vooroordel", "taalbarrièr"]),
    ("migratie", &["nieuwkom", "asiel", "vluchteling", "migrant", "verblijfsvergun", "inburger", "ongedocumenteerd", "integratie"]),
    ("dak-thuisloosheid", &["dakloos", "thuislo", "nachtopvang", "straat", "uithuiszet", "daklozen"]),
    ("armoedebestrijding", &["armoed", "voedselbank", "kansarm", "maaltijd", "honger"]),
    ("preventieve-gezinsondersteuning", &["gezin", "ouderschap", "opvoed", "zwanger", "consultatiebureau", "prenataal"]),
];
