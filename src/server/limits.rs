//! Rate limits for the doors people knock on without an account: log-in,
//! password reset, invitation acceptance, citizens' reports.
//!
//! The counters live in the database, so every server instance on one
//! PostgreSQL database counts the same attempts. Each door counts attempts per
//! key (a client address, an e-mail address) in fixed windows; the limit is
//! checked against a sliding estimate: the attempts in the current window plus
//! the previous window's, weighted by how much of it still lies within the
//! last window length. A burst across a window boundary is so refused like one
//! inside a window. Every attempt counts, refused ones too: a script that keeps
//! knocking stays out. Keys are stored as SHA-256 hashes.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

use crate::error::AppError;
use crate::storage::{Store, StoreResult};

/// Citizens' reports an hour per client address: enough for a person, too few for a script.
pub const CITIZEN_REPORTS_PER_HOUR: u32 = 5;

/// Attempts a minute per client address and per e-mail address, unless configured.
pub const DEFAULT_PER_MINUTE: u32 = 10;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Door {
    Login,
    PasswordReset,
    Invitation,
    CitizenReport,
}

impl Door {
    const ALL: [Door; 4] = [Door::Login, Door::PasswordReset, Door::Invitation, Door::CitizenReport];

    /// The name in the `rate_limits` table.
    fn code(self) -> &'static str {
        match self {
            Door::Login => "aanmelden",
            Door::PasswordReset => "wachtwoord",
            Door::Invitation => "uitnodiging",
            Door::CitizenReport => "burgermelding",
        }
    }
}

/// How many attempts a door lets in per window of how many seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    pub attempts: u32,
    pub window_seconds: i64,
}

impl Rule {
    /// The start of the window `now` falls in.
    pub fn window_start(&self, now: i64) -> i64 {
        now.div_euclid(self.window_seconds) * self.window_seconds
    }

    /// Is an attempt refused, given the attempts so far in the current window
    /// (this one included) and in the previous one, `now` seconds since the epoch?
    pub fn refuses(&self, current: i64, previous: i64, now: i64) -> bool {
        let elapsed = now - self.window_start(now);
        // The share of the previous window that lies within the last window length,
        // in integers: previous * (window - elapsed) / window, rounded up.
        let carried = (previous * (self.window_seconds - elapsed) + self.window_seconds - 1) / self.window_seconds;
        current + carried > i64::from(self.attempts)
    }
}

pub struct Limits {
    store: Arc<dyn Store>,
    per_minute: u32,
}

impl Limits {
    /// `per_minute`: attempts a minute at log-in, password reset and invitations.
    pub fn new(store: Arc<dyn Store>, per_minute: u32) -> Self {
        Limits { store, per_minute: per_minute.max(1) }
    }

    pub fn rule(&self, door: Door) -> Rule {
        match door {
            Door::Login | Door::PasswordReset | Door::Invitation => Rule { attempts: self.per_minute, window_seconds: 60 },
            Door::CitizenReport => Rule { attempts: CITIZEN_REPORTS_PER_HOUR, window_seconds: 3600 },
        }
    }

    /// Count one attempt at `door` for each key; refuse when any is over its limit.
    pub async fn check(&self, door: Door, keys: &[&str]) -> Result<(), AppError> {
        self.check_at(door, keys, Utc::now()).await
    }

    pub async fn check_at(&self, door: Door, keys: &[&str], now: DateTime<Utc>) -> Result<(), AppError> {
        let rule = self.rule(door);
        let now = now.timestamp();
        let window = rule.window_start(now);
        // Sorted, so two requests never lock the same rows in opposite order.
        let mut hashed: Vec<String> = keys.iter().filter(|k| !k.is_empty()).map(|k| hash_key(k)).collect();
        hashed.sort();
        hashed.dedup();
        let mut refused = false;
        let mut tx = self.store.write().await?;
        for key in &hashed {
            let current = tx.count_attempt(door.code(), key, window).await?;
            let previous = tx.attempts(door.code(), key, window - rule.window_seconds).await?;
            refused |= rule.refuses(current, previous, now);
        }
        tx.commit().await?;
        if refused {
            tracing::warn!(?door, "rate limit reached");
            return Err(AppError::TooManyRequests);
        }
        Ok(())
    }

    /// Forget windows that no longer count (older than the previous one).
    pub async fn forget_old(&self, now: DateTime<Utc>) -> StoreResult<u64> {
        let now = now.timestamp();
        let mut forgotten = 0;
        let mut tx = self.store.write().await?;
        for door in Door::ALL {
            let rule = self.rule(door);
            forgotten += tx.forget_attempts(door.code(), rule.window_start(now) - rule.window_seconds).await?;
        }
        tx.commit().await?;
        Ok(forgotten)
    }
}

/// What the table keeps of a key ("ip:…", "e-mail:…"): its SHA-256, in hex.
fn hash_key(key: &str) -> String {
    Sha256::digest(format!("seinhuis-rate-limit:{key}").as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_a_minute_within_a_window_and_across_its_edge() {
        let rule = Rule { attempts: 10, window_seconds: 60 };
        assert_eq!(rule.window_start(125), 120);
        // Inside one window: the tenth passes, the eleventh does not.
        assert!(!rule.refuses(10, 0, 130));
        assert!(rule.refuses(11, 0, 130));
        // Ten at the end of the previous window, one just after the edge: refused.
        assert!(rule.refuses(1, 10, 121));
        // Half a minute on, half of the previous window still counts.
        assert!(!rule.refuses(5, 10, 150));
        assert!(rule.refuses(6, 10, 150));
        // At the end of the window, little of the previous one still counts.
        assert!(!rule.refuses(9, 10, 239));
        assert!(rule.refuses(10, 10, 239));
        // Without attempts in the previous window, only this one's count.
        assert!(!rule.refuses(10, 0, 180));
    }

    #[test]
    fn keys_are_stored_hashed() {
        let hashed = hash_key("e-mail:ines.claeys@gent.example");
        assert_eq!(hashed.len(), 64);
        assert!(!hashed.contains("gent"));
        assert_ne!(hashed, hash_key("e-mail:ines.claeys@gent.example "));
    }
}
