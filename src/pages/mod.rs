//! Pages, named after what people do on them. They render on the server;
//! a page module is compiled for the browser only when it holds islands,
//! and only into the bundle that serves it (features `intake`, `workspace`).

#[cfg(feature = "ssr")]
pub mod admin;
#[cfg(any(feature = "ssr", feature = "workspace"))]
pub mod board;
#[cfg(feature = "ssr")]
pub mod bundles;
#[cfg(feature = "ssr")]
pub mod citizen;
#[cfg(feature = "ssr")]
pub mod follow;
#[cfg(any(feature = "ssr", feature = "workspace"))]
pub mod forum;
#[cfg(feature = "ssr")]
pub mod home;
#[cfg(any(feature = "ssr", feature = "intake"))]
pub mod intake;
#[cfg(any(feature = "ssr", feature = "workspace"))]
pub mod invitation;
#[cfg(feature = "ssr")]
pub mod login;
#[cfg(feature = "ssr")]
pub mod not_found;
#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
pub mod platform;
#[cfg(feature = "ssr")]
pub mod policy;
#[cfg(feature = "ssr")]
pub mod reports;
#[cfg(any(feature = "ssr", feature = "workspace"))]
pub mod signal;
#[cfg(feature = "ssr")]
pub mod tenant;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// A route parameter as a reactive string ("" when absent).
pub fn param(name: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || params.read().get(name).unwrap_or_default()
}
