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
    /// Per-instance: whose each log-in session seen here is (`auth::KnownSessions`).
    pub known_sessions: Arc<super::auth::KnownSessions>,
}

impl AppState {
    pub fn new(store: Arc<dyn Store>, config: Config) -> Self {
        AppState {
            leptos_options: config.leptos.clone(),
            limits: Arc::new(Limits::new(store.clone(), config.rate_limit_per_minute)),
            store,
            similarity: Arc::new(SimilarityIndex::default()),
            classifiers: Arc::default(),
            known_sessions: Arc::default(),
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
///
/// Every route and server function gets the state from the router
/// (`leptos_routes_with_context`), so it is missing in one case only: a
/// resource still running for a render that Leptos dropped. On the server
/// Leptos may build a page's component twice for one request (seen on
/// `/{tenant}`, whose resource asks for the tenant and then for who is logged
/// in); the first build is dropped, and its resource, still waiting on the
/// database, comes back to an owner cut off from the request: no state, no
/// request parts, and nobody reads its answer. That is no error and is not
/// logged as one (it was the `AppState missing from context` ERROR in the
/// end-to-end runs). A request that reaches us without the state (its parts
/// are there) is a programming error and is logged.
pub fn app_state() -> Result<AppState, crate::error::AppError> {
    use leptos::prelude::use_context;
    if let Some(state) = use_context::<AppState>() {
        return Ok(state);
    }
    if use_context::<::http::request::Parts>().is_none() {
        tracing::debug!("a dropped render asked for the app state; its answer is not used");
        return Err(crate::error::AppError::Internal);
    }
    Err(crate::error::AppError::internal("AppState missing from context"))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use leptos::prelude::{Owner, provide_context};
    use tracing_subscriber::layer::SubscriberExt;

    use super::app_state;

    /// Counts the ERROR lines that would reach the log.
    struct Errors(Arc<AtomicUsize>);

    impl<S: tracing::Subscriber> tracing_subscriber::Layer<S> for Errors {
        fn on_event(&self, event: &tracing::Event<'_>, _: tracing_subscriber::layer::Context<'_, S>) {
            if *event.metadata().level() == tracing::Level::ERROR {
                self.0.fetch_add(1, Ordering::SeqCst);
            }
        }
    }

    #[test]
    fn a_dropped_render_logs_no_error_but_a_request_without_state_does() {
        let errors = Arc::new(AtomicUsize::new(0));
        let subscriber = tracing_subscriber::registry().with(Errors(errors.clone()));
        tracing::subscriber::with_default(subscriber, || {
            // A resource of a dropped render: its owner lost the request's contexts.
            Owner::new().with(|| assert!(app_state().is_err()));
            assert_eq!(errors.load(Ordering::SeqCst), 0, "no ERROR line for a dropped render");
            // A request (its parts are there) that was routed without the state.
            Owner::new().with(|| {
                provide_context(::http::Request::new(()).into_parts().0);
                assert!(app_state().is_err());
            });
            assert_eq!(errors.load(Ordering::SeqCst), 1, "a real omission is logged");
        });
    }
}
