//! The lifecycle rules: one pure function decides every change of phase.
//!
//! `transition` takes the signal, the requested change and the actor, and
//! returns the new state with its event, or a typed refusal the UI shows in
//! Dutch. The server applies the result inside one transaction; the browser
//! uses the same code to offer only sensible moves.

use serde::{Deserialize, Serialize};

use super::{BundleId, CampaignId, Carrier, EventDraft, EventKind, MeetingId, NotRetainedReason, Outcome, PersonId, Phase, Role, SignalId};

/// Longest message or note accepted with a change.
pub const MAX_NOTE_CHARS: usize = 2000;

/// What the lifecycle needs to know about a signal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignalState {
    pub id: SignalId,
    pub phase: Phase,
    pub reporter: Option<PersonId>,
    pub bundle: Option<BundleId>,
}

/// Who asks for the change, in the role they act in for this signal. The
/// server only hands a person the signaalverwerker role for signals they
/// process (their policy domains or their organisation's staff).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub person: PersonId,
    pub role: Role,
}

/// A requested change of phase.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Change {
    StartScreening,
    Retain,
    NotRetain {
        reason: NotRetainedReason,
        duplicate_of: Option<SignalId>,
        message: String,
    },
    AddToBundle {
        bundle: BundleId,
    },
    MarkAnalysed,
    /// Onto a meeting's agenda: Scheduled names the meeting.
    Schedule {
        meeting: MeetingId,
    },
    /// A campaign starts: In actie names the campaign.
    StartAction {
        campaign: CampaignId,
    },
    Close {
        outcome: Outcome,
        message: String,
    },
    /// The coordinator reopens a closed signal.
    Reopen {
        to: Phase,
        note: String,
    },
    /// A processor takes back a wrong "niet weerhouden": the signal is
    /// screened again. The note says why; the signaalgever is told.
    TakeBack {
        note: String,
    },
    /// The signaalgever withdraws an own signal that is still Ingediend.
    Withdraw,
    /// A processor corrects a mistake by going back one phase.
    StepBack {
        note: String,
    },
}

/// The kind of a change, without its payload.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChangeKind {
    StartScreening,
    Retain,
    NotRetain,
    AddToBundle,
    MarkAnalysed,
    Schedule,
    StartAction,
    Close,
    Reopen,
    TakeBack,
    Withdraw,
    StepBack,
}

impl Change {
    pub fn kind(&self) -> ChangeKind {
        match self {
            Change::StartScreening => ChangeKind::StartScreening,
            Change::Retain => ChangeKind::Retain,
            Change::NotRetain { .. } => ChangeKind::NotRetain,
            Change::AddToBundle { .. } => ChangeKind::AddToBundle,
            Change::MarkAnalysed => ChangeKind::MarkAnalysed,
            Change::Schedule { .. } => ChangeKind::Schedule,
            Change::StartAction { .. } => ChangeKind::StartAction,
            Change::Close { .. } => ChangeKind::Close,
            Change::Reopen { .. } => ChangeKind::Reopen,
            Change::TakeBack { .. } => ChangeKind::TakeBack,
            Change::Withdraw => ChangeKind::Withdraw,
            Change::StepBack { .. } => ChangeKind::StepBack,
        }
    }
}

impl ChangeKind {
    /// Which roles may ever ask for this kind of change.
    pub const fn allowed_for(self, role: Role) -> bool {
        match self {
            ChangeKind::Withdraw => matches!(role, Role::Signaalgever),
            ChangeKind::Reopen => matches!(role, Role::Hoofdsignaalverwerker),
            _ => role.processes_signals(),
        }
    }

    /// The Dutch verb phrase for refusals: "kan niet {verb}".
    const fn verb(self) -> &'static str {
        match self {
            ChangeKind::StartScreening => "in screening gaan",
            ChangeKind::Retain => "weerhouden worden",
            ChangeKind::NotRetain => "niet weerhouden worden",
            ChangeKind::AddToBundle => "gebundeld worden",
            ChangeKind::MarkAnalysed => "als geanalyseerd gemarkeerd worden",
            ChangeKind::Schedule => "geagendeerd worden",
            ChangeKind::StartAction => "in actie gaan",
            ChangeKind::Close => "afgerond worden",
            ChangeKind::Reopen => "heropend worden",
            ChangeKind::TakeBack => "opnieuw gescreend worden",
            ChangeKind::Withdraw => "ingetrokken worden",
            ChangeKind::StepBack => "een fase teruggezet worden",
        }
    }
}

/// Why a change is refused. `message()` gives the Dutch text for the UI.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum Refusal {
    #[error("role may not")]
    RoleMayNot { role: Role, change: ChangeKind },
    #[error("not own signal")]
    NotOwnSignal,
    #[error("wrong phase")]
    WrongPhase { from: Phase, change: ChangeKind },
    #[error("no such move")]
    NoSuchMove { from: Phase, to: Phase },
    #[error("moves with bundle")]
    MovesWithBundle,
    #[error("not in this bundle")]
    NotInBundle,
    #[error("empty bundle")]
    EmptyBundle,
    // Bundles (`domain::bundle`).
    #[error("not the bundle's lead")]
    NotBundleLead,
    #[error("bundle closed")]
    BundleClosed,
    #[error("bundle merged")]
    BundleMerged,
    #[error("already in this bundle")]
    AlreadyInBundle,
    #[error("in another bundle")]
    InOtherBundle,
    #[error("not retained yet")]
    NotRetainedYet { phase: Phase },
    #[error("last signal")]
    LastSignal,
    #[error("merge with itself")]
    MergeWithItself,
    #[error("split instead")]
    SplitInstead,
    #[error("no signals")]
    NoSignals,
    #[error("title required")]
    TitleRequired,
    #[error("bundle text too long")]
    BundleTextTooLong,
    #[error("personal data")]
    PersonalData { passage: String, kind: super::privacy::PersonalDataKind },
    #[error("reason required")]
    ReasonRequired,
    #[error("outcome required")]
    OutcomeRequired,
    #[error("bundle required")]
    BundleRequired,
    #[error("message required")]
    MessageRequired,
    #[error("note required")]
    NoteRequired,
    #[error("duplicate-of required")]
    DuplicateOfRequired,
    #[error("duplicate of itself")]
    DuplicateOfItself,
    #[error("text too long")]
    TextTooLong,
    #[error("scheduled through an agenda")]
    ScheduleOnAgenda,
    #[error("started through a campaign")]
    StartThroughCampaign,
}

impl Refusal {
    pub fn message(&self) -> String {
        match self {
            Refusal::RoleMayNot { role, .. } => format!("Als {} mag je deze stap niet zetten.", role.label().to_lowercase()),
            Refusal::NotOwnSignal => "Alleen wie het signaal gaf, kan het intrekken.".to_string(),
            Refusal::WrongPhase { from, change } => format!("Een signaal in de fase ‘{}’ kan niet {}.", from.label(), change.verb()),
            Refusal::NoSuchMove { from, to } => format!("Een signaal kan niet van ‘{}’ naar ‘{}’.", from.label(), to.label()),
            Refusal::MovesWithBundle => "Dit signaal zit in een bundel en gaat mee met die \
                bundel. Verplaats de bundel in plaats van het signaal."
                .to_string(),
            Refusal::NotInBundle => "Dit signaal hoort niet bij deze bundel.".to_string(),
            Refusal::EmptyBundle => "Deze bundel bevat geen signalen.".to_string(),
            Refusal::NotBundleLead => "Alleen de signaalverwerkers van het trekkende beleidsdomein en de \
                hoofdsignaalverwerker wijzigen deze bundel."
                .to_string(),
            Refusal::BundleClosed => "Een afgeronde bundel neemt geen signalen op. Heropen hem eerst.".to_string(),
            Refusal::BundleMerged => "Deze bundel is opgegaan in een andere bundel. Werk verder in die bundel.".to_string(),
            Refusal::AlreadyInBundle => "Dit signaal zit al in deze bundel.".to_string(),
            Refusal::InOtherBundle => "Dit signaal zit al in een andere bundel. Haal het daar eerst uit.".to_string(),
            Refusal::NotRetainedYet { phase } => {
                format!("Alleen een weerhouden signaal kan in een bundel. Dit signaal is ‘{}’.", phase.label())
            }
            Refusal::LastSignal => "Een bundel houdt minstens één signaal. Voeg hem liever samen met een andere bundel.".to_string(),
            Refusal::MergeWithItself => "Kies een andere bundel om mee samen te voegen.".to_string(),
            Refusal::SplitInstead => "Een bundel gaat niet terug naar ‘Weerhouden’: haal de signalen er een voor een uit.".to_string(),
            Refusal::NoSignals => "Kies minstens één weerhouden signaal voor de bundel.".to_string(),
            Refusal::TitleRequired => "Geef de bundel een korte titel.".to_string(),
            Refusal::PersonalData { passage, kind } => format!(
                "‘{passage}’ lijkt een {}. {} Is het geen persoonsgegeven, vink dan ‘Geen persoonsgegevens’ aan en sla opnieuw op.",
                kind.label(),
                kind.advice()
            ),
            Refusal::BundleTextTooLong => format!(
                "De tekst is te lang: een titel heeft hoogstens {} tekens, een probleemstelling of analyse {}.",
                super::bundle::MAX_TITLE_CHARS,
                super::bundle::MAX_TEXT_CHARS
            ),
            Refusal::ReasonRequired => "Kies waarom het signaal niet weerhouden wordt.".to_string(),
            Refusal::OutcomeRequired => "Kies hoe het signaal afloopt.".to_string(),
            Refusal::BundleRequired => "Kies in welke bundel het signaal komt.".to_string(),
            Refusal::MessageRequired => "Schrijf een bericht voor de signaalgever: wat werd beslist en waarom.".to_string(),
            Refusal::NoteRequired => "Schrijf kort waarom je deze stap zet.".to_string(),
            Refusal::DuplicateOfRequired => "Kies van welk signaal dit een dubbel is.".to_string(),
            Refusal::DuplicateOfItself => "Een signaal kan geen dubbel van zichzelf zijn.".to_string(),
            Refusal::ScheduleOnAgenda => "Agenderen doe je door het op de agenda van een overleg te zetten (Overleg).".to_string(),
            Refusal::StartThroughCampaign => "In actie zetten doe je door een campagne te starten (Campagnes).".to_string(),
            Refusal::TextTooLong => {
                format!("Je tekst is te lang: maximaal {MAX_NOTE_CHARS} tekens.")
            }
        }
    }
}

/// The outcome of an accepted change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transition {
    pub signal: SignalId,
    pub to: Phase,
    pub bundle: Option<BundleId>,
    pub event: EventDraft,
}

/// Decide a change for one signal on its own.
pub fn transition(signal: &SignalState, change: &Change, actor: &Actor) -> Result<Transition, Refusal> {
    decide(signal, change, actor, Scope::Signal)
}

/// Decide a change for a whole bundle: it applies to each of its signals, as one
/// event each, and is refused as a whole if any signal refuses it.
pub fn transition_bundle(bundle: BundleId, signals: &[SignalState], change: &Change, actor: &Actor) -> Result<Vec<Transition>, Refusal> {
    if signals.is_empty() {
        return Err(Refusal::EmptyBundle);
    }
    signals
        .iter()
        .map(|s| {
            if s.bundle != Some(bundle) {
                return Err(Refusal::NotInBundle);
            }
            decide(s, change, actor, Scope::Bundle)
        })
        .collect()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    Signal,
    Bundle,
}

fn decide(s: &SignalState, change: &Change, actor: &Actor, scope: Scope) -> Result<Transition, Refusal> {
    let kind = change.kind();
    if !kind.allowed_for(actor.role) {
        return Err(Refusal::RoleMayNot { role: actor.role, change: kind });
    }
    if kind == ChangeKind::Withdraw && s.reporter != Some(actor.person) {
        return Err(Refusal::NotOwnSignal);
    }
    let wrong_phase = || Refusal::WrongPhase { from: s.phase, change: kind };
    use Phase::*;
    // Target phase, and the bundle the signal belongs to afterwards.
    let (to, bundle) = match (change, s.phase) {
        (Change::StartScreening, Submitted) => (InScreening, None),
        (Change::Retain, InScreening) => (Retained, None),
        (Change::NotRetain { .. }, InScreening) => (NotRetained, None),
        (Change::AddToBundle { bundle }, Retained) => (Bundled, Some(*bundle)),
        (Change::MarkAnalysed, Bundled) => (Analysed, s.bundle),
        (Change::Schedule { .. }, Analysed) => (Scheduled, s.bundle),
        (Change::StartAction { .. }, Scheduled) => (InAction, s.bundle),
        (Change::Close { .. }, Scheduled | InAction) => (Closed, s.bundle),
        (Change::TakeBack { .. }, NotRetained) => (InScreening, None),
        (Change::Reopen { to: to @ (InAction | Analysed), .. }, Closed) => (*to, s.bundle),
        (Change::Withdraw, Submitted) => (Withdrawn, None),
        (Change::StepBack { .. }, from) => match from.previous() {
            // Going back from Gebundeld takes the signal out of its bundle.
            Some(Retained) => (Retained, None),
            Some(prev) => (prev, s.bundle),
            None => return Err(wrong_phase()),
        },
        _ => return Err(wrong_phase()),
    };
    // A bundled signal moves with its bundle; only stepping back out of the
    // bundle is a change of the signal alone.
    let leaves_bundle = kind == ChangeKind::StepBack && s.phase == Bundled;
    if scope == Scope::Signal && s.bundle.is_some() && !leaves_bundle {
        return Err(Refusal::MovesWithBundle);
    }

    let mut event = EventDraft {
        kind: match kind {
            ChangeKind::StepBack => EventKind::SteppedBack,
            ChangeKind::Reopen | ChangeKind::TakeBack => EventKind::Reopened,
            ChangeKind::Withdraw => EventKind::Withdrawn,
            _ => EventKind::PhaseChanged,
        },
        from: Some(s.phase),
        to: Some(to),
        reason: None,
        duplicate_of: None,
        outcome: None,
        message: None,
        note: None,
        subject: None,
        linked: None,
        carrier: None,
    };
    match change {
        Change::Schedule { meeting } => event.carrier = Some(Carrier::Meeting(*meeting)),
        Change::StartAction { campaign } => event.carrier = Some(Carrier::Campaign(*campaign)),
        Change::NotRetain { reason, duplicate_of, message } => {
            event.reason = Some(*reason);
            if *reason == NotRetainedReason::Dubbel {
                let original = duplicate_of.ok_or(Refusal::DuplicateOfRequired)?;
                if original == s.id {
                    return Err(Refusal::DuplicateOfItself);
                }
                event.duplicate_of = Some(original);
            }
            event.message = Some(required_text(message, Refusal::MessageRequired)?);
        }
        Change::Close { outcome, message } => {
            event.outcome = Some(*outcome);
            event.message = Some(required_text(message, Refusal::MessageRequired)?);
        }
        Change::StepBack { note } | Change::TakeBack { note } => {
            event.note = Some(required_text(note, Refusal::NoteRequired)?);
        }
        Change::Reopen { note, .. } => event.note = optional_text(note)?,
        _ => {}
    }
    Ok(Transition { signal: s.id, to, bundle, event })
}

impl Transition {
    /// Name the meeting or campaign that carries the signal after this change
    /// (a decision taken at a meeting, a campaign that closes).
    pub fn naming(mut self, carrier: Carrier) -> Self {
        self.event.carrier = Some(carrier);
        self
    }

    /// Any move may carry a message to the reporter and an internal note. Changes
    /// that require one have set it already; the others take them as given, so
    /// nothing a person typed is dropped.
    pub fn with_remarks(mut self, message: &str, note: &str) -> Result<Self, Refusal> {
        if self.event.message.is_none() {
            self.event.message = optional_text(message)?;
        }
        if self.event.note.is_none() {
            self.event.note = optional_text(note)?;
        }
        Ok(self)
    }
}

fn required_text(text: &str, missing: Refusal) -> Result<String, Refusal> {
    optional_text(text)?.ok_or(missing)
}

fn optional_text(text: &str) -> Result<Option<String>, Refusal> {
    let text = text.trim();
    if text.chars().count() > MAX_NOTE_CHARS {
        return Err(Refusal::TextTooLong);
    }
    Ok((!text.is_empty()).then(|| text.to_string()))
}
