//! Rate limits for the doors people knock on without an account: log-in,
//! password reset, invitation acceptance. In memory, per server instance.

use std::num::NonZeroU32;

use governor::{DefaultKeyedRateLimiter, Quota};

use crate::error::AppError;

pub struct Limits {
    login: DefaultKeyedRateLimiter<String>,
    reset: DefaultKeyedRateLimiter<String>,
    invitation: DefaultKeyedRateLimiter<String>,
    citizen: DefaultKeyedRateLimiter<String>,
}

/// Citizens' reports an hour per client address: enough for a person, too few for a script.
pub const CITIZEN_REPORTS_PER_HOUR: u32 = 5;

/// Attempts a minute per client address and per e-mail address, unless configured.
pub const DEFAULT_PER_MINUTE: u32 = 10;

#[derive(Clone, Copy, Debug)]
pub enum Door {
    Login,
    PasswordReset,
    Invitation,
    CitizenReport,
}

impl Limits {
    pub fn new(per_minute: u32) -> Self {
        let per_minute = NonZeroU32::new(per_minute).unwrap_or(NonZeroU32::MIN);
        let quota = || Quota::per_minute(per_minute);
        Limits {
            login: DefaultKeyedRateLimiter::keyed(quota()),
            reset: DefaultKeyedRateLimiter::keyed(quota()),
            invitation: DefaultKeyedRateLimiter::keyed(quota()),
            citizen: DefaultKeyedRateLimiter::keyed(Quota::per_hour(NonZeroU32::new(CITIZEN_REPORTS_PER_HOUR).unwrap_or(NonZeroU32::MIN))),
        }
    }

    /// Count one attempt at `door` for each key; refuse when any is over its limit.
    pub fn check(&self, door: Door, keys: &[&str]) -> Result<(), AppError> {
        let limiter = match door {
            Door::Login => &self.login,
            Door::PasswordReset => &self.reset,
            Door::Invitation => &self.invitation,
            Door::CitizenReport => &self.citizen,
        };
        let mut refused = false;
        for key in keys.iter().filter(|k| !k.is_empty()) {
            refused |= limiter.check_key(&key.to_string()).is_err();
        }
        if refused {
            tracing::warn!(?door, "rate limit reached");
            return Err(AppError::TooManyRequests);
        }
        Ok(())
    }

    /// Forget keys that have been quiet for a while, so memory stays small.
    pub fn shrink(&self) {
        self.login.retain_recent();
        self.reset.retain_recent();
        self.invitation.retain_recent();
        self.citizen.retain_recent();
    }
}
