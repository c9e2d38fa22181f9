//! Reporting a signal: a form a frontline worker finishes in three minutes on
//! a phone. The page is rendered on the server and works without JavaScript;
//! the form is an island (`form`) that checks as you type, keeps a draft,
//! flags personal data and shows similar signals. The page loads the intake
//! bundle (feature `intake`), not the workspace's.

mod browser;
mod citizen;
mod fields;
mod form;
mod privacy;
mod similar;

#[cfg(feature = "ssr")]
mod page;
#[cfg(feature = "ssr")]
mod sent;

#[cfg(feature = "ssr")]
pub use page::IntakePage;
#[cfg(feature = "ssr")]
pub use sent::SentPage;

#[cfg(feature = "ssr")]
pub use citizen::CitizenIntake;

/// Pages that load the intake bundle instead of the workspace's: the forms.
pub fn uses_intake_bundle(path: &str) -> bool {
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    matches!(parts.as_slice(), [_, "signaleren"])
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_intake_bundle_serves_the_forms_only() {
        for path in ["/gent/signaleren", "/gent/signaleren/", "/kortrijk/signaleren"] {
            assert!(super::uses_intake_bundle(path), "{path}");
        }
        for path in ["/gent", "/gent/bord", "/gent/signaleren/bevestigd", "/signaleren", "/gent/signaleren/verstuurd/1"] {
            assert!(!super::uses_intake_bundle(path), "{path}");
        }
    }
}
