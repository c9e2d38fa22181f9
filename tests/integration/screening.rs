//! Screening on the signal's own page, and the board at scale, on SQLite and
//! PostgreSQL: moves as plain form posts (no JavaScript) that come back with
//! the server's refusal and what was typed; a wrong "niet weerhouden" taken
//! back by a processor, told to the signaalgever without note or name; the
//! board's "who processes it" filter and paging done in SQL, equal to the rule.

use crate::common::{Backend, TestApp, database, spawn_app};
use seinhuis::api::follow::MySignals;
use seinhuis::domain::board::ProcessedBy;
use seinhuis::domain::{EventKind, NotRetainedReason, Phase, SignalSummary};

on_both_backends!(
    screening_and_taking_back_on_the_signal_page,
    the_board_filters_and_pages_in_sql_as_the_rule_says,
    each_column_of_the_board_pages_through_the_url,
);

const COORDINATOR: &str = "ines.claeys@gent.example";
/// Signaalverwerker for welzijn (and more).
const PROCESSOR: &str = "bram.verhaeghe@gent.example";
/// Signaalverwerker for wonen, regisseur for welzijn: reads it, does not work it.
const REGISSEUR: &str = "joris.wuytack@gent.example";
/// Signaalverwerker for jeugd and De Kiem's staff: does not even see it.
const OTHER_PROCESSOR: &str = "nadia.elamrani@dekiem.example";
const GIVER: &str = "youssef.benali@deoverstap.example";
/// Youssef's demo signal, welzijn, In screening.
const TITLE: &str = "Geen slaapplek voor wie nog actief gebruikt";

async fn summary(app: &TestApp, title: &str) -> SignalSummary {
    let mut tx = app.db.store.read().await.unwrap();
    let gent = tx.tenant_by_slug("gent").await.unwrap().unwrap().id;
    tx.signal_summaries(gent).await.unwrap().into_iter().find(|s| s.title == title).unwrap()
}

fn pairs<'a>(fields: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    fields.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// Post a move's form as a browser without JavaScript does; returns the page
/// the redirect leads to (its address and its HTML).
async fn post_form(app: &TestApp, client: &reqwest::Client, fields: &[(&str, &str)]) -> (String, String) {
    let page = format!("{}/gent/signalen/{}", app.base, fields.iter().find(|(k, _)| *k == "signal").unwrap().1);
    let response = client
        .post(format!("{}/api/signaal-verplaatsen", app.base))
        .header("Origin", &app.base)
        .header("Referer", &page)
        .header("Accept", "text/html,application/xhtml+xml")
        .form(fields)
        .send()
        .await
        .unwrap();
    assert!(response.status().is_redirection(), "a plain form post is sent back: {}", response.status());
    let location = response.headers()["location"].to_str().unwrap().to_string();
    assert!(location.starts_with("/gent/signalen/"), "back to the signal's page: {location}");
    let (status, html) = app.get(client, &location).await;
    assert_eq!(status, 200, "{html}");
    (location, html)
}

async fn screening_and_taking_back_on_the_signal_page(backend: Backend) {
    let app = spawn_app(backend).await;
    let coordinator = app.logged_in(COORDINATOR).await;
    let signal = summary(&app, TITLE).await;
    assert_eq!(signal.phase, Phase::InScreening);
    let (id, version) = (signal.id.0.to_string(), signal.version.to_string());

    // The page offers the screening moves, each asking what it needs.
    let (status, page) = app.get(&coordinator, &format!("/gent/signalen/{id}")).await;
    assert_eq!(status, 200);
    for expected in ["Wat gebeurt er met dit signaal?", "id=\"stap-retained\"", "id=\"stap-not_retained\"", "Waarom niet weerhouden?"] {
        assert!(page.contains(expected), "{expected}: {page}");
    }
    assert!(page.contains(&format!("name=\"version\" value=\"{version}\"")), "the version travels along");

    // No message: refused by the server, in Dutch, with what was typed kept.
    let form = |reason: &'static str, message: &'static str, version: String| {
        vec![
            ("tenant", "gent".to_string()),
            ("signal", id.clone()),
            ("version", version),
            ("to", "not_retained".to_string()),
            ("reason", reason.to_string()),
            ("duplicate_of", String::new()),
            ("message", message.to_string()),
        ]
    };
    let sent = form("organisatiegebonden", " ", version.clone());
    let (location, page) = post_form(&app, &coordinator, &pairs(&sent)).await;
    assert!(location.ends_with("#stap-not_retained"), "{location}");
    assert!(page.contains("Schrijf een bericht voor de signaalgever"), "{page}");
    assert!(page.contains("value=\"organisatiegebonden\" selected"), "the reason stays chosen: {page}");
    assert_eq!(summary(&app, TITLE).await.phase, Phase::InScreening, "nothing changed");

    // A stale version: someone else changed it first.
    let sent = form("klacht", "Dit hoort bij de dienst zelf.", (signal.version - 1).to_string());
    let (_, page) = post_form(&app, &coordinator, &pairs(&sent)).await;
    assert!(page.contains("Iemand anders was je voor"), "{page}");
    assert!(page.contains("Dit hoort bij de dienst zelf."), "the message stays typed: {page}");

    // Screened as not retained, with a reason and a message.
    let message = "Dit is een klacht over één dienst: we gaven ze door aan de klachtendienst.";
    let sent = form("klacht", message, version.clone());
    let (location, page) = post_form(&app, &coordinator, &pairs(&sent)).await;
    assert_eq!(location, format!("/gent/signalen/{id}"));
    assert!(page.contains("staat nu in de fase ‘Niet weerhouden’"), "{page}");
    let screened = summary(&app, TITLE).await;
    assert_eq!(screened.phase, Phase::NotRetained);

    // Another domain's processor does not even see it, its regisseur may not
    // move it; its own processor takes it back, with a note.
    let other = app.logged_in(OTHER_PROCESSOR).await;
    let regisseur = app.logged_in(REGISSEUR).await;
    let back = |note: &str| {
        vec![
            ("tenant", "gent".to_string()),
            ("signal", id.clone()),
            ("version", screened.version.to_string()),
            ("to", "in_screening".to_string()),
            ("note", note.to_string()),
        ]
    };
    let (status, _) = app.call(&other, "signaal-verplaatsen", &pairs(&back("Toch structureel."))).await;
    assert_eq!(status, 404);
    let (status, _) = app.call(&regisseur, "signaal-verplaatsen", &pairs(&back("Toch structureel."))).await;
    assert_eq!(status, 403);
    let processor = app.logged_in(PROCESSOR).await;
    let (_, page) = app.get(&processor, &format!("/gent/signalen/{id}")).await;
    assert!(page.contains("id=\"stap-in_screening\"") && page.contains("Opnieuw screenen"), "{page}");
    let (_, page) = post_form(&app, &processor, &pairs(&back(" "))).await;
    assert!(page.contains("Schrijf kort waarom je deze stap zet."), "{page}");
    let note = "Intern: drie diensten zien dit ook, toch structureel.";
    let (_, page) = post_form(&app, &processor, &pairs(&back(note))).await;
    assert!(page.contains("staat nu in de fase ‘In screening’"), "{page}");
    assert!(page.contains("Opnieuw in screening") && page.contains(note), "processors read the note: {page}");

    // The signaalgever reads the message, and that it is screened again:
    // no internal note, no processor's name.
    let giver = app.logged_in(GIVER).await;
    let (status, body) = app.call(&giver, "mijn-signalen", &[("tenant", "gent")]).await;
    assert_eq!(status, 200, "{body}");
    let mine: MySignals = serde_json::from_str(&body).unwrap();
    let followed = mine.signals.iter().find(|s| s.signal.title == TITLE).unwrap();
    assert_eq!(followed.signal.phase, Phase::InScreening);
    let screening = followed.timeline.iter().find(|e| e.to == Some(Phase::NotRetained)).unwrap();
    assert_eq!((screening.reason, screening.message.as_deref()), (Some(NotRetainedReason::Klacht), Some(message)));
    let taken_back = followed.timeline.last().unwrap();
    assert_eq!(
        (taken_back.kind, taken_back.from, taken_back.to),
        (EventKind::Reopened, Some(Phase::NotRetained), Some(Phase::InScreening))
    );
    assert_eq!(taken_back.kind.describe(taken_back.from, taken_back.to), "Opnieuw in screening");
    assert!(followed.timeline.iter().all(|e| e.note.is_none()));
    assert!(!body.contains(note) && !body.contains("Bram") && !body.contains("Ines"), "{body}");
    let (_, html) = app.get(&giver, "/gent/mijn-signalen").await;
    assert!(html.contains("Opnieuw in screening") && html.contains(message) && !html.contains(note), "{html}");
    // And got a mail about each change.
    let (status, body) = app.call(&coordinator, "uitgaande-mail", &[("tenant", "gent")]).await;
    assert_eq!(status, 200);
    let outbox: seinhuis::api::admin::tenant::OutboxPage = serde_json::from_str(&body).unwrap();
    let to_giver: Vec<_> = outbox.mails.iter().filter(|m| m.to == GIVER && m.subject.contains(TITLE)).collect();
    assert!(to_giver.iter().any(|m| m.subject.ends_with("Niet weerhouden") && m.body.contains(message)), "{to_giver:?}");
    assert!(to_giver.iter().any(|m| m.subject.ends_with("In screening") && !m.body.contains(note)), "{to_giver:?}");
}

async fn the_board_filters_and_pages_in_sql_as_the_rule_says(backend: Backend) {
    let db = database(backend).await;
    seinhuis::demo::load_if_empty(db.store.as_ref()).await.unwrap();
    let mut tx = db.store.read().await.unwrap();
    let mut people = 0;
    for tenant in tx.tenants().await.unwrap() {
        let signals = tx.signal_summaries(tenant.id).await.unwrap();
        for member in tx.members(tenant.id).await.unwrap() {
            let membership = tx.memberships(member.person).await.unwrap().into_iter().find(|m| m.tenant == tenant.id).unwrap();
            let processed = ProcessedBy::of(&membership);
            let selection = seinhuis::storage::BoardSelection::processed_by(processed.clone());
            let counts = tx.board_counts(tenant.id, &selection).await.unwrap();
            assert!(signals.iter().all(|s| processed.matches(&s.scope) == membership.processes(&s.scope)));
            // The rule, in Rust, over every signal of the tenant: per column
            // oldest first, the columns in the board's order.
            let expected = |phase: Phase| -> Vec<_> {
                signals.iter().filter(|s| s.phase == phase && membership.processes(&s.scope)).map(|s| s.id).collect()
            };
            let case = format!("{} as {}", tenant.slug, member.email);
            for phase in Phase::ALL {
                let count = counts.iter().find(|(p, _)| *p == phase).map(|(_, n)| *n).unwrap_or(0);
                assert_eq!(count, expected(phase).len() as i64, "{case} in {phase:?}");
            }
            let whole: Vec<_> = Phase::ALL.into_iter().map(|phase| (phase, 1000)).collect();
            let board = tx.board_columns(tenant.id, &selection, &whole).await.unwrap();
            let all: Vec<_> = Phase::ALL.into_iter().flat_map(expected).collect();
            assert_eq!(board.iter().map(|s| s.id).collect::<Vec<_>>(), all, "{case}");
            // Each column paged on its own (1, 2 or 3 cards), some columns left out.
            let paged: Vec<_> =
                Phase::ALL.into_iter().enumerate().filter(|(i, _)| i % 4 != 3).map(|(i, phase)| (phase, 1 + i as i64 % 3)).collect();
            let board = tx.board_columns(tenant.id, &selection, &paged).await.unwrap();
            let first: Vec<_> = paged.iter().flat_map(|(phase, n)| expected(*phase).into_iter().take(*n as usize)).collect();
            assert_eq!(board.iter().map(|s| s.id).collect::<Vec<_>>(), first, "{case}, paged");
            people += 1;
        }
    }
    assert!(people >= 20, "every demo person, {people}");
}

async fn each_column_of_the_board_pages_through_the_url(backend: Backend) {
    let app = spawn_app(backend).await;
    let coordinator = app.logged_in(COORDINATOR).await;
    let count = |board: &str| board.matches("class=\"card\"").count();
    let (status, before) = app.get(&coordinator, "/gent/bord").await;
    assert_eq!(status, 200);
    let cards = &before[before.find("class=\"board\"").unwrap()..];
    assert!(!cards.contains("<form") && cards.contains("href=\"/gent/signalen/"), "cards carry no forms, they link to the signal's page");
    assert!(!before.contains("Toon meer"), "the demo fits");

    // Thirty more signals Ingediend: the column shows 25, counts all, and opens further.
    {
        let mut tx = app.db.store.write().await.unwrap();
        let gent = tx.tenant_by_slug("gent").await.unwrap().unwrap().id;
        for n in 0..30 {
            let signal = seinhuis::domain::NewSignal { title: format!("Extra signaal {n}"), ..Default::default() };
            seinhuis::usecases::signals::submit(&mut *tx, gent, &signal, chrono::Utc::now()).await.unwrap();
        }
        tx.commit().await.unwrap();
    }
    let submitted = |board: &str| {
        let start = board.find("data-phase=\"submitted\"").unwrap();
        let end = board[start..].find("</section>").unwrap() + start;
        board[start..end].to_string()
    };
    let (_, board) = app.get(&coordinator, "/gent/bord").await;
    let column = submitted(&board);
    assert_eq!(count(&column), 25, "{column}");
    let total = count(&submitted(&before)) + 30;
    assert!(column.contains(&format!("aria-label=\"{total} signalen\"")), "{column}");
    assert!(column.contains("href=\"/gent/bord?submitted=50#kolom-submitted\""), "{column}");
    assert_eq!(count(&board) - 25, count(&before) - count(&submitted(&before)), "the other columns as before");
    let (_, board) = app.get(&coordinator, "/gent/bord?submitted=50").await;
    assert_eq!(count(&submitted(&board)), total);
    assert!(!submitted(&board).contains("Toon meer"));
}
