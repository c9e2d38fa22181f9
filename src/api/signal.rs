//! One signal with its history.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::TenantHeader;
use crate::domain::{HistoryEntry, Phase, SignalDetails};
use crate::error::AppError;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignalPage {
    pub tenant: TenantHeader,
    pub signal: SignalDetails,
    pub history: Vec<HistoryEntry>,
    pub targets: Vec<Phase>,
    /// Processors see internal notes and who reported the signal.
    pub internal: bool,
}

#[server(endpoint = "signaal")]
pub async fn load_signal(tenant: String, id: i64) -> Result<SignalPage, AppError> {
    crate::server::answer(async move {
        use crate::domain::{Role, SignalId};
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "signaal", &tenant).await?;
        let mut tx = state.store.read().await?;
        let summary = tx.signal_summary(caller.tenant.id, SignalId(id)).await?.ok_or(AppError::NotFound)?;
        let m = &caller.membership;
        let internal = m.processes(&summary.scope);
        let own = summary.scope.reporter == Some(caller.person.id);
        let regisseur = m.has(Role::Regisseur) && summary.scope.policy_domain.is_some_and(|d| m.policy_domains.contains(&d));
        if !(internal || own || regisseur) {
            // Not "geen toegang": that would tell the signal exists.
            return Err(AppError::NotFound);
        }
        let mut signal = tx.signal_details(caller.tenant.id, summary.id).await?.ok_or(AppError::NotFound)?;
        let mut history = tx.history(caller.tenant.id, summary.id).await?;
        if !internal {
            history.iter_mut().for_each(|e| e.note = None);
            if !own {
                signal.reporter_name = None;
            }
        }
        let targets = crate::usecases::signals::allowed_targets(&caller, &summary);
        Ok(SignalPage { tenant: (&caller.tenant).into(), signal, history, targets, internal })
    })
    .await
}
