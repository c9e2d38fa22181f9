//! Password hashing (Argon2id, the argon2 crate's recommended parameters) and
//! random single-use tokens for links in mails.

use std::sync::LazyLock;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng};
use sha2::{Digest, Sha256};

use crate::error::AppError;

pub fn hash_password(password: &str) -> Result<String, AppError> {
    let salt = SaltString::generate(&mut OsRng);
    argon2::Argon2::default().hash_password(password.as_bytes(), &salt).map(|h| h.to_string()).map_err(AppError::internal)
}

/// Each Argon2 hash or check takes 19 MiB and a core for a while: never
/// more at once than there are cores. Others wait their turn; nobody is refused.
static HASHING: LazyLock<tokio::sync::Semaphore> =
    LazyLock::new(|| tokio::sync::Semaphore::new(std::thread::available_parallelism().map_or(1, |n| n.get())));

/// Runs hashing work off the async workers, one core's worth at a time.
async fn hashing<T: Send + 'static>(work: impl FnOnce() -> Result<T, AppError> + Send + 'static) -> Result<T, AppError> {
    let _turn = HASHING.acquire().await.map_err(AppError::internal)?;
    tokio::task::spawn_blocking(work).await.map_err(AppError::internal)?
}

/// Hashing is slow on purpose, so it runs off the async workers.
pub async fn hash_password_blocking(password: String) -> Result<String, AppError> {
    hashing(move || hash_password(&password)).await
}

/// Check a password against a stored hash. Without a hash (unknown address or
/// no password yet) it still does the work, so timing tells nothing.
pub async fn verify_password(password: String, hash: Option<String>) -> Result<bool, AppError> {
    hashing(move || {
        let known = hash.is_some();
        let hash = hash.unwrap_or_else(|| DUMMY_HASH.clone());
        let parsed = PasswordHash::new(&hash).map_err(AppError::internal)?;
        let matches = argon2::Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok();
        Ok(known && matches)
    })
    .await
}

/// The hash of a random password nobody knows.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| hash_password(&new_token()).expect("hashing a random password works"));

/// A fresh token for a link: 32 random bytes as hex.
pub fn new_token() -> String {
    let bytes: [u8; 32] = rand::random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What the database keeps of a token: its SHA-256, so a leaked table opens nothing.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.trim().as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// The secret that turns a row's nonce into the token of its link. Without it
/// a copy of the database holds no usable link: rows keep a random nonce and
/// the SHA-256 of the token, mails keep a placeholder.
#[derive(Clone)]
pub struct LinkKey(Vec<u8>);

/// A configured key must be at least this long (a generated one is 64 hex characters).
pub const LINK_KEY_MIN_CHARS: usize = 32;

impl LinkKey {
    pub fn new(text: &str) -> Result<LinkKey, String> {
        let text = text.trim();
        if text.chars().count() < LINK_KEY_MIN_CHARS {
            return Err(format!("the link key must have at least {LINK_KEY_MIN_CHARS} characters"));
        }
        Ok(LinkKey(text.as_bytes().to_vec()))
    }

    /// A fresh random key, as text.
    pub fn generate() -> String {
        new_token()
    }

    /// The token of a link: HMAC-SHA256(key, kind:nonce), hex.
    pub fn token(&self, kind: LinkKind, nonce: &str) -> String {
        use hmac::Mac;
        let mut mac = hmac::Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes a key of any length");
        mac.update(kind.code().as_bytes());
        mac.update(b":");
        mac.update(nonce.as_bytes());
        mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect()
    }
}

// The key never reaches a log.
impl std::fmt::Debug for LinkKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LinkKey(***)")
    }
}

pub use crate::storage::LinkKind;

/// A fresh nonce for a row that a link opens.
pub fn new_nonce() -> String {
    let bytes: [u8; 16] = rand::random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What a mail body holds where the token of a link goes; the sender fills it
/// in (`server::mail`), the outbox page shows `…`.
pub fn placeholder(kind: LinkKind, id: i64) -> String {
    format!("{{link:{}:{id}}}", kind.code())
}

/// The address of a link, around a token (or a placeholder for one).
pub fn link_url(public_url: &str, kind: LinkKind, tenant_slug: &str, token: &str) -> String {
    match kind {
        LinkKind::Invitation => format!("{public_url}/uitnodiging/{token}"),
        LinkKind::PasswordReset => format!("{public_url}/wachtwoord-vergeten?sleutel={token}"),
        LinkKind::CitizenConfirm => format!("{public_url}/{tenant_slug}/signaleren/bevestigen/{token}"),
        LinkKind::CitizenFollow => format!("{public_url}/{tenant_slug}/volgen/{token}"),
        LinkKind::Approval => format!("{public_url}/{tenant_slug}/signalenbundels/akkoord/{token}"),
    }
}

/// Give the row of a link a new nonce; its old link (if any) stops working.
/// The row's token hash becomes that of a token nobody has, until
/// `link_token` writes the link into a mail or prints it for the operator.
pub async fn start_link(tx: &mut dyn crate::storage::Tx, kind: LinkKind, id: i64) -> Result<(), AppError> {
    let unknown = token_hash(&new_token());
    tx.set_link_nonce(kind, id, &new_nonce(), &unknown).await?;
    Ok(())
}

/// The token of a row's link, derived from its nonce with the key; the row
/// keeps the token's hash, so the link opens it from now on. None when the
/// row is gone or has no nonce.
pub async fn link_token(tx: &mut dyn crate::storage::Tx, key: &LinkKey, kind: LinkKind, id: i64) -> Result<Option<String>, AppError> {
    let Some(nonce) = tx.link_nonce(kind, id).await? else { return Ok(None) };
    let token = key.token(kind, &nonce);
    if !tx.fix_link(kind, id, &nonce, &token_hash(&token)).await? {
        return Ok(None);
    }
    Ok(Some(token))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_depend_on_key_kind_and_nonce() {
        let key = LinkKey::new(&"k".repeat(32)).unwrap();
        let other = LinkKey::new(&"l".repeat(32)).unwrap();
        let t = key.token(LinkKind::Invitation, "abc");
        assert_eq!(t.len(), 64);
        assert_eq!(t, key.token(LinkKind::Invitation, "abc"), "deterministic");
        assert_ne!(t, key.token(LinkKind::Invitation, "abd"));
        assert_ne!(t, key.token(LinkKind::PasswordReset, "abc"));
        assert_ne!(t, other.token(LinkKind::Invitation, "abc"));
        assert!(LinkKey::new("te kort").is_err());
        assert_eq!(format!("{key:?}"), "LinkKey(***)");
    }

    #[test]
    fn placeholders_and_urls() {
        assert_eq!(placeholder(LinkKind::CitizenFollow, 7), "{link:follow:7}");
        assert_eq!(link_url("http://h", LinkKind::PasswordReset, "", "T"), "http://h/wachtwoord-vergeten?sleutel=T");
        assert_eq!(link_url("http://h", LinkKind::CitizenConfirm, "kortrijk", "T"), "http://h/kortrijk/signaleren/bevestigen/T");
    }
}
