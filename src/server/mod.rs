//! Server-only plumbing: configuration, state, HTTP, and who is calling.

pub mod auth;
pub mod config;
pub mod http;
pub mod state;

pub use state::{AppState, app_state};
