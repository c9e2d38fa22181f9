//! The texts of the mails Seinhuis sends, in one place.

use crate::domain::Role;

pub struct MailText {
    pub subject: String,
    pub body: String,
}

pub fn invitation(tenant: &str, role: Role, inviter: &str, link: &str, days: i64) -> MailText {
    MailText {
        subject: format!("Uitnodiging voor Seinhuis ({tenant})"),
        body: format!(
            "Hallo,\n\n{inviter} nodigt je uit om mee te werken in Seinhuis voor {tenant}, als {role}.\n\n\
             Seinhuis is de plek waar signalen uit het werkveld samen opgevolgd worden tot in het beleid.\n\n\
             Kies je wachtwoord via deze link (die {days} dagen werkt en maar één keer):\n{link}\n\n\
             Verwachtte je deze uitnodiging niet? Dan mag je deze mail negeren.\n",
            role = role.label().to_lowercase()
        ),
    }
}

pub fn password_reset(link: &str, hours: i64) -> MailText {
    MailText {
        subject: "Een nieuw wachtwoord voor Seinhuis".into(),
        body: format!(
            "Hallo,\n\nIemand vroeg een nieuw wachtwoord aan voor je account bij Seinhuis.\n\n\
             Kies een nieuw wachtwoord via deze link (die {hours} uur werkt en maar één keer):\n{link}\n\n\
             Vroeg je dit niet zelf? Dan hoef je niets te doen: je wachtwoord blijft hetzelfde.\n"
        ),
    }
}

pub fn invitation_request(tenant: &str, organisation: &str, by: &str, name: &str, email: &str, link: &str) -> MailText {
    MailText {
        subject: format!("Vraag om een uitnodiging ({tenant})"),
        body: format!(
            "Hallo,\n\n{by} van {organisation} vraagt om {name} ({email}) uit te nodigen voor Seinhuis.\n\n\
             Je kan de vraag bekijken en afhandelen op:\n{link}\n"
        ),
    }
}

/// The address of a signal's page, where its panel opens.
pub fn signal_link(public_url: &str, tenant: &str, signal: crate::domain::SignalId) -> String {
    format!("{public_url}/{tenant}/signalen/{signal}")
}

/// A colleague mentioned someone. The comment itself stays in Seinhuis:
/// a mail names only the signal's number and title, never who reported it.
pub fn mentioned(actor: &str, signal: crate::domain::SignalId, title: &str, link: &str) -> MailText {
    MailText {
        subject: format!("{actor} noemde je bij signaal {signal}"),
        body: format!(
            "Hallo,\n\n{actor} noemde je in een opmerking bij signaal {signal}, ‘{title}’.\n\n\
             Lees de opmerking in Seinhuis:\n{link}\n\nSeinhuis\n"
        ),
    }
}

pub fn assigned(actor: &str, signal: crate::domain::SignalId, title: &str, link: &str) -> MailText {
    MailText {
        subject: format!("Signaal {signal} is aan jou toegewezen"),
        body: format!(
            "Hallo,\n\n{actor} wees signaal {signal}, ‘{title}’, aan jou toe.\n\nJe vindt het in Seinhuis:\n{link}\n\nSeinhuis\n"
        ),
    }
}

/// To the reporter: from "de signaalverwerker", never a name.
pub fn question(tenant: &str, title: &str, question: &str, link: &str) -> MailText {
    MailText {
        subject: format!("Een vraag over je signaal ‘{title}’"),
        body: format!(
            "Dag,\n\nDe signaalverwerker van {tenant} heeft een vraag over je signaal ‘{title}’:\n\n{question}\n\n\
             Antwoorden kan in Seinhuis, bij Mijn signalen:\n{link}\n\nSeinhuis\n"
        ),
    }
}

pub fn answered(signal: crate::domain::SignalId, title: &str, link: &str) -> MailText {
    MailText {
        subject: format!("Antwoord op je vraag over signaal {signal}"),
        body: format!(
            "Hallo,\n\nDe signaalgever beantwoordde je vraag over signaal {signal}, ‘{title}’.\n\n\
             Lees het antwoord in Seinhuis:\n{link}\n\nSeinhuis\n"
        ),
    }
}

pub fn approval_asked(tenant: &str, title: &str, organisation: &str, link: &str, days: i64) -> MailText {
    MailText {
        subject: format!("Graag jullie akkoord: {title}"),
        body: format!(
            "Hallo,\n\n{tenant} maakt de signalenbundel ‘{title}’ klaar. {organisation} staat erin als partner of trekker van een actie.\n\n\
             Lees jullie deel en geef je akkoord, of vraag een wijziging, via deze link (die {days} dagen werkt en maar één keer):\n{link}\n\n\
             Je hebt er geen account voor nodig.\n"
        ),
    }
}
