//! Forum preparation pages: the meetings (`/{tenant}/overleg`), one
//! meeting with its agenda builder, invitees and minutes
//! (`/{tenant}/overleg/{id}`), and its dossier (`…/dossier`). Only the
//! agenda builder is an island; the rest renders on the server.

mod agenda;
#[cfg(feature = "ssr")]
mod dossier;
mod download;
#[cfg(feature = "ssr")]
mod invitees;
#[cfg(feature = "ssr")]
mod minutes;
#[cfg(feature = "ssr")]
mod pages;

pub use self::agenda::AgendaBuilder;
pub use self::download::PdfDownload;
#[cfg(feature = "ssr")]
pub use self::pages::*;
