// What could go on an agenda, with the facts that rank it (read in a few
// queries and put together here). Shared by both backends (see tx.rs).

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

/// An earlier agenda's subject (one of three ids), with its meeting's title and date.
type Discussed = (Option<BundleId>, Option<SignalId>, Option<BottleneckId>, String, DateTime<Utc>);

impl SqlTx {
    /// Retained signals without a bundle, bundles in Gebundeld or
    /// Geanalyseerd, and open bottlenecks, not on this meeting's agenda yet.
    async fn agenda_candidates(&mut self, tenant: TenantId, meeting: MeetingId, now: DateTime<Utc>) -> StoreResult<Vec<ScopedCandidate>> {
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
        let discussed: Vec<Discussed> = sqlx::query_as(
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
}
