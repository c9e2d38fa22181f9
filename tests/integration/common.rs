//! Shared by the integration tests: a fresh, real database per test on
//! SQLite (a temporary file) or PostgreSQL (a new database on the server that
//! `make test` starts; its URL comes in SEINHUIS_TEST_POSTGRES_URL).
#![allow(dead_code)]

use std::sync::Arc;

use seinhuis::domain::*;
use seinhuis::server::auth::TenantCaller;
use seinhuis::storage::{self, Store};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A database that lives as long as the test.
pub struct TestDb {
    pub store: Arc<dyn Store>,
    pub url: String,
    _dir: Option<tempfile::TempDir>,
}

pub async fn database(backend: Backend) -> TestDb {
    match backend {
        Backend::Sqlite => {
            let dir = tempfile::tempdir().expect("temp dir");
            let url = format!("sqlite://{}/seinhuis.db", dir.path().display());
            let store = storage::open(&url).await.expect("open SQLite");
            TestDb { store, url, _dir: Some(dir) }
        }
        Backend::Postgres => {
            let url = fresh_postgres_database().await;
            let store = storage::open(&url).await.expect("open PostgreSQL");
            TestDb { store, url, _dir: None }
        }
    }
}

/// The admin URL of the test server.
pub fn postgres_admin_url() -> String {
    std::env::var("SEINHUIS_TEST_POSTGRES_URL").expect(
        "SEINHUIS_TEST_POSTGRES_URL is not set: run `make test`, which starts a PostgreSQL \
         server, or set it to postgres://USER@HOST:PORT/postgres",
    )
}

/// Create an empty database on the test server and return its URL.
pub async fn fresh_postgres_database() -> String {
    use sqlx::Connection;
    let admin = postgres_admin_url();
    let name = format!("seinhuis_test_{}", rand::random::<u64>());
    let mut conn = sqlx::PgConnection::connect(&admin).await.expect("connect to the test PostgreSQL server");
    sqlx::query(&format!("CREATE DATABASE {name}")).execute(&mut conn).await.expect("create database");
    let base = admin.rsplit_once('/').map(|(base, _)| base).unwrap_or(&admin);
    format!("{base}/{name}")
}

/// Run an async scenario once per backend, as separate tests.
macro_rules! on_both_backends {
    ($($scenario:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $scenario() {
                    super::$scenario($crate::common::Backend::Sqlite).await
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $scenario() {
                    super::$scenario($crate::common::Backend::Postgres).await
                }
            )*
        }
    };
}

/// A small tenant: one organisation, a coordinator, a processor for "welzijn",
/// a signaalgever, and signals in it.
pub struct Fixture {
    pub tenant: Tenant,
    pub organisation: OrganisationId,
    pub welzijn: PolicyDomainId,
    pub wonen: PolicyDomainId,
    pub coordinator: TenantCaller,
    pub processor: TenantCaller,
    pub giver: TenantCaller,
}

pub async fn fixture(store: &dyn Store, slug: &str) -> Fixture {
    let mut tx = store.write().await.unwrap();
    seinhuis::usecases::tenants::create(&mut *tx, slug, &format!("Gemeente {slug}"), "gemeente").await.unwrap();
    let tenant = tx.tenant_by_slug(slug).await.unwrap().unwrap();
    let domains = tx.policy_domains(tenant.id).await.unwrap();
    let code = |c: &str| domains.iter().find(|d| d.code == c).unwrap().id;
    let (welzijn, wonen) = (code("welzijn"), code("wonen"));
    let org = NewOrganisation { name: format!("Welzijnshuis {slug}"), kind: "caw".into(), ..NewOrganisation::default() };
    let organisation = tx.insert_organisation(tenant.id, &org).await.unwrap();
    let mut callers = vec![];
    for (who, role, domains) in [
        ("coordinator", Role::Hoofdsignaalverwerker, vec![]),
        ("processor", Role::Signaalverwerker, vec![welzijn]),
        ("giver", Role::Signaalgever, vec![]),
    ] {
        let email = format!("{who}@{slug}.example");
        let person = tx.insert_person(&email, who, None, false, chrono::Utc::now()).await.unwrap();
        tx.insert_membership(tenant.id, person, Some(organisation), &[role], &RoleDomain::all(role, &domains)).await.unwrap();
        let person = tx.person(person).await.unwrap().unwrap();
        let membership = tx.memberships(person.id).await.unwrap().remove(0);
        callers.push(TenantCaller { person, tenant: tenant.clone(), membership, ip: "127.0.0.1".into() });
    }
    tx.commit().await.unwrap();
    let giver = callers.pop().unwrap();
    let processor = callers.pop().unwrap();
    let coordinator = callers.pop().unwrap();
    Fixture { tenant, organisation, welzijn, wonen, coordinator, processor, giver }
}

impl Fixture {
    /// Submit a signal as the signaalgever.
    pub async fn submit(&self, store: &dyn Store, title: &str, domain: PolicyDomainId) -> SignalId {
        let signal = NewSignal {
            title: title.into(),
            description: format!("{title}: we zien dit steeds vaker bij verschillende gezinnen."),
            policy_domain: Some(domain),
            reporter: Some(self.giver.person.id),
            organisation: Some(self.organisation),
            target_groups: vec!["armoede".into()],
            life_domains: vec!["wonen".into()],
            ..NewSignal::default()
        };
        let mut tx = store.write().await.unwrap();
        let id = seinhuis::usecases::signals::submit(&mut *tx, self.tenant.id, &signal, chrono::Utc::now()).await.unwrap();
        tx.commit().await.unwrap();
        id
    }
}

/// The real app on a random loopback port, over a fresh database with demo data.
pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    pub db: TestDb,
}

pub async fn spawn_app(backend: Backend) -> TestApp {
    // Generous limits: tests log in often from one address.
    spawn_app_with(backend, |config| config.rate_limit_per_minute = 10_000).await
}

pub async fn spawn_app_with(backend: Backend, adjust: impl FnOnce(&mut seinhuis::server::config::Config)) -> TestApp {
    use seinhuis::server::{AppState, config::Config, http::router};
    let db = database(backend).await;
    seinhuis::demo::load_if_empty(db.store.as_ref()).await.unwrap();
    let mut config = Config::load(std::path::Path::new("Leptos.toml"), Some(db.url.clone())).unwrap();
    adjust(&mut config);
    let state = AppState::new(db.store.clone(), config);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let app = router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    TestApp { base, client: new_client(), db }
}

pub fn new_client() -> reqwest::Client {
    reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap()
}

impl TestApp {
    /// Call a server function the way the browser does (form-encoded POST).
    pub async fn call(&self, client: &reqwest::Client, endpoint: &str, form: &[(&str, &str)]) -> (u16, String) {
        let response = client.post(format!("{}/api/{endpoint}", self.base)).header("Origin", &self.base).form(form).send().await.unwrap();
        (response.status().as_u16(), response.text().await.unwrap())
    }

    pub async fn get(&self, client: &reqwest::Client, path: &str) -> (u16, String) {
        let response = client.get(format!("{}{path}", self.base)).send().await.unwrap();
        (response.status().as_u16(), response.text().await.unwrap())
    }

    /// Only the status of a GET: a stream's body never ends.
    pub async fn status(&self, client: &reqwest::Client, path: &str) -> u16 {
        client.get(format!("{}{path}", self.base)).send().await.unwrap().status().as_u16()
    }

    /// A new browser session logged in as this demo account.
    pub async fn logged_in(&self, email: &str) -> reqwest::Client {
        let client = new_client();
        let (status, body) = self.call(&client, "aanmelden", &[("email", email), ("password", seinhuis::demo::DEMO_PASSWORD)]).await;
        assert_eq!(status, 200, "log-in as {email} failed: {body}");
        client
    }
}

impl TestApp {
    pub async fn person_id(&self, email: &str) -> PersonId {
        self.db.store.read().await.unwrap().credentials(email).await.unwrap().unwrap().person.id
    }

    pub async fn tenant_id(&self, slug: &str) -> TenantId {
        self.db.store.read().await.unwrap().tenant_by_slug(slug).await.unwrap().unwrap().id
    }

    /// A new signal, Ingediend, reported by this demo person from their
    /// organisation in the policy domain with this code (the intake's use case).
    pub async fn submit_as(&self, email: &str, slug: &str, domain: &str, title: &str, description: &str) -> SignalId {
        let (tenant, person) = (self.tenant_id(slug).await, self.person_id(email).await);
        let mut tx = self.db.store.write().await.unwrap();
        let membership = tx.memberships(person).await.unwrap().into_iter().find(|m| m.tenant == tenant).unwrap();
        let domain = tx.policy_domains(tenant).await.unwrap().into_iter().find(|d| d.code == domain).unwrap().id;
        let signal = NewSignal {
            title: title.into(),
            description: description.into(),
            policy_domain: Some(domain),
            reporter: Some(person),
            organisation: membership.organisation,
            ..NewSignal::default()
        };
        let id = seinhuis::usecases::signals::submit(&mut *tx, tenant, &signal, chrono::Utc::now()).await.unwrap();
        tx.commit().await.unwrap();
        id
    }
}

impl TestApp {
    /// Another server instance over this app's database (its own connections,
    /// state and in-memory caches), as behind a load balancer; its base URL.
    pub async fn spawn_instance(&self, adjust: impl FnOnce(&mut seinhuis::server::config::Config)) -> String {
        use seinhuis::server::{AppState, config::Config, http::router};
        let store = storage::open(&self.db.url).await.expect("open the shared database");
        let mut config = Config::load(std::path::Path::new("Leptos.toml"), Some(self.db.url.clone())).unwrap();
        adjust(&mut config);
        let state = AppState::new(store, config);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let app = router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        base
    }
}

impl TestDb {
    /// The text values a query returns, read straight from the database (for
    /// what the app itself does not show). `binds` fill `$1`, `$2`, …
    pub async fn strings(&self, sql: &str, binds: &[&str]) -> Vec<String> {
        use sqlx::Connection;
        if self.url.starts_with("sqlite:") {
            let mut conn = sqlx::SqliteConnection::connect(&self.url).await.unwrap();
            let mut query = sqlx::query_scalar::<sqlx::Sqlite, String>(sql);
            for bind in binds {
                query = query.bind(*bind);
            }
            query.fetch_all(&mut conn).await.unwrap()
        } else {
            let mut conn = sqlx::PgConnection::connect(&self.url).await.unwrap();
            let mut query = sqlx::query_scalar::<sqlx::Postgres, String>(sql);
            for bind in binds {
                query = query.bind(*bind);
            }
            query.fetch_all(&mut conn).await.unwrap()
        }
    }
}
