//! Small pieces shared by several pages.

pub mod browser;
pub mod dates;
pub mod feedback;
pub mod figures;
pub mod heading;
pub mod history;
pub mod layout;
pub mod loaded;
#[cfg(feature = "ssr")]
pub mod markdown;
pub mod moves;
pub mod notice;
pub mod phase;
