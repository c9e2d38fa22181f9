//! The demo's reports: each municipality's targets, its public page, and a
//! signalenbundel for the previous period, approved by its partners and
//! published through the same use cases as a coordinator's.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

use super::Loaded;
use super::forum::DemoForum;
use crate::domain::forum::agenda::AgendaSubject;
use crate::domain::reports::publication::{Answer, PublicationStatus};
use crate::domain::reports::targets::{Metric, Target};
use crate::domain::*;
use crate::error::AppError;
use crate::storage::{PublicKind, Publication, PublicationDraft, Tx};
use crate::usecases::reports::publications;

pub(super) async fn publish(tx: &mut dyn Tx, l: &Loaded, slug: &str, now: DateTime<Utc>) -> Result<(), AppError> {
    let caller = DemoForum::coordinator(tx, l, slug).await?;
    let tenant = caller.tenant.id;
    tx.set_targets(tenant, &[Target { metric: Metric::InAction, per_year: 2 }, Target { metric: Metric::Received, per_year: 40 }]).await?;
    tx.set_public_text(
        tenant,
        &format!(
            "Wie in {} met mensen werkt, ziet soms keer op keer hetzelfde probleem. Zo'n signaal melden ze hier.\n\n\
             Twee keer per jaar bespreken we de signalen op een forum met partners en beleid. Om de twee jaar bundelen we wat ermee gebeurde.",
            caller.tenant.name
        ),
    )
    .await?;
    // The previous period: the two years up to the end of last month.
    let today = brussels::local(now).date();
    let to = NaiveDate::from_ymd_opt(today.year(), today.month(), 1).and_then(|d| d.pred_opt()).unwrap_or(today);
    let from = to.checked_sub_months(chrono::Months::new(24)).and_then(|d| d.succ_opt()).unwrap_or(to);
    let subjects: Vec<AgendaSubject> = tx
        .publishable(tenant)
        .await?
        .into_iter()
        .filter(|(s, _, phase)| matches!(s, AgendaSubject::Bundle(_)) && (phase == "in_action" || phase == "closed"))
        .map(|(s, _, _)| s)
        .collect();
    if subjects.is_empty() {
        return Ok(());
    }
    let title = format!("Signalenbundel {} {}–{}", caller.tenant.name, from.year(), to.year());
    let intro = "Deze bundel toont welke signalen de voorbije twee jaar werden uitgewerkt, wie ze mee oppakte en wat ermee gebeurde.";
    let draft = PublicationDraft { title, period: (from, to), intro: intro.to_string(), subjects };
    let id = tx.insert_publication(tenant, &draft, now - Duration::days(10)).await?;
    let draft = tx.publication(tenant, id).await?.ok_or(AppError::NotFound)?;
    let doc = publications::compile(tx, &caller.tenant, &draft, now).await?;
    let organisations = tx.organisations(tenant).await?;
    for name in doc.partners() {
        if let Some(org) = organisations.iter().find(|o| o.name == name) {
            // Answered at once: no link is made, so no token exists.
            let unknown = crate::server::passwords::token_hash(&crate::server::passwords::new_token());
            let approval = tx.insert_approval(tenant, id, org.id, &org.contact_email, now - Duration::days(3), &unknown).await?;
            tx.answer_approval(approval, &Answer::Approved, now - Duration::days(5)).await?;
        }
    }
    let published = Publication { status: PublicationStatus::Published, ..draft };
    let doc = publications::compile(tx, &caller.tenant, &published, now - Duration::days(2)).await?;
    let json = serde_json::to_string(&doc).map_err(AppError::internal)?;
    tx.set_publication_status(tenant, id, PublicationStatus::Published, Some(&json), now - Duration::days(2)).await?;

    // One agreement and one followed-up signal on the public page.
    if let Some(campaign) = tx.public_items(tenant, PublicKind::Campaign, false).await?.first() {
        let summary = format!("Partners werken samen aan ‘{}’; de stand staat in de signalenbundel.", campaign.title);
        tx.set_public_summary(tenant, PublicKind::Campaign, campaign.id, &summary).await?;
    }
    if let Some(signal) = tx.public_items(tenant, PublicKind::Signal, false).await?.first() {
        let summary = "Meerdere organisaties zagen dit probleem. Het werd besproken op het forum en wordt opgevolgd.";
        tx.set_public_summary(tenant, PublicKind::Signal, signal.id, summary).await?;
    }
    Ok(())
}
