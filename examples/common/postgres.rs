//! A throw-away PostgreSQL database for a benchmark, made and dropped
//! through an admin URL.

use sqlx::Connection;

/// A new database named `{prefix}_{random}`; its URL.
pub async fn create_database(admin: &str, prefix: &str) -> anyhow::Result<String> {
    let name = format!("{prefix}_{}", rand::random::<u32>());
    let mut conn = sqlx::PgConnection::connect(admin).await?;
    sqlx::query(&format!("CREATE DATABASE {name}")).execute(&mut conn).await?;
    let base = admin.rsplit_once('/').map(|(base, _)| base).unwrap_or(admin);
    Ok(format!("{base}/{name}"))
}

pub async fn drop_database(admin: &str, url: &str) -> anyhow::Result<()> {
    let name = url.rsplit('/').next().unwrap_or_default();
    let mut conn = sqlx::PgConnection::connect(admin).await?;
    sqlx::query(&format!("DROP DATABASE {name} WITH (FORCE)")).execute(&mut conn).await?;
    Ok(())
}
