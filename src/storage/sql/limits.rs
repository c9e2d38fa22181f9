// Rate-limit counters: one row per door, hashed key and window.
// Shared by both backends (see tx.rs).

#[async_trait]
impl RateLimits for SqlTx {
    async fn count_attempt(&mut self, door: &str, key: &str, window_start: i64) -> StoreResult<i64> {
        // One statement: the row lock (PostgreSQL) or the one writer (SQLite)
        // makes concurrent increments of one key count each attempt.
        Ok(sqlx::query_scalar(
            "INSERT INTO rate_limits (door, key_hash, window_start, count) VALUES ($1, $2, $3, 1) \
             ON CONFLICT (door, key_hash, window_start) DO UPDATE SET count = rate_limits.count + 1 \
             RETURNING count",
        )
        .bind(door)
        .bind(key)
        .bind(window_start)
        .fetch_one(&mut *self.0)
        .await?)
    }

    async fn attempts(&mut self, door: &str, key: &str, window_start: i64) -> StoreResult<i64> {
        Ok(sqlx::query_scalar("SELECT count FROM rate_limits WHERE door = $1 AND key_hash = $2 AND window_start = $3")
            .bind(door)
            .bind(key)
            .bind(window_start)
            .fetch_optional(&mut *self.0)
            .await?
            .unwrap_or(0))
    }

    async fn forget_attempts(&mut self, door: &str, before: i64) -> StoreResult<u64> {
        Ok(sqlx::query("DELETE FROM rate_limits WHERE door = $1 AND window_start < $2")
            .bind(door)
            .bind(before)
            .execute(&mut *self.0)
            .await?
            .rows_affected())
    }
}
