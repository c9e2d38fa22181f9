//! Storage: one interface, a SQLite and a PostgreSQL implementation.
//!
//! A use case opens one transaction (`Store::write`), calls the repository
//! methods it needs and commits, so every write is all or nothing. The SQL is
//! written once (`sql/`) and compiled for each backend; the backend is chosen
//! from the database URL at start.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::domain::live::{BoardChange, ChangedSignal};
use crate::domain::*;

mod bottlenecks;
mod campaigns;
mod feed;
mod forum;
mod listener;
mod postgres;
mod publications;
mod reports;
mod sessions;
mod sqlite;
mod workbench;

pub use bottlenecks::Bottlenecks;
pub use campaigns::{Campaigns, OverdueLine};
pub use feed::{ChangeFeed, FeedItem};
pub use forum::{Agendas, InviteeContact, Meetings, ScopedCandidate};
pub use listener::LISTENER_NAME;
pub use publications::{ApprovalRow, PublicItem, PublicKind, Publication, PublicationDraft, Publications};
pub use reports::{ExportRow, Reports, Seen};
pub use sessions::SessionBackend;
pub use workbench::{Teammate, Workbench};

/// A file a mail carries: its name, MIME type and text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attachment {
    pub name: String,
    pub content_type: String,
    pub body: String,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("unexpected value in column {column}: {value}")]
    Corrupt { column: &'static str, value: String },
    #[error("unsupported database URL (use sqlite://… or postgres://…): {0}")]
    UnsupportedUrl(String),
}

pub type StoreResult<T> = Result<T, StoreError>;

/// Begin a transaction in a task of its own. sqlx's `begin` is not
/// cancel-safe: a request dropped after `BEGIN` reached the connection but
/// before the transaction's guard existed (a browser closed mid-submit, the
/// end of a load run) left that pooled connection inside a transaction
/// nobody would end. On SQLite's one writer, every later write then failed.
/// A spawned begin runs to its end; when nobody waits for it any more, its
/// transaction is dropped, and so rolled back.
pub(crate) async fn begin_detached<T: Send + 'static>(
    begin: impl Future<Output = Result<T, sqlx::Error>> + Send + 'static,
) -> StoreResult<T> {
    match tokio::spawn(begin).await {
        Ok(begun) => Ok(begun?),
        Err(failed) if failed.is_panic() => std::panic::resume_unwind(failed.into_panic()),
        Err(_) => Err(StoreError::Database(sqlx::Error::PoolClosed)),
    }
}

impl StoreError {
    /// A unique constraint refused the write (e.g. a second open invitation).
    pub fn is_unique_violation(&self) -> bool {
        matches!(self, StoreError::Database(e) if e.as_database_error().is_some_and(|d| d.is_unique_violation()))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The database behind Seinhuis.
#[async_trait]
pub trait Store: Send + Sync + 'static {
    fn backend(&self) -> Backend;
    /// A transaction for reading.
    async fn read(&self) -> StoreResult<Box<dyn Tx>>;
    /// A connection for a read of one statement, outside a transaction: one
    /// statement sees one state of the database anyway, and a transaction
    /// would cost two more round trips (`BEGIN`, `ROLLBACK`) on every page.
    /// Never for writes, nor for reads of several statements that must agree.
    async fn read_one(&self) -> StoreResult<Box<dyn Tx>>;
    /// A transaction for a use case that writes. On SQLite writers take turns.
    async fn write(&self) -> StoreResult<Box<dyn Tx>>;
    /// Is the database reachable?
    async fn ping(&self) -> StoreResult<()>;
    /// Keep the query planner's statistics current (SQLite's `PRAGMA
    /// optimize`; PostgreSQL's autovacuum does this itself). Run at start
    /// and hourly.
    async fn optimize(&self) -> StoreResult<()>;
    /// Where log-in sessions are kept (the same database).
    fn sessions(&self) -> SessionBackend;
    /// The numbered changes of the tenants' boards, as they commit (from any
    /// server instance, on PostgreSQL).
    fn feed(&self) -> &ChangeFeed;
}

/// One open transaction. Dropping it without `commit` rolls it back.
#[async_trait]
pub trait Tx:
    Tenants
    + People
    + Signals
    + Bundles
    + Accounts
    + Records
    + Intake
    + Follow
    + RateLimits
    + Changes
    + BoardLimitsStore
    + Workbench
    + Meetings
    + Agendas
    + Bottlenecks
    + Campaigns
    + Reports
    + Publications
    + Send
{
    async fn commit(self: Box<Self>) -> StoreResult<()>;
}

#[async_trait]
pub trait Tenants {
    async fn tenants(&mut self) -> StoreResult<Vec<Tenant>>;
    async fn tenant_by_slug(&mut self, slug: &str) -> StoreResult<Option<Tenant>>;
    async fn insert_tenant(&mut self, slug: &Slug, name: &str, kind: &str, at: DateTime<Utc>) -> StoreResult<TenantId>;
    async fn policy_domains(&mut self, tenant: TenantId) -> StoreResult<Vec<PolicyDomain>>;
    async fn insert_policy_domain(&mut self, tenant: TenantId, code: &str, name: &str) -> StoreResult<PolicyDomainId>;
    async fn organisations(&mut self, tenant: TenantId) -> StoreResult<Vec<Organisation>>;
    async fn insert_organisation(&mut self, tenant: TenantId, org: &NewOrganisation) -> StoreResult<OrganisationId>;
    async fn update_organisation(&mut self, tenant: TenantId, id: OrganisationId, org: &NewOrganisation) -> StoreResult<bool>;
    async fn update_tenant(&mut self, tenant: TenantId, name: &str, citizen_intake: bool) -> StoreResult<()>;
    /// Writers that check a rule over the tenant's people (at least one
    /// hoofdsignaalverwerker) take turns per tenant until they commit.
    async fn lock_tenant(&mut self, tenant: TenantId) -> StoreResult<()>;
}

/// Column limits, the screening deadline, and the reminders it caused.
#[async_trait]
pub trait BoardLimitsStore {
    async fn board_limits(&mut self, tenant: TenantId) -> StoreResult<crate::domain::limits::BoardLimits>;
    async fn set_board_limits(&mut self, tenant: TenantId, limits: &crate::domain::limits::BoardLimits) -> StoreResult<()>;
    /// Tenants with a screening deadline, and their limits.
    async fn tenants_with_screening_deadline(&mut self) -> StoreResult<Vec<(Tenant, crate::domain::limits::BoardLimits)>>;
    /// Claim the reminder of every signal of the tenant still Ingediend and
    /// submitted before `cutoff` whose reminder was not claimed yet: the
    /// signals this transaction reminds of (a concurrent claim of the same
    /// signal waits for this one and then claims nothing).
    async fn claim_screening_reminders(&mut self, tenant: TenantId, cutoff: DateTime<Utc>, at: DateTime<Utc>)
    -> StoreResult<Vec<SignalId>>;
}

/// A person as the log-in needs them.
#[derive(Clone, Debug)]
pub struct Credentials {
    pub person: Person,
    pub password_hash: Option<String>,
}

#[async_trait]
pub trait People {
    async fn insert_person(
        &mut self,
        email: &str,
        name: &str,
        password_hash: Option<&str>,
        platform_admin: bool,
        at: DateTime<Utc>,
    ) -> StoreResult<PersonId>;
    async fn person(&mut self, id: PersonId) -> StoreResult<Option<Person>>;
    async fn credentials(&mut self, email: &str) -> StoreResult<Option<Credentials>>;
    async fn insert_membership(
        &mut self,
        tenant: TenantId,
        person: PersonId,
        organisation: Option<OrganisationId>,
        roles: &[Role],
        domains: &[RoleDomain],
    ) -> StoreResult<MembershipId>;
    async fn memberships(&mut self, person: PersonId) -> StoreResult<Vec<Membership>>;
    /// Who is calling, in one query: the person, when their sessions were
    /// last ended, and their active memberships with roles, domains and
    /// tenants. What every request needs before anything else.
    async fn caller(&mut self, person: PersonId) -> StoreResult<Option<CallerRecord>>;
}

/// A caller as one query finds them (see `People::caller`).
#[derive(Clone, Debug)]
pub struct CallerRecord {
    pub person: Person,
    pub sessions_valid_after: Option<DateTime<Utc>>,
    /// Each with its tenant.
    pub memberships: Vec<(Membership, Tenant)>,
}

#[async_trait]
pub trait Signals {
    async fn insert_signal(&mut self, tenant: TenantId, signal: &NewSignal, at: DateTime<Utc>) -> StoreResult<SignalId>;
    /// Every signal of the tenant, oldest first.
    async fn signal_summaries(&mut self, tenant: TenantId) -> StoreResult<Vec<SignalSummary>>;
    /// The tenant's signals in these phases, oldest first: a page that needs
    /// a few phases does not read the whole tenant (an intake flood included).
    async fn signal_summaries_in(&mut self, tenant: TenantId, phases: &[Phase]) -> StoreResult<Vec<SignalSummary>>;
    /// The board's columns: per (phase, limit) the oldest `limit` signals in
    /// that phase the board selects, column after column in the order given.
    async fn board_columns(
        &mut self,
        tenant: TenantId,
        selection: &BoardSelection,
        columns: &[(Phase, i64)],
    ) -> StoreResult<Vec<SignalSummary>>;
    /// How many signals the board selects, per phase (phases without any left out).
    async fn board_counts(&mut self, tenant: TenantId, selection: &BoardSelection) -> StoreResult<Vec<(Phase, i64)>>;
    /// Which of these signals the board selects.
    async fn board_matching(&mut self, tenant: TenantId, selection: &BoardSelection, ids: &[SignalId]) -> StoreResult<Vec<SignalId>>;
    /// Replace the search stems of a signal.
    async fn set_stems(&mut self, tenant: TenantId, signal: SignalId, stems: &[String]) -> StoreResult<()>;
    /// The search stems of a signal that has none yet (a new one).
    async fn add_stems(&mut self, tenant: TenantId, signal: SignalId, stems: &[String]) -> StoreResult<()>;
    /// Up to `limit` signals (of any tenant) without search stems yet, with their title and description.
    async fn unstemmed_signals(&mut self, limit: i64) -> StoreResult<Vec<(TenantId, SignalId, String, String)>>;
    async fn signal_summary(&mut self, tenant: TenantId, id: SignalId) -> StoreResult<Option<SignalSummary>>;
    /// What the board's cards tell beside the signal, for these signals.
    async fn card_facts(&mut self, tenant: TenantId, ids: &[SignalId]) -> StoreResult<Vec<(SignalId, crate::domain::board::CardFacts)>>;
    async fn signal_details(&mut self, tenant: TenantId, id: SignalId) -> StoreResult<Option<SignalDetails>>;
    async fn bundle_signals(&mut self, tenant: TenantId, bundle: BundleId) -> StoreResult<Vec<SignalSummary>>;
    /// Sets phase and bundle if the signal is still at `expected_version`;
    /// false when someone else changed it first.
    async fn update_phase(
        &mut self,
        tenant: TenantId,
        id: SignalId,
        expected_version: i64,
        phase: Phase,
        bundle: Option<BundleId>,
        at: DateTime<Utc>,
    ) -> StoreResult<bool>;
    async fn insert_event(
        &mut self,
        tenant: TenantId,
        signal: SignalId,
        actor: Option<PersonId>,
        at: DateTime<Utc>,
        event: &EventDraft,
    ) -> StoreResult<EventId>;
    /// The history of a signal, oldest first.
    async fn history(&mut self, tenant: TenantId, signal: SignalId) -> StoreResult<Vec<HistoryEntry>>;
    async fn bundle(&mut self, tenant: TenantId, id: BundleId) -> StoreResult<Option<BundleRef>>;
    async fn count_signals(&mut self, tenant: TenantId) -> StoreResult<i64>;
    /// Replace `passage` by `domain::redaction::REDACTED` in every text of the
    /// signal: its fields, its events' messages and notes, its sightings, the
    /// citizen's report behind it, and the tenant's mails. How many rows changed.
    async fn redact(&mut self, tenant: TenantId, signal: SignalId, passage: &str, at: DateTime<Utc>) -> StoreResult<u64>;
}

/// Which signals a board shows: those its person processes, narrowed by the
/// board's filters (`domain::board_filter::BoardFilter`, resolved on the
/// server: the policy domain's id, the search text's stems, the age's date).
#[derive(Clone, Debug, Default)]
pub struct BoardSelection {
    pub processed: crate::domain::board::ProcessedBy,
    pub policy_domain: Option<PolicyDomainId>,
    pub life_domain: Option<String>,
    pub target_group: Option<String>,
    pub sector: Option<String>,
    pub source: Option<Source>,
    pub created_before: Option<DateTime<Utc>>,
    /// Every stem must occur in the signal's title or description.
    pub stems: Vec<String>,
    /// Only the signals assigned to this person ("mijn kaarten").
    pub assignee: Option<PersonId>,
}

impl BoardSelection {
    pub fn processed_by(processed: crate::domain::board::ProcessedBy) -> Self {
        BoardSelection { processed, ..BoardSelection::default() }
    }
}

/// A change to a bundle's row; `None` leaves a column as it is.
#[derive(Clone, Debug, Default)]
pub struct BundleUpdate<'a> {
    pub text: Option<&'a crate::domain::bundle::BundleText>,
    pub phase: Option<Phase>,
    pub merged_into: Option<BundleId>,
}

#[async_trait]
pub trait Bundles {
    /// Every bundle of the tenant, most recently changed first.
    async fn bundles(&mut self, tenant: TenantId) -> StoreResult<Vec<bundle::BundleSummary>>;
    async fn bundle_details(&mut self, tenant: TenantId, id: BundleId) -> StoreResult<Option<bundle::BundleDetails>>;
    /// Hold the bundle's row until this transaction ends (PostgreSQL; SQLite's
    /// writers take turns anyway), so a change reads its signals as they are
    /// after any change already under way.
    async fn lock_bundle(&mut self, tenant: TenantId, id: BundleId) -> StoreResult<()>;
    async fn create_bundle(&mut self, tenant: TenantId, text: &bundle::BundleText, at: DateTime<Utc>) -> StoreResult<BundleId>;
    /// Applies `update` and bumps the version if the bundle is still at
    /// `expected_version` (checked in the SQL); false when someone changed it first.
    async fn update_bundle(
        &mut self,
        tenant: TenantId,
        id: BundleId,
        expected_version: i64,
        update: BundleUpdate<'_>,
        at: DateTime<Utc>,
    ) -> StoreResult<bool>;
    async fn insert_bundle_event(
        &mut self,
        tenant: TenantId,
        bundle: BundleId,
        actor: Option<PersonId>,
        at: DateTime<Utc>,
        event: &bundle::BundleEventDraft,
    ) -> StoreResult<()>;
    /// The history of a bundle, oldest first.
    async fn bundle_history(&mut self, tenant: TenantId, id: BundleId) -> StoreResult<Vec<bundle::BundleHistoryEntry>>;
}

#[async_trait]
pub trait Accounts {
    /// Everyone with a membership in the tenant.
    async fn members(&mut self, tenant: TenantId) -> StoreResult<Vec<Member>>;
    /// Replace a member's roles and policy domains; false if not a member.
    async fn set_roles(&mut self, tenant: TenantId, person: PersonId, roles: &[Role], domains: &[RoleDomain]) -> StoreResult<bool>;
    /// (De)activate a person's membership in one tenant; false if not a member.
    async fn set_member_active(&mut self, tenant: TenantId, person: PersonId, active: bool) -> StoreResult<bool>;
    /// (De)activate an account everywhere: an inactive person's sessions end.
    async fn set_person_active(&mut self, person: PersonId, active: bool, at: DateTime<Utc>) -> StoreResult<()>;
    async fn set_password(&mut self, person: PersonId, hash: &str) -> StoreResult<()>;
    async fn set_platform_admin(&mut self, person: PersonId) -> StoreResult<()>;
    async fn insert_invitation(&mut self, invitation: &Invitation, token_hash: &str, invited_by: Option<PersonId>) -> StoreResult<i64>;
    async fn invitations(&mut self, tenant: TenantId) -> StoreResult<Vec<Invitation>>;
    async fn invitation(&mut self, tenant: TenantId, id: i64) -> StoreResult<Option<Invitation>>;
    async fn invitation_by_token(&mut self, token_hash: &str) -> StoreResult<Option<Invitation>>;
    /// A new link and a new expiry for a pending invitation.
    async fn renew_invitation(
        &mut self,
        tenant: TenantId,
        id: i64,
        token_hash: &str,
        sent_at: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> StoreResult<bool>;
    async fn revoke_invitation(&mut self, tenant: TenantId, id: i64, at: DateTime<Utc>) -> StoreResult<bool>;
    /// Close this address's expired, never used invitations, so a new one may be sent.
    async fn close_expired_invitations(&mut self, tenant: TenantId, email: &str, now: DateTime<Utc>) -> StoreResult<()>;
    /// Mark a live invitation used; false if it was used, revoked or expired.
    async fn accept_invitation(&mut self, id: i64, at: DateTime<Utc>) -> StoreResult<bool>;
    #[allow(clippy::too_many_arguments)]
    async fn insert_invitation_request(
        &mut self,
        tenant: TenantId,
        organisation: OrganisationId,
        by: PersonId,
        email: &str,
        name: &str,
        role: Role,
        note: &str,
        at: DateTime<Utc>,
    ) -> StoreResult<i64>;
    /// Requests not yet handled.
    async fn invitation_requests(&mut self, tenant: TenantId) -> StoreResult<Vec<InvitationRequest>>;
    async fn handle_invitation_request(&mut self, tenant: TenantId, id: i64, at: DateTime<Utc>) -> StoreResult<bool>;
    async fn insert_password_reset(
        &mut self,
        person: PersonId,
        token_hash: &str,
        at: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> StoreResult<i64>;
    /// Use a live reset link once; the person it belongs to.
    async fn use_password_reset(&mut self, token_hash: &str, at: DateTime<Utc>) -> StoreResult<Option<PersonId>>;
    /// Take a turn to try a password for this address, counted as failed until
    /// `clear_login_failures`: the count with this attempt, or None while the
    /// address must wait. One statement, so concurrent attempts cannot share a turn.
    async fn claim_login_attempt(&mut self, email: &str, now: DateTime<Utc>) -> StoreResult<Option<i64>>;
    /// The next attempt for this address waits until then (None: need not wait).
    async fn lock_login(&mut self, email: &str, until: Option<DateTime<Utc>>) -> StoreResult<()>;
    async fn clear_login_failures(&mut self, email: &str) -> StoreResult<()>;
    /// Reset links made for this person since then (for the daily limit).
    async fn password_resets_since(&mut self, person: PersonId, since: DateTime<Utc>) -> StoreResult<i64>;
    /// Invitation requests by this organisation since then (for the daily limit).
    async fn invitation_requests_since(&mut self, tenant: TenantId, organisation: OrganisationId, since: DateTime<Utc>)
    -> StoreResult<i64>;
    /// End every session of this person that started at or before `at`.
    async fn end_sessions(&mut self, person: PersonId, at: DateTime<Utc>) -> StoreResult<()>;
    /// Sessions that started at or before this moment have ended.
    async fn sessions_valid_after(&mut self, person: PersonId) -> StoreResult<Option<DateTime<Utc>>>;
}

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

#[async_trait]
pub trait Intake {
    /// Titles and descriptions of signals with an id above `after`, for the similarity index.
    async fn signal_texts_after(&mut self, tenant: TenantId, after: i64, limit: i64) -> StoreResult<Vec<(SignalId, String, String)>>;
    /// Cards for these signals, in the given order.
    async fn similar_cards(&mut self, tenant: TenantId, ids: &[SignalId]) -> StoreResult<Vec<SimilarSignal>>;
    async fn insert_sighting(
        &mut self,
        tenant: TenantId,
        signal: SignalId,
        organisation: Option<OrganisationId>,
        person: Option<PersonId>,
        note: &str,
        at: DateTime<Utc>,
    ) -> StoreResult<i64>;
    async fn sightings(&mut self, tenant: TenantId, signal: SignalId) -> StoreResult<Vec<Sighting>>;
    async fn districts(&mut self, tenant: TenantId) -> StoreResult<Vec<String>>;
    async fn set_districts(&mut self, tenant: TenantId, districts: &[String]) -> StoreResult<()>;
    /// (text, policy-domain code) of the tenant's screened signals.
    async fn training_examples(&mut self, tenant: TenantId) -> StoreResult<Vec<(String, String)>>;
    async fn count_training_examples(&mut self, tenant: TenantId) -> StoreResult<i64>;
}

/// Following up one's own signals, and citizens' reports.
#[async_trait]
pub trait Follow {
    /// The signals this person reported in this tenant, oldest first.
    async fn reported_by(&mut self, tenant: TenantId, person: PersonId) -> StoreResult<Vec<SignalSummary>>;
    /// Where to tell the reporter about a change: e-mail and whether they want it.
    async fn reporter_contact(&mut self, tenant: TenantId, signal: SignalId) -> StoreResult<Option<(String, bool)>>;
    async fn notify_phase_changes(&mut self, person: PersonId) -> StoreResult<bool>;
    async fn set_notify_phase_changes(&mut self, person: PersonId, on: bool) -> StoreResult<()>;
    /// A citizen's report, waiting for its e-mail confirmation.
    async fn insert_citizen_report(
        &mut self,
        tenant: TenantId,
        report: &CitizenReport,
        confirm_hash: &str,
        follow_hash: &str,
        at: DateTime<Utc>,
    ) -> StoreResult<i64>;
    /// Mark a report confirmed and return it, once: None if unknown, confirmed
    /// before, or made before `made_after` (its link expired).
    async fn confirm_citizen_report(
        &mut self,
        confirm_hash: &str,
        made_after: DateTime<Utc>,
        at: DateTime<Utc>,
    ) -> StoreResult<Option<(TenantId, i64, CitizenReport)>>;
    /// Delete reports never confirmed and made before `before`, with their
    /// e-mail address and their mails; how many reports.
    async fn delete_unconfirmed_citizen_reports(&mut self, before: DateTime<Utc>) -> StoreResult<u64>;
    async fn link_citizen_report(&mut self, report: i64, signal: SignalId) -> StoreResult<()>;
    /// The signal a citizen follows with their private link.
    async fn citizen_signal(&mut self, follow_hash: &str) -> StoreResult<Option<(TenantId, Option<SignalId>)>>;
}

/// Rate limits shared by every server instance on the database: per door and
/// key, the theoretical arrival time of the next attempt (GCRA, as a leaky
/// bucket). Keys arrive hashed: no address is stored.
#[async_trait]
pub trait RateLimits {
    /// Let one attempt of `key` at `door` through, at `now_ms` (Unix
    /// milliseconds), if that keeps the key's arrival time at most
    /// `tolerance_ms` ahead of now; each attempt moves it `interval_ms` on.
    /// A refused attempt changes nothing. One atomic statement: concurrent
    /// attempts each take their own turn.
    async fn take_attempt(&mut self, door: &str, key: &str, now_ms: i64, interval_ms: i64, tolerance_ms: i64) -> StoreResult<bool>;
    /// Forget keys whose arrival time has passed (their bucket is empty again); how many.
    async fn forget_attempts(&mut self, now_ms: i64) -> StoreResult<u64>;
}

/// The live boards' numbered changes (written by every transaction's commit).
#[async_trait]
pub trait Changes {
    /// The tenant's latest change number (0 before any change).
    async fn change_seq(&mut self, tenant: TenantId) -> StoreResult<i64>;
    async fn change(&mut self, tenant: TenantId, seq: i64) -> StoreResult<Option<crate::domain::live::BoardChange>>;
    /// Forget the signals of changes older than `before` (streams need only
    /// recent ones); how many. The counters stay.
    async fn forget_changes(&mut self, before: DateTime<Utc>) -> StoreResult<u64>;
}

/// Open the database named by the URL, create it if needed, and migrate it.
pub async fn open(url: &str) -> StoreResult<std::sync::Arc<dyn Store>> {
    if url.starts_with("sqlite:") {
        Ok(std::sync::Arc::new(sqlite::SqliteStore::open(url).await?))
    } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
        Ok(std::sync::Arc::new(postgres::PostgresStore::open(url).await?))
    } else {
        Err(StoreError::UnsupportedUrl(url.to_string()))
    }
}

/// Parse a code column into a domain value, or report corrupt data.
fn decode<T>(column: &'static str, value: &str, parse: impl Fn(&str) -> Option<T>) -> StoreResult<T> {
    parse(value).ok_or_else(|| StoreError::Corrupt { column, value: value.to_string() })
}

fn decode_opt<T>(column: &'static str, value: Option<String>, parse: impl Fn(&str) -> Option<T>) -> StoreResult<Option<T>> {
    value.map(|v| decode(column, &v, parse)).transpose()
}
