//! Mijn signalen: a signaalgever follows their own signals, adds information
//! before screening, withdraws, and chooses whether to get mails.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::TenantHeader;
use crate::domain::FollowedSignal;
use crate::error::AppError;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MySignals {
    pub tenant: TenantHeader,
    pub signals: Vec<FollowedSignal>,
    /// Mail me on every phase change.
    pub notify: bool,
    /// An answer sent without JavaScript and refused, as typed.
    pub returned: Option<super::workbench::ReturnedText>,
}

#[server(endpoint = "mijn-signalen")]
pub async fn load_my_signals(tenant: String) -> Result<MySignals, AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "mijn-signalen", &tenant).await?;
        let signals = crate::usecases::follow::my_signals(state.store.as_ref(), &caller).await?;
        let notify = state.store.read_one().await?.notify_phase_changes(caller.person.id).await?;
        let returned = super::workbench::returned_text().await?.filter(|r| r.form.starts_with("antwoord-"));
        Ok(MySignals { tenant: (&caller.tenant).into(), signals, notify, returned })
    })
    .await
}

#[server(endpoint = "signaal-aanvullen")]
pub async fn add_information(tenant: String, signal: i64, text: String) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "signaal-aanvullen", &tenant).await?;
        let id = crate::domain::SignalId(signal);
        crate::usecases::follow::add_information(state.store.as_ref(), &caller, id, &text, chrono::Utc::now()).await?;
        auth::set_feedback(super::feedback::Feedback::success("Bedankt: je aanvulling staat bij je signaal.")).await
    })
    .await
}

#[server(endpoint = "signaal-intrekken")]
pub async fn withdraw_signal(tenant: String, signal: i64) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "signaal-intrekken", &tenant).await?;
        let id = crate::domain::SignalId(signal);
        crate::usecases::follow::withdraw(state.store.as_ref(), &caller, id, chrono::Utc::now()).await?;
        auth::set_feedback(super::feedback::Feedback::success("Je signaal is ingetrokken.")).await
    })
    .await
}

#[server(endpoint = "meldingen-instellen")]
pub async fn set_notifications(tenant: String, notify: Option<String>) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "meldingen-instellen", &tenant).await?;
        let on = super::admin::checked(&notify);
        crate::usecases::follow::set_notifications(state.store.as_ref(), &caller, on, chrono::Utc::now()).await
    })
    .await
}
