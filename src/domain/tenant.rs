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
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewOrganisation {
    pub name: String,
    pub kind: String,
    pub processes_own_signals: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    pub id: OrganisationId,
    pub name: String,
    pub kind: String,
    pub processes_own_signals: bool,
}

/// A tenant slug: lower-case letters, digits and single dashes, as in `elz-amalo`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Slug(String);

impl Slug {
    pub fn parse(input: &str) -> Result<Slug, String> {
        let s = input.trim();
        let ok = (2..=40).contains(&s.len())
            && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !s.contains("--");
        if ok {
            Ok(Slug(s.to_string()))
        } else {
            Err(format!(
                "‘{s}’ is geen geldige korte naam: gebruik 2 tot 40 kleine letters, cijfers of streepjes, zoals ‘elz-amalo’."
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}
