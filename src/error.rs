//! The one error type of server functions. The browser gets a plain Dutch
//! message; the cause goes to the server log and never to the browser.

#[cfg(any(feature = "ssr", feature = "hydrate"))]
use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

use crate::domain::Refusal;
use crate::domain::intake::FieldError;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("not logged in")]
    NotLoggedIn,
    #[error("no access")]
    NoAccess,
    #[error("not found")]
    NotFound,
    /// The lifecycle refused the change.
    #[error("refused: {0:?}")]
    Refused(Refusal),
    /// Someone else changed it first.
    #[error("stale")]
    Stale,
    /// Someone else changed it first, and this is what they did.
    #[error("changed: {0}")]
    Changed(String),
    /// Bad input, with the Dutch message to show next to it.
    #[error("invalid: {0}")]
    Invalid(String),
    /// Bad input in a form, field by field.
    #[error("form: {0:?}")]
    Form(Vec<FieldError>),
    #[error("too many requests")]
    TooManyRequests,
    /// Something broke on our side; details are in the server log.
    #[error("internal")]
    Internal,
    /// The request did not reach the server function or its answer got lost.
    #[error("transport: {0}")]
    Transport(String),
}

impl AppError {
    /// The text a person reads.
    pub fn message(&self) -> String {
        match self {
            AppError::NotLoggedIn => "Meld je aan om verder te gaan.".into(),
            AppError::NoAccess => "Je hebt geen toegang tot deze pagina.".into(),
            AppError::NotFound => "Dit bestaat niet (meer), of je hebt er geen toegang toe.".into(),
            AppError::Refused(refusal) => refusal.message(),
            AppError::Stale => "Iemand anders heeft dit intussen gewijzigd. We tonen de nieuwe \
                toestand; bekijk die en probeer opnieuw."
                .into(),
            AppError::Changed(what) => {
                format!("Iemand anders was je voor: {what}. We tonen de nieuwe toestand; bekijk die en probeer opnieuw.")
            }
            AppError::Invalid(message) => message.clone(),
            AppError::Form(errors) => match errors.len() {
                1 => "Eén veld vraagt nog aandacht: zie de opmerking bij dat veld.".into(),
                n => format!("{n} velden vragen nog aandacht: zie de opmerkingen bij die velden."),
            },
            AppError::TooManyRequests => "Te veel pogingen na elkaar. Wacht even en probeer het dan opnieuw.".into(),
            AppError::Internal => "Er ging iets mis aan onze kant. Probeer het later opnieuw.".into(),
            AppError::Transport(_) => "De server is niet bereikbaar. Controleer je verbinding en probeer opnieuw.".into(),
        }
    }

    /// Log an unexpected failure and hide it behind a plain message.
    #[cfg(feature = "ssr")]
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(%cause, "internal error");
        AppError::Internal
    }

    /// The HTTP status that fits, for pages rendered on the server.
    pub fn status(&self) -> u16 {
        match self {
            AppError::NotLoggedIn => 401,
            AppError::NoAccess => 403,
            AppError::NotFound => 404,
            AppError::Refused(_) | AppError::Stale | AppError::Changed(_) => 409,
            AppError::Invalid(_) | AppError::Form(_) => 422,
            AppError::TooManyRequests => 429,
            AppError::Internal | AppError::Transport(_) => 500,
        }
    }
}

impl From<crate::domain::forum::ForumRefusal> for AppError {
    fn from(refusal: crate::domain::forum::ForumRefusal) -> Self {
        match refusal {
            crate::domain::forum::ForumRefusal::Stale => AppError::Stale,
            other => AppError::Invalid(other.message()),
        }
    }
}

impl From<Refusal> for AppError {
    fn from(refusal: Refusal) -> Self {
        AppError::Refused(refusal)
    }
}

#[cfg(feature = "ssr")]
impl From<crate::storage::StoreError> for AppError {
    fn from(e: crate::storage::StoreError) -> Self {
        AppError::internal(e)
    }
}

#[cfg(any(feature = "ssr", feature = "hydrate"))]
impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        // On the server this means the request could not be read (bad or
        // missing arguments): log the details, tell the browser plainly.
        #[cfg(feature = "ssr")]
        {
            tracing::warn!(error = %value, "server function request rejected");
            AppError::Invalid("Dit verzoek is onvolledig of ongeldig. Laad de pagina opnieuw en probeer nog eens.".into())
        }
        #[cfg(not(feature = "ssr"))]
        AppError::Transport(value.to_string())
    }
}
