//! Demo data: two municipalities with invented organisations, people and
//! about sixty signals whose histories went through the real lifecycle rules.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;

use crate::domain::lifecycle::transition;
use crate::domain::*;
use crate::error::AppError;
use crate::server::passwords::hash_password;
use crate::storage::{Store, Tx};
use crate::usecases::{self, signals::record};

mod forum;
use self::forum::DemoForum;

mod reports;

/// The password of every demo account. Demo accounts exist only in demo data.
pub const DEMO_PASSWORD: &str = "demo-seinhuis";

const TENANTS: &[(&str, &str)] = &[("gent", "Stad Gent"), ("kortrijk", "Stad Kortrijk")];

/// Districts (wijken and deelgemeenten) the intake form offers.
const DISTRICTS: &[(&str, &[&str])] = &[
    (
        "gent",
        &[
            "Binnenstad",
            "Brugse Poort",
            "Dampoort",
            "Drongen",
            "Gentbrugge",
            "Ledeberg",
            "Mariakerke",
            "Nieuw Gent",
            "Oostakker",
            "Rabot",
            "Sint-Amandsberg",
            "Sluizeken-Tolhuis-Ham",
            "Wondelgem",
            "Zwijnaarde",
        ],
    ),
    ("kortrijk", &["Aalbeke", "Bellegem", "Bissegem", "Heule", "Kooigem", "Marke", "Overleie", "Rollegem", "Sint-Jan", "Walle"]),
];

/// Kortrijk takes citizens' reports in the demo; Gent does not.
const CITIZEN_INTAKE: &[&str] = &["kortrijk"];

#[derive(Deserialize)]
struct Data {
    organisation: Vec<OrgData>,
    person: Vec<PersonData>,
    bundle: Vec<BundleData>,
    signal: Vec<SignalData>,
}

#[derive(Deserialize)]
struct OrgData {
    key: String,
    tenant: String,
    name: String,
    kind: String,
    processes_own_signals: bool,
}

#[derive(Deserialize)]
struct PersonData {
    key: String,
    name: String,
    email: String,
    #[serde(default)]
    platform_admin: bool,
    #[serde(default)]
    membership: Vec<MembershipData>,
}

#[derive(Deserialize)]
struct MembershipData {
    tenant: String,
    organisation: String,
    roles: Vec<String>,
    /// The domains of the role that holds them (signaalverwerker, else regisseur).
    #[serde(default)]
    policy_domains: Vec<String>,
    /// A regisseur's domains when the person also processes other domains.
    #[serde(default)]
    regisseur_domains: Vec<String>,
}

impl MembershipData {
    /// Domain codes per role: a person's domains belong to each role they hold.
    fn role_domains(&self, roles: &[Role]) -> Vec<(Role, &String)> {
        let processes = roles.contains(&Role::Signaalverwerker);
        let mut held: Vec<(Role, &String)> = Vec::new();
        if processes {
            held.extend(self.policy_domains.iter().map(|d| (Role::Signaalverwerker, d)));
        }
        if roles.contains(&Role::Regisseur) {
            let steered = if processes { &self.regisseur_domains } else { &self.policy_domains };
            held.extend(steered.iter().map(|d| (Role::Regisseur, d)));
        }
        held
    }
}

#[derive(Deserialize)]
struct BundleData {
    key: String,
    tenant: String,
    title: String,
    problem: String,
    analysis: String,
}

#[derive(Deserialize)]
struct SignalData {
    tenant: String,
    reporter: String,
    title: String,
    description: String,
    target_groups: Vec<String>,
    life_domains: Vec<String>,
    policy_domain: String,
    area: String,
    frequency: String,
    since: String,
    people_estimate: i64,
    tried: String,
    idea: Option<String>,
    may_contact: bool,
    days_ago: i64,
    phase: String,
    bundle: Option<String>,
    not_retained_reason: Option<String>,
    feedback: Option<String>,
    outcome: Option<String>,
    duplicate_of: Option<String>,
}

fn data() -> Data {
    toml::from_str(include_str!("data.toml")).expect("src/demo/data.toml is valid")
}

/// Load the demo data if the database holds no tenant yet. True if loaded.
pub async fn load_if_empty(store: &dyn Store) -> Result<bool, AppError> {
    let mut tx = store.write().await?;
    if !tx.tenants().await?.is_empty() {
        return Ok(false);
    }
    load(&mut *tx, &data(), Utc::now()).await?;
    tx.commit().await?;
    Ok(true)
}

/// Print the demo accounts, for `make run`.
pub fn print_accounts() {
    let data = data();
    println!("\nDemo-accounts (wachtwoord voor allemaal: {DEMO_PASSWORD}):");
    for p in &data.person {
        let roles: Vec<String> = if p.platform_admin {
            vec!["platformbeheerder".into()]
        } else {
            p.membership.iter().map(|m| format!("{}: {}", m.tenant, m.roles.join(", "))).collect()
        };
        println!("  {:<46} {:<22} {}", p.email, p.name, roles.join("; "));
    }
    println!();
}

struct Loaded {
    tenants: HashMap<String, TenantId>,
    orgs: HashMap<String, OrganisationId>,
    domains: HashMap<(String, String), PolicyDomainId>,
    people: HashMap<String, PersonId>,
    memberships: HashMap<(String, PersonId), Membership>,
}

async fn load(tx: &mut dyn Tx, data: &Data, now: DateTime<Utc>) -> Result<(), AppError> {
    let mut l = Loaded {
        tenants: HashMap::new(),
        orgs: HashMap::new(),
        domains: HashMap::new(),
        people: HashMap::new(),
        memberships: HashMap::new(),
    };
    for (slug, name) in TENANTS {
        let id = usecases::tenants::create(tx, slug, name, "gemeente").await?;
        l.tenants.insert(slug.to_string(), id);
        if let Some((_, districts)) = DISTRICTS.iter().find(|(s, _)| s == slug) {
            tx.set_districts(id, &districts.iter().map(|d| d.to_string()).collect::<Vec<_>>()).await?;
        }
        tx.update_tenant(id, name, CITIZEN_INTAKE.contains(slug)).await?;
        for d in tx.policy_domains(id).await? {
            l.domains.insert((slug.to_string(), d.code), d.id);
        }
    }
    for o in &data.organisation {
        let org = NewOrganisation {
            name: o.name.clone(),
            kind: o.kind.clone(),
            processes_own_signals: o.processes_own_signals,
            territory_mandate: false,
            // Invented addresses: "gent-deschakel" asks partners@deschakel.gent.example.
            contact_email: demo_contact(&o.key),
        };
        l.orgs.insert(o.key.clone(), tx.insert_organisation(l.tenants[&o.tenant], &org).await?);
    }
    let hash = hash_password(DEMO_PASSWORD)?;
    for p in &data.person {
        let person = tx.insert_person(&p.email, &p.name, Some(&hash), p.platform_admin, now).await?;
        l.people.insert(p.key.clone(), person);
        for m in &p.membership {
            let roles: Vec<Role> = m.roles.iter().map(|r| Role::from_code(r).expect("demo role")).collect();
            let domains: Vec<RoleDomain> = m
                .role_domains(&roles)
                .into_iter()
                .map(|(role, d)| RoleDomain::new(role, l.domains[&(m.tenant.clone(), d.clone())]))
                .collect();
            tx.insert_membership(l.tenants[&m.tenant], person, Some(l.orgs[&m.organisation]), &roles, &domains).await?;
        }
        for m in tx.memberships(person).await? {
            l.memberships.insert((m.tenant_slug.clone(), person), m);
        }
    }
    // Submit every signal first, so "dubbel" can point at any other.
    let mut submitted = Vec::new();
    let mut by_title = HashMap::new();
    for s in &data.signal {
        let tenant = l.tenants[&s.tenant];
        let reporter = l.people[&s.reporter];
        let organisation = l.memberships[&(s.tenant.clone(), reporter)].organisation;
        let new = NewSignal {
            title: s.title.clone(),
            description: s.description.clone(),
            policy_domain: Some(l.domains[&(s.tenant.clone(), s.policy_domain.clone())]),
            area: s.area.clone(),
            frequency: s.frequency.clone(),
            since: s.since.clone(),
            people_estimate: Some(s.people_estimate),
            tried: s.tried.clone(),
            idea: s.idea.clone().unwrap_or_default(),
            may_contact: s.may_contact,
            source: Source::Worker,
            reporter: Some(reporter),
            organisation,
            target_groups: s.target_groups.clone(),
            life_domains: s.life_domains.clone(),
        };
        let at = now - Duration::days(s.days_ago);
        let id = usecases::signals::submit(tx, tenant, &new, at).await?;
        by_title.insert((s.tenant.clone(), s.title.clone()), id);
        submitted.push((id, at));
    }

    // A bundle is made once its last signal came in.
    let mut bundled_at = HashMap::new();
    for b in &data.bundle {
        let latest = data
            .signal
            .iter()
            .zip(&submitted)
            .filter(|(s, _)| s.bundle.as_deref() == Some(&b.key))
            .map(|(_, (_, at))| *at)
            .max()
            .expect("bundle has signals");
        bundled_at.insert(b.key.clone(), latest + (now - latest) / 4);
    }

    // Walk each signal through the phases on its own, up to Weerhouden for
    // those that will be bundled.
    for (s, (id, at)) in data.signal.iter().zip(&submitted) {
        let target = Phase::from_code(&s.phase).expect("demo phase");
        let message = s.feedback.clone().unwrap_or_default();
        let mut steps = vec![];
        match target {
            Phase::Submitted => {}
            Phase::Withdrawn => steps.push(Change::Withdraw),
            Phase::InScreening => steps.push(Change::StartScreening),
            Phase::NotRetained => steps.extend([
                Change::StartScreening,
                Change::NotRetain {
                    reason: NotRetainedReason::from_code(s.not_retained_reason.as_deref().unwrap_or("")).expect("demo reason"),
                    duplicate_of: s.duplicate_of.as_ref().map(|t| by_title[&(s.tenant.clone(), t.clone())]),
                    message,
                },
            ]),
            _ => steps.extend([Change::StartScreening, Change::Retain]),
        }
        let last = match &s.bundle {
            Some(key) => bundled_at[key] - Duration::minutes(30),
            None => *at + (now - *at) / 3,
        };
        walk(tx, &l, &s.tenant, *id, &steps, *at, last).await?;
    }

    // Bundles are made and moved through the same use cases as a person's.
    let mut forum = DemoForum::new(now);
    for b in &data.bundle {
        let tenant = l.tenants[&b.tenant];
        let mut signals = Vec::new();
        for (s, (id, _)) in data.signal.iter().zip(&submitted).filter(|(s, _)| s.bundle.as_deref() == Some(&b.key)) {
            let _ = s;
            signals.push(tx.signal_summary(tenant, *id).await?.ok_or(AppError::NotFound)?);
        }
        let actor = processor(&l, &b.tenant, &signals[0]);
        let text = bundle::BundleText {
            title: b.title.clone(),
            problem: b.problem.clone(),
            analysis: b.analysis.clone(),
            lead_domain: signals[0].scope.policy_domain,
            confirmed: false,
        };
        let created = bundled_at[&b.key];
        let id = usecases::bundles::create_in(tx, tenant, &actor, &signals, &text, created).await?;

        let sample = data.signal.iter().find(|s| s.bundle.as_deref() == Some(&b.key)).expect("bundle has signals");
        let target = Phase::from_code(&sample.phase).expect("demo phase");
        if target < Phase::Analysed {
            continue;
        }
        // Analysed by its processors; what comes after goes through a meeting.
        let analysed_at = created + Duration::hours(1) + (forum.past_at - created).max(Duration::zero()) / 3;
        let summary = tx.bundle_details(tenant, id).await?.ok_or(AppError::NotFound)?.summary;
        let inside = tx.bundle_signals(tenant, id).await?;
        usecases::bundles::move_in(tx, tenant, &actor, &summary, &inside, Phase::Analysed, MoveDetails::default(), analysed_at).await?;
        if target == Phase::Analysed {
            continue;
        }
        let outcome = sample.outcome.as_deref().and_then(Outcome::from_code);
        let feedback = sample.feedback.clone().unwrap_or_default();
        forum.carry(tx, &l, &b.tenant, id, target, outcome, &feedback, analysed_at, now).await?;
    }
    // Each municipality published a signalenbundel for the previous period.
    let mut slugs: Vec<&String> = l.tenants.keys().collect();
    slugs.sort();
    for slug in slugs {
        reports::publish(tx, &l, slug, now).await?;
    }
    Ok(())
}

/// An organisation's invented contact address, from its demo key.
fn demo_contact(key: &str) -> String {
    let (tenant, org) = key.split_once('-').unwrap_or(("demo", key));
    format!("partners@{org}.{tenant}.example")
}

/// Apply `steps` to one signal, spread evenly after `from`, the last at `until`.
async fn walk(
    tx: &mut dyn Tx,
    l: &Loaded,
    slug: &str,
    id: SignalId,
    steps: &[Change],
    from: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<(), AppError> {
    let tenant = l.tenants[slug];
    let step = (until - from) / (steps.len().max(1) as i32);
    let mut at = from;
    for change in steps {
        at += step;
        let signal = tx.signal_summary(tenant, id).await?.ok_or(AppError::NotFound)?;
        let actor = match change {
            Change::Withdraw => Actor { person: signal.scope.reporter.expect("reporter"), role: Role::Signaalgever },
            _ => processor(l, slug, &signal),
        };
        let t = transition(&signal.state(), change, &actor)?;
        record(tx, tenant, actor.person, &t, signal.version, at).await?;
    }
    Ok(())
}

/// A signaalverwerker who processes this signal, or else the coordinator.
fn processor(l: &Loaded, slug: &str, signal: &SignalSummary) -> Actor {
    let mut candidates: Vec<&Membership> = l.memberships.values().filter(|m| m.tenant_slug == slug).collect();
    candidates.sort_by_key(|m| m.person);
    let verwerker = candidates.iter().find(|m| m.has(Role::Signaalverwerker) && m.processes(&signal.scope));
    let coordinator = candidates.iter().find(|m| m.has(Role::Hoofdsignaalverwerker));
    let m = verwerker.or(coordinator).expect("demo tenant has a coordinator");
    Actor { person: m.person, role: m.acting_role(&signal.scope).expect("processor role") }
}

#[cfg(test)]
mod tests {
    use crate::domain::privacy::scan;

    /// Demo signals are written as a careful worker writes them: the privacy
    /// guard must find nothing in them, or it would flag honest text.
    #[test]
    fn demo_texts_hold_no_personal_data() {
        let data = super::data();
        let mut flagged = Vec::new();
        for s in &data.signal {
            for text in [&s.title, &s.description, &s.tried].into_iter().chain(s.idea.as_ref()).chain(s.feedback.as_ref()) {
                flagged.extend(scan(text).into_iter().map(|f| format!("{}: {:?} {:?}", s.title, f.kind, f.text)));
            }
        }
        for b in &data.bundle {
            for text in [&b.title, &b.problem, &b.analysis] {
                flagged.extend(scan(text).into_iter().map(|f| format!("{}: {:?} {:?}", b.title, f.kind, f.text)));
            }
        }
        assert!(flagged.is_empty(), "{flagged:#?}");
    }
}
