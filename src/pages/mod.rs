//! Pages, named after what people do on them.

pub mod admin;
pub mod board;
pub mod citizen;
pub mod follow;
pub mod home;
pub mod intake;
pub mod invitation;
pub mod login;
pub mod not_found;
pub mod password;
pub mod platform;
pub mod signal;
pub mod tenant;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// A route parameter as a reactive string ("" when absent).
pub fn param(name: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || params.read().get(name).unwrap_or_default()
}
