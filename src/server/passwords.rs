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

/// Hashing is slow on purpose, so it runs off the async workers.
pub async fn hash_password_blocking(password: String) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || hash_password(&password)).await.map_err(AppError::internal)?
}

/// Check a password against a stored hash. Without a hash (unknown address or
/// no password yet) it still does the work, so timing tells nothing.
pub async fn verify_password(password: String, hash: Option<String>) -> Result<bool, AppError> {
    tokio::task::spawn_blocking(move || {
        let known = hash.is_some();
        let hash = hash.unwrap_or_else(|| DUMMY_HASH.clone());
        let parsed = PasswordHash::new(&hash).map_err(AppError::internal)?;
        let matches = argon2::Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok();
        Ok(known && matches)
    })
    .await
    .map_err(AppError::internal)?
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
