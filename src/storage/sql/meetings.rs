// Meetings and their invitees. Shared by both
// backends (see tx.rs).

#[derive(sqlx::FromRow)]
struct MeetingRow {
    id: MeetingId,
    kind: String,
    title: String,
    starts_at: DateTime<Utc>,
    length_minutes: i64,
    place: String,
    status: String,
    version: i64,
    sequence: i64,
}

impl MeetingRow {
    fn meeting(self) -> StoreResult<Meeting> {
        Ok(Meeting {
            id: self.id,
            kind: decode("meetings.kind", &self.kind, MeetingKind::from_code)?,
            title: self.title,
            starts_at: self.starts_at,
            length_minutes: self.length_minutes.max(0) as u32,
            place: self.place,
            status: decode("meetings.status", &self.status, MeetingStatus::from_code)?,
            version: self.version,
            sequence: self.sequence,
        })
    }
}

const MEETING_SELECT: &str = "SELECT id, kind, title, starts_at, length_minutes, place, status, version, sequence FROM meetings";

#[async_trait]
impl Meetings for SqlTx {
    async fn insert_meeting(&mut self, tenant: TenantId, plan: &MeetingPlan, by: PersonId, at: DateTime<Utc>) -> StoreResult<MeetingId> {
        let id: MeetingId = sqlx::query_scalar(
            "INSERT INTO meetings (tenant_id, kind, title, starts_at, length_minutes, place, status, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(tenant)
        .bind(plan.kind.code())
        .bind(&plan.title)
        .bind(plan.starts_at)
        .bind(i64::from(plan.length_minutes))
        .bind(&plan.place)
        .bind(MeetingStatus::Gepland.code())
        .bind(by)
        .bind(at)
        .fetch_one(&mut *self.0)
        .await?;
        self.1.meeting(tenant, id);
        Ok(id)
    }

    async fn meetings(&mut self, tenant: TenantId) -> StoreResult<Vec<Meeting>> {
        let rows: Vec<MeetingRow> = sqlx::query_as(&format!("{MEETING_SELECT} WHERE tenant_id = $1 ORDER BY starts_at DESC, id DESC"))
            .bind(tenant)
            .fetch_all(&mut *self.0)
            .await?;
        let now = Utc::now();
        let (mut coming, past): (Vec<Meeting>, Vec<Meeting>) =
            rows.into_iter().map(MeetingRow::meeting).collect::<StoreResult<Vec<_>>>()?.into_iter().partition(|m| m.starts_at >= now);
        coming.reverse();
        coming.extend(past);
        Ok(coming)
    }

    async fn meeting(&mut self, tenant: TenantId, id: MeetingId) -> StoreResult<Option<Meeting>> {
        let row: Option<MeetingRow> = sqlx::query_as(&format!("{MEETING_SELECT} WHERE tenant_id = $1 AND id = $2"))
            .bind(tenant)
            .bind(id)
            .fetch_optional(&mut *self.0)
            .await?;
        row.map(MeetingRow::meeting).transpose()
    }

    async fn update_meeting(
        &mut self,
        tenant: TenantId,
        id: MeetingId,
        expected_version: i64,
        plan: &MeetingPlan,
        new_sequence: bool,
    ) -> StoreResult<bool> {
        let done = sqlx::query(
            "UPDATE meetings SET kind = $1, title = $2, starts_at = $3, length_minutes = $4, place = $5, \
                version = version + 1, sequence = sequence + $6 \
             WHERE tenant_id = $7 AND id = $8 AND version = $9",
        )
        .bind(plan.kind.code())
        .bind(&plan.title)
        .bind(plan.starts_at)
        .bind(i64::from(plan.length_minutes))
        .bind(&plan.place)
        .bind(i64::from(new_sequence))
        .bind(tenant)
        .bind(id)
        .bind(expected_version)
        .execute(&mut *self.0)
        .await?;
        self.1.meeting(tenant, id);
        Ok(done.rows_affected() == 1)
    }

    async fn set_meeting_status(&mut self, tenant: TenantId, id: MeetingId, status: MeetingStatus, new_sequence: bool) -> StoreResult<()> {
        sqlx::query(
            "UPDATE meetings SET status = $1, version = version + 1, sequence = sequence + $2 WHERE tenant_id = $3 AND id = $4",
        )
        .bind(status.code())
        .bind(i64::from(new_sequence))
        .bind(tenant)
        .bind(id)
        .execute(&mut *self.0)
        .await?;
        self.1.meeting(tenant, id);
        Ok(())
    }

    async fn invitees(&mut self, tenant: TenantId, meeting: MeetingId) -> StoreResult<Vec<InviteeContact>> {
        let rows: Vec<(InviteeId, Option<PersonId>, Option<OrganisationId>, String, String, String, Option<String>, Option<String>, Option<String>)> =
            sqlx::query_as(
                "SELECT i.id, i.person_id, i.organisation_id, i.name, i.role, i.email, p.name, p.email, o.name \
                 FROM meeting_invitees i LEFT JOIN people p ON p.id = i.person_id \
                 LEFT JOIN organisations o ON o.tenant_id = i.tenant_id AND o.id = i.organisation_id \
                 WHERE i.tenant_id = $1 AND i.meeting_id = $2 ORDER BY i.id",
            )
            .bind(tenant)
            .bind(meeting)
            .fetch_all(&mut *self.0)
            .await?;
        let mut invitees = Vec::new();
        for (id, person, organisation, name, role, email, person_name, person_email, organisation_name) in rows {
            let emails = match (person_email, organisation) {
                (Some(email), _) => vec![email],
                (None, Some(organisation)) => sqlx::query_scalar(
                    "SELECT p.email FROM memberships m JOIN people p ON p.id = m.person_id \
                     WHERE m.tenant_id = $1 AND m.organisation_id = $2 AND p.active ORDER BY p.id",
                )
                .bind(tenant)
                .bind(organisation)
                .fetch_all(&mut *self.0)
                .await?,
                (None, None) if !email.is_empty() => vec![email],
                _ => vec![],
            };
            let name = person_name.or(organisation_name).unwrap_or(name);
            invitees.push(InviteeContact {
                invitee: Invitee { id, person, organisation, name, role, reachable: !emails.is_empty() },
                emails,
            });
        }
        Ok(invitees)
    }

    async fn add_invitee(&mut self, tenant: TenantId, meeting: MeetingId, invitee: &NewInvitee) -> StoreResult<InviteeId> {
        let (person, organisation, name, role, email) = match invitee {
            NewInvitee::Person(p) => (Some(*p), None, "", "", ""),
            NewInvitee::Organisation(o) => (None, Some(*o), "", "", ""),
            NewInvitee::Guest { name, role, email } => (None, None, name.as_str(), role.as_str(), email.as_str()),
        };
        let id = sqlx::query_scalar(
            "INSERT INTO meeting_invitees (tenant_id, meeting_id, person_id, organisation_id, name, role, email) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(tenant)
        .bind(meeting)
        .bind(person)
        .bind(organisation)
        .bind(name)
        .bind(role)
        .bind(email)
        .fetch_one(&mut *self.0)
        .await?;
        self.1.meeting(tenant, meeting);
        Ok(id)
    }

    async fn remove_invitee(&mut self, tenant: TenantId, meeting: MeetingId, invitee: InviteeId) -> StoreResult<bool> {
        let done = sqlx::query("DELETE FROM meeting_invitees WHERE tenant_id = $1 AND meeting_id = $2 AND id = $3")
            .bind(tenant)
            .bind(meeting)
            .bind(invitee)
            .execute(&mut *self.0)
            .await?;
        self.1.meeting(tenant, meeting);
        Ok(done.rows_affected() == 1)
    }

    async fn is_invited(&mut self, tenant: TenantId, meeting: MeetingId, person: PersonId) -> StoreResult<bool> {
        let found: Option<i64> = sqlx::query_scalar(
            "SELECT i.id FROM meeting_invitees i WHERE i.tenant_id = $1 AND i.meeting_id = $2 AND (i.person_id = $3 \
                OR i.organisation_id IN (SELECT m.organisation_id FROM memberships m WHERE m.tenant_id = $1 AND m.person_id = $3))",
        )
        .bind(tenant)
        .bind(meeting)
        .bind(person)
        .fetch_optional(&mut *self.0)
        .await?;
        Ok(found.is_some())
    }

    async fn invited_to(&mut self, tenant: TenantId, person: PersonId) -> StoreResult<Vec<MeetingId>> {
        Ok(sqlx::query_scalar(
            "SELECT DISTINCT i.meeting_id FROM meeting_invitees i WHERE i.tenant_id = $1 AND (i.person_id = $2 \
                OR i.organisation_id IN (SELECT m.organisation_id FROM memberships m WHERE m.tenant_id = $1 AND m.person_id = $2))",
        )
        .bind(tenant)
        .bind(person)
        .fetch_all(&mut *self.0)
        .await?)
    }

}
