//! Server functions: the public endpoints the pages call. Each is thin: it
//! authorises the caller, then hands over to a use case or a read.
//! Types they return sit beside them and are shared with the browser.

pub mod admin;
pub mod board;
pub mod bundles;
pub mod citizen;
pub mod feedback;
pub mod follow;
pub mod forum;
pub mod intake;
pub mod invitation;
pub mod platform;
pub mod policy;
pub mod reports;
pub mod session;
pub mod signal;
pub mod tenants;
pub mod workbench;

use serde::{Deserialize, Serialize};

/// The tenant a page is about, for its heading.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TenantHeader {
    pub slug: String,
    pub name: String,
}

#[cfg(feature = "ssr")]
impl From<&crate::domain::Tenant> for TenantHeader {
    fn from(t: &crate::domain::Tenant) -> Self {
        TenantHeader { slug: t.slug.clone(), name: t.name.clone() }
    }
}
