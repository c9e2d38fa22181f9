//! The demo's forums: a past one whose decisions started campaigns, and a
//! coming one in preparation, made through the same use cases as a person's.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};

use super::Loaded;
use crate::domain::*;
use crate::error::AppError;
use crate::storage::Tx;
use crate::usecases;

/// The demo's meetings: in each municipality a past forum with minutes (its
/// decisions started campaigns) and a coming forum in preparation.
pub(super) struct DemoForum {
    pub(super) past_at: DateTime<Utc>,
    coming_at: DateTime<Utc>,
    meetings: HashMap<String, (MeetingId, MeetingId)>,
}

impl DemoForum {
    pub(super) fn new(now: DateTime<Utc>) -> Self {
        DemoForum { past_at: now - Duration::days(30), coming_at: now + Duration::days(75), meetings: HashMap::new() }
    }

    /// The coordinator of a tenant, as a caller of the use cases.
    pub(super) async fn coordinator(tx: &mut dyn Tx, l: &Loaded, slug: &str) -> Result<crate::server::auth::TenantCaller, AppError> {
        let membership = l
            .memberships
            .values()
            .filter(|m| m.tenant_slug == slug && m.has(Role::Hoofdsignaalverwerker))
            .min_by_key(|m| m.person)
            .cloned()
            .expect("demo tenant has a coordinator");
        let person = tx.person(membership.person).await?.ok_or(AppError::NotFound)?;
        let tenant = tx.tenants().await?.into_iter().find(|t| t.slug == slug).ok_or(AppError::NotFound)?;
        Ok(crate::server::auth::TenantCaller { person, tenant, membership, ip: String::new() })
    }

    /// Plan both meetings of a tenant (once) and invite its members.
    async fn meetings(&mut self, tx: &mut dyn Tx, l: &Loaded, slug: &str) -> Result<(MeetingId, MeetingId), AppError> {
        if let Some(ids) = self.meetings.get(slug) {
            return Ok(*ids);
        }
        use crate::domain::forum::meeting::{MeetingForm, MeetingStatus, NewInvitee};
        let caller = Self::coordinator(tx, l, slug).await?;
        let form = |title: &str, at: DateTime<Utc>| {
            let local = brussels::local(at).date();
            MeetingForm {
                kind: "forum".into(),
                title: title.into(),
                date: local.format("%Y-%m-%d").to_string(),
                time: "14:00".into(),
                length: "150".into(),
                place: "Stadhuis, raadzaal".into(),
            }
        };
        let meetings = usecases::forum::meetings::plan_in;
        // The past forum is held (Afgelopen) once its decisions are taken, in `carry`.
        let past = meetings(tx, &caller, &form("Gezamenlijk forum najaar", self.past_at), MeetingStatus::Gepland, self.past_at).await?;
        let coming =
            meetings(tx, &caller, &form("Gezamenlijk forum voorjaar", self.coming_at), MeetingStatus::Gepland, self.past_at).await?;
        for m in l.memberships.values().filter(|m| m.tenant_slug == slug && !m.has(Role::Signaalgever)) {
            for meeting in [past, coming] {
                tx.add_invitee(caller.tenant.id, meeting, &NewInvitee::Person(m.person)).await?;
            }
        }
        let guest = NewInvitee::Guest {
            name: "Lotte Verstraeten".into(),
            role: "spreker, onderzoeker armoede en gezondheid".into(),
            email: String::new(),
        };
        tx.add_invitee(caller.tenant.id, coming, &guest).await?;
        self.meetings.insert(slug.to_string(), (past, coming));
        Ok((past, coming))
    }

    /// Carry an analysed bundle through a meeting to `target`: on the coming
    /// forum's agenda (Geagendeerd), or through the past forum's decision to a
    /// campaign (In actie), closed with the demo's outcome (Afgerond).
    #[allow(clippy::too_many_arguments)]
    pub(super) async fn carry(
        &mut self,
        tx: &mut dyn Tx,
        l: &Loaded,
        slug: &str,
        bundle: BundleId,
        target: Phase,
        outcome: Option<Outcome>,
        feedback: &str,
        analysed_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        use crate::domain::forum::agenda::{AgendaSubject, MinutesForm};
        use crate::domain::forum::campaign::LineForm;
        use crate::domain::forum::meeting::MeetingStatus;
        let (past, coming) = self.meetings(tx, l, slug).await?;
        let caller = Self::coordinator(tx, l, slug).await?;
        let tenant = caller.tenant.id;
        let subject = AgendaSubject::Bundle(bundle);
        let scheduled_at = analysed_at + Duration::hours(2);
        if target == Phase::Scheduled {
            usecases::forum::agenda::place_in(tx, &caller, coming, subject, None, scheduled_at).await?;
            return Ok(());
        }
        // The past meeting is reopened for a moment, as its preparers had it.
        tx.set_meeting_status(tenant, past, MeetingStatus::Gepland, false).await?;
        let item =
            usecases::forum::agenda::place_in(tx, &caller, past, subject, None, scheduled_at.min(self.past_at - Duration::days(7))).await?;
        let version = tx.agenda_item(tenant, item).await?.ok_or(AppError::NotFound)?.1.version;
        let minutes = MinutesForm {
            conclusions: "Het forum herkent het probleem bij alle aanwezige organisaties. Het vraagt een gezamenlijke aanpak met een trekker per actielijn.".into(),
            problem_definition: String::new(),
            commitments: "De sociale dienst en de welzijnsorganisaties nemen elk een actielijn op.".into(),
            decision: "campagne".into(),
            confirmed: true,
            ..MinutesForm::default()
        };
        let decided_at = self.past_at + Duration::hours(2);
        let campaign = usecases::forum::decisions::record_in(tx, &caller, item, version, &minutes, None, decided_at)
            .await?
            .ok_or(AppError::NotFound)?;
        let lead = l
            .memberships
            .values()
            .filter(|m| m.tenant_slug == slug && m.has(Role::Signaalverwerker))
            .min_by_key(|m| m.person)
            .map(|m| m.person);
        let line = LineForm {
            title: "Eén aanspreekpunt inrichten en bekendmaken bij de partners".into(),
            lead,
            due_on: brussels::local(now + Duration::days(60)).date().format("%Y-%m-%d").to_string(),
            status: "bezig".into(),
            progress: "40".into(),
            weight: "2".into(),
            confirmed: true,
        };
        usecases::campaigns::add_line_in(tx, &caller, campaign, &line, decided_at).await?;
        let overdue = LineForm {
            title: "Afspraken over doorverwijzing op papier zetten".into(),
            due_on: brussels::local(now - Duration::days(3)).date().format("%Y-%m-%d").to_string(),
            status: "gepland".into(),
            progress: "0".into(),
            weight: "1".into(),
            ..line
        };
        usecases::campaigns::add_line_in(tx, &caller, campaign, &overdue, decided_at).await?;
        tx.set_meeting_status(tenant, past, MeetingStatus::Afgelopen, false).await?;
        if target == Phase::Closed {
            let version = tx.campaign(tenant, campaign).await?.ok_or(AppError::NotFound)?.version;
            let closed_at = now - Duration::days(5);
            usecases::campaigns::close_in(tx, &caller, campaign, version, outcome, feedback, None, closed_at).await?;
        }
        Ok(())
    }
}
