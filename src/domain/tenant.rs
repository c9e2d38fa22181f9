//! Tenants and what they are made of.

use serde::{Deserialize, Serialize};

use super::{OrganisationId, PolicyDomainId, TenantId};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tenant {
    pub id: TenantId,
    pub slug: String,
    pub name: String,
    pub kind: String,
    pub citizen_intake: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyDomain {
    pub id: PolicyDomainId,
    pub code: String,
    pub name: String,
    /// Its own consultation body (overlegorgaan), as the coordinator names it.
    #[serde(default)]
    pub body: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewOrganisation {
    pub name: String,
    pub kind: String,
    /// May process its own staff's signals in this tenant.
    pub processes_own_signals: bool,
    /// Rarely: processes signals for the whole territory.
    pub territory_mandate: bool,
    /// Where it is asked to approve its part of a signalenbundel.
    #[serde(default)]
    pub contact_email: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    pub id: OrganisationId,
    pub name: String,
    pub kind: String,
    pub processes_own_signals: bool,
    pub territory_mandate: bool,
    #[serde(default)]
    pub contact_email: String,
}

/// The kinds of tenant: a municipality, a primary-care zone, a supra-local body.
pub const TENANT_KINDS: &[(&str, &str)] =
    &[("gemeente", "Stad of gemeente"), ("eerstelijnszone", "Eerstelijnszone"), ("bovenlokaal", "Bovenlokaal samenwerkingsverband")];

/// Kinds of organisation, with their Dutch labels.
pub const ORGANISATION_KINDS: &[(&str, &str)] = &[
    ("stad", "Stad of gemeente"),
    ("ocmw", "OCMW of sociaal huis"),
    ("caw", "CAW of welzijnsorganisatie"),
    ("jeugdwerk", "Jeugdwerk"),
    ("huis-van-het-kind", "Huis van het Kind"),
    ("wgc", "Wijkgezondheidscentrum"),
    ("vzw", "Vereniging of vzw"),
    ("onderwijs", "Onderwijs"),
    ("zorg", "Zorg"),
];

/// Words a tenant slug may not be: they are addresses of their own.
const RESERVED_SLUGS: &[&str] =
    &["api", "pkg", "aanmelden", "afmelden", "uitnodiging", "wachtwoord-vergeten", "health", "beheer", "platform"];

/// A tenant slug: lower-case letters, digits and single dashes, as in `elz-amalo`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Slug(String);

impl Slug {
    pub fn parse(input: &str) -> Result<Slug, String> {
        let s = input.trim();
        let ok = !RESERVED_SLUGS.contains(&s)
            && (2..=40).contains(&s.len())
            && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !s.contains("--");
        if ok {
            Ok(Slug(s.to_string()))
        } else {
            Err(format!("‘{s}’ is geen geldige korte naam: gebruik 2 tot 40 kleine letters, cijfers of streepjes, zoals ‘elz-amalo’."))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}
