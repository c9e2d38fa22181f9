//! Accounts: invitations, passwords, the audit log and outgoing mail.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{OrganisationId, PersonId, PolicyDomainId, Role, RoleDomain, TenantId};

/// How long an invitation link works.
pub const INVITATION_DAYS: i64 = 14;
/// How long a password-reset link works.
pub const RESET_HOURS: i64 = 2;
pub const MIN_PASSWORD_CHARS: usize = 10;
pub const MAX_PASSWORD_CHARS: usize = 128;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum InvitationStatus {
    Pending,
    Accepted,
    Revoked,
    Expired,
}

impl InvitationStatus {
    pub const fn label(self) -> &'static str {
        match self {
            InvitationStatus::Pending => "Wacht op antwoord",
            InvitationStatus::Accepted => "Aanvaard",
            InvitationStatus::Revoked => "Ingetrokken",
            InvitationStatus::Expired => "Verlopen",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitation {
    pub id: i64,
    pub tenant: TenantId,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub organisation: Option<OrganisationId>,
    pub policy_domains: Vec<PolicyDomainId>,
    pub created_at: DateTime<Utc>,
    pub sent_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub accepted_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl Invitation {
    pub fn status(&self, now: DateTime<Utc>) -> InvitationStatus {
        if self.accepted_at.is_some() {
            InvitationStatus::Accepted
        } else if self.revoked_at.is_some() {
            InvitationStatus::Revoked
        } else if now >= self.expires_at {
            InvitationStatus::Expired
        } else {
            InvitationStatus::Pending
        }
    }
}

/// A request from an organisation to invite one of its staff.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationRequest {
    pub id: i64,
    pub organisation_id: OrganisationId,
    pub organisation: String,
    pub requested_by: String,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub note: String,
    pub created_at: DateTime<Utc>,
}

/// One line of the audit log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub person: Option<String>,
    pub action: String,
    pub object_type: String,
    pub object_id: String,
    pub detail: String,
    pub ip: String,
}

/// What a use case writes to the audit log.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewAudit {
    pub tenant: Option<TenantId>,
    pub person: Option<PersonId>,
    pub action: &'static str,
    pub object_type: &'static str,
    pub object_id: String,
    pub detail: String,
    pub ip: String,
}

/// A mail waiting in, or sent from, the outbox.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mail {
    pub id: i64,
    pub to: String,
    pub subject: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
}

/// A person as the people page lists them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub person: PersonId,
    pub name: String,
    pub email: String,
    pub active: bool,
    pub organisation: Option<String>,
    pub roles: Vec<Role>,
    pub domains: Vec<RoleDomain>,
}

/// A plausible e-mail address, trimmed and lower-cased, or a Dutch reason.
pub fn parse_email(input: &str) -> Result<String, String> {
    let email = input.trim().to_lowercase();
    let ok = email.len() <= 254
        && !email.contains(char::is_whitespace)
        && email.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty() && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.') && !domain.contains('@')
        });
    if ok { Ok(email) } else { Err("Vul een geldig e-mailadres in, zoals naam@organisatie.be.".into()) }
}

/// Is this a good enough new password? The same check runs as you type.
pub fn check_new_password(password: &str, repeat: &str, email: &str) -> Result<(), String> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(format!("Kies een wachtwoord van minstens {MIN_PASSWORD_CHARS} tekens."));
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(format!("Een wachtwoord mag hoogstens {MAX_PASSWORD_CHARS} tekens hebben."));
    }
    if !email.is_empty() && password.to_lowercase().contains(&email.to_lowercase()) {
        return Err("Gebruik je e-mailadres niet in je wachtwoord.".into());
    }
    if password != repeat {
        return Err("De twee wachtwoorden zijn niet gelijk.".into());
    }
    Ok(())
}

/// A person's name as typed, or a Dutch reason.
pub fn parse_name(input: &str) -> Result<String, String> {
    let name = input.split_whitespace().collect::<Vec<_>>().join(" ");
    match name.chars().count() {
        0 => Err("Vul een naam in.".into()),
        1..=100 => Ok(name),
        _ => Err("Een naam mag hoogstens 100 tekens hebben.".into()),
    }
}
