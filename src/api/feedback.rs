//! What a page says about the form that was just sent without JavaScript
//! (the browser posts, the server answers with a redirect back).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feedback {
    pub ok: bool,
    pub message: String,
}

impl Feedback {
    /// The plain "it worked".
    pub fn done() -> Option<Feedback> {
        Some(Feedback { ok: true, message: "Gelukt: je wijziging is bewaard.".into() })
    }

    pub fn success(message: impl Into<String>) -> Feedback {
        Feedback { ok: true, message: message.into() }
    }
}

/// Take the feedback left for this page, once. Public: it only reads the caller's own session.
#[server(endpoint = "terugkoppeling")]
pub async fn take_feedback() -> Result<Option<Feedback>, AppError> {
    crate::server::auth::public("terugkoppeling")?;
    crate::server::auth::take_feedback().await
}
