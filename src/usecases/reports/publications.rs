//! Signalenbundels: the hoofdsignaalverwerker composes one for a period,
//! each partner it names approves its part by a link that works once and
//! expires, and once published it is frozen: the page, the PDF and the
//! workbook read the stored document, so later edits to signals do not
//! change it.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::dashboard;
use crate::components::dates;
use crate::domain::forum::agenda::AgendaSubject;
use crate::domain::reports::period::{Period, dutch_day};
use crate::domain::reports::publication::*;
use crate::domain::reports::{ReportScope, Table};
use crate::domain::*;
use crate::error::AppError;
use crate::server::auth::TenantCaller;
use crate::server::passwords::{LinkKind, link_url, new_token, placeholder, start_link, token_hash};
use crate::storage::{ApprovalRow, Publication, PublicationDraft, Store, Tx};

/// How long a partner's approval link works.
pub const APPROVAL_DAYS: i64 = 14;
/// The dashboard tables a publication carries.
const FIGURES: [&str; 6] = ["fase", "beleidsdomein", "levensdomein", "doelgroep", "sector", "afloop"];

fn composes(caller: &TenantCaller) -> bool {
    caller.membership.has(Role::Hoofdsignaalverwerker)
}

/// Who may read a publication: published ones every report reader (and the
/// public, through [`published`]); drafts only the hoofdsignaalverwerker.
fn may_read(caller: &TenantCaller, p: &Publication) -> bool {
    composes(caller) || (p.status == PublicationStatus::Published && caller.membership.has(Role::Mandataris))
}

pub(super) fn summary(p: &Publication) -> PublicationSummary {
    PublicationSummary {
        id: p.id,
        title: p.title.clone(),
        period: Period { from: p.from, to: p.to }.label(),
        status: p.status,
        published: p.published_at.map(dates::long_date).unwrap_or_default(),
    }
}

fn form_of(p: &Publication) -> PublicationForm {
    PublicationForm {
        title: p.title.clone(),
        from: p.from.to_string(),
        to: p.to.to_string(),
        intro: p.intro.clone(),
        subjects: p.subjects.iter().map(|s| s.key()).collect(),
    }
}

async fn candidates(tx: &mut dyn Tx, tenant: TenantId) -> Result<Vec<Publishable>, AppError> {
    Ok(tx
        .publishable(tenant)
        .await?
        .into_iter()
        .map(|(subject, title, phase)| Publishable {
            key: subject.key(),
            kind: subject.label().to_string(),
            title,
            phase: Phase::from_code(&phase).map(|p| p.label().to_string()).unwrap_or(phase),
        })
        .collect())
}

/// The list: everything for the hoofdsignaalverwerker, the published ones for mandatarissen.
pub async fn list(store: &dyn Store, caller: &TenantCaller, now: DateTime<Utc>) -> Result<PublicationsPage, AppError> {
    let mut tx = store.read().await?;
    let publications = tx.publications(caller.tenant.id).await?.into_iter().filter(|p| may_read(caller, p)).map(|p| summary(&p)).collect();
    let may_compose = composes(caller);
    let candidates = if may_compose { candidates(tx.as_mut(), caller.tenant.id).await? } else { Vec::new() };
    let today = brussels::local(now).date();
    let two_years = Period::of(crate::domain::reports::PeriodChoice::TwoYears, today, None, None).map_err(AppError::Invalid)?;
    let form = PublicationForm {
        title: format!("Signalenbundel {} {}", caller.tenant.name, two_years.to.format("%Y")),
        from: two_years.from.to_string(),
        to: two_years.to.to_string(),
        ..Default::default()
    };
    Ok(PublicationsPage { publications, candidates, may_compose, form })
}

/// One publication: frozen once published, compiled afresh while a draft.
pub async fn page(store: &dyn Store, caller: &TenantCaller, id: i64, now: DateTime<Utc>) -> Result<PublicationPage, AppError> {
    let mut tx = store.read().await?;
    let p = tx.publication(caller.tenant.id, id).await?.filter(|p| may_read(caller, p)).ok_or(AppError::NotFound)?;
    let doc = document(tx.as_mut(), &caller.tenant, &p, now).await?;
    let may_compose = composes(caller) && p.status != PublicationStatus::Published;
    let candidates = if may_compose { candidates(tx.as_mut(), caller.tenant.id).await? } else { Vec::new() };
    let approvals =
        if composes(caller) { tx.approvals(caller.tenant.id, id).await?.into_iter().map(approval).collect() } else { Vec::new() };
    Ok(PublicationPage { summary: summary(&p), doc, version: p.version, may_compose, form: form_of(&p), candidates, approvals })
}

fn approval(row: ApprovalRow) -> Approval {
    Approval { id: row.id, organisation: row.organisation_name, contact: row.contact, answer: row.answer }
}

/// The document of a publication: the frozen one once published.
async fn document(tx: &mut dyn Tx, tenant: &Tenant, p: &Publication, now: DateTime<Utc>) -> Result<PublicationDoc, AppError> {
    if let Some(frozen) = &p.doc {
        return serde_json::from_str(frozen).map_err(AppError::internal);
    }
    compile(tx, tenant, p, now).await
}

/// A published publication, for anyone (the public page links to it).
pub async fn published(store: &dyn Store, tenant: &Tenant, id: i64) -> Result<PublicationDoc, AppError> {
    let mut tx = store.read().await?;
    let p = tx.publication(tenant.id, id).await?.filter(|p| p.status == PublicationStatus::Published).ok_or(AppError::NotFound)?;
    let frozen = p.doc.ok_or(AppError::NotFound)?;
    serde_json::from_str(&frozen).map_err(AppError::internal)
}

/// The document for whoever may read it (downloads).
pub async fn readable(store: &dyn Store, caller: &TenantCaller, id: i64, now: DateTime<Utc>) -> Result<PublicationDoc, AppError> {
    let mut tx = store.read().await?;
    let p = tx.publication(caller.tenant.id, id).await?.filter(|p| may_read(caller, p)).ok_or(AppError::NotFound)?;
    document(tx.as_mut(), &caller.tenant, &p, now).await
}

/// Compiles the publication from what Seinhuis holds now. Anonymous: the
/// facts are the dossier's, organisations are named only as actors or trekkers.
pub async fn compile(tx: &mut dyn Tx, tenant: &Tenant, p: &Publication, now: DateTime<Utc>) -> Result<PublicationDoc, AppError> {
    let period = Period { from: p.from, to: p.to };
    let mut items = Vec::new();
    let mut trekkers = Vec::new();
    let mut worked_out = Vec::new();
    let mut seen_campaigns = Vec::new();
    for subject in &p.subjects {
        let title = subject_title(tx, tenant.id, *subject).await?;
        let facts = crate::usecases::forum::dossier::subject_facts(tx, tenant.id, *subject, &title, &[], &BTreeMap::new()).await?;
        let mut actors = Vec::new();
        let mut done: Vec<String> = Vec::new();
        for step in &facts.steps {
            // "S-12: Geanalyseerd → Geagendeerd (Forum …)": the step without its signal.
            let text = step.text.split_once(": ").map_or(step.text.as_str(), |(_, t)| t).to_string();
            if text.contains('(') && !done.contains(&text) {
                done.push(text);
            }
        }
        for (id, _, _) in tx.campaigns_of(tenant.id, *subject).await? {
            let Some(campaign) = tx.campaign(tenant.id, id).await? else { continue };
            done.push(format!(
                "Campagne ‘{}’: {}, {} % klaar",
                campaign.title,
                campaign.status.label().to_lowercase(),
                campaign.progress()
            ));
            actors.extend(
                campaign.actors.iter().map(|a| PartnerPart { organisation: a.organisation.clone(), engagement: a.engagement.clone() }),
            );
            if !seen_campaigns.contains(&id) {
                seen_campaigns.push(id);
                for line in &campaign.lines {
                    trekkers.push(Trekker {
                        organisation: line.lead_organisation.clone().unwrap_or_default(),
                        line: line.title.clone(),
                        campaign: campaign.title.clone(),
                        status: format!("{}, {} %", line.status.label(), line.progress),
                    });
                }
            }
        }
        let mut phases: BTreeMap<&str, u32> = BTreeMap::new();
        for s in &facts.signals {
            *phases.entry(s.phase.as_str()).or_default() += 1;
            if s.phase == Phase::InAction.label() || s.phase == Phase::Closed.label() {
                worked_out.push(s.title.clone());
            }
        }
        let outcome = phases.iter().map(|(phase, n)| format!("{n} × {phase}")).collect::<Vec<_>>().join(", ");
        items.push(PublicationItem {
            kind: facts.kind,
            title: facts.title,
            problem: facts.problem,
            analysis: facts.analysis,
            done,
            outcome,
            signals: facts.signals.len() as u32,
            organisations: facts.organisations,
            sectors: facts.sectors,
            actors,
        });
    }
    worked_out.sort();
    worked_out.dedup();
    // The figures as the public may see them: small numbers hidden.
    let public = ReportScope { domains: None, protected: true };
    let figures =
        dashboard::figures(tx, tenant.id, &public, period, brussels::local(now).date(), "Alle beleidsdomeinen".to_string()).await?;
    let tables: Vec<Table> = figures.tables.into_iter().filter(|t| FIGURES.contains(&t.key.as_str())).collect();
    Ok(PublicationDoc {
        tenant: tenant.name.clone(),
        title: p.title.clone(),
        period: period.label(),
        intro: p.intro.clone(),
        items,
        received: format!("Signalen ontvangen in deze periode: {}", figures.received.text()),
        figures: tables,
        trekkers,
        worked_out,
        published: if p.status == PublicationStatus::Published { dates::long_date(now) } else { String::new() },
    })
}

async fn subject_title(tx: &mut dyn Tx, tenant: TenantId, subject: AgendaSubject) -> Result<String, AppError> {
    Ok(match subject {
        AgendaSubject::Bundle(b) => tx.bundle_details(tenant, b).await?.map(|d| d.summary.title).unwrap_or_default(),
        AgendaSubject::Signal(s) => tx.signal_summary(tenant, s).await?.map(|s| s.title).unwrap_or_default(),
        AgendaSubject::Bottleneck(_) => String::new(),
    })
}

/// The form checked: title, period and subjects that exist and may be published.
async fn check(tx: &mut dyn Tx, tenant: TenantId, form: &PublicationForm) -> Result<PublicationDraft, AppError> {
    let title = form.title.split_whitespace().collect::<Vec<_>>().join(" ");
    if title.is_empty() {
        return Err(AppError::Invalid(PublicationRefusal::TitleRequired.message()));
    }
    if title.chars().count() > 200 || form.intro.chars().count() > 20_000 {
        return Err(AppError::Invalid("De titel (200 tekens) of de inleiding (20.000 tekens) is te lang.".into()));
    }
    let date = |v: &str| NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d").ok();
    let period = match (date(&form.from), date(&form.to)) {
        (Some(from), Some(to)) if from <= to => (from, to),
        (Some(_), Some(_)) => return Err(AppError::Invalid("De begindatum valt na de einddatum.".into())),
        _ => return Err(AppError::Invalid("Kies een begin- en een einddatum voor de periode.".into())),
    };
    let allowed: Vec<AgendaSubject> = tx.publishable(tenant).await?.into_iter().map(|(s, _, _)| s).collect();
    let mut subjects = Vec::new();
    for key in &form.subjects {
        let subject = AgendaSubject::from_key(key).filter(|s| allowed.contains(s)).ok_or(AppError::NotFound)?;
        if !subjects.contains(&subject) {
            subjects.push(subject);
        }
    }
    if subjects.is_empty() {
        return Err(AppError::Invalid(PublicationRefusal::NothingSelected.message()));
    }
    Ok(PublicationDraft { title, period, intro: form.intro.trim().to_string(), subjects })
}

/// Saves a new draft (no id) or changes one at `version`.
pub async fn save(
    store: &dyn Store,
    caller: &TenantCaller,
    id: Option<i64>,
    version: i64,
    form: &PublicationForm,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    if !composes(caller) {
        return Err(AppError::NoAccess);
    }
    let mut tx = store.write().await?;
    let tenant = caller.tenant.id;
    let draft = check(tx.as_mut(), tenant, form).await?;
    let id = match id {
        None => tx.insert_publication(tenant, &draft, now).await?,
        Some(id) => {
            let p = tx.publication(tenant, id).await?.ok_or(AppError::NotFound)?;
            if p.status != PublicationStatus::Draft {
                return Err(AppError::Invalid(PublicationRefusal::NotDraft.message()));
            }
            if !tx.update_publication(tenant, id, version, &draft).await? {
                return Err(AppError::Stale);
            }
            id
        }
    };
    tx.commit().await?;
    Ok(id)
}

/// The coordinator's own publication that is not published yet.
async fn unpublished(tx: &mut dyn Tx, caller: &TenantCaller, id: i64) -> Result<Publication, AppError> {
    if !composes(caller) {
        return Err(AppError::NoAccess);
    }
    let p = tx.publication(caller.tenant.id, id).await?.ok_or(AppError::NotFound)?;
    if p.status == PublicationStatus::Published {
        return Err(AppError::Invalid(PublicationRefusal::AlreadyPublished.message()));
    }
    Ok(p)
}

/// Asks every partner named in the publication to approve its part: a
/// mail with a link that works once and expires after [`APPROVAL_DAYS`].
/// Asking again sends new links (the old ones stop working).
pub async fn ask_approval(
    store: &dyn Store,
    caller: &TenantCaller,
    id: i64,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let mut tx = store.write().await?;
    let tenant = caller.tenant.id;
    let p = unpublished(tx.as_mut(), caller, id).await?;
    let doc = compile(tx.as_mut(), &caller.tenant, &p, now).await?;
    let organisations = tx.organisations(tenant).await?;
    let partners: Vec<_> = doc.partners().into_iter().filter_map(|name| organisations.iter().find(|o| o.name == name)).collect();
    let missing: Vec<String> = partners.iter().filter(|o| o.contact_email.is_empty()).map(|o| o.name.clone()).collect();
    if !missing.is_empty() {
        return Err(AppError::Invalid(PublicationRefusal::NoContact(missing).message()));
    }
    for org in &partners {
        let expires = now + Duration::days(APPROVAL_DAYS);
        let approval = tx.insert_approval(tenant, id, org.id, &org.contact_email, expires, &token_hash(&new_token())).await?;
        start_link(tx.as_mut(), LinkKind::Approval, approval).await?;
        let link = link_url(public_url, LinkKind::Approval, &caller.tenant.slug, &placeholder(LinkKind::Approval, approval));
        let mail = crate::usecases::mails::approval_asked(&caller.tenant.name, &doc.title, &org.name, &link, APPROVAL_DAYS);
        tx.queue_mail_with_links(Some(tenant), &org.contact_email, &mail.subject, &mail.body, &[(LinkKind::Approval, approval)], now)
            .await?;
    }
    tx.set_publication_status(tenant, id, PublicationStatus::Asking, None, now).await?;
    tx.commit().await?;
    Ok(partners.len())
}

/// Publishes: the document is compiled one last time and frozen.
pub async fn publish(store: &dyn Store, caller: &TenantCaller, id: i64, now: DateTime<Utc>) -> Result<(), AppError> {
    let mut tx = store.write().await?;
    let tenant = caller.tenant.id;
    let p = unpublished(tx.as_mut(), caller, id).await?;
    let frozen = Publication { status: PublicationStatus::Published, ..p };
    let doc = compile(tx.as_mut(), &caller.tenant, &frozen, now).await?;
    let json = serde_json::to_string(&doc).map_err(AppError::internal)?;
    tx.set_publication_status(tenant, id, PublicationStatus::Published, Some(&json), now).await?;
    tx.commit().await?;
    Ok(())
}

/// What a partner's link opens: its part, or why the link no longer works.
/// An unknown token is not found, like any other.
pub async fn approval_page(store: &dyn Store, token: &str, now: DateTime<Utc>) -> Result<ApprovalPage, AppError> {
    let mut tx = store.read().await?;
    let row = tx.approval_by_token(&token_hash(token)).await?.ok_or(AppError::NotFound)?;
    let tenant = tx.tenants().await?.into_iter().find(|t| t.id == row.tenant).ok_or(AppError::NotFound)?;
    let p = tx.publication(row.tenant, row.publication).await?.ok_or(AppError::NotFound)?;
    let closed = closed(&row, &p, now);
    let doc = document(tx.as_mut(), &tenant, &p, now).await?;
    Ok(ApprovalPage { tenant: tenant.name, part: doc.part_of(&row.organisation_name), organisation: row.organisation_name, closed })
}

fn closed(row: &ApprovalRow, p: &Publication, now: DateTime<Utc>) -> Option<String> {
    if row.answer != Answer::Waiting {
        Some(format!("Jullie antwoordden al: {}. Deze link werkt maar één keer.", row.answer.label().to_lowercase()))
    } else if p.status == PublicationStatus::Published {
        Some("Deze signalenbundel is intussen gepubliceerd.".to_string())
    } else if now >= row.expires_at {
        Some(format!("Deze link werkte tot {}. Vraag de coördinator om een nieuwe.", dutch_day(brussels::local(row.expires_at).date())))
    } else {
        None
    }
}

/// A partner answers through its link: once, before it expires.
pub async fn answer(store: &dyn Store, token: &str, approve: bool, remark: &str, now: DateTime<Utc>) -> Result<Answer, AppError> {
    let answer = check_answer(approve, remark).map_err(|r| AppError::Invalid(r.message()))?;
    let mut tx = store.write().await?;
    let row = tx.approval_by_token(&token_hash(token)).await?.ok_or(AppError::NotFound)?;
    let p = tx.publication(row.tenant, row.publication).await?.ok_or(AppError::NotFound)?;
    if let Some(why) = closed(&row, &p, now) {
        return Err(AppError::Invalid(why));
    }
    if !tx.answer_approval(row.id, &answer, now).await? {
        return Err(AppError::Invalid("Jullie antwoordden al. Deze link werkt maar één keer.".into()));
    }
    tx.commit().await?;
    Ok(answer)
}
