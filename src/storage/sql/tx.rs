// Shared by both backends: compiled once with `Db = Sqlite` and once with
// `Db = Postgres` (see `include!` in sqlite.rs and postgres.rs). The SQL text is
// the same for both; SQLite accepts PostgreSQL's `$1` placeholders.

pub struct SqlTx(sqlx::Transaction<'static, Db>);

#[async_trait]
impl Tx for SqlTx {
    async fn commit(self: Box<Self>) -> StoreResult<()> {
        self.0.commit().await?;
        Ok(())
    }
}
