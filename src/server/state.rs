//! What every request handler and server function can reach.

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::config::LeptosOptions;

use super::config::Config;
use super::limits::Limits;
use crate::storage::Store;
use crate::text::similarity::SimilarityIndex;

#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub store: Arc<dyn Store>,
    pub config: Arc<Config>,
    pub limits: Arc<Limits>,
    /// Per-instance text index for "similar signals".
    pub similarity: Arc<SimilarityIndex>,
    /// Per-instance policy-domain classifiers, one per tenant.
    pub classifiers: Arc<crate::usecases::suggest::Classifiers>,
}

impl AppState {
    pub fn new(store: Arc<dyn Store>, config: Config) -> Self {
        AppState {
            leptos_options: config.leptos.clone(),
            limits: Arc::new(Limits::new(store.clone(), config.rate_limit_per_minute)),
            store,
            similarity: Arc::new(SimilarityIndex::default()),
            classifiers: Arc::default(),
            config: Arc::new(config),
        }
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// The app state inside a server function or a server-rendered component.
pub fn app_state() -> Result<AppState, crate::error::AppError> {
    leptos::prelude::use_context::<AppState>().ok_or_else(|| crate::error::AppError::internal("AppState missing from context"))
}
