//! The domain: pure types and rules, compiled for the browser and the server.
//! No I/O here; storage and HTTP live elsewhere.

pub mod access;
mod account;
pub mod board;
pub mod board_filter;
pub mod brussels;
pub mod bulk;
pub mod bundle;
pub mod citizen;
mod event;
pub mod forum;
mod ids;
pub mod intake;
pub mod lifecycle;
pub mod limits;
pub mod live;
pub mod moves;
mod person;
mod phase;
pub mod privacy;
pub mod redaction;
pub mod reports;
mod role;
mod signal;
mod tenant;
pub mod visibility;
pub mod vocabulary;
pub mod workbench;

pub use account::*;
pub use citizen::CitizenReport;
pub use event::{Carrier, EventDraft, EventKind};
pub use ids::*;
pub use lifecycle::{Actor, Change, ChangeKind, Refusal, SignalState, Transition};
pub use moves::MoveDetails;
pub use person::{Membership, Person};
pub use phase::Phase;
pub use role::{Role, RoleDomain};
pub use signal::{
    BundleRef, CitizenFollow, FollowedSignal, HistoryEntry, NewSignal, Sighting, SignalDetails, SignalScope, SignalSummary, SimilarSignal,
    Source,
};
pub use tenant::{NewOrganisation, ORGANISATION_KINDS, Organisation, PolicyDomain, Slug, TENANT_KINDS, Tenant};
pub use visibility::{Reader, Visibility};
pub use vocabulary::{NotRetainedReason, Outcome};
