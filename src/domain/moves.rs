//! What a move on the board means: "from this column to that one", with what
//! the person filled in, becomes one lifecycle change; and which columns to
//! offer a person for a signal.

use serde::{Deserialize, Serialize};

use super::lifecycle::{Actor, Change, ChangeKind, Refusal, SignalState, Transition, transition, transition_bundle};
use super::{BundleId, CampaignId, MeetingId, NotRetainedReason, Outcome, Phase, SignalId};

/// What a person fills in when moving a signal to another column.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MoveDetails {
    pub reason: Option<NotRetainedReason>,
    pub duplicate_of: Option<SignalId>,
    pub outcome: Option<Outcome>,
    pub bundle: Option<BundleId>,
    /// Only an agenda schedules, and only a campaign starts action.
    pub meeting: Option<MeetingId>,
    pub campaign: Option<CampaignId>,
    pub message: String,
    pub note: String,
}

/// Translate "move from this column to that one" into the change it means.
pub fn change_for_move(from: Phase, to: Phase, details: MoveDetails) -> Result<Change, Refusal> {
    use Phase::*;
    let MoveDetails { reason, duplicate_of, outcome, bundle, meeting, campaign, message, note } = details;
    Ok(match (from, to) {
        (Submitted, InScreening) => Change::StartScreening,
        (InScreening, Retained) => Change::Retain,
        (InScreening, NotRetained) => Change::NotRetain { reason: reason.ok_or(Refusal::ReasonRequired)?, duplicate_of, message },
        (Retained, Bundled) => Change::AddToBundle { bundle: bundle.ok_or(Refusal::BundleRequired)? },
        (Bundled, Analysed) => Change::MarkAnalysed,
        (Analysed, Scheduled) => Change::Schedule { meeting: meeting.ok_or(Refusal::ScheduleOnAgenda)? },
        (Scheduled, InAction) => Change::StartAction { campaign: campaign.ok_or(Refusal::StartThroughCampaign)? },
        (Scheduled | InAction, Closed) => Change::Close { outcome: outcome.ok_or(Refusal::OutcomeRequired)?, message },
        (NotRetained, InScreening) => Change::TakeBack { note },
        (Closed, InAction | Analysed) => Change::Reopen { to, note },
        (Submitted, Withdrawn) => Change::Withdraw,
        (from, to) if from.previous() == Some(to) => Change::StepBack { note },
        (from, to) => return Err(Refusal::NoSuchMove { from, to }),
    })
}

/// The transition moving this signal to `to` means. Any move keeps the
/// message to the reporter and the internal note, also where its change does
/// not require them.
pub fn move_transition(signal: &SignalState, to: Phase, details: MoveDetails, actor: &Actor) -> Result<Transition, Refusal> {
    let (message, note) = (details.message.clone(), details.note.clone());
    transition(signal, &change_for_move(signal.phase, to, details)?, actor)?.with_remarks(&message, &note)
}

/// The columns this actor may move this signal to on its own (ignoring what
/// still has to be filled in), so the UI offers sensible targets first.
pub fn allowed_targets(signal: &SignalState, actor: &Actor) -> Vec<Phase> {
    targets_where(signal, |change| transition(signal, change, actor).is_ok())
}

/// The columns this actor may move the whole bundle of this signal to.
pub fn allowed_bundle_targets(signal: &SignalState, actor: &Actor) -> Vec<Phase> {
    let Some(bundle) = signal.bundle else { return Vec::new() };
    targets_where(signal, |change| transition_bundle(bundle, std::slice::from_ref(signal), change, actor).is_ok())
}

/// The columns to offer this actor for this signal: the whole bundle's moves
/// when it sits in one.
pub fn offered_targets(signal: &SignalState, actor: &Actor) -> Vec<Phase> {
    if signal.bundle.is_some() { allowed_bundle_targets(signal, actor) } else { allowed_targets(signal, actor) }
}

fn targets_where(signal: &SignalState, accepted: impl Fn(&Change) -> bool) -> Vec<Phase> {
    let filled = MoveDetails {
        reason: Some(NotRetainedReason::Klacht),
        duplicate_of: None,
        outcome: Some(Outcome::Opgelost),
        bundle: Some(BundleId(0)),
        // No meeting or campaign: the board does not offer Geagendeerd or
        // In actie; an agenda and a campaign do.
        meeting: None,
        campaign: None,
        message: "-".into(),
        note: "-".into(),
    };
    Phase::ALL.into_iter().filter(|to| change_for_move(signal.phase, *to, filled.clone()).is_ok_and(|change| accepted(&change))).collect()
}

/// Whether a move asks for a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Ask {
    No,
    Optional,
    Required,
}

/// What the form for one move asks, so it asks exactly what that move needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MoveNeeds {
    pub kind: ChangeKind,
    /// Why not retained, and of which signal a "dubbel" is a duplicate.
    pub reason: bool,
    pub outcome: bool,
    pub bundle: bool,
    /// A message to the signaalgever (public in their timeline).
    pub message: Ask,
    /// An internal note (processors only).
    pub note: Ask,
}

/// What moving a signal from `from` to `to` asks for; `None` when there is no such move.
pub fn needs(from: Phase, to: Phase) -> Option<MoveNeeds> {
    let filled = MoveDetails {
        reason: Some(NotRetainedReason::Klacht),
        outcome: Some(Outcome::Opgelost),
        bundle: Some(BundleId(0)),
        ..MoveDetails::default()
    };
    let kind = change_for_move(from, to, filled).ok()?.kind();
    let (reason, outcome, bundle, message, note) = match kind {
        ChangeKind::NotRetain => (true, false, false, Ask::Required, Ask::No),
        ChangeKind::Close => (false, true, false, Ask::Required, Ask::No),
        ChangeKind::AddToBundle => (false, false, true, Ask::No, Ask::No),
        ChangeKind::StepBack | ChangeKind::TakeBack => (false, false, false, Ask::No, Ask::Required),
        ChangeKind::Reopen => (false, false, false, Ask::No, Ask::Optional),
        _ => (false, false, false, Ask::No, Ask::No),
    };
    Some(MoveNeeds { kind, reason, outcome, bundle, message, note })
}
