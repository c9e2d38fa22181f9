// The board's workbench: assignees, links, questions and notifications.
// Shared by both backends (see tx.rs).

#[derive(sqlx::FromRow)]
struct QuestionRow {
    id: QuestionId,
    signal_id: SignalId,
    asked_by: PersonId,
    asked_by_name: String,
    question: String,
    asked_at: DateTime<Utc>,
    answer: Option<String>,
    answered_at: Option<DateTime<Utc>>,
}

impl QuestionRow {
    fn question(self) -> (Question, PersonId) {
        let question = Question {
            id: self.id,
            signal: self.signal_id,
            asked_by: Some(self.asked_by_name),
            question: self.question,
            asked_at: self.asked_at,
            answer: self.answer,
            answered_at: self.answered_at,
        };
        (question, self.asked_by)
    }
}

const QUESTION_SELECT: &str = "SELECT q.id, q.signal_id, q.asked_by, p.name AS asked_by_name, q.question, q.asked_at, \
        q.answer, q.answered_at \
    FROM signal_questions q JOIN people p ON p.id = q.asked_by";

/// A link is stored once, lowest id first.
fn link_pair(a: SignalId, b: SignalId) -> (SignalId, SignalId) {
    if a < b { (a, b) } else { (b, a) }
}

#[async_trait]
impl Workbench for SqlTx {
    async fn edit_signal(
        &mut self,
        tenant: TenantId,
        signal: SignalId,
        expected_version: i64,
        edit: &SignalEdit,
        at: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let before: Option<(TenantId, Option<PolicyDomainId>, Option<OrganisationId>)> =
            sqlx::query_as("SELECT tenant_id, policy_domain_id, organisation_id FROM signals WHERE id = $1")
                .bind(signal)
                .fetch_optional(&mut *self.0)
                .await?;
        let Some((_, domain, organisation)) = before.filter(|b| b.0 == tenant) else { return Ok(false) };
        let done = sqlx::query(
            "UPDATE signals SET title = $4, policy_domain_id = $5, version = version + 1, updated_at = $6 \
             WHERE tenant_id = $1 AND id = $2 AND version = $3",
        )
        .bind(tenant)
        .bind(signal)
        .bind(expected_version)
        .bind(&edit.title)
        .bind(edit.policy_domain)
        .bind(at)
        .execute(&mut *self.0)
        .await?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        self.1.earlier(tenant, ChangedSignal { id: signal, domain, organisation });
        for (table, codes) in [("signal_target_groups", &edit.target_groups), ("signal_life_domains", &edit.life_domains)] {
            sqlx::query(&format!("DELETE FROM {table} WHERE signal_id = $1")).bind(signal).execute(&mut *self.0).await?;
            self.add_codes(table, signal.0, codes).await?;
        }
        Ok(true)
    }

    async fn processors(&mut self, tenant: TenantId) -> StoreResult<Vec<Colleague>> {
        let rows: Vec<(PersonId, String)> = sqlx::query_as(
            "SELECT DISTINCT p.id, p.name FROM memberships m JOIN people p ON p.id = m.person_id \
             JOIN membership_roles r ON r.membership_id = m.id \
             WHERE m.tenant_id = $1 AND m.active AND p.active AND r.role IN ($2, $3) ORDER BY p.name, p.id",
        )
        .bind(tenant)
        .bind(Role::Signaalverwerker.code())
        .bind(Role::Hoofdsignaalverwerker.code())
        .fetch_all(&mut *self.0)
        .await?;
        Ok(rows.into_iter().map(|(person, name)| Colleague { person, name }).collect())
    }

    async fn teammates(&mut self, tenant: TenantId) -> StoreResult<Vec<Teammate>> {
        let rows = load_memberships(self, "m.tenant_id = $1 AND p.active", tenant.0).await?;
        Ok(rows.into_iter().map(|(membership, name, email)| Teammate { membership, name, email }).collect())
    }

    async fn assignee(&mut self, tenant: TenantId, signal: SignalId) -> StoreResult<Option<Colleague>> {
        let row: Option<(PersonId, String)> =
            sqlx::query_as("SELECT p.id, p.name FROM signals s JOIN people p ON p.id = s.assignee_id WHERE s.tenant_id = $1 AND s.id = $2")
                .bind(tenant)
                .bind(signal)
                .fetch_optional(&mut *self.0)
                .await?;
        Ok(row.map(|(person, name)| Colleague { person, name }))
    }

    async fn set_assignee(&mut self, tenant: TenantId, signal: SignalId, person: Option<PersonId>, at: DateTime<Utc>) -> StoreResult<()> {
        self.1.signal(tenant, signal);
        sqlx::query("UPDATE signals SET assignee_id = $3, updated_at = $4 WHERE tenant_id = $1 AND id = $2")
            .bind(tenant)
            .bind(signal)
            .bind(person)
            .bind(at)
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }

    async fn assigned_to(&mut self, tenant: TenantId, person: PersonId) -> StoreResult<Vec<SignalSummary>> {
        self.summaries_where("AND s.assignee_id = $2", tenant, Some(person.0)).await
    }

    async fn link(&mut self, tenant: TenantId, a: SignalId, b: SignalId, at: DateTime<Utc>) -> StoreResult<bool> {
        let (a, b) = link_pair(a, b);
        self.1.signal(tenant, a);
        self.1.signal(tenant, b);
        let done = sqlx::query(
            "INSERT INTO signal_links (tenant_id, signal_a, signal_b, created_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (signal_a, signal_b) DO NOTHING",
        )
        .bind(tenant)
        .bind(a)
        .bind(b)
        .bind(at)
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn unlink(&mut self, tenant: TenantId, a: SignalId, b: SignalId) -> StoreResult<bool> {
        let (a, b) = link_pair(a, b);
        self.1.signal(tenant, a);
        self.1.signal(tenant, b);
        let done = sqlx::query("DELETE FROM signal_links WHERE tenant_id = $1 AND signal_a = $2 AND signal_b = $3")
            .bind(tenant)
            .bind(a)
            .bind(b)
            .execute(&mut *self.0)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn links(&mut self, tenant: TenantId, signal: SignalId) -> StoreResult<Vec<(LinkedSignal, SignalScope)>> {
        let rows: Vec<(SignalId, String, String, Option<PolicyDomainId>, Option<OrganisationId>, Option<PersonId>)> = sqlx::query_as(
            "SELECT s.id, s.title, s.phase, s.policy_domain_id, s.organisation_id, s.reporter_id FROM signal_links l \
             JOIN signals s ON s.id = CASE WHEN l.signal_a = $2 THEN l.signal_b ELSE l.signal_a END \
             WHERE l.tenant_id = $1 AND (l.signal_a = $2 OR l.signal_b = $2) ORDER BY s.id",
        )
        .bind(tenant)
        .bind(signal)
        .fetch_all(&mut *self.0)
        .await?;
        rows.into_iter()
            .map(|(id, title, phase, policy_domain, organisation, reporter)| {
                let phase = decode("signals.phase", &phase, Phase::from_code)?;
                Ok((LinkedSignal { id, title, phase }, SignalScope { policy_domain, organisation, reporter }))
            })
            .collect()
    }

    async fn insert_question(
        &mut self,
        tenant: TenantId,
        signal: SignalId,
        asked_by: PersonId,
        question: &str,
        at: DateTime<Utc>,
    ) -> StoreResult<QuestionId> {
        let id = sqlx::query_scalar(
            "INSERT INTO signal_questions (tenant_id, signal_id, asked_by, question, asked_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(tenant)
        .bind(signal)
        .bind(asked_by)
        .bind(question)
        .bind(at)
        .fetch_one(&mut *self.0)
        .await?;
        Ok(QuestionId(id))
    }

    async fn questions(&mut self, tenant: TenantId, signal: SignalId) -> StoreResult<Vec<Question>> {
        let rows: Vec<QuestionRow> =
            sqlx::query_as(&format!("{QUESTION_SELECT} WHERE q.tenant_id = $1 AND q.signal_id = $2 ORDER BY q.asked_at, q.id"))
                .bind(tenant)
                .bind(signal)
                .fetch_all(&mut *self.0)
                .await?;
        Ok(rows.into_iter().map(|r| r.question().0).collect())
    }

    async fn question(&mut self, tenant: TenantId, id: QuestionId) -> StoreResult<Option<(Question, PersonId)>> {
        let row: Option<QuestionRow> = sqlx::query_as(&format!("{QUESTION_SELECT} WHERE q.tenant_id = $1 AND q.id = $2"))
            .bind(tenant)
            .bind(id)
            .fetch_optional(&mut *self.0)
            .await?;
        Ok(row.map(QuestionRow::question))
    }

    async fn answer_question(&mut self, tenant: TenantId, id: QuestionId, answer: &str, at: DateTime<Utc>) -> StoreResult<bool> {
        let done =
            sqlx::query("UPDATE signal_questions SET answer = $3, answered_at = $4 WHERE tenant_id = $1 AND id = $2 AND answer IS NULL")
                .bind(tenant)
                .bind(id)
                .bind(answer)
                .bind(at)
                .execute(&mut *self.0)
                .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn open_questions_for(&mut self, tenant: TenantId, reporter: PersonId) -> StoreResult<Vec<Question>> {
        let rows: Vec<QuestionRow> = sqlx::query_as(&format!(
            "{QUESTION_SELECT} JOIN signals s ON s.id = q.signal_id \
             WHERE q.tenant_id = $1 AND s.reporter_id = $2 AND q.answer IS NULL ORDER BY q.asked_at, q.id"
        ))
        .bind(tenant)
        .bind(reporter)
        .fetch_all(&mut *self.0)
        .await?;
        Ok(rows.into_iter().map(|r| r.question().0).collect())
    }

    async fn notify(
        &mut self,
        tenant: TenantId,
        person: PersonId,
        kind: NotificationKind,
        signal: SignalId,
        actor: Option<PersonId>,
        at: DateTime<Utc>,
    ) -> StoreResult<()> {
        sqlx::query("INSERT INTO notifications (tenant_id, person_id, kind, signal_id, actor_id, at) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(tenant)
            .bind(person)
            .bind(kind.code())
            .bind(signal)
            .bind(actor)
            .bind(at)
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }

    async fn notifications(&mut self, tenant: TenantId, person: PersonId, since: DateTime<Utc>) -> StoreResult<Vec<Notification>> {
        #[allow(clippy::type_complexity)]
        let rows: Vec<(NotificationId, String, SignalId, String, Option<String>, DateTime<Utc>, Option<DateTime<Utc>>)> = sqlx::query_as(
            "SELECT n.id, n.kind, n.signal_id, s.title, p.name, n.at, n.read_at FROM notifications n \
             JOIN signals s ON s.id = n.signal_id LEFT JOIN people p ON p.id = n.actor_id \
             WHERE n.person_id = $2 AND n.tenant_id = $1 AND n.at >= $3 ORDER BY n.at DESC, n.id DESC",
        )
        .bind(tenant)
        .bind(person)
        .bind(since)
        .fetch_all(&mut *self.0)
        .await?;
        rows.into_iter()
            .map(|(id, kind, signal, title, actor_name, at, read_at)| {
                Ok(Notification {
                    id,
                    kind: decode("notifications.kind", &kind, NotificationKind::from_code)?,
                    signal,
                    title,
                    actor_name,
                    at,
                    read: read_at.is_some(),
                })
            })
            .collect()
    }

    async fn read_notifications(&mut self, tenant: TenantId, person: PersonId, signal: SignalId, at: DateTime<Utc>) -> StoreResult<()> {
        sqlx::query("UPDATE notifications SET read_at = $4 WHERE person_id = $2 AND tenant_id = $1 AND signal_id = $3 AND read_at IS NULL")
            .bind(tenant)
            .bind(person)
            .bind(signal)
            .bind(at)
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }
}
