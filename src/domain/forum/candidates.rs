//! What could go on an agenda, ranked with the reasons why: how many
//! organisations saw it, how long it has waited, whether it lacks a policy
//! bottleneck, and whether a meeting discussed it before.

use serde::{Deserialize, Serialize};

use super::agenda::{AgendaSubject, Placement, placement};
use crate::domain::Phase;

/// A bundle, signal or bottleneck that could go on the agenda, with the
/// facts that rank it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    pub subject: AgendaSubject,
    pub title: String,
    pub phase: Option<Phase>,
    pub signals: u32,
    /// Distinct organisations that reported it or said "ik zie dit ook".
    pub organisations: u32,
    /// Days since its oldest signal came in (or the bottleneck was raised).
    pub waiting_days: i64,
    /// Retained work that no policy bottleneck links to.
    pub lacks_bottleneck: bool,
    /// The last meeting that discussed it, by name.
    pub discussed: Option<String>,
}

/// A candidate with its place in the list and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ranked {
    pub candidate: Candidate,
    pub score: i64,
    /// Plain Dutch reasons, strongest first.
    pub reasons: Vec<String>,
}

/// Rank candidates: most organisations, longest wait, no bottleneck yet and
/// ready (Geanalyseerd) weigh up; discussed before weighs down. Ties keep
/// the oldest first.
pub fn rank(candidates: Vec<Candidate>) -> Vec<Ranked> {
    let mut ranked: Vec<Ranked> = candidates.into_iter().map(score).collect();
    ranked.sort_by(|a, b| b.score.cmp(&a.score).then(b.candidate.waiting_days.cmp(&a.candidate.waiting_days)));
    ranked
}

fn score(candidate: Candidate) -> Ranked {
    let mut score = 0;
    let mut reasons = Vec::new();
    if candidate.organisations > 0 {
        score += 10 * i64::from(candidate.organisations.min(20));
        reasons.push(match candidate.organisations {
            1 => "Gezien door 1 organisatie".to_string(),
            n => format!("Gezien door {n} organisaties"),
        });
    }
    let weeks = candidate.waiting_days.clamp(0, 365) / 7;
    score += weeks;
    if candidate.waiting_days >= 30 {
        reasons.push(format!("Wacht al {} dagen", candidate.waiting_days));
    }
    if candidate.lacks_bottleneck {
        score += 15;
        reasons.push("Aan geen beleidsknelpunt gekoppeld: vraagt extra aandacht".into());
    }
    match (candidate.subject, placement(candidate.phase)) {
        (AgendaSubject::Bottleneck(_), _) => reasons.push("Beleidsknelpunt".into()),
        (_, Ok(Placement::Schedules)) => {
            score += 25;
            reasons.push("Geanalyseerd: klaar voor de agenda".into());
        }
        _ => reasons.push(format!("{}: enkel ter informatie", candidate.phase.map(Phase::label).unwrap_or("?"))),
    }
    if let Some(meeting) = &candidate.discussed {
        score -= 20;
        reasons.push(format!("Al besproken op {meeting}"));
    }
    Ranked { candidate, score, reasons }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{BundleId, SignalId};

    fn candidate(id: i64, organisations: u32, waiting_days: i64) -> Candidate {
        Candidate {
            subject: AgendaSubject::Bundle(BundleId(id)),
            title: format!("Bundel {id}"),
            phase: Some(Phase::Analysed),
            signals: 2,
            organisations,
            waiting_days,
            lacks_bottleneck: false,
            discussed: None,
        }
    }

    #[test]
    fn more_organisations_and_no_bottleneck_rank_higher_and_say_why() {
        let seen_by_many = candidate(1, 5, 10);
        let no_bottleneck = Candidate { lacks_bottleneck: true, ..candidate(2, 1, 10) };
        let discussed = Candidate { discussed: Some("Forum najaar (12-11-2026)".into()), ..candidate(3, 5, 10) };
        let early = Candidate { phase: Some(Phase::Bundled), subject: AgendaSubject::Signal(SignalId(4)), ..candidate(4, 1, 200) };
        let ranked = rank(vec![early, discussed, no_bottleneck, seen_by_many]);
        let order: Vec<String> = ranked.iter().map(|r| r.candidate.title.clone()).collect();
        assert_eq!(order, ["Bundel 1", "Bundel 3", "Bundel 2", "Bundel 4"]);
        assert!(ranked[0].reasons.contains(&"Gezien door 5 organisaties".to_string()));
        assert!(ranked[1].reasons.iter().any(|r| r.starts_with("Al besproken op Forum najaar")));
        assert!(ranked[2].reasons.iter().any(|r| r.contains("geen beleidsknelpunt")));
        assert!(ranked[3].reasons.contains(&"Gebundeld: enkel ter informatie".to_string()));
        assert!(ranked[3].reasons.contains(&"Wacht al 200 dagen".to_string()));
    }
}
