//! Tenant administration by the hoofdsignaalverwerker, and tenants created by
//! the platform beheerder.

use chrono::{DateTime, Utc};

use super::invitations::{InviteForm, validate};
use crate::domain::*;
use crate::error::AppError;
use crate::server::auth::TenantCaller;
use crate::storage::{Store, Tx};

fn audit(caller: &TenantCaller, action: &'static str, object_type: &'static str, id: String, detail: String) -> NewAudit {
    NewAudit {
        tenant: Some(caller.tenant.id),
        person: Some(caller.person.id),
        action,
        object_type,
        object_id: id,
        detail,
        ip: caller.ip.clone(),
    }
}

/// Give a member other roles, and domains for the roles that hold them
/// (a domain ticked for a role the member does not get is dropped).
pub async fn change_roles(
    store: &dyn Store,
    caller: &TenantCaller,
    person: PersonId,
    roles: &[Role],
    domains: &[RoleDomain],
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut roles: Vec<Role> = roles.iter().copied().filter(|r| Role::TENANT_ROLES.contains(r)).collect();
    roles.sort();
    roles.dedup();
    if roles.is_empty() {
        return Err(AppError::Invalid("Kies minstens één rol. Wil je iemand weghalen? Zet die persoon dan op inactief.".into()));
    }
    let mut tx = store.write().await?;
    let known = tx.policy_domains(caller.tenant.id).await?;
    if domains.iter().any(|d| !known.iter().any(|k| k.id == d.domain)) {
        return Err(AppError::Invalid("Kies beleidsdomeinen uit de lijst.".into()));
    }
    let mut domains: Vec<RoleDomain> = domains.iter().copied().filter(|d| d.role.holds_domains() && roles.contains(&d.role)).collect();
    domains.sort();
    domains.dedup();
    a_coordinator_stays(&mut *tx, caller.tenant.id, person, roles.contains(&Role::Hoofdsignaalverwerker)).await?;
    tx.set_roles(caller.tenant.id, person, &roles, &domains).await?;
    let detail = roles.iter().map(|r| r.code()).collect::<Vec<_>>().join(",");
    tx.audit(&audit(caller, "rollen-gewijzigd", "persoon", person.to_string(), detail), now).await?;
    tx.commit().await?;
    Ok(())
}

/// (De)activate a member in this tenant. Someone left with no active
/// membership anywhere is deactivated altogether: their sessions end at once.
pub async fn set_active(
    store: &dyn Store,
    caller: &TenantCaller,
    person: PersonId,
    active: bool,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    if person == caller.person.id && !active {
        return Err(AppError::Invalid("Je kan jezelf niet op inactief zetten.".into()));
    }
    let mut tx = store.write().await?;
    if !active {
        a_coordinator_stays(&mut *tx, caller.tenant.id, person, false).await?;
    }
    if !tx.set_member_active(caller.tenant.id, person, active).await? {
        return Err(AppError::NotFound);
    }
    let target = tx.person(person).await?.ok_or(AppError::NotFound)?;
    let still_member = !tx.memberships(person).await?.is_empty();
    if active || (!still_member && !target.platform_admin) {
        tx.set_person_active(person, active, now).await?;
    }
    let action = if active { "persoon-geactiveerd" } else { "persoon-gedeactiveerd" };
    tx.audit(&audit(caller, action, "persoon", person.to_string(), target.email), now).await?;
    tx.commit().await?;
    Ok(())
}

/// Add an organisation (no id) or change one.
pub async fn save_organisation(
    store: &dyn Store,
    caller: &TenantCaller,
    id: Option<OrganisationId>,
    org: NewOrganisation,
    now: DateTime<Utc>,
) -> Result<OrganisationId, AppError> {
    let name = org.name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() || name.chars().count() > 120 {
        return Err(AppError::Invalid("Geef de organisatie een naam van hoogstens 120 tekens.".into()));
    }
    if !ORGANISATION_KINDS.iter().any(|(code, _)| *code == org.kind) {
        return Err(AppError::Invalid("Kies een soort organisatie.".into()));
    }
    let contact_email = match org.contact_email.trim() {
        "" => String::new(),
        typed => crate::domain::parse_email(typed).map_err(AppError::Invalid)?,
    };
    let org = NewOrganisation { name, contact_email, ..org };
    let mut tx = store.write().await?;
    if tx.organisations(caller.tenant.id).await?.iter().any(|o| o.name.eq_ignore_ascii_case(&org.name) && Some(o.id) != id) {
        return Err(AppError::Invalid(format!("Er bestaat al een organisatie ‘{}’.", org.name)));
    }
    let id = match id {
        Some(id) => {
            if !tx.update_organisation(caller.tenant.id, id, &org).await? {
                return Err(AppError::NotFound);
            }
            id
        }
        None => tx.insert_organisation(caller.tenant.id, &org).await?,
    };
    let detail = format!("{} (eigen signalen: {}, mandaat: {})", org.name, org.processes_own_signals, org.territory_mandate);
    tx.audit(&audit(caller, "organisatie-opgeslagen", "organisatie", id.to_string(), detail), now).await?;
    tx.commit().await?;
    Ok(id)
}

/// Save a tenant's name, its citizen-intake switch and its districts (one per line).
pub async fn save_settings(
    store: &dyn Store,
    caller: &TenantCaller,
    name: &str,
    citizen_intake: bool,
    districts: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() || name.chars().count() > 120 {
        return Err(AppError::Invalid("Geef een naam van hoogstens 120 tekens.".into()));
    }
    let districts = parse_districts(districts)?;
    let mut tx = store.write().await?;
    tx.update_tenant(caller.tenant.id, &name, citizen_intake).await?;
    tx.set_districts(caller.tenant.id, &districts).await?;
    let detail = format!("naam: {name}; burgermeldingen: {}; wijken: {}", if citizen_intake { "aan" } else { "uit" }, districts.join(", "));
    tx.audit(&audit(caller, "instellingen-gewijzigd", "gemeente", caller.tenant.slug.clone(), detail), now).await?;
    tx.commit().await?;
    Ok(())
}

/// Save the board's soft limit per column and its screening deadline.
pub async fn save_board_limits(
    store: &dyn Store,
    caller: &TenantCaller,
    limits: &crate::domain::limits::BoardLimits,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut tx = store.write().await?;
    tx.set_board_limits(caller.tenant.id, limits).await?;
    let columns = limits.columns.iter().map(|(phase, n)| format!("{} {n}", phase.label())).collect::<Vec<_>>().join(", ");
    let detail = format!(
        "zachte limieten: {}; screeningstermijn: {}",
        if columns.is_empty() { "geen".to_string() } else { columns },
        limits.screening_days.map_or("geen".to_string(), |d| format!("{d} dagen"))
    );
    tx.audit(&audit(caller, "bordlimieten-gewijzigd", "gemeente", caller.tenant.slug.clone(), detail), now).await?;
    tx.commit().await?;
    Ok(())
}

/// The platform beheerder creates a tenant and invites its first coordinator.
/// Returns the invitation's id (its link is mailed; `seinhuis link` prints it).
#[allow(clippy::too_many_arguments)]
pub async fn create_tenant(
    store: &dyn Store,
    admin: Option<&Person>,
    slug: &str,
    name: &str,
    kind: &str,
    coordinator_email: &str,
    coordinator_name: &str,
    public_url: &str,
    ip: &str,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    let mut tx = store.write().await?;
    let tenant = super::tenants::create(&mut *tx, slug, name, kind).await?;
    let form = InviteForm {
        email: coordinator_email.into(),
        name: coordinator_name.into(),
        role: Role::Hoofdsignaalverwerker.code().into(),
        ..InviteForm::default()
    };
    let mut invitation = validate(&mut *tx, tenant, &form, now).await?;
    invitation.id = super::invitations::insert(&mut *tx, &invitation, admin.map(|a| a.id), now).await?;
    let inviter = admin.map(|a| a.name.as_str()).unwrap_or("De beheerder van Seinhuis");
    super::invitations::mail_invitation(&mut *tx, name.trim(), &invitation, inviter, public_url, now).await?;
    tx.audit(
        &NewAudit {
            tenant: Some(tenant),
            person: admin.map(|a| a.id),
            action: "gemeente-aangemaakt",
            object_type: "gemeente",
            object_id: slug.to_string(),
            detail: format!("eerste hoofdsignaalverwerker: {}", invitation.email),
            ip: ip.to_string(),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(invitation.id)
}

/// Districts as typed, one per line: trimmed, blank lines and repeats dropped.
fn parse_districts(text: &str) -> Result<Vec<String>, AppError> {
    let mut districts: Vec<String> = Vec::new();
    for line in text.lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")) {
        if line.is_empty() || districts.iter().any(|d| d.eq_ignore_ascii_case(&line)) {
            continue;
        }
        if line.chars().count() > 80 {
            return Err(AppError::Invalid(format!("De wijk ‘{line}’ heeft een te lange naam: hoogstens 80 tekens.")));
        }
        districts.push(line);
    }
    if districts.len() > 100 {
        return Err(AppError::Invalid("Geef hoogstens 100 wijken of deelgemeenten.".into()));
    }
    Ok(districts)
}

/// At least one active hoofdsignaalverwerker stays in the tenant when `person`
/// keeps (or loses) that role. Checked under the tenant's lock, so two
/// coordinators removing each other at the same moment cannot both succeed.
async fn a_coordinator_stays(tx: &mut dyn Tx, tenant: TenantId, person: PersonId, keeps_role: bool) -> Result<(), AppError> {
    tx.lock_tenant(tenant).await?;
    let members = tx.members(tenant).await?;
    let target = members.iter().find(|m| m.person == person).ok_or(AppError::NotFound)?;
    let others = members.iter().filter(|m| m.active && m.person != person && m.roles.contains(&Role::Hoofdsignaalverwerker)).count();
    if target.roles.contains(&Role::Hoofdsignaalverwerker) && !keeps_role && others == 0 {
        return Err(AppError::Invalid("Er moet minstens één hoofdsignaalverwerker blijven.".into()));
    }
    Ok(())
}
