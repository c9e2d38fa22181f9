// Meetings' agendas and their minutes. Shared by both backends (see tx.rs).

#[derive(sqlx::FromRow)]
struct AgendaRow {
    id: AgendaItemId,
    meeting_id: MeetingId,
    position: i64,
    bundle_id: Option<BundleId>,
    signal_id: Option<SignalId>,
    bottleneck_id: Option<BottleneckId>,
    duration_minutes: i64,
    presenter: String,
    question: String,
    for_information: bool,
    version: i64,
    conclusions: String,
    problem_definition: String,
    commitments: String,
    decision: Option<String>,
    title: Option<String>,
    phase: Option<String>,
    signals: i64,
}

impl AgendaRow {
    fn item(self) -> StoreResult<(MeetingId, AgendaItem)> {
        let subject = match (self.bundle_id, self.signal_id, self.bottleneck_id) {
            (Some(b), _, _) => AgendaSubject::Bundle(b),
            (_, Some(s), _) => AgendaSubject::Signal(s),
            (_, _, Some(k)) => AgendaSubject::Bottleneck(k),
            _ => return Err(StoreError::Corrupt { column: "agenda_items.subject", value: self.id.to_string() }),
        };
        let item = AgendaItem {
            id: self.id,
            subject,
            title: self.title.unwrap_or_default(),
            phase: decode_opt("agenda phase", self.phase, Phase::from_code)?,
            signals: self.signals.max(0) as u32,
            position: self.position,
            duration_minutes: self.duration_minutes.max(0) as u32,
            presenter: self.presenter,
            question: self.question,
            for_information: self.for_information,
            version: self.version,
            minutes: Minutes {
                conclusions: self.conclusions,
                problem_definition: self.problem_definition,
                commitments: self.commitments,
                decision: decode_opt("agenda_items.decision", self.decision, Decision::from_stored)?,
            },
        };
        Ok((self.meeting_id, item))
    }
}

/// An item with its subject's title, phase and number of signals.
const AGENDA_SELECT: &str = "SELECT a.id, a.meeting_id, a.position, a.bundle_id, a.signal_id, a.bottleneck_id, a.duration_minutes, \
        a.presenter, a.question, a.for_information, a.version, a.conclusions, a.problem_definition, a.commitments, a.decision, \
        COALESCE(b.title, s.title, k.question) AS title, COALESCE(b.phase, s.phase) AS phase, \
        CASE WHEN a.bundle_id IS NOT NULL THEN (SELECT COUNT(*) FROM signals x WHERE x.bundle_id = a.bundle_id) \
             WHEN a.signal_id IS NOT NULL THEN 1 \
             ELSE (SELECT COUNT(DISTINCT x.id) FROM signals x JOIN bottleneck_links l \
                   ON l.signal_id = x.id OR l.bundle_id = x.bundle_id WHERE l.bottleneck_id = a.bottleneck_id) END AS signals \
    FROM agenda_items a \
    LEFT JOIN bundles b ON b.tenant_id = a.tenant_id AND b.id = a.bundle_id \
    LEFT JOIN signals s ON s.tenant_id = a.tenant_id AND s.id = a.signal_id \
    LEFT JOIN bottlenecks k ON k.tenant_id = a.tenant_id AND k.id = a.bottleneck_id";

#[async_trait]
impl Agendas for SqlTx {
    async fn agenda(&mut self, tenant: TenantId, meeting: MeetingId) -> StoreResult<Vec<AgendaItem>> {
        let rows: Vec<AgendaRow> =
            sqlx::query_as(&format!("{AGENDA_SELECT} WHERE a.tenant_id = $1 AND a.meeting_id = $2 ORDER BY a.position, a.id"))
                .bind(tenant)
                .bind(meeting)
                .fetch_all(&mut *self.0)
                .await?;
        rows.into_iter().map(|r| r.item().map(|(_, item)| item)).collect()
    }

    async fn agenda_item(&mut self, tenant: TenantId, item: AgendaItemId) -> StoreResult<Option<(MeetingId, AgendaItem)>> {
        let row: Option<AgendaRow> = sqlx::query_as(&format!("{AGENDA_SELECT} WHERE a.tenant_id = $1 AND a.id = $2"))
            .bind(tenant)
            .bind(item)
            .fetch_optional(&mut *self.0)
            .await?;
        row.map(AgendaRow::item).transpose()
    }

    async fn insert_agenda_item(
        &mut self,
        tenant: TenantId,
        meeting: MeetingId,
        subject: AgendaSubject,
        for_information: bool,
        details: &ItemDetails,
    ) -> StoreResult<AgendaItemId> {
        let (bundle, signal, bottleneck) = subject_columns(subject);
        let id = sqlx::query_scalar(
            "INSERT INTO agenda_items (tenant_id, meeting_id, position, bundle_id, signal_id, bottleneck_id, \
                duration_minutes, presenter, question, for_information) \
             VALUES ($1, $2, (SELECT COALESCE(MAX(position), 0) + 1 FROM agenda_items WHERE meeting_id = $2), \
                $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(tenant)
        .bind(meeting)
        .bind(bundle)
        .bind(signal)
        .bind(bottleneck)
        .bind(i64::from(details.duration_minutes))
        .bind(&details.presenter)
        .bind(&details.question)
        .bind(for_information)
        .fetch_one(&mut *self.0)
        .await?;
        self.1.meeting(tenant, meeting);
        Ok(id)
    }

    async fn update_agenda_item(
        &mut self,
        tenant: TenantId,
        item: AgendaItemId,
        expected_version: i64,
        details: &ItemDetails,
    ) -> StoreResult<bool> {
        let meeting: Option<MeetingId> = sqlx::query_scalar(
            "UPDATE agenda_items SET duration_minutes = $1, presenter = $2, question = $3, version = version + 1 \
             WHERE tenant_id = $4 AND id = $5 AND version = $6 RETURNING meeting_id",
        )
        .bind(i64::from(details.duration_minutes))
        .bind(&details.presenter)
        .bind(&details.question)
        .bind(tenant)
        .bind(item)
        .bind(expected_version)
        .fetch_optional(&mut *self.0)
        .await?;
        if let Some(meeting) = meeting {
            self.1.meeting(tenant, meeting);
        }
        Ok(meeting.is_some())
    }

    async fn set_agenda_order(&mut self, tenant: TenantId, meeting: MeetingId, order: &[AgendaItemId]) -> StoreResult<()> {
        for (position, item) in order.iter().enumerate() {
            sqlx::query("UPDATE agenda_items SET position = $1 WHERE tenant_id = $2 AND meeting_id = $3 AND id = $4")
                .bind(position as i64 + 1)
                .bind(tenant)
                .bind(meeting)
                .bind(item)
                .execute(&mut *self.0)
                .await?;
        }
        self.1.meeting(tenant, meeting);
        Ok(())
    }

    async fn delete_agenda_item(&mut self, tenant: TenantId, item: AgendaItemId) -> StoreResult<()> {
        let meeting: Option<MeetingId> =
            sqlx::query_scalar("DELETE FROM agenda_items WHERE tenant_id = $1 AND id = $2 RETURNING meeting_id")
                .bind(tenant)
                .bind(item)
                .fetch_optional(&mut *self.0)
                .await?;
        if let Some(meeting) = meeting {
            self.1.meeting(tenant, meeting);
        }
        Ok(())
    }

    async fn move_agenda_item(&mut self, tenant: TenantId, item: AgendaItemId, to: MeetingId) -> StoreResult<()> {
        let from: Option<MeetingId> = sqlx::query_scalar("SELECT meeting_id FROM agenda_items WHERE tenant_id = $1 AND id = $2")
            .bind(tenant)
            .bind(item)
            .fetch_optional(&mut *self.0)
            .await?;
        sqlx::query(
            "UPDATE agenda_items SET meeting_id = $1, version = version + 1, \
                position = (SELECT COALESCE(MAX(position), 0) + 1 FROM agenda_items WHERE meeting_id = $1) \
             WHERE tenant_id = $2 AND id = $3",
        )
        .bind(to)
        .bind(tenant)
        .bind(item)
        .execute(&mut *self.0)
        .await?;
        for meeting in from.into_iter().chain([to]) {
            self.1.meeting(tenant, meeting);
        }
        Ok(())
    }

    async fn record_minutes(
        &mut self,
        tenant: TenantId,
        item: AgendaItemId,
        expected_version: i64,
        minutes: &Minutes,
        at: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let meeting: Option<MeetingId> = sqlx::query_scalar(
            "UPDATE agenda_items SET conclusions = $1, problem_definition = $2, commitments = $3, decision = $4, \
                decided_at = CASE WHEN $4 IS NULL THEN decided_at ELSE $5 END, version = version + 1 \
             WHERE tenant_id = $6 AND id = $7 AND version = $8 RETURNING meeting_id",
        )
        .bind(&minutes.conclusions)
        .bind(&minutes.problem_definition)
        .bind(&minutes.commitments)
        .bind(minutes.decision.map(Decision::stored))
        .bind(at)
        .bind(tenant)
        .bind(item)
        .bind(expected_version)
        .fetch_optional(&mut *self.0)
        .await?;
        if let Some(meeting) = meeting {
            self.1.meeting(tenant, meeting);
        }
        Ok(meeting.is_some())
    }

    async fn candidates(&mut self, tenant: TenantId, meeting: MeetingId, now: DateTime<Utc>) -> StoreResult<Vec<ScopedCandidate>> {
        self.agenda_candidates(tenant, meeting, now).await
    }

    async fn subject_scopes(&mut self, tenant: TenantId, subject: AgendaSubject) -> StoreResult<Vec<SignalScope>> {
        let (condition, id) = match subject {
            AgendaSubject::Bundle(b) => ("bundle_id = $2", b.0),
            AgendaSubject::Signal(s) => ("id = $2", s.0),
            AgendaSubject::Bottleneck(k) => {
                let domain: Option<PolicyDomainId> =
                    sqlx::query_scalar("SELECT policy_domain_id FROM bottlenecks WHERE tenant_id = $1 AND id = $2")
                        .bind(tenant)
                        .bind(k)
                        .fetch_optional(&mut *self.0)
                        .await?;
                return Ok(domain.map(|d| SignalScope { policy_domain: Some(d), organisation: None, reporter: None }).into_iter().collect());
            }
        };
        let rows: Vec<(Option<PolicyDomainId>, Option<OrganisationId>, Option<PersonId>)> =
            sqlx::query_as(&format!("SELECT policy_domain_id, organisation_id, reporter_id FROM signals WHERE tenant_id = $1 AND {condition}"))
                .bind(tenant)
                .bind(id)
                .fetch_all(&mut *self.0)
                .await?;
        Ok(rows.into_iter().map(|(policy_domain, organisation, reporter)| SignalScope { policy_domain, organisation, reporter }).collect())
    }
}

fn subject_columns(subject: AgendaSubject) -> (Option<BundleId>, Option<SignalId>, Option<BottleneckId>) {
    match subject {
        AgendaSubject::Bundle(b) => (Some(b), None, None),
        AgendaSubject::Signal(s) => (None, Some(s), None),
        AgendaSubject::Bottleneck(k) => (None, None, Some(k)),
    }
}
