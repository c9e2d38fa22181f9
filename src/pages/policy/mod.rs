//! Policy pages: domains and bottlenecks (`/{tenant}/knelpunten`) and
//! campaigns with their action lines (`/{tenant}/campagnes`).

mod bottlenecks;
mod campaigns;

pub use self::bottlenecks::BottlenecksPageView;
pub use self::campaigns::CampaignsPageView;
