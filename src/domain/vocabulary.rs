//! Fixed vocabularies from the domain README: codes are stable, labels are Dutch.

use serde::{Deserialize, Serialize};

/// A code with its Dutch label.
pub type Term = (&'static str, &'static str);

/// Default policy domains of a new tenant (seed 004); a tenant may edit its own list.
pub const DEFAULT_POLICY_DOMAINS: &[Term] = &[
    ("welzijn", "Welzijn"),
    ("werk", "Werk"),
    ("inkomen-schuldhulp", "Inkomen en schuldhulp"),
    ("onderwijs", "Onderwijs"),
    ("kinderopvang", "Kinderopvang"),
    ("handicap", "Handicap"),
    ("wonen", "Wonen"),
    ("gezondheid", "Gezondheid"),
    ("ouderen", "Ouderen"),
    ("cultuurparticipatie", "Cultuurparticipatie"),
    ("jeugd", "Jeugd"),
    ("sport", "Sport"),
    ("sociale-cohesie", "Sociale cohesie"),
    ("diversiteit-gelijke-kansen", "Diversiteit en gelijke kansen"),
    ("migratie", "Migratie"),
    ("dak-thuisloosheid", "Dak- en thuisloosheid"),
    ("armoedebestrijding", "Armoedebestrijding"),
    ("preventieve-gezinsondersteuning", "Preventieve gezinsondersteuning"),
];

/// Levensdomeinen (seeds 001 and 002).
pub const LIFE_DOMAINS: &[Term] = &[
    ("wonen", "Wonen"),
    ("werken", "Werken"),
    ("leren", "Leren"),
    ("zorg-gezondheid", "Zorg en gezondheid"),
    ("vrije-tijd", "Vrije tijd"),
    ("leefbaarheid", "Leefbaarheid"),
    ("financiele-situatie", "Financiële situatie"),
    ("sociale-contacten", "Sociale contacten"),
];

/// Doelgroepen (seed 002).
pub const TARGET_GROUPS: &[Term] = &[
    ("armoede", "Mensen in armoede"),
    ("verslaving", "Mensen met een verslaving"),
    ("psychisch-kwetsbaar", "Psychisch kwetsbare mensen"),
    ("dak-thuisloos", "Dak- en thuislozen"),
    ("mobiliteit", "Mensen met beperkte mobiliteit"),
    ("werkzoekenden", "Werkzoekenden"),
    ("zelfhulpgroepen", "Zelfhulpgroepen"),
    ("ouderen", "Ouderen"),
    ("patientengroepen", "Patiëntengroepen"),
    ("personen-met-handicap", "Personen met een handicap"),
    ("palliatieve-zorg", "Palliatieve zorg"),
    ("kinderen-jongeren", "Kinderen en jongeren"),
    ("zwangere-vrouwen", "Zwangere vrouwen"),
    ("mantelzorgers", "Mantelzorgers"),
    ("vrijwilligers", "Vrijwilligers"),
    ("buurtbewoners", "Buurtbewoners"),
    ("nieuwkomers", "Nieuwkomers"),
];

/// The Dutch label of a code in a vocabulary, or the code itself when unknown.
pub fn label_of(terms: &[Term], code: &str) -> String {
    terms.iter().find(|(c, _)| *c == code).map(|(_, l)| (*l).to_string()).unwrap_or_else(|| code.to_string())
}

/// Why a screened signal was not retained (domain README, product rules).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NotRetainedReason {
    Klacht,
    Persoonsgebonden,
    Organisatiegebonden,
    GeenStructureleComponent,
    OnvoldoendeInformatie,
    Dubbel,
}

impl NotRetainedReason {
    pub const ALL: [NotRetainedReason; 6] = [
        NotRetainedReason::Klacht,
        NotRetainedReason::Persoonsgebonden,
        NotRetainedReason::Organisatiegebonden,
        NotRetainedReason::GeenStructureleComponent,
        NotRetainedReason::OnvoldoendeInformatie,
        NotRetainedReason::Dubbel,
    ];

    pub const fn code(self) -> &'static str {
        match self {
            NotRetainedReason::Klacht => "klacht",
            NotRetainedReason::Persoonsgebonden => "persoonsgebonden",
            NotRetainedReason::Organisatiegebonden => "organisatiegebonden",
            NotRetainedReason::GeenStructureleComponent => "geen-structurele-component",
            NotRetainedReason::OnvoldoendeInformatie => "onvoldoende-informatie",
            NotRetainedReason::Dubbel => "dubbel",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }

    pub const fn label(self) -> &'static str {
        match self {
            NotRetainedReason::Klacht => "Klacht (hoort bij de dienst zelf)",
            NotRetainedReason::Persoonsgebonden => "Persoonsgebonden",
            NotRetainedReason::Organisatiegebonden => "Organisatiegebonden",
            NotRetainedReason::GeenStructureleComponent => "Geen structurele component",
            NotRetainedReason::OnvoldoendeInformatie => "Onvoldoende informatie",
            NotRetainedReason::Dubbel => "Dubbel signaal",
        }
    }
}

/// How a closed signal ended (domain README, product rules).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Opgelost,
    Beleidsbeslissing,
    DoorgegevenBovenlokaal,
    GeenActieMogelijk,
}

impl Outcome {
    pub const ALL: [Outcome; 4] =
        [Outcome::Opgelost, Outcome::Beleidsbeslissing, Outcome::DoorgegevenBovenlokaal, Outcome::GeenActieMogelijk];

    pub const fn code(self) -> &'static str {
        match self {
            Outcome::Opgelost => "opgelost",
            Outcome::Beleidsbeslissing => "beleidsbeslissing",
            Outcome::DoorgegevenBovenlokaal => "doorgegeven-bovenlokaal",
            Outcome::GeenActieMogelijk => "geen-actie-mogelijk",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.code() == code)
    }

    pub const fn label(self) -> &'static str {
        match self {
            Outcome::Opgelost => "Opgelost",
            Outcome::Beleidsbeslissing => "Beleidsbeslissing",
            Outcome::DoorgegevenBovenlokaal => "Doorgegeven aan Vlaams of federaal niveau",
            Outcome::GeenActieMogelijk => "Geen actie mogelijk",
        }
    }
}
