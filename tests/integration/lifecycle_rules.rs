//! The lifecycle rules, exhaustively: every phase × every requested change ×
//! every role, for a signal on its own and for a bundle. The expected outcomes
//! are written out here from the product rules (domain README), independently
//! of how `transition` is built.

use seinhuis::domain::lifecycle::{MAX_NOTE_CHARS, transition, transition_bundle};
use seinhuis::domain::moves::{Ask, allowed_targets, change_for_move, needs};
use seinhuis::domain::*;

const GIVER: PersonId = PersonId(7);
const OTHER: PersonId = PersonId(8);
const BUNDLE: BundleId = BundleId(3);

use ChangeKind as K;
use Phase::*;

/// (from, change, to): every move the product rules allow.
const ALLOWED: &[(Phase, ChangeKind, Phase)] = &[
    (Submitted, K::StartScreening, InScreening),
    (Submitted, K::Withdraw, Withdrawn),
    (InScreening, K::Retain, Retained),
    (InScreening, K::NotRetain, NotRetained),
    (InScreening, K::StepBack, Submitted),
    (NotRetained, K::TakeBack, InScreening),
    (Retained, K::AddToBundle, Bundled),
    (Retained, K::StepBack, InScreening),
    (Bundled, K::MarkAnalysed, Analysed),
    (Bundled, K::StepBack, Retained),
    (Analysed, K::Schedule, Scheduled),
    (Analysed, K::StepBack, Bundled),
    (Scheduled, K::StartAction, InAction),
    (Scheduled, K::Close, Closed),
    (Scheduled, K::StepBack, Analysed),
    (InAction, K::Close, Closed),
    (InAction, K::StepBack, Scheduled),
    (Closed, K::Reopen, InAction),
    (Closed, K::Reopen, Analysed),
];

/// Who may ask for each kind of change. Taking back a wrong "niet
/// weerhouden" is any processor's; reopening Afgerond the coordinator's.
fn may(role: Role, kind: ChangeKind) -> bool {
    match kind {
        K::Withdraw => role == Role::Signaalgever,
        K::Reopen => role == Role::Hoofdsignaalverwerker,
        _ => matches!(role, Role::Signaalverwerker | Role::Hoofdsignaalverwerker),
    }
}

/// Every change a person can ask for, with a valid payload; Reopen once per target.
fn all_changes() -> Vec<Change> {
    let mut changes = vec![
        Change::StartScreening,
        Change::Retain,
        Change::NotRetain { reason: NotRetainedReason::Klacht, duplicate_of: None, message: "Dit hoort bij de dienst zelf.".into() },
        Change::AddToBundle { bundle: BUNDLE },
        Change::MarkAnalysed,
        Change::Schedule { meeting: MeetingId(1) },
        Change::StartAction { campaign: CampaignId(1) },
        Change::Close { outcome: Outcome::Beleidsbeslissing, message: "Het college besliste.".into() },
        Change::Withdraw,
        Change::StepBack { note: "Verkeerd verplaatst.".into() },
        Change::TakeBack { note: "Toch structureel: drie diensten zien dit.".into() },
    ];
    changes.extend(Phase::ALL.into_iter().map(|to| Change::Reopen { to, note: String::new() }));
    changes
}

fn target_of(change: &Change) -> Option<Phase> {
    match change {
        Change::Reopen { to, .. } => Some(*to),
        _ => None,
    }
}

fn expected_target(from: Phase, change: &Change) -> Option<Phase> {
    ALLOWED.iter().find(|(f, k, to)| *f == from && *k == change.kind() && target_of(change).is_none_or(|t| t == *to)).map(|(_, _, to)| *to)
}

fn signal(phase: Phase, id: i64) -> SignalState {
    SignalState { id: SignalId(id), phase, reporter: Some(GIVER), bundle: phase.is_bundled_stage().then_some(BUNDLE) }
}

#[test]
fn every_phase_change_and_role_for_one_signal() {
    let mut checked = 0;
    for phase in Phase::ALL {
        for change in all_changes() {
            for role in Role::ALL {
                let actor = Actor { person: GIVER, role };
                let s = signal(phase, 1);
                let got = transition(&s, &change, &actor);
                let kind = change.kind();
                let target = expected_target(phase, &change);
                let in_bundle_alone = s.bundle.is_some() && !(kind == K::StepBack && phase == Bundled);
                let case = format!("{phase:?} {change:?} as {role:?}");
                match (may(role, kind), target) {
                    (false, _) => assert_eq!(got, Err(Refusal::RoleMayNot { role, change: kind }), "{case}"),
                    (true, None) => assert_eq!(got, Err(Refusal::WrongPhase { from: phase, change: kind }), "{case}"),
                    (true, Some(_)) if in_bundle_alone => assert_eq!(got, Err(Refusal::MovesWithBundle), "{case}"),
                    (true, Some(to)) => {
                        let t = got.unwrap_or_else(|e| panic!("{case}: refused {e:?}"));
                        assert_eq!(t.to, to, "{case}");
                        assert_eq!(t.signal, s.id);
                        assert_eq!(t.event.from, Some(phase), "{case}");
                        assert_eq!(t.event.to, Some(to), "{case}");
                        let expected_bundle = match change {
                            Change::AddToBundle { bundle } => Some(bundle),
                            _ if to.is_bundled_stage() => s.bundle,
                            _ => None,
                        };
                        assert_eq!(t.bundle, expected_bundle, "{case}");
                    }
                }
                checked += 1;
            }
        }
    }
    assert_eq!(checked, Phase::ALL.len() * all_changes().len() * Role::ALL.len());
}

#[test]
fn every_phase_change_and_role_for_a_bundle() {
    for phase in Phase::ALL.into_iter().filter(|p| p.is_bundled_stage()) {
        for change in all_changes() {
            for role in Role::ALL {
                let actor = Actor { person: GIVER, role };
                let signals = [signal(phase, 1), signal(phase, 2)];
                let got = transition_bundle(BUNDLE, &signals, &change, &actor);
                let kind = change.kind();
                let case = format!("bundle in {phase:?} {change:?} as {role:?}");
                match (may(role, kind), expected_target(phase, &change)) {
                    (false, _) => assert_eq!(got, Err(Refusal::RoleMayNot { role, change: kind }), "{case}"),
                    (true, None) => assert_eq!(got, Err(Refusal::WrongPhase { from: phase, change: kind }), "{case}"),
                    (true, Some(to)) => {
                        let ts = got.unwrap_or_else(|e| panic!("{case}: refused {e:?}"));
                        // One transition, so one event, per signal of the bundle.
                        assert_eq!(ts.len(), 2, "{case}");
                        for (t, s) in ts.iter().zip(&signals) {
                            assert_eq!((t.signal, t.to), (s.id, to), "{case}");
                            assert_eq!(t.event.from, Some(phase), "{case}");
                            let stays = to.is_bundled_stage();
                            assert_eq!(t.bundle, stays.then_some(BUNDLE), "{case}");
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn a_bundle_change_needs_every_signal_in_that_bundle() {
    let actor = Actor { person: OTHER, role: Role::Hoofdsignaalverwerker };
    let mut stray = signal(Analysed, 2);
    stray.bundle = Some(BundleId(99));
    assert_eq!(
        transition_bundle(BUNDLE, &[signal(Analysed, 1), stray], &Change::Schedule { meeting: MeetingId(1) }, &actor),
        Err(Refusal::NotInBundle)
    );
    assert_eq!(transition_bundle(BUNDLE, &[], &Change::Schedule { meeting: MeetingId(1) }, &actor), Err(Refusal::EmptyBundle));
}

#[test]
fn only_the_giver_withdraws_their_own_signal() {
    let s = signal(Submitted, 1);
    let other = Actor { person: OTHER, role: Role::Signaalgever };
    assert_eq!(transition(&s, &Change::Withdraw, &other), Err(Refusal::NotOwnSignal));
    let own = Actor { person: GIVER, role: Role::Signaalgever };
    let t = transition(&s, &Change::Withdraw, &own).unwrap();
    assert_eq!((t.to, t.event.kind), (Withdrawn, EventKind::Withdrawn));
}

#[test]
fn decisions_carry_their_reason_message_and_note() {
    let processor = Actor { person: OTHER, role: Role::Signaalverwerker };
    let screening = signal(InScreening, 1);
    let no_message = Change::NotRetain { reason: NotRetainedReason::Klacht, duplicate_of: None, message: "  ".into() };
    assert_eq!(transition(&screening, &no_message, &processor), Err(Refusal::MessageRequired));
    let duplicate =
        |of| Change::NotRetain { reason: NotRetainedReason::Dubbel, duplicate_of: of, message: "Zie het eerdere signaal.".into() };
    assert_eq!(transition(&screening, &duplicate(None), &processor), Err(Refusal::DuplicateOfRequired));
    assert_eq!(transition(&screening, &duplicate(Some(SignalId(1))), &processor), Err(Refusal::DuplicateOfItself));
    let t = transition(&screening, &duplicate(Some(SignalId(5))), &processor).unwrap();
    assert_eq!(t.event.reason, Some(NotRetainedReason::Dubbel));
    assert_eq!(t.event.duplicate_of, Some(SignalId(5)));
    assert_eq!(t.event.message.as_deref(), Some("Zie het eerdere signaal."));

    let mut in_action = signal(InAction, 2);
    in_action.bundle = None;
    let close = |message: &str| Change::Close { outcome: Outcome::Opgelost, message: message.into() };
    assert_eq!(transition(&in_action, &close(""), &processor), Err(Refusal::MessageRequired));
    let long = "x".repeat(MAX_NOTE_CHARS + 1);
    assert_eq!(transition(&in_action, &close(&long), &processor), Err(Refusal::TextTooLong));
    let t = transition(&in_action, &close(" Opgelost door het OCMW. "), &processor).unwrap();
    assert_eq!(t.event.outcome, Some(Outcome::Opgelost));
    assert_eq!(t.event.message.as_deref(), Some("Opgelost door het OCMW."));

    let back = Change::StepBack { note: String::new() };
    assert_eq!(transition(&signal(Retained, 3), &back, &processor), Err(Refusal::NoteRequired));
    let t = transition(&signal(Retained, 3), &Change::StepBack { note: "Te snel weerhouden".into() }, &processor).unwrap();
    assert_eq!((t.to, t.event.kind, t.event.note.as_deref()), (InScreening, EventKind::SteppedBack, Some("Te snel weerhouden")));
}

#[test]
fn any_move_keeps_an_optional_message_and_note() {
    let processor = Actor { person: OTHER, role: Role::Signaalverwerker };
    let t = transition(&signal(Submitted, 1), &Change::StartScreening, &processor).unwrap();
    let t = t.with_remarks(" We bekijken dit deze week. ", "eerst budget nakijken").unwrap();
    assert_eq!(t.event.message.as_deref(), Some("We bekijken dit deze week."));
    assert_eq!(t.event.note.as_deref(), Some("eerst budget nakijken"));
    // Empty remarks stay absent; a required message is not overwritten.
    let t = transition(&signal(Submitted, 1), &Change::StartScreening, &processor).unwrap().with_remarks(" ", "").unwrap();
    assert_eq!((t.event.message, t.event.note), (None, None));
    let close = Change::Close { outcome: Outcome::Opgelost, message: "Opgelost.".into() };
    let mut in_action = signal(InAction, 2);
    in_action.bundle = None;
    let t = transition(&in_action, &close, &processor).unwrap().with_remarks("Iets anders", "").unwrap();
    assert_eq!(t.event.message.as_deref(), Some("Opgelost."));
    let long = "x".repeat(MAX_NOTE_CHARS + 1);
    let t = transition(&signal(Submitted, 1), &Change::StartScreening, &processor).unwrap();
    assert_eq!(t.with_remarks(&long, ""), Err(Refusal::TextTooLong));
}

#[test]
fn every_column_to_column_move_means_one_change() {
    let details = MoveDetails {
        reason: Some(NotRetainedReason::Klacht),
        outcome: Some(Outcome::Opgelost),
        bundle: Some(BUNDLE),
        meeting: Some(MeetingId(1)),
        campaign: Some(CampaignId(1)),
        ..MoveDetails::default()
    };
    for from in Phase::ALL {
        for to in Phase::ALL {
            let got = change_for_move(from, to, details.clone());
            let expected = ALLOWED.iter().find(|(f, _, t)| *f == from && *t == to).map(|(_, k, _)| *k);
            match expected {
                Some(kind) => assert_eq!(got.map(|c| c.kind()), Ok(kind), "{from:?} -> {to:?}"),
                None => assert_eq!(got, Err(Refusal::NoSuchMove { from, to }), "{from:?} -> {to:?}"),
            }
        }
    }
    let bare = MoveDetails::default();
    assert_eq!(change_for_move(InScreening, NotRetained, bare.clone()), Err(Refusal::ReasonRequired));
    assert_eq!(change_for_move(InAction, Closed, bare.clone()), Err(Refusal::OutcomeRequired));
    assert_eq!(change_for_move(Retained, Bundled, bare.clone()), Err(Refusal::BundleRequired));
    // Only an agenda schedules and only a campaign starts action: the board cannot.
    assert_eq!(change_for_move(Analysed, Scheduled, bare.clone()), Err(Refusal::ScheduleOnAgenda));
    assert_eq!(change_for_move(Scheduled, InAction, bare), Err(Refusal::StartThroughCampaign));
}

#[test]
fn the_board_offers_exactly_the_allowed_targets() {
    for phase in Phase::ALL {
        for role in Role::ALL {
            let mut s = signal(phase, 1);
            s.bundle = None; // a signal on its own
            let actor = Actor { person: GIVER, role };
            // Scheduling and starting action go through an agenda and a campaign, never the board.
            let through_forum = |k: K| matches!(k, K::Schedule | K::StartAction);
            let mut expected: Vec<Phase> =
                ALLOWED.iter().filter(|(f, k, _)| *f == phase && may(role, *k) && !through_forum(*k)).map(|(_, _, to)| *to).collect();
            expected.sort();
            let mut got = allowed_targets(&s, &actor);
            got.sort();
            assert_eq!(got, expected, "{phase:?} as {role:?}");
        }
    }
}

#[test]
fn refusals_speak_dutch() {
    let refusal = Refusal::WrongPhase { from: Submitted, change: K::Close };
    assert_eq!(refusal.message(), "Een signaal in de fase ‘Ingediend’ kan niet afgerond worden.");
    assert_eq!(
        Refusal::RoleMayNot { role: Role::Signaalgever, change: K::Retain }.message(),
        "Als signaalgever mag je deze stap niet zetten."
    );
}

#[test]
fn a_processor_takes_back_a_wrong_not_retained_with_a_note() {
    let not_retained = signal(NotRetained, 1);
    for role in [Role::Signaalverwerker, Role::Hoofdsignaalverwerker] {
        let actor = Actor { person: OTHER, role };
        let bare = Change::TakeBack { note: " ".into() };
        assert_eq!(transition(&not_retained, &bare, &actor), Err(Refusal::NoteRequired), "{role:?}");
        let t = transition(&not_retained, &Change::TakeBack { note: "Toch structureel.".into() }, &actor).unwrap();
        assert_eq!((t.to, t.bundle, t.event.kind), (InScreening, None, EventKind::Reopened), "{role:?}");
        assert_eq!((t.event.note.as_deref(), t.event.message.as_deref()), (Some("Toch structureel."), None));
        // The reporter's timeline says it is screened again.
        assert_eq!(t.event.kind.describe(t.event.from, t.event.to), "Opnieuw in screening");
    }
    // Reopening Afgerond stays with the hoofdsignaalverwerker.
    let mut closed = signal(Closed, 2);
    closed.bundle = None;
    let reopen = Change::Reopen { to: InAction, note: String::new() };
    let processor = Actor { person: OTHER, role: Role::Signaalverwerker };
    assert_eq!(transition(&closed, &reopen, &processor), Err(Refusal::RoleMayNot { role: Role::Signaalverwerker, change: K::Reopen }));
    let coordinator = Actor { person: OTHER, role: Role::Hoofdsignaalverwerker };
    assert_eq!(transition(&closed, &reopen, &coordinator).map(|t| t.to), Ok(InAction));
    assert_eq!(EventKind::Reopened.describe(Some(Closed), Some(InAction)), "Heropend: In actie");
    // The column-to-column move means the same.
    let details = MoveDetails { note: "Toch structureel.".into(), ..MoveDetails::default() };
    assert_eq!(change_for_move(NotRetained, InScreening, details), Ok(Change::TakeBack { note: "Toch structureel.".into() }));
}

#[test]
fn each_move_asks_exactly_what_its_change_needs() {
    for from in Phase::ALL {
        for to in Phase::ALL {
            // The board has no form for scheduling or starting action: an agenda and a campaign do that.
            let expected =
                ALLOWED.iter().find(|(f, k, t)| *f == from && *t == to && !matches!(k, K::Schedule | K::StartAction)).map(|(_, k, _)| *k);
            let got = needs(from, to);
            assert_eq!(got.map(|n| n.kind), expected, "{from:?} -> {to:?}");
            let Some(n) = got else { continue };
            let case = format!("{from:?} -> {to:?}");
            assert_eq!(n.reason, n.kind == K::NotRetain, "{case}");
            assert_eq!(n.outcome, n.kind == K::Close, "{case}");
            assert_eq!(n.bundle, n.kind == K::AddToBundle, "{case}");
            let message = if matches!(n.kind, K::NotRetain | K::Close) { Ask::Required } else { Ask::No };
            assert_eq!(n.message, message, "{case}");
            let note = match n.kind {
                K::StepBack | K::TakeBack => Ask::Required,
                K::Reopen => Ask::Optional,
                _ => Ask::No,
            };
            assert_eq!(n.note, note, "{case}");
        }
    }
}
