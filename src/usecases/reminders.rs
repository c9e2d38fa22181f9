//! The screening reminder: signals that wait in Ingediend longer than their
//! tenant's screening deadline cause one mail to each of their processors,
//! once, ever. Run hourly by the server (`server::http::serve`).

use chrono::{DateTime, Utc};

use crate::domain::board::ProcessedBy;
use crate::domain::{Role, SignalSummary, Tenant};
use crate::error::AppError;
use crate::storage::Store;

/// For every tenant with a deadline, in one transaction each: claim the
/// reminders of its overdue signals not reminded of yet, and queue one mail
/// per processor listing the claimed signals they process. Returns the
/// number of mails queued.
pub async fn send_screening_reminders(store: &dyn Store, public_url: &str, now: DateTime<Utc>) -> Result<usize, AppError> {
    let tenants = store.read().await?.tenants_with_screening_deadline().await?;
    let mut mails = 0;
    for (tenant, limits) in tenants {
        let (Some(cutoff), Some(days)) = (limits.screening_cutoff(now), limits.screening_days) else { continue };
        let mut tx = store.write().await?;
        let claimed = tx.claim_screening_reminders(tenant.id, cutoff, now).await?;
        if claimed.is_empty() {
            continue; // nothing claimed: the transaction ends without a change
        }
        let mut signals = Vec::with_capacity(claimed.len());
        for id in claimed {
            if let Some(signal) = tx.signal_summary(tenant.id, id).await? {
                signals.push(signal);
            }
        }
        for member in tx.members(tenant.id).await? {
            if !member.active || !member.roles.iter().any(|r| matches!(r, Role::Hoofdsignaalverwerker | Role::Signaalverwerker)) {
                continue;
            }
            let Some(person) = tx.person(member.person).await? else { continue };
            if !person.active {
                continue;
            }
            let Some(membership) = tx.memberships(member.person).await?.into_iter().find(|m| m.tenant == tenant.id) else { continue };
            let processed = ProcessedBy::of(&membership);
            let theirs: Vec<&SignalSummary> = signals.iter().filter(|s| processed.matches(&s.scope)).collect();
            if theirs.is_empty() {
                continue;
            }
            let (subject, body) = reminder_text(&tenant, &person.name, days, &theirs, public_url);
            tx.queue_mail(Some(tenant.id), &person.email, &subject, &body, now).await?;
            mails += 1;
        }
        tx.commit().await?;
    }
    Ok(mails)
}

/// The mail: the signals' numbers, titles and links, nothing about who
/// reported them (the link opens the signal for those who may read it).
fn reminder_text(tenant: &Tenant, name: &str, days: u32, signals: &[&SignalSummary], public_url: &str) -> (String, String) {
    let subject = match signals.len() {
        1 => format!("1 signaal wacht op screening ({})", tenant.name),
        n => format!("{n} signalen wachten op screening ({})", tenant.name),
    };
    let days = if days == 1 { "1 dag".to_string() } else { format!("{days} dagen") };
    let mut body =
        format!("Dag {name},\n\nDeze signalen bij {} staan langer dan {days} in ‘Ingediend’ en wachten op screening:\n\n", tenant.name);
    for signal in signals {
        body.push_str(&format!("- #{} {}\n  {public_url}/{}/signalen/{}\n", signal.id, signal.title, tenant.slug, signal.id));
    }
    body.push_str(&format!("\nJe krijgt over elk signaal maar één herinnering. Het bord: {public_url}/{}/bord\n\nSeinhuis\n", tenant.slug));
    (subject, body)
}
