//! Use cases: each opens one transaction, asks the domain for a decision,
//! writes the result and commits. Server functions and the command line call
//! these; they never talk SQL themselves.

pub mod signals;
pub mod tenants;
