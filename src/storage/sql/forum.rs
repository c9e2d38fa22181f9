// Meetings, invitees, agendas and agenda candidates. Shared by both
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

/// One candidate signal's facts.
#[derive(sqlx::FromRow)]
struct CandidateSignalRow {
    id: SignalId,
    title: String,
    phase: String,
    bundle_id: Option<BundleId>,
    policy_domain_id: Option<PolicyDomainId>,
    organisation_id: Option<OrganisationId>,
    created_at: DateTime<Utc>,
}

#[async_trait]
impl Forum for SqlTx {
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
        use std::collections::{BTreeMap, BTreeSet};
        let signals: Vec<CandidateSignalRow> = sqlx::query_as(
            "SELECT s.id, s.title, s.phase, s.bundle_id, s.policy_domain_id, s.organisation_id, s.created_at FROM signals s \
             WHERE s.tenant_id = $1 AND s.phase IN ('retained', 'bundled', 'analysed')",
        )
        .bind(tenant)
        .fetch_all(&mut *self.0)
        .await?;
        let sightings: Vec<(SignalId, OrganisationId)> = sqlx::query_as(
            "SELECT g.signal_id, g.organisation_id FROM sightings g JOIN signals s ON s.tenant_id = g.tenant_id AND s.id = g.signal_id \
             WHERE g.tenant_id = $1 AND g.organisation_id IS NOT NULL AND s.phase IN ('retained', 'bundled', 'analysed')",
        )
        .bind(tenant)
        .fetch_all(&mut *self.0)
        .await?;
        let links: Vec<(Option<SignalId>, Option<BundleId>)> =
            sqlx::query_as("SELECT signal_id, bundle_id FROM bottleneck_links WHERE tenant_id = $1").bind(tenant).fetch_all(&mut *self.0).await?;
        let linked_signals: BTreeSet<SignalId> = links.iter().filter_map(|l| l.0).collect();
        let linked_bundles: BTreeSet<BundleId> = links.iter().filter_map(|l| l.1).collect();
        // Earlier meetings that had a subject on their agenda, latest last.
        let discussed: Vec<(Option<BundleId>, Option<SignalId>, Option<BottleneckId>, String, DateTime<Utc>)> = sqlx::query_as(
            "SELECT a.bundle_id, a.signal_id, a.bottleneck_id, m.title, m.starts_at FROM agenda_items a \
             JOIN meetings m ON m.tenant_id = a.tenant_id AND m.id = a.meeting_id \
             WHERE a.tenant_id = $1 AND a.meeting_id <> $2 AND m.status <> 'geannuleerd' ORDER BY m.starts_at",
        )
        .bind(tenant)
        .bind(meeting)
        .fetch_all(&mut *self.0)
        .await?;
        let mut last_discussed: BTreeMap<AgendaSubject, String> = BTreeMap::new();
        for (bundle, signal, bottleneck, title, at) in discussed {
            if let Some(subject) = bundle.map(AgendaSubject::Bundle).or(signal.map(AgendaSubject::Signal)).or(bottleneck.map(AgendaSubject::Bottleneck)) {
                last_discussed.insert(subject, format!("{title} ({})", crate::domain::forum::meeting::dutch_date(at)));
            }
        }
        let on_agenda: BTreeSet<AgendaSubject> = self.agenda(tenant, meeting).await?.into_iter().map(|i| i.subject).collect();

        let mut organisations: BTreeMap<SignalId, BTreeSet<OrganisationId>> = BTreeMap::new();
        for s in &signals {
            organisations.entry(s.id).or_default().extend(s.organisation_id);
        }
        for (signal, organisation) in sightings {
            organisations.entry(signal).or_default().insert(organisation);
        }
        let scope = |s: &CandidateSignalRow| SignalScope { policy_domain: s.policy_domain_id, organisation: s.organisation_id, reporter: None };
        let mut bundles: BTreeMap<BundleId, Vec<&CandidateSignalRow>> = BTreeMap::new();
        let mut out = Vec::new();
        for s in &signals {
            match s.bundle_id {
                Some(bundle) => bundles.entry(bundle).or_default().push(s),
                None => {
                    let subject = AgendaSubject::Signal(s.id);
                    if on_agenda.contains(&subject) {
                        continue;
                    }
                    out.push(ScopedCandidate {
                        candidate: Candidate {
                            subject,
                            title: s.title.clone(),
                            phase: Phase::from_code(&s.phase),
                            signals: 1,
                            organisations: organisations.get(&s.id).map_or(0, |o| o.len() as u32),
                            waiting_days: (now - s.created_at).num_days(),
                            lacks_bottleneck: !linked_signals.contains(&s.id),
                            discussed: last_discussed.get(&subject).cloned(),
                        },
                        scopes: vec![scope(s)],
                    });
                }
            }
        }
        let titles: Vec<(BundleId, String, String)> =
            sqlx::query_as("SELECT id, title, phase FROM bundles WHERE tenant_id = $1 AND phase IN ('bundled', 'analysed') AND merged_into IS NULL")
                .bind(tenant)
                .fetch_all(&mut *self.0)
                .await?;
        for (bundle, title, phase) in titles {
            let subject = AgendaSubject::Bundle(bundle);
            let Some(inside) = bundles.get(&bundle) else { continue };
            if on_agenda.contains(&subject) {
                continue;
            }
            let seen: BTreeSet<OrganisationId> = inside.iter().flat_map(|s| organisations.get(&s.id).into_iter().flatten().copied()).collect();
            let lacks = !linked_bundles.contains(&bundle) && inside.iter().all(|s| !linked_signals.contains(&s.id));
            out.push(ScopedCandidate {
                candidate: Candidate {
                    subject,
                    title,
                    phase: Phase::from_code(&phase),
                    signals: inside.len() as u32,
                    organisations: seen.len() as u32,
                    waiting_days: inside.iter().map(|s| (now - s.created_at).num_days()).max().unwrap_or(0),
                    lacks_bottleneck: lacks,
                    discussed: last_discussed.get(&subject).cloned(),
                },
                scopes: inside.iter().map(|s| scope(s)).collect(),
            });
        }
        let bottlenecks: Vec<(BottleneckId, String, PolicyDomainId, DateTime<Utc>)> = sqlx::query_as(
            "SELECT id, question, policy_domain_id, created_at FROM bottlenecks WHERE tenant_id = $1 AND status <> 'opgelost'",
        )
        .bind(tenant)
        .fetch_all(&mut *self.0)
        .await?;
        for (id, question, domain, created_at) in bottlenecks {
            let subject = AgendaSubject::Bottleneck(id);
            if on_agenda.contains(&subject) {
                continue;
            }
            out.push(ScopedCandidate {
                candidate: Candidate {
                    subject,
                    title: question,
                    phase: None,
                    signals: 0,
                    organisations: 0,
                    waiting_days: (now - created_at).num_days(),
                    lacks_bottleneck: false,
                    discussed: last_discussed.get(&subject).cloned(),
                },
                // A bottleneck is read by whoever reads its domain's signals.
                scopes: vec![SignalScope { policy_domain: Some(domain), organisation: None, reporter: None }],
            });
        }
        Ok(out)
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
