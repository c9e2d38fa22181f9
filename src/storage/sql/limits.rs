// Rate limits: per door and hashed key, the theoretical arrival time (`tat`,
// Unix milliseconds) of the generic cell rate algorithm. Shared by both
// backends (see tx.rs).

#[async_trait]
impl RateLimits for SqlTx {
    async fn take_attempt(&mut self, door: &str, key: &str, now_ms: i64, interval_ms: i64, tolerance_ms: i64) -> StoreResult<bool> {
        // One statement: the row lock (PostgreSQL) or the one writer (SQLite)
        // gives concurrent attempts of one key each their own turn. When the
        // WHERE refuses, the row stays as it was and nothing is returned.
        let tat: Option<i64> = sqlx::query_scalar(
            "INSERT INTO rate_limits (door, key_hash, tat) VALUES ($1, $2, $3 + $4) \
             ON CONFLICT (door, key_hash) DO UPDATE \
             SET tat = (CASE WHEN rate_limits.tat > $3 THEN rate_limits.tat ELSE $3 END) + $4 \
             WHERE (CASE WHEN rate_limits.tat > $3 THEN rate_limits.tat ELSE $3 END) + $4 - $3 <= $5 \
             RETURNING tat",
        )
        .bind(door)
        .bind(key)
        .bind(now_ms)
        .bind(interval_ms)
        .bind(tolerance_ms)
        .fetch_optional(&mut *self.0)
        .await?;
        Ok(tat.is_some())
    }

    async fn forget_attempts(&mut self, now_ms: i64) -> StoreResult<u64> {
        Ok(sqlx::query("DELETE FROM rate_limits WHERE tat < $1").bind(now_ms).execute(&mut *self.0).await?.rows_affected())
    }
}
