//! Working a signal together: who it is assigned to, comments that mention
//! colleagues, questions to its reporter, links between signals, and the
//! notifications these cause. Pure rules; the use cases store and mail.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::intake::MAX_TITLE_CHARS;
use super::vocabulary::{LIFE_DOMAINS, TARGET_GROUPS};
use super::{NotificationId, PersonId, Phase, PolicyDomainId, QuestionId, SignalId, privacy};

/// Longest comment, question or answer.
pub const MAX_TEXT_CHARS: usize = 2000;

/// A colleague who may read (or process) a signal: shown to processors only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Colleague {
    pub person: PersonId,
    pub name: String,
}

/// What Seinhuis tells a person on their home (and by mail).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NotificationKind {
    /// A colleague mentioned them in a comment.
    Mentioned,
    /// A signal was assigned to them.
    Assigned,
    /// The reporter answered their question.
    Answered,
}

impl NotificationKind {
    pub const ALL: [NotificationKind; 3] = [NotificationKind::Mentioned, NotificationKind::Assigned, NotificationKind::Answered];

    pub const fn code(self) -> &'static str {
        match self {
            NotificationKind::Mentioned => "mentioned",
            NotificationKind::Assigned => "assigned",
            NotificationKind::Answered => "answered",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// "Bram noemde je" — `actor` is a colleague's name, or None for the reporter.
    pub fn sentence(self, actor: Option<&str>) -> String {
        let actor = actor.unwrap_or("Iemand");
        match self {
            NotificationKind::Mentioned => format!("{actor} noemde je in een opmerking"),
            NotificationKind::Assigned => format!("{actor} wees je een signaal toe"),
            NotificationKind::Answered => "De signaalgever beantwoordde je vraag".to_string(),
        }
    }
}

/// One notification as its person reads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notification {
    pub id: NotificationId,
    pub kind: NotificationKind,
    pub signal: SignalId,
    pub title: String,
    /// The colleague who caused it (never the reporter: see `sentence`).
    pub actor_name: Option<String>,
    pub at: DateTime<Utc>,
    pub read: bool,
}

/// A question to the reporter and its answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub id: QuestionId,
    pub signal: SignalId,
    /// Who asked, as the reader may read it ("de signaalverwerker" for the reporter).
    pub asked_by: Option<String>,
    pub question: String,
    pub asked_at: DateTime<Utc>,
    pub answer: Option<String>,
    pub answered_at: Option<DateTime<Utc>>,
}

/// A signal linked to another, for a reader who may read it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkedSignal {
    pub id: SignalId,
    pub title: String,
    pub phase: Phase,
}

/// What a signal's panel shows beside the signal, for its team (processors
/// and its domain's regisseurs); its reporter never gets this.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkView {
    pub assignee: Option<Colleague>,
    /// Who it may be given to: the colleagues who process it (empty for a regisseur).
    pub assignable: Vec<Colleague>,
    /// Who a comment may mention: the others who may read it.
    pub mentionable: Vec<Colleague>,
    pub questions: Vec<Question>,
    /// Linked signals this reader may read.
    pub links: Vec<LinkedSignal>,
    /// The reader processes it: assigns, asks, links (a regisseur only comments).
    pub may_work: bool,
    /// Why the reporter cannot be asked a question, if they cannot.
    pub no_question: Option<String>,
    /// The tenant's policy domains (id, name), to classify it again.
    #[cfg_attr(not(feature = "ssr"), serde(skip_deserializing))]
    pub domains: Vec<(PolicyDomainId, String)>,
    /// What the signal is now, for the edit form (on the page only, drawn on the server).
    #[cfg_attr(not(feature = "ssr"), serde(skip_deserializing))]
    pub edit: SignalEdit,
}

/// What waits for a person on their home.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Waiting {
    /// For those who process: (Ingediend, In screening) of the signals they process.
    #[serde(default)]
    pub to_screen: Option<(i64, i64)>,
    /// Mentions, assignments and answers of the last weeks, newest first.
    pub notifications: Vec<Notification>,
    /// The signals assigned to them that are still to be worked.
    pub mine: Vec<super::SignalSummary>,
    /// Questions on their own signals still to answer.
    pub questions: Vec<Question>,
    /// Action lines they lead in running campaigns ("mijn acties"): campaign title and line.
    #[serde(default)]
    pub actions: Vec<(String, super::forum::campaign::ActionLine)>,
    /// Coming meetings they are invited to, by id and name.
    #[serde(default)]
    pub meetings: Vec<(super::MeetingId, String)>,
}

/// A processor's edit of what a signal is about: its title and how it is
/// classified. The reporter's own texts stay as they were written.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignalEdit {
    pub title: String,
    pub policy_domain: Option<PolicyDomainId>,
    pub target_groups: Vec<String>,
    pub life_domains: Vec<String>,
}

impl SignalEdit {
    /// The edit as it will be stored: a title of the intake's length, known
    /// codes only, each once; or a Dutch reason.
    pub fn checked(mut self) -> Result<SignalEdit, String> {
        self.title = self.title.trim().to_string();
        let count = self.title.chars().count();
        if count == 0 {
            return Err("Geef het signaal een titel.".into());
        }
        if count > MAX_TITLE_CHARS {
            return Err(format!("De titel mag hoogstens {MAX_TITLE_CHARS} tekens hebben (nu {count})."));
        }
        for (codes, terms) in [(&mut self.target_groups, TARGET_GROUPS), (&mut self.life_domains, LIFE_DOMAINS)] {
            codes.retain(|c| terms.iter().any(|(known, _)| known == c));
            codes.sort();
            codes.dedup();
        }
        Ok(self)
    }

    /// What this edit changes compared with `before`, in Dutch, for the history.
    pub fn changes(&self, before: &SignalEdit) -> Vec<&'static str> {
        let mut changed = Vec::new();
        let sorted = |codes: &[String]| {
            let mut codes = codes.to_vec();
            codes.sort();
            codes
        };
        if self.title != before.title {
            changed.push("titel");
        }
        if self.policy_domain != before.policy_domain {
            changed.push("beleidsdomein");
        }
        if sorted(&self.target_groups) != sorted(&before.target_groups) {
            changed.push("doelgroepen");
        }
        if sorted(&self.life_domains) != sorted(&before.life_domains) {
            changed.push("levensdomeinen");
        }
        changed
    }
}

/// A comment, question or answer as typed: trimmed, not empty, not too long.
pub fn check_text(text: &str, what: &str) -> Result<String, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(format!("Schrijf je {what}."));
    }
    let count = text.chars().count();
    if count > MAX_TEXT_CHARS {
        return Err(format!("Je {what} mag hoogstens {MAX_TEXT_CHARS} tekens hebben (nu {count})."));
    }
    Ok(text.to_string())
}

/// The privacy guard on a text a colleague or reporter writes, with the
/// mentioned colleagues' names left out (they are no client data): a Dutch
/// reason for the first passage that looks like client personal data.
pub fn privacy_concern(text: &str, colleagues: &[Colleague]) -> Option<String> {
    let blanked = blank_mentions(text, colleagues);
    privacy::scan(&blanked).first().map(|found| {
        format!(
            "‘{}’ lijkt een {}. {} Pas je tekst aan, of bevestig dat het geen persoonsgegeven van een cliënt is.",
            found.text,
            found.kind.label(),
            found.kind.advice()
        )
    })
}

/// Where an `@` starts a mention: at the start or after whitespace or an
/// opening bracket (so an e-mail address is no mention).
fn mention_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.char_indices()
        .filter(move |&(i, c)| c == '@' && text[..i].chars().next_back().is_none_or(|p| p.is_whitespace() || "([{\"'".contains(p)))
        .map(|(i, _)| i + 1)
}

/// The colleague whose name the text at `rest` starts with (the longest
/// name, so "An Peeters" wins over "An"), case-insensitive, as a whole word.
fn colleague_at<'a>(rest: &str, colleagues: &'a [Colleague]) -> Option<&'a Colleague> {
    colleagues
        .iter()
        .filter(|c| {
            let name = c.name.as_str();
            rest.get(..name.len()).is_some_and(|head| head.eq_ignore_ascii_case(name) || head.to_lowercase() == name.to_lowercase())
                && rest[name.len()..].chars().next().is_none_or(|next| !next.is_alphanumeric())
        })
        .max_by_key(|c| c.name.len())
}

/// The colleagues a comment mentions (`@Naam Achternaam`), each once, in
/// order; or the first `@…` that names nobody who may read the signal.
pub fn mentions(text: &str, colleagues: &[Colleague]) -> Result<Vec<PersonId>, String> {
    let mut found = Vec::new();
    for start in mention_starts(text) {
        let rest = &text[start..];
        match colleague_at(rest, colleagues) {
            Some(c) if !found.contains(&c.person) => found.push(c.person),
            Some(_) => {}
            None => {
                let word: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '.').collect();
                return Err(format!(
                    "‘@{word}’ is niemand die dit signaal mag lezen. Kies een naam uit de lijst onder het tekstvak, of laat de @ weg."
                ));
            }
        }
    }
    Ok(found)
}

/// The text with every colleague's name (mentioned with `@` or not) and
/// every mention's `@` replaced by spaces: colleagues are no clients.
fn blank_mentions(text: &str, colleagues: &[Colleague]) -> String {
    let mut blanked = text.to_string();
    for start in mention_starts(text) {
        blanked.replace_range(start - 1..start, " ");
    }
    let lower = blanked.to_lowercase();
    // Lower-casing keeps byte offsets for the names' (and most texts') letters;
    // where it would not, the name is left for the guard to see.
    if lower.len() != blanked.len() {
        return blanked;
    }
    for c in colleagues {
        let name = c.name.to_lowercase();
        if name.is_empty() || name.len() != c.name.len() {
            continue;
        }
        let mut from = 0;
        while let Some(at) = lower[from..].find(&name).map(|i| i + from) {
            let end = at + name.len();
            let whole = lower[..at].chars().next_back().is_none_or(|p| !p.is_alphanumeric())
                && lower[end..].chars().next().is_none_or(|n| !n.is_alphanumeric());
            if whole {
                blanked.replace_range(at..end, &" ".repeat(name.len()));
            }
            from = end;
        }
    }
    blanked
}

/// Why the reporter of a signal cannot be asked a question, if they cannot.
pub fn why_no_question(has_account: bool, may_contact: bool) -> Option<&'static str> {
    if !has_account {
        Some("Dit signaal kwam van een burger zonder account: een vraag kan niet via Seinhuis.")
    } else if !may_contact {
        Some("De signaalgever wil niet gecontacteerd worden over dit signaal.")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn team() -> Vec<Colleague> {
        vec![
            Colleague { person: PersonId(1), name: "An".into() },
            Colleague { person: PersonId(2), name: "An Peeters".into() },
            Colleague { person: PersonId(3), name: "Joris Wuytack".into() },
        ]
    }

    #[test]
    fn mentions_name_colleagues_once_and_prefer_the_longest_name() {
        let text = "@joris wuytack kan jij dit bekijken? Ook @An Peeters en @An, en nog eens @Joris Wuytack.";
        assert_eq!(mentions(text, &team()), Ok(vec![PersonId(3), PersonId(2), PersonId(1)]));
        assert_eq!(mentions("geen vermelding", &team()), Ok(vec![]));
        // An address is no mention.
        assert_eq!(mentions("mail naar info@an.example", &team()), Ok(vec![]));
    }

    #[test]
    fn a_mention_of_nobody_who_may_read_it_is_refused() {
        let err = mentions("@Piet kijk eens", &team()).unwrap_err();
        assert!(err.contains("‘@Piet’"), "{err}");
        // "An" must end at a word's end: "@Anna" is not "@An".
        assert!(mentions("@Anna", &team()).is_err());
    }

    #[test]
    fn the_privacy_guard_skips_mentioned_names_but_not_clients() {
        assert_eq!(privacy_concern("@Joris Wuytack dit is voor jou", &team()), None);
        assert_eq!(privacy_concern("Joris Wuytack weet ervan.", &team()), None);
        let concern = privacy_concern("@Joris Wuytack bel 0470 12 34 56", &team()).expect("a phone number");
        assert!(concern.contains("telefoonnummer"), "{concern}");
    }

    #[test]
    fn texts_are_trimmed_and_bounded() {
        assert_eq!(check_text("  ok  ", "opmerking"), Ok("ok".into()));
        assert!(check_text("   ", "opmerking").unwrap_err().contains("Schrijf je opmerking"));
        assert!(check_text(&"x".repeat(MAX_TEXT_CHARS + 1), "vraag").is_err());
    }

    #[test]
    fn an_edit_keeps_known_codes_and_names_what_changed() {
        let before = SignalEdit {
            title: "Oud".into(),
            policy_domain: Some(PolicyDomainId(1)),
            target_groups: vec!["ouderen".into()],
            life_domains: vec![],
        };
        let edit = SignalEdit {
            title: "  Nieuw  ".into(),
            policy_domain: Some(PolicyDomainId(2)),
            target_groups: vec!["ouderen".into(), "marsmannetjes".into(), "ouderen".into()],
            life_domains: vec![],
        }
        .checked()
        .unwrap();
        assert_eq!(edit.title, "Nieuw");
        assert_eq!(edit.target_groups, vec!["ouderen".to_string()]);
        assert_eq!(edit.changes(&before), vec!["titel", "beleidsdomein"]);
        assert!(SignalEdit { title: " ".into(), ..edit.clone() }.checked().is_err());
        assert!(SignalEdit { title: "x".repeat(MAX_TITLE_CHARS + 1), ..edit }.checked().is_err());
    }

    #[test]
    fn a_question_needs_an_account_and_consent() {
        assert!(why_no_question(false, true).is_some());
        assert!(why_no_question(true, false).is_some());
        assert_eq!(why_no_question(true, true), None);
    }
}
