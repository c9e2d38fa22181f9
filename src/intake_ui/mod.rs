//! The intake form's live part, without the Leptos runtime.
//!
//! The intake page is the one a worker opens on a phone, so it ships its own
//! small script instead of the islands bundle (docs/benchmarks.md has the
//! weights). The server renders the whole form, which works without
//! JavaScript; the script (feature `intake-script`) keeps it current as the
//! person types: errors, counters, privacy flags, the draft, similar signals
//! and the policy-domain suggestion. Both render the changing parts with the
//! same functions in `markup`, so they cannot drift apart.

pub mod markup;
#[cfg(feature = "intake-script")]
mod script;

/// Where the browser keeps a person's draft: drafts of two people on one
/// computer stay apart.
pub fn draft_key(tenant: &str, author: i64) -> String {
    format!("seinhuis-concept-{tenant}-{author}")
}

/// Pages that load the intake script instead of the islands bundle: the
/// form (`/{tenant}/signaleren`) and its confirmation page, which forgets
/// the draft once the signal arrived.
pub fn serves(path: &str) -> bool {
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    matches!(parts.as_slice(), [_, "signaleren"] | [_, "signaleren", "verstuurd", _])
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_script_serves_the_form_and_its_confirmation_only() {
        for path in ["/gent/signaleren", "/gent/signaleren/", "/kortrijk/signaleren/verstuurd/12"] {
            assert!(super::serves(path), "{path}");
        }
        for path in ["/gent", "/gent/bord", "/gent/signaleren/bevestigd", "/signaleren", "/gent/signaleren/verstuurd/1/x"] {
            assert!(!super::serves(path), "{path}");
        }
    }
}
