//! Typed ids, so the compiler keeps a signal id apart from a person id.

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "ssr", derive(sqlx::Type))]
        #[cfg_attr(feature = "ssr", sqlx(transparent))]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::num::ParseIntError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.trim().parse().map($name)
            }
        }
    )*};
}

id_type!(
    /// A municipality, primary-care zone or supra-local body.
    TenantId,
    SignalId,
    BundleId,
    PersonId,
    OrganisationId,
    PolicyDomainId,
    MembershipId,
    EventId,
    /// A processor's question to a signal's reporter.
    QuestionId,
    NotificationId,
    /// A forum, round table, cluster meeting or regisseurs' meeting.
    MeetingId,
    AgendaItemId,
    InviteeId,
    /// A policy bottleneck (beleidsknelpunt).
    BottleneckId,
    CampaignId,
    /// An action line (piste) of a campaign.
    ActionLineId,
);
