//! Opening and accepting an invitation (public: the link is the key).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::Role;
use crate::error::AppError;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationPage {
    pub tenant_name: String,
    pub tenant_slug: String,
    pub email: String,
    pub name: String,
    pub role: Role,
    /// The address has an account: accept while logged in.
    pub has_account: bool,
    /// Someone is logged in with the invited address.
    pub logged_in_as_invitee: bool,
}

#[server(endpoint = "uitnodiging")]
pub async fn load_invitation(token: String) -> Result<InvitationPage, AppError> {
    crate::server::answer(async move {
        use crate::server::limits::Door;
        use crate::server::{app_state, auth};
        auth::public("uitnodiging")?;
        let state = app_state()?;
        let ip = auth::client_ip().await;
        state.limits.check(Door::Invitation, &[&format!("ip:{ip}")]).await?;
        let view = crate::usecases::invitations::view(state.store.as_ref(), &token, chrono::Utc::now()).await?;
        let me = auth::current_person(&state).await?;
        Ok(InvitationPage {
            logged_in_as_invitee: me.is_some_and(|p| p.email == view.email),
            tenant_name: view.tenant_name,
            tenant_slug: view.tenant_slug,
            email: view.email,
            name: view.name,
            role: view.role,
            has_account: view.has_account,
        })
    })
    .await
}

#[server(endpoint = "uitnodiging-aanvaarden")]
pub async fn accept_invitation(
    token: String,
    name: Option<String>,
    password: Option<String>,
    repeat: Option<String>,
) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::server::limits::Door;
        use crate::server::{app_state, auth};
        use crate::usecases::invitations::{Acceptance, accept};
        auth::public("uitnodiging-aanvaarden")?;
        let state = app_state()?;
        let ip = auth::client_ip().await;
        state.limits.check(Door::Invitation, &[&format!("ip:{ip}")]).await?;
        let me = auth::current_person(&state).await?;
        let (name, password, repeat) = (name.unwrap_or_default(), password.unwrap_or_default(), repeat.unwrap_or_default());
        let acceptance = Acceptance { token: &token, name: &name, password: &password, repeat: &repeat, logged_in: me.as_ref(), ip: &ip };
        let (person, slug) = accept(state.store.as_ref(), acceptance, chrono::Utc::now()).await?;
        auth::start_session(&person).await?;
        leptos_axum::redirect(&format!("/{slug}"));
        Ok(())
    })
    .await
}
