//! Storage of the board's workbench: assignees, links, questions to the
//! reporter and notifications (`domain::workbench`).

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreResult;
use crate::domain::workbench::{Colleague, LinkedSignal, Notification, NotificationKind, Question, SignalEdit};
use crate::domain::{Membership, PersonId, QuestionId, SignalId, SignalScope, SignalSummary, TenantId};

/// An active member of a tenant, as the workbench needs them: what they may
/// read (their membership), their name, and where to mail them.
#[derive(Clone, Debug)]
pub struct Teammate {
    pub membership: Membership,
    pub name: String,
    pub email: String,
}

impl Teammate {
    pub fn colleague(&self) -> Colleague {
        Colleague { person: self.membership.person, name: self.name.clone() }
    }
}

#[async_trait]
pub trait Workbench {
    /// Change a signal's title and classification if it is still at
    /// `expected_version` (the version grows); false when someone changed it
    /// first. Boards that showed it under its old scope hear of it too.
    async fn edit_signal(
        &mut self,
        tenant: TenantId,
        signal: SignalId,
        expected_version: i64,
        edit: &SignalEdit,
        at: DateTime<Utc>,
    ) -> StoreResult<bool>;
    /// The tenant's active signaalverwerkers and hoofdsignaalverwerkers, by
    /// name, in one query (the board reads them on every load).
    async fn processors(&mut self, tenant: TenantId) -> StoreResult<Vec<Colleague>>;
    /// The tenant's active members whose account is active, by name.
    async fn teammates(&mut self, tenant: TenantId) -> StoreResult<Vec<Teammate>>;
    async fn assignee(&mut self, tenant: TenantId, signal: SignalId) -> StoreResult<Option<Colleague>>;
    async fn set_assignee(&mut self, tenant: TenantId, signal: SignalId, person: Option<PersonId>, at: DateTime<Utc>) -> StoreResult<()>;
    /// The signals assigned to this person, oldest first.
    async fn assigned_to(&mut self, tenant: TenantId, person: PersonId) -> StoreResult<Vec<SignalSummary>>;
    /// Link two signals; false if they were linked already.
    async fn link(&mut self, tenant: TenantId, a: SignalId, b: SignalId, at: DateTime<Utc>) -> StoreResult<bool>;
    /// Remove a link; false if there was none.
    async fn unlink(&mut self, tenant: TenantId, a: SignalId, b: SignalId) -> StoreResult<bool>;
    /// The signals linked to this one, with their scopes (to check who may read them).
    async fn links(&mut self, tenant: TenantId, signal: SignalId) -> StoreResult<Vec<(LinkedSignal, SignalScope)>>;
    async fn insert_question(
        &mut self,
        tenant: TenantId,
        signal: SignalId,
        asked_by: PersonId,
        question: &str,
        at: DateTime<Utc>,
    ) -> StoreResult<QuestionId>;
    /// A signal's questions, oldest first; `asked_by` holds the asker's name.
    async fn questions(&mut self, tenant: TenantId, signal: SignalId) -> StoreResult<Vec<Question>>;
    /// One question and who asked it.
    async fn question(&mut self, tenant: TenantId, id: QuestionId) -> StoreResult<Option<(Question, PersonId)>>;
    /// Store the answer if the question has none yet; false otherwise.
    async fn answer_question(&mut self, tenant: TenantId, id: QuestionId, answer: &str, at: DateTime<Utc>) -> StoreResult<bool>;
    /// Unanswered questions on the signals this person reported, oldest first.
    async fn open_questions_for(&mut self, tenant: TenantId, reporter: PersonId) -> StoreResult<Vec<Question>>;
    async fn notify(
        &mut self,
        tenant: TenantId,
        person: PersonId,
        kind: NotificationKind,
        signal: SignalId,
        actor: Option<PersonId>,
        at: DateTime<Utc>,
    ) -> StoreResult<()>;
    /// This person's notifications since then, newest first.
    async fn notifications(&mut self, tenant: TenantId, person: PersonId, since: DateTime<Utc>) -> StoreResult<Vec<Notification>>;
    /// Mark this person's notifications about a signal read (they opened it).
    async fn read_notifications(&mut self, tenant: TenantId, person: PersonId, signal: SignalId, at: DateTime<Utc>) -> StoreResult<()>;
}
