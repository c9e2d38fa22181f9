//! Reports for officials, signalenbundels and the public page.

mod approval;
mod dashboard;
mod public;
mod publications;

pub use approval::ApprovalPageView;
pub use dashboard::ReportsPageView;
pub use public::{PublicPageView, PublicPublicationPage};
pub use publications::{PublicationPageView, PublicationsPageView};
