//! Policy domains, their regisseurs and consultation bodies, and policy
//! bottlenecks: owned and edited by the regisseurs of their domain (and the
//! hoofdsignaalverwerker), linked to the signals and bundles that prove them.
//! Retained signals linked to none are listed: they need extra attention.

use chrono::{DateTime, Utc};

use crate::domain::access::OUTCOME_READERS;
use crate::domain::forum::agenda::AgendaSubject;
use crate::domain::forum::bottleneck::{Bottleneck, BottleneckForm};
use crate::domain::forum::view::{BottlenecksView, DomainView};
use crate::domain::*;
use crate::error::AppError;
use crate::server::auth::TenantCaller;
use crate::storage::{Store, Tx};

/// May this member own bottlenecks of this domain?
fn owns(caller: &TenantCaller, domain: PolicyDomainId) -> bool {
    caller.membership.has(Role::Hoofdsignaalverwerker) || caller.membership.holds(Role::Regisseur, domain)
}

pub async fn page(store: &dyn Store, caller: &TenantCaller) -> Result<BottlenecksView, AppError> {
    if !caller.has_any(OUTCOME_READERS) {
        return Err(AppError::NoAccess);
    }
    let tenant = caller.tenant.id;
    let mut tx = store.read().await?;
    let mates = tx.teammates(tenant).await?;
    let domains: Vec<DomainView> = tx
        .policy_domains(tenant)
        .await?
        .into_iter()
        .map(|d| DomainView {
            regisseurs: mates.iter().filter(|m| m.membership.holds(Role::Regisseur, d.id)).map(|m| m.name.clone()).collect(),
            mine: caller.membership.holds(Role::Regisseur, d.id),
            id: d.id,
            name: d.name,
            body: d.body,
        })
        .collect();
    let bottlenecks = tx.bottlenecks(tenant).await?.into_iter().map(|b| Bottleneck { editable: owns(caller, b.domain), ..b }).collect();
    let readable = |s: &SignalSummary| Reader::of(&caller.membership, caller.person.id, &s.scope).is_some();
    let without = tx.signals_without_bottleneck(tenant).await?.into_iter().filter(|s| readable(s)).collect();
    let my_signals = if caller.membership.has(Role::Regisseur) {
        let past_screening: Vec<Phase> = Phase::ALL.into_iter().filter(|p| p.is_past_screening()).collect();
        let mut mine: Vec<SignalSummary> =
            tx.signal_summaries_in(tenant, &past_screening).await?.into_iter().filter(|s| caller.membership.steers(&s.scope)).collect();
        mine.reverse();
        mine.truncate(200);
        mine
    } else {
        Vec::new()
    };
    let may_raise_in = domains.iter().filter(|d| owns(caller, d.id)).map(|d| d.id).collect();
    Ok(BottlenecksView {
        domains,
        bottlenecks,
        without,
        my_signals,
        may_edit_domains: caller.membership.has(Role::Hoofdsignaalverwerker),
        may_raise_in,
    })
}

/// Raise a bottleneck in a domain the caller owns.
pub async fn raise(store: &dyn Store, caller: &TenantCaller, form: &BottleneckForm, now: DateTime<Utc>) -> Result<BottleneckId, AppError> {
    let checked = form.check()?;
    if !owns(caller, checked.domain) {
        return Err(AppError::NoAccess);
    }
    let tenant = caller.tenant.id;
    let mut tx = store.write().await?;
    known_domains(&mut *tx, tenant, std::iter::once(checked.domain).chain(checked.help.iter().copied())).await?;
    let id = tx.insert_bottleneck(tenant, &checked, caller.person.id, now).await?;
    tx.audit(&audit(caller, "knelpunt-aangemaakt", id.to_string(), checked.question.clone()), now).await?;
    tx.commit().await?;
    Ok(id)
}

/// Edit a bottleneck, based on its version; its owner's domain decides who may.
pub async fn edit(
    store: &dyn Store,
    caller: &TenantCaller,
    id: BottleneckId,
    version: i64,
    form: &BottleneckForm,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let checked = form.check()?;
    let tenant = caller.tenant.id;
    let mut tx = store.write().await?;
    let current = tx.bottlenecks(tenant).await?.into_iter().find(|b| b.id == id).ok_or(AppError::NotFound)?;
    if !owns(caller, current.domain) || !owns(caller, checked.domain) {
        return Err(AppError::NoAccess);
    }
    known_domains(&mut *tx, tenant, std::iter::once(checked.domain).chain(checked.help.iter().copied())).await?;
    if !tx.update_bottleneck(tenant, id, version, &checked).await? {
        return Err(AppError::Stale);
    }
    tx.audit(&audit(caller, "knelpunt-gewijzigd", id.to_string(), checked.status.code().to_string()), now).await?;
    tx.commit().await?;
    Ok(())
}

/// Link (or unlink) a bundle or signal to a bottleneck. The caller must read
/// what they link, and either process it or own the bottleneck. Each signal
/// gets an internal event.
pub async fn link(
    store: &dyn Store,
    caller: &TenantCaller,
    id: BottleneckId,
    subject: AgendaSubject,
    linked: bool,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let tenant = caller.tenant.id;
    let mut tx = store.write().await?;
    let bottleneck = tx.bottlenecks(tenant).await?.into_iter().find(|b| b.id == id).ok_or(AppError::NotFound)?;
    if matches!(subject, AgendaSubject::Bottleneck(_)) {
        return Err(AppError::NotFound);
    }
    let signals = super::forum::agenda::subject_signals(&mut *tx, tenant, subject).await?;
    if signals.is_empty() || !signals.iter().any(|s| Reader::of(&caller.membership, caller.person.id, &s.scope).is_some()) {
        return Err(AppError::NotFound);
    }
    let processes = signals.iter().all(|s| caller.membership.processes(&s.scope));
    if !processes && !owns(caller, bottleneck.domain) {
        return Err(AppError::NoAccess);
    }
    let changed =
        if linked { tx.link_bottleneck(tenant, id, subject, now).await? } else { tx.unlink_bottleneck(tenant, id, subject).await? };
    if changed {
        let kind = if linked { EventKind::BottleneckLinked } else { EventKind::BottleneckUnlinked };
        for signal in &signals {
            let event = EventDraft::note(kind, None, Some(bottleneck.question.clone()));
            tx.insert_event(tenant, signal.id, Some(caller.person.id), now, &event).await?;
        }
        tx.audit(&audit(caller, if linked { "knelpunt-gekoppeld" } else { "knelpunt-ontkoppeld" }, id.to_string(), subject.key()), now)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The hoofdsignaalverwerker renames a domain or names its consultation body.
pub async fn edit_domain(
    store: &dyn Store,
    caller: &TenantCaller,
    domain: PolicyDomainId,
    name: &str,
    body: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    if !caller.membership.has(Role::Hoofdsignaalverwerker) {
        return Err(AppError::NoAccess);
    }
    let name = crate::domain::forum::short_text(name, "De naam", 100)?;
    if name.is_empty() {
        return Err(crate::domain::forum::ForumRefusal::TitleRequired.into());
    }
    let body = crate::domain::forum::short_text(body, "Het overlegorgaan", 300)?;
    let mut tx = store.write().await?;
    if !tx.update_domain(caller.tenant.id, domain, &name, &body).await? {
        return Err(AppError::NotFound);
    }
    tx.audit(&audit(caller, "beleidsdomein-gewijzigd", domain.to_string(), name), now).await?;
    tx.commit().await?;
    Ok(())
}

async fn known_domains(tx: &mut dyn Tx, tenant: TenantId, ids: impl Iterator<Item = PolicyDomainId>) -> Result<(), AppError> {
    let known = tx.policy_domains(tenant).await?;
    for id in ids {
        if !known.iter().any(|d| d.id == id) {
            return Err(AppError::NotFound);
        }
    }
    Ok(())
}

fn audit(caller: &TenantCaller, action: &'static str, id: String, detail: String) -> NewAudit {
    NewAudit {
        tenant: Some(caller.tenant.id),
        person: Some(caller.person.id),
        action,
        object_type: "knelpunt",
        object_id: id,
        detail,
        ip: caller.ip.clone(),
    }
}
