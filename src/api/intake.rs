//! Signal intake: what the form needs, and sending a signal.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::TenantHeader;
use crate::domain::{PolicyDomain, SignalId};
use crate::error::AppError;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntakeForm {
    pub tenant: TenantHeader,
    pub organisation: Option<String>,
    pub policy_domains: Vec<PolicyDomain>,
}

#[server(endpoint = "signaleren")]
pub async fn load_intake(tenant: String) -> Result<IntakeForm, AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "signaleren", &tenant).await?;
        let mut tx = state.store.read().await?;
        let organisation = tx
            .organisations(caller.tenant.id)
            .await?
            .into_iter()
            .find(|o| Some(o.id) == caller.membership.organisation)
            .map(|o| o.name);
        Ok(IntakeForm { tenant: (&caller.tenant).into(), organisation, policy_domains: tx.policy_domains(caller.tenant.id).await? })
    })
    .await
}

#[server(endpoint = "signaal-indienen")]
pub async fn submit_signal(tenant: String, title: String, description: String, policy_domain: Option<String>) -> Result<SignalId, AppError> {
    crate::server::answer(async move {
        use crate::domain::{NewSignal, PolicyDomainId, Source};
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "signaal-indienen", &tenant).await?;
        let title = title.trim().to_string();
        let description = description.trim().to_string();
        if title.is_empty() || title.chars().count() > 120 {
            return Err(AppError::Invalid("Geef je signaal een korte titel van hoogstens 120 tekens.".into()));
        }
        if description.is_empty() || description.chars().count() > 5000 {
            return Err(AppError::Invalid("Beschrijf wat je ziet, in hoogstens 5000 tekens.".into()));
        }
        let mut tx = state.store.write().await?;
        let domains = tx.policy_domains(caller.tenant.id).await?;
        let policy_domain = match policy_domain.filter(|d| !d.is_empty()) {
            Some(d) => Some(
                domains
                    .iter()
                    .find(|known| known.id.0.to_string() == d)
                    .map(|known| known.id)
                    .ok_or_else(|| AppError::Invalid("Kies een beleidsdomein uit de lijst.".into()))?,
            ),
            None => None::<PolicyDomainId>,
        };
        let signal = NewSignal {
            title,
            description,
            policy_domain,
            source: Source::Worker,
            reporter: Some(caller.person.id),
            organisation: caller.membership.organisation,
            ..NewSignal::default()
        };
        let now = chrono::Utc::now();
        let id = crate::usecases::signals::submit(&mut *tx, caller.tenant.id, &signal, now).await?;
        tx.audit(
            &crate::domain::NewAudit {
                tenant: Some(caller.tenant.id),
                person: Some(caller.person.id),
                action: "signaal-ingediend",
                object_type: "signaal",
                object_id: id.to_string(),
                detail: signal.title,
                ip: caller.ip.clone(),
            },
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    })
    .await
}
