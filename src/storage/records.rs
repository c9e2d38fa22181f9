//! Storage of what is kept on record: the audit log, the outbox of mails,
//! and the links in them.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{Attachment, StoreResult};
use crate::domain::*;

/// Which audit entries to show.
#[derive(Clone, Debug)]
pub struct AuditFilter {
    /// An action code, or empty for all.
    pub action: String,
    /// Part of a person's name, or empty for all.
    pub person: String,
    pub from: DateTime<Utc>,
    pub until: DateTime<Utc>,
    pub limit: i64,
}

#[async_trait]
pub trait Records {
    /// Write an audit entry; call it in the transaction of the change it records.
    async fn audit(&mut self, entry: &NewAudit, at: DateTime<Utc>) -> StoreResult<()>;
    async fn audit_log(&mut self, tenant: TenantId, filter: &AuditFilter) -> StoreResult<Vec<AuditEntry>>;
    /// Put a mail in the outbox, in the transaction of what caused it.
    async fn queue_mail(&mut self, tenant: Option<TenantId>, to: &str, subject: &str, body: &str, at: DateTime<Utc>) -> StoreResult<i64>;
    /// A mail carrying one file (a calendar invitation).
    async fn queue_mail_with_attachment(
        &mut self,
        tenant: Option<TenantId>,
        to: &str,
        subject: &str,
        body: &str,
        attachment: &Attachment,
        at: DateTime<Utc>,
    ) -> StoreResult<i64>;
    async fn mail_attachment(&mut self, mail: i64) -> StoreResult<Option<Attachment>>;
    /// The tenant's mails, newest first.
    async fn outbox(&mut self, tenant: TenantId, limit: i64) -> StoreResult<Vec<Mail>>;
    /// Take up to `limit` unsent mails for delivery, so another server
    /// instance does not send them too (a claim lapses after ten minutes).
    async fn claim_unsent_mail(&mut self, limit: i64, now: DateTime<Utc>) -> StoreResult<Vec<Mail>>;
    async fn mark_mail_sent(&mut self, id: i64, at: DateTime<Utc>) -> StoreResult<()>;
    async fn mark_mail_failed(&mut self, id: i64, error: &str) -> StoreResult<()>;
    /// Put a mail with links in the outbox: `links` are the rows whose link
    /// placeholders (`server::passwords::placeholder`) the sender may fill in.
    async fn queue_mail_with_links(
        &mut self,
        tenant: Option<TenantId>,
        to: &str,
        subject: &str,
        body: &str,
        links: &[(LinkKind, i64)],
        at: DateTime<Utc>,
    ) -> StoreResult<i64>;
    /// The links a queued mail carries.
    async fn mail_links(&mut self, mail: i64) -> StoreResult<Vec<(LinkKind, i64)>>;
    /// Give a row a new link nonce and a token hash nobody can open.
    async fn set_link_nonce(&mut self, kind: LinkKind, id: i64, nonce: &str, unknown_hash: &str) -> StoreResult<()>;
    async fn link_nonce(&mut self, kind: LinkKind, id: i64) -> StoreResult<Option<String>>;
    /// Make the row open with the token of this hash, if its nonce is still `nonce`.
    async fn fix_link(&mut self, kind: LinkKind, id: i64, nonce: &str, hash: &str) -> StoreResult<bool>;
    /// Blank the client addresses of audit entries older than `before`; how many.
    async fn blank_audit_addresses(&mut self, before: DateTime<Utc>) -> StoreResult<u64>;
}

/// The rows a link in a mail opens, and so the kinds of link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    /// `invitations`: accept an invitation.
    Invitation,
    /// `password_resets`: choose a new password.
    PasswordReset,
    /// `citizen_reports`: confirm a citizen's report.
    CitizenConfirm,
    /// `citizen_reports`: follow a citizen's report.
    CitizenFollow,
    /// `publication_approvals`: a partner approves its part of a signalenbundel.
    Approval,
}

impl LinkKind {
    pub const ALL: [LinkKind; 5] =
        [LinkKind::Invitation, LinkKind::PasswordReset, LinkKind::CitizenConfirm, LinkKind::CitizenFollow, LinkKind::Approval];

    pub fn code(self) -> &'static str {
        match self {
            LinkKind::Invitation => "invitation",
            LinkKind::PasswordReset => "reset",
            LinkKind::CitizenConfirm => "confirm",
            LinkKind::CitizenFollow => "follow",
            LinkKind::Approval => "approval",
        }
    }

    pub fn from_code(code: &str) -> Option<LinkKind> {
        LinkKind::ALL.into_iter().find(|k| k.code() == code)
    }
}
