//! A bare baseline for intake throughput: the same signal insert as
//! Seinhuis's intake (the signal, its target groups and life domains, its
//! "submitted" event, in one SQLite transaction on Seinhuis's own schema and
//! connection settings), served by axum and sqlx alone: no session, no
//! caller, no checks, no search index, no audit, no live board. The intake's
//! requests per second are stated as a share of this one's
//! (`scripts/load.sh`), so the figure means the same on any machine.
//!
//!     cargo run --release --features ssr --example intake_baseline -- 127.0.0.1:3901 /tmp/baseline.db
//!
//! Then POST the intake's form fields to `/intake`; the answer is a redirect,
//! as the intake's is.

#[cfg(not(feature = "ssr"))]
fn main() {
    eprintln!("intake_baseline needs the server's dependencies: run it with --features ssr");
}

#[cfg(feature = "ssr")]
fn main() -> anyhow::Result<()> {
    tokio::runtime::Builder::new_multi_thread().enable_all().build()?.block_on(baseline::main())
}

#[cfg(feature = "ssr")]
mod baseline {
    use std::str::FromStr;
    use std::time::Duration;

    use axum::extract::{Form, State};
    use axum::response::{IntoResponse, Redirect, Response};
    use axum::routing::post;
    use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};

    /// The intake form's fields that land in the insert.
    #[derive(serde::Deserialize)]
    struct Intake {
        title: String,
        description: String,
        #[serde(rename = "target_groups[0]")]
        target_group: String,
        #[serde(rename = "life_domains[0]", default)]
        life_domain: String,
        area: String,
        frequency: String,
        may_contact: String,
    }

    #[derive(Clone)]
    struct Db {
        writer: SqlitePool,
        tenant: i64,
        person: i64,
        organisation: i64,
    }

    pub async fn main() -> anyhow::Result<()> {
        let mut args = std::env::args().skip(1);
        let addr = args.next().unwrap_or_else(|| "127.0.0.1:3901".to_string());
        let path = args.next().unwrap_or_else(|| "target/intake-baseline.db".to_string());
        // As `SqliteStore::open`: WAL, synchronous NORMAL, one writer.
        let options = SqliteConnectOptions::from_str(&format!("sqlite://{path}"))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let writer = SqlitePoolOptions::new().max_connections(1).connect_with(options).await?;
        sqlx::migrate!("migrations/sqlite").run(&writer).await?;
        let now = chrono::Utc::now();
        let tenant: i64 = sqlx::query_scalar(
            "INSERT INTO tenants (slug, name, kind, created_at) VALUES ('basis', 'Basis', 'gemeente', $1) \
             ON CONFLICT (slug) DO UPDATE SET name = excluded.name RETURNING id",
        )
        .bind(now)
        .fetch_one(&writer)
        .await?;
        let organisation: i64 = sqlx::query_scalar(
            "INSERT INTO organisations (tenant_id, name, kind) VALUES ($1, 'Basisdienst', 'caw') \
             ON CONFLICT (tenant_id, name) DO UPDATE SET kind = excluded.kind RETURNING id",
        )
        .bind(tenant)
        .fetch_one(&writer)
        .await?;
        let person: i64 = sqlx::query_scalar(
            "INSERT INTO people (email, name, created_at) VALUES ('basis@basis.example', 'Basis', $1) \
             ON CONFLICT (email) DO UPDATE SET name = excluded.name RETURNING id",
        )
        .bind(now)
        .fetch_one(&writer)
        .await?;
        let db = Db { writer, tenant, person, organisation };
        let app = axum::Router::new().route("/intake", post(intake)).with_state(db);
        let listener = tokio::net::TcpListener::bind(&addr).await?;
        println!("intake baseline on http://{addr}/intake");
        axum::serve(listener, app).await?;
        Ok(())
    }

    async fn intake(State(db): State<Db>, Form(form): Form<Intake>) -> Response {
        match insert(&db, &form).await {
            Ok(id) => Redirect::to(&format!("/verstuurd/{id}")).into_response(),
            Err(e) => (axum::http::StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
        }
    }

    async fn insert(db: &Db, f: &Intake) -> Result<i64, sqlx::Error> {
        let now = chrono::Utc::now();
        let mut tx = db.writer.begin_with("BEGIN IMMEDIATE").await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO signals (tenant_id, title, description, area, frequency, may_contact, source, reporter_id, \
                organisation_id, phase, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, 'worker', $7, $8, 'submitted', $9, $9) RETURNING id",
        )
        .bind(db.tenant)
        .bind(f.title.trim())
        .bind(f.description.trim())
        .bind(&f.area)
        .bind(&f.frequency)
        .bind(f.may_contact == "ja")
        .bind(db.person)
        .bind(db.organisation)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query("INSERT INTO signal_target_groups (signal_id, code) VALUES ($1, $2)")
            .bind(id)
            .bind(&f.target_group)
            .execute(&mut *tx)
            .await?;
        if !f.life_domain.is_empty() {
            sqlx::query("INSERT INTO signal_life_domains (signal_id, code) VALUES ($1, $2)")
                .bind(id)
                .bind(&f.life_domain)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query(
            "INSERT INTO signal_events (tenant_id, signal_id, at, actor_id, kind, to_phase) VALUES ($1, $2, $3, $4, 'submitted', 'submitted')",
        )
        .bind(db.tenant)
        .bind(id)
        .bind(now)
        .bind(db.person)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(id)
    }
}
