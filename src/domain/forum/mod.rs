//! Forum preparation: meetings and their agendas, the candidates a
//! coordinator picks from, minutes and decisions, policy bottlenecks and
//! campaigns. Pure rules; storage and HTTP live elsewhere.

pub mod agenda;
pub mod bottleneck;
pub mod campaign;
pub mod candidates;
pub mod dossier;
pub mod meeting;
pub mod view;

use serde::{Deserialize, Serialize};

use super::privacy::PersonalDataKind;

/// Why a forum change is refused. `message()` gives the Dutch text for the UI.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ForumRefusal {
    #[error("title required")]
    TitleRequired,
    #[error("text too long")]
    TooLong { what: String, max: usize },
    #[error("bad date")]
    BadDate,
    #[error("bad time")]
    BadTime,
    #[error("bad length")]
    BadLength,
    #[error("bad duration")]
    BadDuration,
    #[error("bad kind")]
    BadKind,
    #[error("meeting over")]
    MeetingOver,
    #[error("already on agenda")]
    AlreadyOnAgenda,
    #[error("cannot be placed")]
    CannotPlace { phase: super::Phase },
    #[error("stale")]
    Stale,
    #[error("decision required")]
    DecisionRequired,
    #[error("outcome required")]
    OutcomeRequired,
    #[error("message required")]
    MessageRequired,
    #[error("personal data")]
    PersonalData { passage: String, kind: PersonalDataKind },
    #[error("invitee incomplete")]
    InviteeIncomplete,
    #[error("bad email")]
    BadEmail,
    #[error("bad progress")]
    BadProgress,
    #[error("lead required")]
    LeadRequired,
    #[error("campaign closed")]
    CampaignClosed,
    #[error("same meeting")]
    SameMeeting,
    #[error("already decided")]
    AlreadyDecided,
    #[error("meeting cancelled")]
    MeetingCancelled,
}

impl ForumRefusal {
    pub fn message(&self) -> String {
        match self {
            ForumRefusal::TitleRequired => "Geef een korte titel.".into(),
            ForumRefusal::TooLong { what, max } => format!("{what} mag hoogstens {max} tekens hebben."),
            ForumRefusal::BadDate => "Geef een datum, bijvoorbeeld 14-01-2027.".into(),
            ForumRefusal::BadTime => "Geef een uur, bijvoorbeeld 14:00.".into(),
            ForumRefusal::BadLength => "Geef de duur van het overleg in minuten, tussen 15 en 600.".into(),
            ForumRefusal::BadDuration => "Geef de duur van het agendapunt in minuten, tussen 1 en 480.".into(),
            ForumRefusal::BadKind => "Kies wat voor overleg het is.".into(),
            ForumRefusal::MeetingOver => "Dit overleg is afgelopen of geannuleerd: de agenda ligt vast. Plan een nieuw overleg.".into(),
            ForumRefusal::AlreadyOnAgenda => "Dit staat al op de agenda van dit overleg.".into(),
            ForumRefusal::CannotPlace { phase } => {
                format!("Een signaal of bundel in de fase ‘{}’ kan niet op de agenda.", phase.label())
            }
            ForumRefusal::Stale => {
                "Iemand anders heeft dit agendapunt intussen aangepast. Bekijk de nieuwe versie en probeer opnieuw; je tekst staat er nog."
                    .into()
            }
            ForumRefusal::DecisionRequired => "Kies wat het overleg beslist.".into(),
            ForumRefusal::OutcomeRequired => "Kies hoe de signalen aflopen.".into(),
            ForumRefusal::MessageRequired => "Schrijf een bericht voor de signaalgevers: wat werd beslist en waarom.".into(),
            ForumRefusal::PersonalData { passage, kind } => format!(
                "‘{passage}’ lijkt een {}. {} Is het geen persoonsgegeven, vink dan ‘Geen persoonsgegevens’ aan en sla opnieuw op.",
                kind.label(),
                kind.advice()
            ),
            ForumRefusal::InviteeIncomplete => "Kies een persoon of organisatie, of geef de naam en rol van een externe gast.".into(),
            ForumRefusal::BadEmail => "Dat e-mailadres klopt niet. Voorbeeld: naam@organisatie.be".into(),
            ForumRefusal::BadProgress => "Geef de voortgang als een getal van 0 tot 100.".into(),
            ForumRefusal::LeadRequired => "Kies een trekker voor deze actielijn.".into(),
            ForumRefusal::CampaignClosed => "Deze campagne is afgerond.".into(),
            ForumRefusal::SameMeeting => "Kies een ander overleg.".into(),
            ForumRefusal::AlreadyDecided => {
                "Over dit agendapunt is al beslist, en die beslissing is uitgevoerd. Je kan de tekst van het verslag nog aanpassen.".into()
            }
            ForumRefusal::MeetingCancelled => "Dit overleg is geannuleerd: er is geen verslag.".into(),
        }
    }
}

/// A required short text, trimmed, at most `max` characters.
pub fn short_text(text: &str, what: &str, max: usize) -> Result<String, ForumRefusal> {
    let text = text.trim();
    if text.chars().count() > max {
        return Err(ForumRefusal::TooLong { what: what.into(), max });
    }
    Ok(text.to_string())
}

/// The privacy guard on a text for the minutes or a campaign, unless the
/// writer confirmed it holds no personal data.
pub fn guard(texts: &[&str], confirmed: bool) -> Result<(), ForumRefusal> {
    if confirmed {
        return Ok(());
    }
    for text in texts {
        if let Some(found) = super::privacy::scan(text).into_iter().next() {
            return Err(ForumRefusal::PersonalData { passage: found.text, kind: found.kind });
        }
    }
    Ok(())
}
