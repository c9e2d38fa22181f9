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
#[macro_export]
macro_rules! on_both_backends {
    ($($scenario:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $scenario() {
                    super::$scenario(super::common::Backend::Sqlite).await
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $scenario() {
                    super::$scenario(super::common::Backend::Postgres).await
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
    let org = NewOrganisation { name: format!("Welzijnshuis {slug}"), kind: "caw".into(), processes_own_signals: false };
    let organisation = tx.insert_organisation(tenant.id, &org).await.unwrap();
    let mut callers = vec![];
    for (who, role, domains) in [
        ("coordinator", Role::Hoofdsignaalverwerker, vec![]),
        ("processor", Role::Signaalverwerker, vec![welzijn]),
        ("giver", Role::Signaalgever, vec![]),
    ] {
        let email = format!("{who}@{slug}.example");
        let person = tx.insert_person(&email, who, None, false, chrono::Utc::now()).await.unwrap();
        tx.insert_membership(tenant.id, person, Some(organisation), &[role], &domains).await.unwrap();
        let person = tx.person(person).await.unwrap().unwrap();
        let membership = tx.memberships(person.id).await.unwrap().remove(0);
        callers.push(TenantCaller { person, tenant: tenant.clone(), membership });
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
