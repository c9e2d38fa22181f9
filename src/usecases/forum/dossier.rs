//! A meeting's dossier, compiled per agenda item from what Seinhuis holds:
//! the signals' texts, how many organisations and which sectors saw them,
//! target groups, the analysis, the linked bottlenecks and their regisseurs,
//! the steps already taken, related campaigns, and the item's question.
//! Built for outsiders: no field can carry a signaalgever's identity, and
//! only the public steps of a history are used.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};

use super::agenda::subject_signals;
use super::seat;
use crate::components::dates;
use crate::domain::forum::agenda::{AgendaItem, AgendaSubject, AgendaTotal};
use crate::domain::forum::dossier::*;
use crate::domain::vocabulary::{LIFE_DOMAINS, TARGET_GROUPS, label_of};
use crate::domain::*;
use crate::error::AppError;
use crate::server::auth::TenantCaller;
use crate::storage::{Store, Tx};

/// The dossier of a meeting, for anyone with a seat at it (invitees too).
pub async fn compile(store: &dyn Store, caller: &TenantCaller, id: MeetingId, now: DateTime<Utc>) -> Result<Dossier, AppError> {
    let tenant = caller.tenant.id;
    let mut tx = store.read().await?;
    let (meeting, _) = seat(&mut *tx, caller, id).await?;
    let agenda = tx.agenda(tenant, id).await?;
    let total = AgendaTotal::of(&agenda, meeting.length_minutes);
    let bottlenecks = tx.bottlenecks(tenant).await?;
    let regisseurs = regisseurs_by_domain(&mut *tx, tenant).await?;
    let mut items = Vec::with_capacity(agenda.len());
    for (index, item) in agenda.iter().enumerate() {
        items.push(compile_item(&mut *tx, tenant, index as u32 + 1, item, &bottlenecks, &regisseurs).await?);
    }
    Ok(Dossier {
        tenant: caller.tenant.name.clone(),
        meeting: DossierMeeting {
            title: meeting.title.clone(),
            kind: meeting.kind.label().to_string(),
            when: format!(
                "{}, {} tot {}",
                dates::long_date(meeting.starts_at),
                dates::time(meeting.starts_at),
                dates::time(meeting.ends_at())
            ),
            place: meeting.place.clone(),
            length_minutes: meeting.length_minutes,
            agenda_minutes: total.minutes,
        },
        items,
        compiled: dates::date_time(now),
    })
}

/// The minutes of a meeting, for anyone with a seat at it.
pub async fn minutes(store: &dyn Store, caller: &TenantCaller, id: MeetingId, now: DateTime<Utc>) -> Result<MinutesDoc, AppError> {
    let tenant = caller.tenant.id;
    let mut tx = store.read().await?;
    let (meeting, _) = seat(&mut *tx, caller, id).await?;
    let present = tx
        .invitees(tenant, id)
        .await?
        .into_iter()
        .map(|c| if c.invitee.role.is_empty() { c.invitee.name } else { format!("{} ({})", c.invitee.name, c.invitee.role) })
        .collect();
    let items = tx
        .agenda(tenant, id)
        .await?
        .into_iter()
        .enumerate()
        .map(|(index, item)| MinutesItem {
            position: index as u32 + 1,
            title: item.title,
            conclusions: item.minutes.conclusions,
            problem_definition: item.minutes.problem_definition,
            commitments: item.minutes.commitments,
            decision: item.minutes.decision.map(|d| d.label()).unwrap_or_default(),
        })
        .collect();
    Ok(MinutesDoc {
        tenant: caller.tenant.name.clone(),
        meeting: MinutesMeeting {
            title: meeting.title.clone(),
            kind: meeting.kind.label().to_string(),
            when: format!(
                "{}, {} tot {}",
                dates::long_date(meeting.starts_at),
                dates::time(meeting.starts_at),
                dates::time(meeting.ends_at())
            ),
            place: meeting.place.clone(),
        },
        present,
        items,
        compiled: dates::date_time(now),
    })
}

async fn compile_item(
    tx: &mut dyn Tx,
    tenant: TenantId,
    position: u32,
    item: &AgendaItem,
    bottlenecks: &[crate::domain::forum::bottleneck::Bottleneck],
    regisseurs: &BTreeMap<PolicyDomainId, Vec<String>>,
) -> Result<DossierItem, AppError> {
    let facts = subject_facts(tx, tenant, item.subject, &item.title, bottlenecks, regisseurs).await?;
    Ok(DossierItem {
        position,
        duration_minutes: item.duration_minutes,
        presenter: item.presenter.clone(),
        question: item.question.clone(),
        for_information: item.for_information,
        ..facts
    })
}

/// What Seinhuis holds on a bundle, signal or bottleneck, anonymous: the
/// dossier's item without its place on an agenda. The signalenbundel
/// publication is compiled from the same facts.
pub(crate) async fn subject_facts(
    tx: &mut dyn Tx,
    tenant: TenantId,
    subject: AgendaSubject,
    title: &str,
    bottlenecks: &[crate::domain::forum::bottleneck::Bottleneck],
    regisseurs: &BTreeMap<PolicyDomainId, Vec<String>>,
) -> Result<DossierItem, AppError> {
    let (problem, analysis) = match subject {
        AgendaSubject::Bundle(b) => tx.bundle_details(tenant, b).await?.map(|d| (d.problem, d.analysis)).unwrap_or_default(),
        _ => Default::default(),
    };
    let outsider = Visibility::for_reader(Reader::Outsider);
    let mut signals = Vec::new();
    let mut organisations = BTreeSet::new();
    let mut sectors: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut target_groups = BTreeSet::new();
    let mut life_domains = BTreeSet::new();
    let mut steps = Vec::new();
    for summary in subject_signals(tx, tenant, subject).await? {
        let Some(details) = tx.signal_details(tenant, summary.id).await? else { continue };
        // Organisations are counted by name on the server; only their sector leaves it.
        if let Some(name) = &details.summary.organisation {
            organisations.insert(name.clone());
            sectors.entry(sector_label(details.summary.sector.as_deref())).or_default().insert(name.clone());
        }
        for sighting in tx.sightings(tenant, summary.id).await? {
            if let Some(name) = &sighting.organisation {
                organisations.insert(name.clone());
                sectors.entry(sector_label(sighting.sector.as_deref())).or_default().insert(name.clone());
            }
        }
        target_groups.extend(details.target_groups.iter().map(|c| label_of(TARGET_GROUPS, c)));
        life_domains.extend(details.life_domains.iter().map(|c| label_of(LIFE_DOMAINS, c)));
        for entry in outsider.history(tx.history(tenant, summary.id).await?) {
            if entry.to.is_some() && entry.kind != EventKind::Submitted {
                let mut text = format!("S-{}: {}", summary.id, entry.kind.describe(entry.from, entry.to));
                if let Some(carrier) = &entry.carrier {
                    text.push_str(&format!(" ({carrier})"));
                }
                steps.push((entry.at, DossierStep { date: dates::date(entry.at), text }));
            }
        }
        let details = outsider.details(details);
        signals.push(DossierSignal {
            number: format!("S-{}", details.summary.id),
            title: details.summary.title.clone(),
            description: details.description,
            phase: details.summary.phase.label().to_string(),
            area: details.area,
            frequency: details.frequency,
            since: details.since,
            idea: details.idea,
        });
    }
    steps.sort_by_key(|(at, _)| *at);
    let linked = tx.bottlenecks_of(tenant, subject).await?;
    let item_bottlenecks = bottlenecks
        .iter()
        .filter(|b| linked.contains(&b.id) || subject == AgendaSubject::Bottleneck(b.id))
        .map(|b| DossierBottleneck {
            question: b.question.clone(),
            domain: b.domain_name.clone(),
            status: b.status.label().to_string(),
            regisseurs: regisseurs.get(&b.domain).cloned().unwrap_or_default(),
        })
        .collect();
    let campaigns = tx
        .campaigns_of(tenant, subject)
        .await?
        .into_iter()
        .map(|(_, title, status)| {
            let status = crate::domain::forum::campaign::CampaignStatus::from_code(&status).map(|s| s.label()).unwrap_or("?");
            format!("{title} ({})", status.to_lowercase())
        })
        .collect();
    Ok(DossierItem {
        kind: subject.label().to_string(),
        title: title.to_string(),
        problem,
        analysis,
        signals,
        organisations: organisations.len() as u32,
        sectors: sectors.into_iter().map(|(sector, names)| SectorCount { sector, count: names.len() as u32 }).collect(),
        target_groups: target_groups.into_iter().collect(),
        life_domains: life_domains.into_iter().collect(),
        bottlenecks: item_bottlenecks,
        steps: steps.into_iter().map(|(_, step)| step).collect(),
        campaigns,
        ..Default::default()
    })
}

fn sector_label(code: Option<&str>) -> String {
    match code {
        Some(code) => ORGANISATION_KINDS.iter().find(|(c, _)| *c == code).map(|(_, l)| l.to_string()).unwrap_or_else(|| code.to_string()),
        None => "Onbekend".to_string(),
    }
}

/// The names of each domain's regisseurs: they own its bottlenecks and are
/// named in the dossier for that reason.
async fn regisseurs_by_domain(tx: &mut dyn Tx, tenant: TenantId) -> Result<BTreeMap<PolicyDomainId, Vec<String>>, AppError> {
    let mut by_domain: BTreeMap<PolicyDomainId, Vec<String>> = BTreeMap::new();
    for mate in tx.teammates(tenant).await? {
        for domain in &mate.membership.domains {
            if domain.role == Role::Regisseur && mate.membership.has(Role::Regisseur) {
                by_domain.entry(domain.domain).or_default().push(mate.name.clone());
            }
        }
    }
    Ok(by_domain)
}
