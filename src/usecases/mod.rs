//! Use cases: each opens one transaction, asks the domain for a decision,
//! writes the result with its audit entry (and mail, if any) and commits.
//! Server functions and the command line call these; they never talk SQL.

pub mod accounts;
pub mod admin;
pub mod bootstrap;
pub mod bottlenecks;
pub mod bulk;
pub mod bundles;
pub mod campaigns;
pub mod citizen;
pub mod follow;
pub mod forum;
pub mod intake;
pub mod invitations;
pub mod mails;
pub mod redaction;
pub mod reminders;
pub mod reports;
pub mod search;
pub mod signals;
pub mod suggest;
pub mod tenants;
pub mod workbench;
