//! The draft kept in the browser (localStorage), so a dropped connection or a
//! closed tab loses nothing.

use crate::domain::intake::SignalDraft;

pub fn key(tenant: &str, author: i64) -> String {
    format!("seinhuis-concept-{tenant}-{author}")
}

#[cfg(feature = "hydrate")]
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

#[cfg(feature = "hydrate")]
pub fn load(key: &str) -> Option<SignalDraft> {
    let text = storage()?.get_item(key).ok()??;
    serde_json::from_str(&text).ok()
}

#[cfg(feature = "hydrate")]
pub fn save(key: &str, draft: &SignalDraft) {
    if let (Some(storage), Ok(text)) = (storage(), serde_json::to_string(draft)) {
        let _ = storage.set_item(key, &text);
    }
}

#[cfg(feature = "hydrate")]
pub fn clear(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

// On the server there is no browser storage.
#[cfg(not(feature = "hydrate"))]
pub fn load(_key: &str) -> Option<SignalDraft> {
    None
}

#[cfg(not(feature = "hydrate"))]
pub fn save(_key: &str, _draft: &SignalDraft) {}

#[cfg(not(feature = "hydrate"))]
pub fn clear(_key: &str) {}
