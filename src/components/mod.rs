//! Small pieces shared by several pages.

pub mod dates;
pub mod layout;
pub mod notice;
pub mod phase;
