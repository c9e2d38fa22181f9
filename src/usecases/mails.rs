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
