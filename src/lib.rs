//! Seinhuis: social-policy signals from the field to policy.
//!
//! The lifecycle rules live in `domain` (compiled for browser and server);
//! `api` holds the server functions the pages call; `pages` and `components`
//! are what people see; `usecases`, `storage` and `server` exist only on the
//! server. Pages render on the server; their interactive parts are Leptos
//! islands, built into two browser bundles: `intake` (the workers' and
//! citizens' forms) and `workspace` (every other page).

#![recursion_limit = "256"]

#[cfg(any(feature = "ssr", feature = "hydrate"))]
pub mod api;
#[cfg(feature = "ssr")]
pub mod app;
#[cfg(any(feature = "ssr", feature = "hydrate"))]
pub mod components;
pub mod domain;
pub mod error;
#[cfg(any(feature = "ssr", feature = "hydrate"))]
pub mod pages;

#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod documents;
#[cfg(feature = "ssr")]
pub mod exports;
#[cfg(feature = "ssr")]
pub mod server;
#[cfg(feature = "ssr")]
pub mod storage;
#[cfg(feature = "ssr")]
pub mod text;
#[cfg(feature = "ssr")]
pub mod usecases;

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Islands: only `#[island]` components come alive in the browser.
    leptos::mount::hydrate_islands();
    // Tells end-to-end tests (and curious people) that the page is interactive.
    if let Some(body) = leptos::prelude::document().body() {
        let _ = body.set_attribute("data-hydrated", "true");
    }
}
