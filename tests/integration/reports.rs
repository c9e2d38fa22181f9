//! Reports on SQLite and PostgreSQL: the dashboard's figures against a data
//! set counted by hand (phases, Brussels day boundaries, lead times by
//! nearest rank, small-number hiding), the signalenbundel from approval
//! link to frozen publication, and access per record over HTTP.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use crate::access::{CALLERS, Who, call};
use crate::common::{Backend, Fixture, TestApp, database, fixture, new_client, spawn_app};
use seinhuis::domain::lifecycle::transition;
use seinhuis::domain::reports::publication::{Answer, PublicationForm, PublicationStatus};
use seinhuis::domain::reports::{PeriodChoice, ReportFilter};
use seinhuis::domain::*;
use seinhuis::server::auth::TenantCaller;
use seinhuis::storage::Store;
use seinhuis::usecases::reports::{dashboard, publications};

on_both_backends!(
    dashboard_figures_match_a_hand_count,
    the_tallies_follow_every_change,
    a_signalenbundel_is_approved_once_and_frozen,
    publications_answer_exactly_who_may_read_them,
    a_refused_composer_comes_back_as_typed_without_javascript
);

/// Functions on one publication: left out of the role-only test in
/// `access.rs` and checked here with real ids of Gent and Kortrijk.
pub const REPORT_RECORD_FUNCTIONS: &[&str] = &[
    "signalenbundel",
    "signalenbundel-opslaan",
    "signalenbundel-voorleggen",
    "signalenbundel-publiceren",
    "publieke-signalenbundel",
    "akkoord",
    "akkoord-geven",
    "publieke-samenvatting-opslaan",
];

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
}

async fn submit(store: &dyn Store, f: &Fixture, title: &str, domain: PolicyDomainId, when: DateTime<Utc>) -> SignalId {
    let signal = NewSignal {
        title: title.into(),
        description: format!("{title}: we zien dit steeds vaker."),
        policy_domain: Some(domain),
        reporter: Some(f.giver.person.id),
        organisation: Some(f.organisation),
        ..NewSignal::default()
    };
    let mut tx = store.write().await.unwrap();
    let id = seinhuis::usecases::signals::submit(tx.as_mut(), f.tenant.id, &signal, when).await.unwrap();
    tx.commit().await.unwrap();
    id
}

async fn apply(store: &dyn Store, f: &Fixture, id: SignalId, change: Change, when: DateTime<Utc>) {
    let mut tx = store.write().await.unwrap();
    let signal = tx.signal_summary(f.tenant.id, id).await.unwrap().unwrap();
    let actor = Actor { person: f.coordinator.person.id, role: Role::Hoofdsignaalverwerker };
    let t = transition(&signal.state(), &change, &actor).unwrap();
    seinhuis::usecases::signals::record(tx.as_mut(), f.tenant.id, actor.person, &t, signal.version, when).await.unwrap();
    tx.commit().await.unwrap();
}

async fn mandataris(store: &dyn Store, f: &Fixture) -> TenantCaller {
    let mut tx = store.write().await.unwrap();
    let email = format!("mandataris@{}.example", f.tenant.slug);
    let person = tx.insert_person(&email, "mandataris", None, false, Utc::now()).await.unwrap();
    tx.insert_membership(f.tenant.id, person, None, &[Role::Mandataris], &[]).await.unwrap();
    let person = tx.person(person).await.unwrap().unwrap();
    let membership = tx.memberships(person.id).await.unwrap().remove(0);
    tx.commit().await.unwrap();
    TenantCaller { person, tenant: f.tenant.clone(), membership, ip: "127.0.0.1".into() }
}

fn texts(page: &seinhuis::domain::reports::DashboardPage, table: &str) -> Vec<(String, Vec<String>)> {
    page.dashboard.table(table).unwrap().rows.iter().map(|r| (r.label.clone(), r.cells.iter().map(|c| c.text()).collect())).collect()
}

fn row(label: &str, cells: &[&str]) -> (String, Vec<String>) {
    (label.to_string(), cells.iter().map(|c| c.to_string()).collect())
}

async fn dashboard_figures_match_a_hand_count(backend: Backend) {
    let db = database(backend).await;
    let store = db.store.as_ref();
    let f = fixture(store, "telraam").await;
    // Seven welzijn signals on 1 March 2026, an hour apart.
    let mut welzijn = Vec::new();
    for i in 0..7 {
        welzijn.push(submit(store, &f, &format!("Welzijn {i}"), f.welzijn, at(2026, 3, 1, 8 + i, 0)).await);
    }
    // Six go into screening after 1, 2, 3, 4, 5 and 10 days.
    for (i, days) in [1, 2, 3, 4, 5, 10].into_iter().enumerate() {
        apply(store, &f, welzijn[i], Change::StartScreening, at(2026, 3, 1 + days, 8 + i as u32, 0)).await;
    }
    // Two of them are not retained: a complaint.
    for (i, signal) in welzijn.iter().take(2).enumerate() {
        let change = Change::NotRetain {
            reason: NotRetainedReason::Klacht,
            duplicate_of: None,
            message: "Dit is een klacht voor de dienst zelf.".into(),
        };
        apply(store, &f, *signal, change, at(2026, 3, 20 + 5 * i as u32, 9, 0)).await;
    }
    // Wonen: one in March; one at 00:30 Brussels on 1 January (23:30 UTC the
    // day before: inside); one at 23:30 Brussels on 31 December (outside).
    submit(store, &f, "Wonen maart", f.wonen, at(2026, 3, 2, 9, 0)).await;
    submit(store, &f, "Wonen nieuwjaar", f.wonen, at(2025, 12, 31, 23, 30)).await;
    submit(store, &f, "Wonen oudjaar", f.wonen, at(2025, 12, 31, 22, 30)).await;

    let filter = |domain: Option<PolicyDomainId>| ReportFilter {
        choice: PeriodChoice::Custom,
        from: NaiveDate::from_ymd_opt(2026, 1, 1),
        to: NaiveDate::from_ymd_opt(2026, 6, 30),
        domain,
    };
    let now = at(2026, 12, 3, 12, 0);

    // The coordinator reads every signal: nothing hidden.
    let page = dashboard::page(store, &f.coordinator, filter(None), now).await.unwrap();
    assert_eq!(page.dashboard.received.text(), "9");
    assert!(!page.dashboard.protected);
    assert_eq!(texts(&page, "fase"), [row("Ingediend", &["3"]), row("In screening", &["4"]), row("Niet weerhouden", &["2"])]);
    assert_eq!(texts(&page, "beleidsdomein"), [row("Welzijn", &["7"]), row("Wonen", &["2"])]);
    // Lead times in days: to In screening 1,2,3,4,5,10 → median rank 3 = 3, p90 rank 6 = 10.
    // To Niet weerhouden: 19 days 1 hour and 24 days (rank 1 and 2 of 2).
    let lead = texts(&page, "doorlooptijd");
    assert_eq!(lead[0], row("In screening", &["6", "3", "10"]));
    assert_eq!(lead[1], row("Niet weerhouden", &["2", "19", "24"]));
    let reasons = texts(&page, "niet-weerhouden");
    assert_eq!(reasons, [row("Klacht (hoort bij de dienst zelf)", &["2", "22,2 %"])]);

    // A mandataris may not read the signals: small numbers hidden, and a
    // second cell with a single small one.
    let m = mandataris(store, &f).await;
    let page = dashboard::page(store, &m, filter(None), now).await.unwrap();
    assert!(page.dashboard.protected);
    assert_eq!(page.dashboard.received.text(), "9");
    assert_eq!(texts(&page, "fase"), [row("Ingediend", &["< 5"]), row("In screening", &["< 5"]), row("Niet weerhouden", &["< 5"])]);
    assert_eq!(texts(&page, "beleidsdomein"), [row("Welzijn", &["verborgen"]), row("Wonen", &["< 5"])]);
    assert_eq!(texts(&page, "doorlooptijd")[1], row("Niet weerhouden", &["< 5", "verborgen", "verborgen"]));
    // The only other row goes too, or the total of arrivals would tell.
    assert_eq!(texts(&page, "doorlooptijd")[0], row("In screening", &["verborgen", "verborgen", "verborgen"]));

    // One domain: the filter narrows every figure.
    let page = dashboard::page(store, &m, filter(Some(f.wonen)), now).await.unwrap();
    assert_eq!(page.dashboard.received.text(), "< 5");
    assert_eq!(page.dashboard.scope, "Wonen");
    let page = dashboard::page(store, &f.coordinator, filter(Some(f.welzijn)), now).await.unwrap();
    assert_eq!(page.dashboard.received.text(), "7");

    // The signal export holds what the reader may read, never the reporter.
    let lines = dashboard::signal_lines(store, &f.processor).await.unwrap();
    assert_eq!(lines.len(), 7, "the processor reads welzijn only");
    assert!(lines.iter().all(|l| l.policy_domain == "Welzijn" && l.sector.starts_with("CAW")), "{lines:?}");
    let csv = String::from_utf8(seinhuis::exports::signals_csv(&lines)).unwrap();
    assert!(!csv.contains(&f.giver.person.email) && !csv.contains("Welzijnshuis"), "no reporter, no organisation name");
}

/// The dashboard reads pre-counted tallies: a change shows at once (the
/// read corrects for signals not counted yet) and stays right once counted.
async fn the_tallies_follow_every_change(backend: Backend) {
    use seinhuis::domain::reports::{Period, ReportScope};
    use seinhuis::usecases::reports::tallies;
    let db = database(backend).await;
    let store = db.store.as_ref();
    let f = fixture(store, "tellers").await;
    let march = Period { from: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), to: NaiveDate::from_ymd_opt(2026, 3, 31).unwrap() };
    let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    let phases = |domains: Option<Vec<PolicyDomainId>>| async move {
        let mut tx = store.read().await.unwrap();
        let scope = ReportScope { domains, protected: false };
        let d = dashboard::figures(tx.as_mut(), f.tenant.id, &scope, march, today, String::new()).await.unwrap();
        let rows = d.table("fase").unwrap().rows.iter().map(|r| format!("{} {}", r.label, r.cells[0].text())).collect::<Vec<_>>();
        (d.received.text(), rows, d.table("doorlooptijd").unwrap().rows.len())
    };
    let a = submit(store, &f, "Teller een", f.welzijn, at(2026, 3, 2, 9, 0)).await;
    let b = submit(store, &f, "Teller twee", f.welzijn, at(2026, 3, 3, 9, 0)).await;
    submit(store, &f, "Teller drie", f.wonen, at(2026, 3, 31, 22, 30)).await; // 1 April in Brussels (summer time)
    submit(store, &f, "Teller vier", f.wonen, at(2026, 2, 28, 23, 30)).await; // 1 March in Brussels

    // Not counted yet: the read corrects for all four.
    assert!(!store.read().await.unwrap().uncounted(f.tenant.id).await.unwrap().is_empty());
    let fresh = ("3".to_string(), vec!["Ingediend 3".to_string()], 0);
    assert_eq!(phases(None).await, fresh);
    assert!(tallies::catch_up(store).await.unwrap() >= 4);
    assert!(store.read().await.unwrap().uncounted(f.tenant.id).await.unwrap().is_empty());
    assert_eq!(phases(None).await, fresh);
    assert_eq!(phases(Some(vec![f.wonen])).await.0, "1");

    // Moves: one into screening, then not retained; the other into screening.
    apply(store, &f, a, Change::StartScreening, at(2026, 3, 4, 9, 0)).await;
    apply(store, &f, b, Change::StartScreening, at(2026, 3, 5, 9, 0)).await;
    let no = Change::NotRetain { reason: NotRetainedReason::Klacht, duplicate_of: None, message: "Een klacht.".into() };
    apply(store, &f, a, no, at(2026, 3, 6, 9, 0)).await;
    let rows = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let expected = ("3".to_string(), rows(&["Ingediend 1", "In screening 1", "Niet weerhouden 1"]), 2);
    assert_eq!(phases(None).await, expected, "corrected while not counted");
    tallies::catch_up(store).await.unwrap();
    assert_eq!(phases(None).await, expected, "the same once counted");
    assert_eq!(phases(Some(vec![f.welzijn])).await, ("2".to_string(), rows(&["In screening 1", "Niet weerhouden 1"]), 2));
}

/// A key like the server's, to make the link a mail would carry.
fn key() -> seinhuis::server::passwords::LinkKey {
    seinhuis::server::passwords::LinkKey::new(&"sleutel-voor-de-test-".repeat(3)).unwrap()
}

async fn a_signalenbundel_is_approved_once_and_frozen(backend: Backend) {
    use seinhuis::server::passwords::{LinkKind, link_token};
    let app = spawn_app(backend).await;
    let store = app.db.store.as_ref();
    let coordinator = caller(&app, "ines.claeys@gent.example", "gent").await;
    let now = Utc::now();
    let page = publications::list(store, &coordinator, now).await.unwrap();
    let demo = page.publications.iter().find(|p| p.status == PublicationStatus::Published).expect("the demo published one");
    assert!(!page.candidates.is_empty());
    // A new one from the demo's bundles.
    let form = PublicationForm {
        title: "Signalenbundel test".into(),
        from: "2025-01-01".into(),
        to: "2026-12-31".into(),
        intro: "Inleiding.".into(),
        subjects: page.candidates.iter().filter(|c| c.kind == "Bundel").map(|c| c.key.clone()).collect(),
    };
    let id = publications::save(store, &coordinator, None, 0, &form, now).await.unwrap();
    assert_ne!(id, demo.id);
    // Without subjects it is refused, and says why.
    let empty = PublicationForm { subjects: vec![], ..form.clone() };
    assert!(matches!(publications::save(store, &coordinator, Some(id), 1, &empty, now).await, Err(seinhuis::error::AppError::Invalid(_))));

    let asked = publications::ask_approval(store, &coordinator, id, "http://seinhuis.test", now).await.unwrap();
    assert!(asked > 0, "the demo campaigns name partners");
    let approvals = store.read().await.unwrap().approvals(coordinator.tenant.id, id).await.unwrap();
    assert_eq!(approvals.len(), asked);
    // The mail's link: the token exists only in the mail, its hash in the row.
    let token = {
        let mut tx = store.write().await.unwrap();
        let token = link_token(tx.as_mut(), &key(), LinkKind::Approval, approvals[0].id).await.unwrap().unwrap();
        tx.commit().await.unwrap();
        token
    };
    let stored = app.db.strings("SELECT token_hash FROM publication_approvals", &[]).await;
    assert!(!stored.iter().any(|h| h.contains(&token)), "no token at rest");
    let part = publications::approval_page(store, &token, now).await.unwrap();
    assert_eq!(part.organisation, approvals[0].organisation_name);
    assert!(part.closed.is_none());
    // A change needs a remark; then the link works once.
    assert!(publications::answer(store, &token, false, " ", now).await.is_err());
    assert_eq!(publications::answer(store, &token, true, "", now).await.unwrap(), Answer::Approved);
    assert!(publications::answer(store, &token, true, "", now).await.is_err(), "a link works once");
    assert!(publications::approval_page(store, &token, now).await.unwrap().closed.is_some());
    assert!(publications::approval_page(store, "onbekend", now).await.is_err());
    // Another partner's link, after it expired.
    if approvals.len() > 1 {
        let mut tx = store.write().await.unwrap();
        let other = link_token(tx.as_mut(), &key(), LinkKind::Approval, approvals[1].id).await.unwrap().unwrap();
        tx.commit().await.unwrap();
        let later = now + chrono::Duration::days(publications::APPROVAL_DAYS + 1);
        assert!(publications::answer(store, &other, true, "", later).await.is_err(), "an expired link");
    }

    publications::publish(store, &coordinator, id, now).await.unwrap();
    let before = publications::page(store, &coordinator, id, now).await.unwrap().doc;
    assert!(!before.published.is_empty());
    // Later edits to its bundles do not change a published signalenbundel.
    let first_bundle = before.items[0].title.clone();
    {
        let mut tx = store.write().await.unwrap();
        let bundles = tx.publishable(coordinator.tenant.id).await.unwrap();
        let (subject, _, _) = bundles.iter().find(|(_, t, _)| *t == first_bundle).unwrap().clone();
        let seinhuis::domain::forum::agenda::AgendaSubject::Bundle(b) = subject else { panic!("a bundle") };
        let details = tx.bundle_details(coordinator.tenant.id, b).await.unwrap().unwrap();
        let text = seinhuis::domain::bundle::BundleText {
            title: "Een nieuwe titel".into(),
            problem: "Een ander probleem.".into(),
            analysis: String::new(),
            lead_domain: None,
            confirmed: true,
        };
        let update = seinhuis::storage::BundleUpdate { text: Some(&text), phase: None, merged_into: None };
        assert!(tx.update_bundle(coordinator.tenant.id, b, details.summary.version, update, now).await.unwrap());
        tx.commit().await.unwrap();
    }
    let after = publications::page(store, &coordinator, id, now + chrono::Duration::days(1)).await.unwrap().doc;
    assert_eq!(after, before, "frozen");
    assert!(publications::publish(store, &coordinator, id, now).await.is_err(), "published once");
    // The answer comes too late for a published one.
    let public = publications::published(store, &coordinator.tenant, id).await.unwrap();
    assert_eq!(public.title, "Signalenbundel test");
}

async fn caller(app: &TestApp, email: &str, slug: &str) -> TenantCaller {
    let mut tx = app.db.store.read().await.unwrap();
    let person = tx.person(app.person_id(email).await).await.unwrap().unwrap();
    let membership = tx.memberships(person.id).await.unwrap().into_iter().find(|m| m.tenant_slug == slug).unwrap();
    let tenant = tx.tenant_by_slug(slug).await.unwrap().unwrap();
    TenantCaller { person, tenant, membership, ip: "127.0.0.1".into() }
}

async fn publications_answer_exactly_who_may_read_them(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.db.store.as_ref();
    let gent = caller(&app, "ines.claeys@gent.example", "gent").await;
    let published = |p: &[seinhuis::domain::reports::publication::PublicationSummary]| {
        p.iter().find(|p| p.status == PublicationStatus::Published).unwrap().id
    };
    let own = published(&publications::list(store, &gent, Utc::now()).await.unwrap().publications);
    let kortrijk_caller = {
        let mut tx = store.read().await.unwrap();
        let tenant = tx.tenant_by_slug("kortrijk").await.unwrap().unwrap();
        tx.publications(tenant.id).await.unwrap()[0].id
    };
    // A draft of Gent, which mandatarissen may not read yet.
    let form = PublicationForm {
        title: "Concept".into(),
        from: "2025-01-01".into(),
        to: "2026-12-31".into(),
        intro: String::new(),
        subjects: publications::list(store, &gent, Utc::now()).await.unwrap().candidates.iter().take(1).map(|c| c.key.clone()).collect(),
    };
    let draft = publications::save(store, &gent, None, 0, &form, Utc::now()).await.unwrap();

    let mut clients = vec![(Who::Anonymous, new_client())];
    for (who, _, email) in CALLERS {
        clients.push((*who, app.logged_in(email).await));
    }
    let allowed_roles = |who: Who| matches!(who, Who::Coordinator | Who::Mandataris);
    for (who, client) in &clients {
        for (id, kind) in [(own, "published"), (draft, "draft"), (kortrijk_caller, "other tenant")] {
            let args = vec![("tenant", "gent".to_string()), ("id", id.to_string())];
            let (status, body) = call(&app, client, "signalenbundel", &args).await;
            let want = match (who, kind) {
                (Who::Anonymous, _) => 401,
                (w, _) if !allowed_roles(*w) => 403,
                (_, "other tenant") => 404,
                (Who::Mandataris, "draft") => 404,
                _ => 200,
            };
            assert_eq!(status, want, "signalenbundel {kind} as {who:?}: {body}");
            // Changing it: the coordinator only, and only its own tenant's.
            let (status, body) = call(&app, client, "signalenbundel-voorleggen", &args).await;
            let want = match (who, kind) {
                (Who::Anonymous, _) => 401,
                (Who::Coordinator, "other tenant") => 404,
                (Who::Coordinator, "published") => 422,
                (Who::Coordinator, _) => 200,
                _ => 403,
            };
            assert_eq!(status, want, "signalenbundel-voorleggen {kind} as {who:?}: {body}");
            // Anyone reads a published one on the public page; nothing else.
            let (status, body) = call(&app, client, "publieke-signalenbundel", &args).await;
            assert_eq!(status, if kind == "published" { 200 } else { 404 }, "publieke-signalenbundel {kind} as {who:?}: {body}");
            let pdf = app.status(client, &format!("/gent/publiek/signalenbundels/{id}/signalenbundel.pdf")).await;
            assert_eq!(pdf, if kind == "published" { 200 } else { 404 }, "public PDF {kind} as {who:?}");
        }
    }
    // Public summaries: only the coordinator, only of its own tenant's records.
    let (status, _) = call(
        &app,
        &clients[0].1,
        "publieke-samenvatting-opslaan",
        &[("tenant", "gent".into()), ("kind", "signaal".into()), ("id", "1".into()), ("summary", "x".into())],
    )
    .await;
    assert_eq!(status, 401);
    let coordinator = &clients.iter().find(|(w, _)| *w == Who::Coordinator).unwrap().1;
    let kortrijk_signal = {
        let mut tx = store.read().await.unwrap();
        let tenant = tx.tenant_by_slug("kortrijk").await.unwrap().unwrap();
        tx.signal_summaries(tenant.id)
            .await
            .unwrap()
            .into_iter()
            .find(|s| s.phase >= Phase::Scheduled && s.phase != Phase::Withdrawn)
            .unwrap()
            .id
    };
    let (status, body) = call(
        &app,
        coordinator,
        "publieke-samenvatting-opslaan",
        &[("tenant", "gent".into()), ("kind", "signaal".into()), ("id", kortrijk_signal.to_string()), ("summary", "Opgevolgd.".into())],
    )
    .await;
    assert_eq!(status, 404, "another tenant's signal: {body}");
    // Personal data never goes public.
    let own_signal = {
        let mut tx = store.read().await.unwrap();
        tx.public_items(gent.tenant.id, seinhuis::storage::PublicKind::Signal, false).await.unwrap()[0].id
    };
    let (status, body) = call(
        &app,
        coordinator,
        "publieke-samenvatting-opslaan",
        &[
            ("tenant", "gent".into()),
            ("kind", "signaal".into()),
            ("id", own_signal.to_string()),
            ("summary", "Bel Jan Peeters op 0475 12 34 56.".into()),
        ],
    )
    .await;
    assert_eq!(status, 422, "{body}");
    // The public page shows only what was marked public, and never a reporter.
    let (status, page) = app.get(&new_client(), "/gent/publiek").await;
    assert_eq!(status, 200);
    assert!(page.contains("Signalenbundel Stad Gent"), "the demo's published bundle is listed: {page}");
    assert!(!page.contains("Sofie Mertens") && !page.contains("sofie.mertens"));
}

async fn a_refused_composer_comes_back_as_typed_without_javascript(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = app.logged_in("ines.claeys@gent.example").await;
    let intro = "Een lange inleiding die niemand twee keer wil typen.";
    // No bundle chosen: refused.
    let form = [
        ("tenant", "gent".to_string()),
        ("title", "Bundel zonder onderwerpen".to_string()),
        ("from", "2025-01-01".to_string()),
        ("to", "2026-12-31".to_string()),
        ("intro", intro.to_string()),
    ];
    let response = client
        .post(format!("{}/api/signalenbundel-opslaan", app.base))
        .header("Origin", &app.base)
        .header("Referer", format!("{}/gent/signalenbundels", app.base))
        .header("Accept", "text/html")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert!(response.status().is_redirection(), "{}", response.status());
    let (status, page) = app.get(&client, "/gent/signalenbundels").await;
    assert_eq!(status, 200);
    assert!(page.contains(intro) && page.contains("Bundel zonder onderwerpen"), "what was typed comes back");
    assert!(page.contains("Kies minstens één bundel of signaal."), "with why");
    let (_, again) = app.get(&client, "/gent/signalenbundels").await;
    assert!(!again.contains(intro), "only once");

    // A public summary refused for personal data comes back as typed too.
    let signal = {
        let mut tx = app.db.store.read().await.unwrap();
        let gent = tx.tenant_by_slug("gent").await.unwrap().unwrap();
        tx.public_items(gent.id, seinhuis::storage::PublicKind::Signal, false).await.unwrap()[0].id
    };
    let typed = "Opgevolgd na een melding van Jan Peeters, 0475 12 34 56.";
    let form =
        [("tenant", "gent".to_string()), ("kind", "signaal".to_string()), ("id", signal.to_string()), ("summary", typed.to_string())];
    let response = client
        .post(format!("{}/api/publieke-samenvatting-opslaan", app.base))
        .header("Origin", &app.base)
        .header("Referer", format!("{}/gent/beheer/publiek", app.base))
        .header("Accept", "text/html")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert!(response.status().is_redirection(), "{}", response.status());
    let (_, page) = app.get(&client, "/gent/beheer/publiek").await;
    assert!(page.contains("0475 12 34 56"), "the typed summary comes back");
    assert!(page.contains("persoonsgegevens"), "with why");
    let (_, public) = app.get(&new_client(), "/gent/publiek").await;
    assert!(!public.contains("0475 12 34 56"), "and nothing of it went public");
}
