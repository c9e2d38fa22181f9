//! Rate limits for the doors people knock on without an account: log-in,
//! password reset, invitation acceptance, citizens' reports.
//!
//! The counters live in the database, so every server instance on one
//! PostgreSQL database counts the same attempts. Each door lets a key (a
//! client address, an e-mail address) through `attempts` times a period: all
//! at once, after which one more attempt comes free every period / `attempts`
//! (the generic cell rate algorithm, as the in-memory limiter before it).
//! A refused attempt uses up nothing. Keys are stored as SHA-256 hashes, and a
//! key is forgotten once its bucket is empty again.

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

/// How many attempts a door lets in per period of how many milliseconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    pub attempts: u32,
    pub period_ms: i64,
}

impl Rule {
    /// How far one attempt moves a key's arrival time on.
    pub fn interval_ms(&self) -> i64 {
        self.period_ms / i64::from(self.attempts.max(1))
    }

    /// How far ahead of now a key's arrival time may lie: `attempts` at once,
    /// which is the whole period. Not interval × attempts: with more attempts
    /// than milliseconds (a load test's limit) the interval rounds down to 0,
    /// and that product to 0, which refused two attempts whose clocks were
    /// read out of order.
    pub fn tolerance_ms(&self) -> i64 {
        self.period_ms
    }

    /// The rule in memory, as the database applies it: the key's next arrival
    /// time after an attempt at `now_ms`, or None when the attempt is refused.
    pub fn next_arrival(&self, tat_ms: Option<i64>, now_ms: i64) -> Option<i64> {
        let next = tat_ms.map_or(now_ms, |tat| tat.max(now_ms)) + self.interval_ms();
        (next - now_ms <= self.tolerance_ms()).then_some(next)
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
            Door::Login | Door::PasswordReset | Door::Invitation => Rule { attempts: self.per_minute, period_ms: 60_000 },
            Door::CitizenReport => Rule { attempts: CITIZEN_REPORTS_PER_HOUR, period_ms: 3_600_000 },
        }
    }

    /// Count one attempt at `door` for each key; refuse when any is over its limit.
    pub async fn check(&self, door: Door, keys: &[&str]) -> Result<(), AppError> {
        self.check_at(door, keys, Utc::now()).await
    }

    pub async fn check_at(&self, door: Door, keys: &[&str], now: DateTime<Utc>) -> Result<(), AppError> {
        let rule = self.rule(door);
        let now = now.timestamp_millis();
        // Sorted, so two requests never lock the same rows in opposite order.
        let mut hashed: Vec<String> = keys.iter().filter(|k| !k.is_empty()).map(|k| hash_key(k)).collect();
        hashed.sort();
        hashed.dedup();
        let mut refused = false;
        let mut tx = self.store.write().await?;
        for key in &hashed {
            refused |= !tx.take_attempt(door.code(), key, now, rule.interval_ms(), rule.tolerance_ms()).await?;
        }
        tx.commit().await?;
        if refused {
            tracing::warn!(?door, "rate limit reached");
            return Err(AppError::TooManyRequests);
        }
        Ok(())
    }

    /// Forget keys whose bucket is empty again: they would start afresh anyway.
    pub async fn forget_old(&self, now: DateTime<Utc>) -> StoreResult<u64> {
        let mut tx = self.store.write().await?;
        let forgotten = tx.forget_attempts(now.timestamp_millis()).await?;
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
    fn ten_at_once_then_one_every_six_seconds() {
        let rule = Rule { attempts: 10, period_ms: 60_000 };
        assert_eq!((rule.interval_ms(), rule.tolerance_ms()), (6_000, 60_000));
        let mut tat = None;
        for attempt in 1..=10 {
            tat = Some(rule.next_arrival(tat, 1_000).unwrap_or_else(|| panic!("attempt {attempt} passes")));
        }
        // The eleventh at once is refused, and a refusal uses up nothing.
        assert_eq!(rule.next_arrival(tat, 1_000), None);
        assert_eq!(rule.next_arrival(tat, 6_999), None);
        // Six seconds on, one more comes free; then none again.
        let tat = rule.next_arrival(tat, 7_000);
        assert_eq!(tat, Some(67_000));
        assert_eq!(rule.next_arrival(tat, 7_000), None);
        // A quiet minute later the bucket is empty: ten at once again.
        assert_eq!(rule.next_arrival(tat, 67_000), Some(73_000));
        // Five citizens' reports an hour: one every twelve minutes after the first five.
        let citizens = Rule { attempts: 5, period_ms: 3_600_000 };
        assert_eq!(citizens.interval_ms(), 720_000);
    }

    #[test]
    fn more_attempts_than_milliseconds_refuse_nothing() {
        let rule = Rule { attempts: 1_000_000, period_ms: 60_000 };
        assert_eq!(rule.interval_ms(), 0);
        // A request that read the clock earlier commits after a later one.
        let later = rule.next_arrival(None, 1_001);
        assert!(rule.next_arrival(later, 1_000).is_some());
        let mut tat = None;
        for _ in 0..10_000 {
            tat = Some(rule.next_arrival(tat, 1_000).expect("never refused"));
        }
    }

    #[test]
    fn keys_are_stored_hashed() {
        let hashed = hash_key("e-mail:ines.claeys@gent.example");
        assert_eq!(hashed.len(), 64);
        assert!(!hashed.contains("gent"));
        assert_ne!(hashed, hash_key("e-mail:ines.claeys@gent.example "));
    }
}
