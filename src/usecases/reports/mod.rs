//! Reports for officials: the dashboard and its exports, the signalenbundel
//! publication with its partners' approvals, and the public page.

pub mod dashboard;
pub mod public;
pub mod publications;
pub mod tallies;

use crate::domain::reports::ReportScope;
use crate::domain::*;
use crate::error::AppError;
use crate::server::auth::TenantCaller;

/// The caller's report scope, or no access.
pub fn scope(caller: &TenantCaller, chosen: Option<PolicyDomainId>) -> Result<ReportScope, AppError> {
    ReportScope::of(&caller.membership, chosen).ok_or(AppError::NoAccess)
}
