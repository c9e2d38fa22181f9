//! What the intake islands ask of the browser: the draft kept in local
//! storage (and the shared helpers: what was typed, focus).
//! Called from event handlers and effects only, which run in the browser.

use leptos::prelude::*;

pub use crate::components::browser::{focus_soon, focus_within, form_values, go_to};
use crate::domain::intake::SignalDraft;

/// Where the browser keeps a person's draft: drafts of two people on one
/// computer stay apart.
pub fn draft_key(tenant: &str, author: i64) -> String {
    format!("seinhuis-concept-{tenant}-{author}")
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok()?
}

pub fn saved_draft(key: &str) -> Option<SignalDraft> {
    serde_json::from_str(&storage()?.get_item(key).ok()??).ok()
}

pub fn save_draft(key: &str, draft: &SignalDraft) {
    if let (Some(storage), Ok(text)) = (storage(), serde_json::to_string(draft)) {
        let _ = storage.set_item(key, &text);
    }
}

pub fn forget_draft(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}
