//! The integration scenarios, in one test binary: one link instead of ten
//! keeps the build quick and `target/` small (each Leptos binary is large).

#[macro_use]
mod common;

mod access;
mod accounts;
mod board_filters;
mod bundles;
mod follow;
mod forum;
mod forum_access;
mod http;
mod isolation;
mod lifecycle_rules;
mod lifecycle_storage;
mod limits;
mod live;
mod mail;
mod mailbox;
mod privacy;
mod races;
mod redaction;
mod reports;
mod screening;
mod secrets;
mod security;
mod sessions;
mod workbench;
