//! Tenant isolation: two tenants with look-alike data (same organisation,
//! same people's names, same signal and bundle titles); no read of one tenant
//! returns a row of the other. On SQLite and PostgreSQL.

use crate::common::{Backend, database, fixture};
use chrono::Utc;
use seinhuis::domain::*;
use seinhuis::storage::{AuditFilter, Store};

on_both_backends!(no_read_of_one_tenant_returns_the_other_tenants_rows);

struct Twin {
    tenant: TenantId,
    signal: SignalId,
    bundle: BundleId,
    invitation: i64,
}

async fn twin(store: &dyn Store, slug: &str) -> Twin {
    let f = fixture(store, slug).await;
    let signal = f.submit(store, "Geen betaalbare tandzorg", f.welzijn).await;
    let mut tx = store.write().await.unwrap();
    let now = Utc::now();
    let text = seinhuis::domain::bundle::BundleText { title: "Tandzorg".into(), problem: "Probleem".into(), ..Default::default() };
    let bundle = tx.create_bundle(f.tenant.id, &text, now).await.unwrap();
    let invitation = Invitation {
        id: 0,
        tenant: f.tenant.id,
        email: "dezelfde@voorbeeld.example".into(),
        name: "Dezelfde Persoon".into(),
        role: Role::Signaalgever,
        organisation: Some(f.organisation),
        policy_domains: vec![],
        created_at: now,
        sent_at: now,
        expires_at: now + chrono::Duration::days(14),
        accepted_at: None,
        revoked_at: None,
    };
    let invitation = tx.insert_invitation(&invitation, &format!("hash-{slug}"), None).await.unwrap();
    tx.insert_invitation_request(
        f.tenant.id,
        f.organisation,
        f.giver.person.id,
        "vraag@voorbeeld.example",
        "Vraag",
        Role::Signaalgever,
        "",
        now,
    )
    .await
    .unwrap();
    tx.queue_mail(Some(f.tenant.id), "dezelfde@voorbeeld.example", "Uitnodiging", slug, now).await.unwrap();
    let audit = NewAudit { tenant: Some(f.tenant.id), action: "test", object_type: "test", detail: slug.into(), ..NewAudit::default() };
    tx.audit(&audit, now).await.unwrap();
    tx.commit().await.unwrap();
    Twin { tenant: f.tenant.id, signal, bundle, invitation }
}

async fn no_read_of_one_tenant_returns_the_other_tenants_rows(backend: Backend) {
    let db = database(backend).await;
    let store = db.store.as_ref();
    let a = twin(store, "aalst").await;
    let b = twin(store, "brugge").await;
    let mut tx = store.read().await.unwrap();
    for (me, other, slug) in [(&a, &b, "aalst"), (&b, &a, "brugge")] {
        // Direct look-ups with the other tenant's ids find nothing.
        assert!(tx.signal_summary(me.tenant, other.signal).await.unwrap().is_none());
        assert!(tx.signal_details(me.tenant, other.signal).await.unwrap().is_none());
        assert!(tx.history(me.tenant, other.signal).await.unwrap().is_empty());
        assert!(tx.bundle(me.tenant, other.bundle).await.unwrap().is_none());
        assert!(tx.bundle_signals(me.tenant, other.bundle).await.unwrap().is_empty());
        assert!(tx.invitation(me.tenant, other.invitation).await.unwrap().is_none());
        // Lists hold exactly the tenant's own rows.
        let signals = tx.signal_summaries(me.tenant).await.unwrap();
        assert_eq!(signals.iter().map(|s| s.id).collect::<Vec<_>>(), vec![me.signal]);
        assert_eq!(tx.count_signals(me.tenant).await.unwrap(), 1);
        let own_orgs = tx.organisations(me.tenant).await.unwrap();
        let other_orgs = tx.organisations(other.tenant).await.unwrap();
        assert!(own_orgs.iter().all(|o| !other_orgs.iter().any(|x| x.id == o.id)));
        let own_domains = tx.policy_domains(me.tenant).await.unwrap();
        let other_domains = tx.policy_domains(other.tenant).await.unwrap();
        assert!(own_domains.iter().all(|d| !other_domains.iter().any(|x| x.id == d.id)));
        let members = tx.members(me.tenant).await.unwrap();
        assert_eq!(members.len(), 3);
        assert!(members.iter().all(|m| m.email.ends_with(&format!("@{slug}.example"))));
        let invitations = tx.invitations(me.tenant).await.unwrap();
        assert_eq!(invitations.iter().map(|i| i.id).collect::<Vec<_>>(), vec![me.invitation]);
        assert_eq!(tx.invitation_requests(me.tenant).await.unwrap().len(), 1);
        let outbox = tx.outbox(me.tenant, 100).await.unwrap();
        assert!(outbox.iter().all(|m| m.body == slug), "{outbox:?}");
        let filter = AuditFilter {
            action: String::new(),
            person: String::new(),
            from: chrono::DateTime::UNIX_EPOCH,
            until: Utc::now() + chrono::Duration::days(1),
            limit: 100,
        };
        let log = tx.audit_log(me.tenant, &filter).await.unwrap();
        assert!(!log.is_empty() && log.iter().all(|e| e.detail == slug || e.action != "test"));
    }
    // The invitation token of one tenant opens only its own invitation.
    let found = tx.invitation_by_token("hash-aalst").await.unwrap().unwrap();
    assert_eq!(found.tenant, a.tenant);
}
