//! Logging in and resetting a password.

use chrono::{DateTime, Duration, Utc};

use crate::domain::{NewAudit, Person, RESET_HOURS, check_new_password, parse_email};
use crate::error::AppError;
use crate::server::passwords::{LinkKind, hash_password_blocking, link_url, placeholder, start_link, token_hash, verify_password};
use crate::storage::Store;

/// After this many failed log-ins for one address, each next attempt waits
/// longer: 2, 4, 8 … seconds, at most a quarter of an hour.
const FREE_FAILURES: i64 = 5;
const MAX_DELAY_SECS: i64 = 900;

/// How long an address must wait after `failures` failed log-ins.
pub fn delay_after(failures: i64) -> Duration {
    if failures < FREE_FAILURES {
        return Duration::zero();
    }
    let exponent = (failures - FREE_FAILURES + 1).min(20) as u32;
    Duration::seconds(2_i64.pow(exponent).min(MAX_DELAY_SECS))
}

/// Check e-mail and password. Unknown addresses, wrong passwords and inactive
/// accounts get the same answer, after the same work.
pub async fn log_in(store: &dyn Store, email: &str, password: &str, ip: &str, now: DateTime<Utc>) -> Result<Person, AppError> {
    let wrong = || AppError::Invalid("Dit e-mailadres en wachtwoord passen niet bij elkaar.".into());
    let email = email.trim().to_lowercase();
    // Claim this attempt (and the wait before the next) before checking the
    // password: concurrent guesses for one address take turns.
    let credentials = {
        let mut tx = store.write().await?;
        let Some(attempts) = tx.claim_login_attempt(&email, now).await? else {
            return Err(AppError::TooManyRequests);
        };
        let wait = delay_after(attempts);
        tx.lock_login(&email, (wait > Duration::zero()).then(|| now + wait)).await?;
        let credentials = tx.credentials(&email).await?;
        tx.commit().await?;
        credentials
    };
    let (person, hash) = match credentials {
        Some(c) if c.person.active => (Some(c.person), c.password_hash),
        _ => (None, None),
    };
    let matches = verify_password(password.to_string(), hash).await?;
    let mut tx = store.write().await?;
    let audit = |action, person: Option<&Person>| NewAudit {
        person: person.map(|p| p.id),
        action,
        object_type: "account",
        object_id: email.clone(),
        ip: ip.to_string(),
        ..NewAudit::default()
    };
    match person.filter(|_| matches) {
        Some(person) => {
            tx.clear_login_failures(&email).await?;
            tx.audit(&audit("aangemeld", Some(&person)), now).await?;
            tx.commit().await?;
            Ok(person)
        }
        None => {
            // The attempt already counts as failed.
            tx.audit(&audit("aanmelden-mislukt", None), now).await?;
            tx.commit().await?;
            Err(wrong())
        }
    }
}

/// Send a reset link if the address belongs to an active account that got
/// fewer than `per_day` reset mails in the last day. The answer is the same
/// either way.
pub async fn request_reset(
    store: &dyn Store,
    email: &str,
    public_url: &str,
    per_day: i64,
    ip: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let Ok(email) = parse_email(email) else {
        return Err(AppError::Invalid("Vul een geldig e-mailadres in, zoals naam@organisatie.be.".into()));
    };
    let mut tx = store.write().await?;
    let Some(credentials) = tx.credentials(&email).await?.filter(|c| c.person.active) else {
        return Ok(());
    };
    if tx.password_resets_since(credentials.person.id, now - Duration::days(1)).await? >= per_day {
        tracing::info!("password reset: daily limit of this address reached, no mail");
        return Ok(());
    }
    let kind = LinkKind::PasswordReset;
    let id = new_password_reset(&mut *tx, credentials.person.id, now, now + Duration::hours(RESET_HOURS)).await?;
    let link = link_url(public_url, kind, "", &placeholder(kind, id));
    let mail = super::mails::password_reset(&link, RESET_HOURS);
    tx.queue_mail_with_links(None, &email, &mail.subject, &mail.body, &[(kind, id)], now).await?;
    tx.audit(
        &NewAudit {
            person: Some(credentials.person.id),
            action: "wachtwoord-herstel-gevraagd",
            object_type: "account",
            object_id: email,
            ip: ip.to_string(),
            ..NewAudit::default()
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A reset row with a fresh link nonce; its id.
pub(crate) async fn new_password_reset(
    tx: &mut dyn crate::storage::Tx,
    person: crate::domain::PersonId,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<i64, AppError> {
    let id = tx.insert_password_reset(person, &super::invitations::unknown_token_hash(), now, expires_at).await?;
    start_link(tx, LinkKind::PasswordReset, id).await?;
    Ok(id)
}

/// Set a new password with a reset link; the link works once, and every
/// session the person had ends.
pub async fn reset_password(
    store: &dyn Store,
    token: &str,
    password: &str,
    repeat: &str,
    ip: &str,
    now: DateTime<Utc>,
) -> Result<Person, AppError> {
    let expired = || AppError::Invalid("Deze link werkt niet meer. Vraag hieronder een nieuwe aan.".into());
    // Any refusal below rolls the transaction back, so the link stays usable.
    let mut tx = store.write().await?;
    let Some(person_id) = tx.use_password_reset(&token_hash(token), now).await? else {
        return Err(expired());
    };
    let person = tx.person(person_id).await?.filter(|p| p.active).ok_or_else(expired)?;
    check_new_password(password, repeat, &person.email).map_err(AppError::Invalid)?;
    let hash = hash_password_blocking(password.to_string()).await?;
    tx.set_password(person.id, &hash).await?;
    tx.end_sessions(person.id, now).await?;
    tx.clear_login_failures(&person.email).await?;
    tx.audit(
        &NewAudit {
            person: Some(person.id),
            action: "wachtwoord-gewijzigd",
            object_type: "account",
            object_id: person.email.clone(),
            ip: ip.to_string(),
            ..NewAudit::default()
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(person)
}

/// Blank the client addresses in audit entries older than `days`; how many.
pub async fn blank_old_addresses(store: &dyn Store, days: i64, now: DateTime<Utc>) -> Result<u64, AppError> {
    let mut tx = store.write().await?;
    let blanked = tx.blank_audit_addresses(now - Duration::days(days)).await?;
    tx.commit().await?;
    Ok(blanked)
}
