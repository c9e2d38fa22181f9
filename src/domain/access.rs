//! Who may call which server function: the single table every server
//! function consults, and that the authorisation test walks in full.
//! Anything not listed is denied.

use super::Role;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// Anyone, logged in or not (log-in itself, public tenant facts).
    Public,
    /// Members of the addressed tenant holding one of these roles.
    Tenant(&'static [Role]),
    /// The platform beheerder.
    Platform,
}

pub const PROCESSORS: &[Role] = &[Role::Signaalverwerker, Role::Hoofdsignaalverwerker];
pub const COORDINATOR: &[Role] = &[Role::Hoofdsignaalverwerker];
pub const GIVERS: &[Role] = &[Role::Signaalgever];
pub const MEMBERS: &[Role] = &Role::TENANT_ROLES;
/// A signal's team: its processors, and the regisseurs of its domain, who comment.
pub const TEAM: &[Role] = &[Role::Signaalverwerker, Role::Hoofdsignaalverwerker, Role::Regisseur];
/// Bundles are read by processors and by the regisseurs of their signals' domains.
pub const BUNDLE_READERS: &[Role] = &[Role::Signaalverwerker, Role::Hoofdsignaalverwerker, Role::Regisseur];

/// Meetings are prepared by processors and co-prepared by regisseurs.
pub const PREPARERS: &[Role] = &[Role::Signaalverwerker, Role::Hoofdsignaalverwerker, Role::Regisseur];
/// Meetings' outcomes and campaigns are read by preparers and mandatarissen.
/// Bottlenecks are owned by the regisseurs of their domain (and the coordinator).
pub const BOTTLENECK_OWNERS: &[Role] = &[Role::Regisseur, Role::Hoofdsignaalverwerker];
pub const OUTCOME_READERS: &[Role] = &[Role::Signaalverwerker, Role::Hoofdsignaalverwerker, Role::Regisseur, Role::Mandataris];
/// The dashboard: the hoofdsignaalverwerker, regisseurs (their domains) and mandatarissen.
pub const REPORT_READERS: &[Role] = &[Role::Hoofdsignaalverwerker, Role::Regisseur, Role::Mandataris];
/// Signalenbundels: composed by the hoofdsignaalverwerker, read (once published) by mandatarissen.
pub const PUBLICATION_READERS: &[Role] = &[Role::Hoofdsignaalverwerker, Role::Mandataris];

/// Every server function by its endpoint (`/api/<endpoint>`).
pub const SERVER_FUNCTIONS: &[(&str, Audience)] = &[
    // Accounts and public facts.
    ("wie-ben-ik", Audience::Public),
    ("aanmelden", Audience::Public),
    ("afmelden", Audience::Public),
    ("wachtwoord-vergeten", Audience::Public),
    ("wachtwoord-instellen", Audience::Public),
    ("uitnodiging", Audience::Public),
    ("uitnodiging-aanvaarden", Audience::Public),
    ("gemeenten", Audience::Public),
    ("gemeente", Audience::Public),
    ("terugkoppeling", Audience::Public),
    // Intake.
    ("signaleren", Audience::Tenant(GIVERS)),
    ("signaal-indienen", Audience::Tenant(GIVERS)),
    ("vergelijkbare-signalen", Audience::Tenant(GIVERS)),
    ("ik-zie-dit-ook", Audience::Tenant(GIVERS)),
    ("beleidsdomein-voorstel", Audience::Tenant(GIVERS)),
    ("mijn-signalen", Audience::Tenant(GIVERS)),
    ("signaal-aanvullen", Audience::Tenant(GIVERS)),
    ("signaal-intrekken", Audience::Tenant(GIVERS)),
    ("meldingen-instellen", Audience::Tenant(GIVERS)),
    // Citizens: public, guarded by the tenant's switch, a honeypot and a rate limit.
    ("burgerformulier", Audience::Public),
    ("burgermelding", Audience::Public),
    ("burgermelding-bevestigen", Audience::Public),
    ("burgermelding-volgen", Audience::Public),
    // The board and signals.
    ("bord", Audience::Tenant(PROCESSORS)),
    ("bord-kaarten", Audience::Tenant(PROCESSORS)),
    ("signaal-verplaatsen", Audience::Tenant(PROCESSORS)),
    ("bundel-verplaatsen", Audience::Tenant(PROCESSORS)),
    // Bundles: read narrowed per bundle, changed by those who lead it.
    ("bundels", Audience::Tenant(BUNDLE_READERS)),
    ("bundel", Audience::Tenant(BUNDLE_READERS)),
    ("bundel-maken", Audience::Tenant(PROCESSORS)),
    ("bundel-bewerken", Audience::Tenant(PROCESSORS)),
    ("bundel-signaal-toevoegen", Audience::Tenant(PROCESSORS)),
    ("bundel-signaal-eruit", Audience::Tenant(PROCESSORS)),
    ("bundels-samenvoegen", Audience::Tenant(PROCESSORS)),
    // Reading one signal: members, narrowed per signal (own, processed, domain).
    ("signaal", Audience::Tenant(MEMBERS)),
    // Working a signal: its team (processors, and regisseurs who comment), per record.
    ("opmerking-plaatsen", Audience::Tenant(TEAM)),
    ("signaal-toewijzen", Audience::Tenant(PROCESSORS)),
    ("vraag-stellen", Audience::Tenant(PROCESSORS)),
    ("signalen-koppelen", Audience::Tenant(PROCESSORS)),
    ("signaal-aanpassen", Audience::Tenant(PROCESSORS)),
    ("kaarten-samen", Audience::Tenant(PROCESSORS)),
    // The reporter answers, on their own signals only.
    ("vraag-beantwoorden", Audience::Tenant(GIVERS)),
    // Each member's own notifications, cards and questions.
    ("wat-wacht", Audience::Tenant(MEMBERS)),
    ("persoonsgegevens-verwijderen", Audience::Tenant(COORDINATOR)),
    // Forum preparation: meetings and agendas, narrowed per meeting (preparers
    // and mandatarissen read them; invitees only their meeting's dossier).
    ("overleggen", Audience::Tenant(OUTCOME_READERS)),
    ("overleg", Audience::Tenant(OUTCOME_READERS)),
    ("overleg-plannen", Audience::Tenant(PREPARERS)),
    ("overleg-wijzigen", Audience::Tenant(PREPARERS)),
    ("overleg-status", Audience::Tenant(PREPARERS)),
    ("overleg-uitnodigen", Audience::Tenant(PREPARERS)),
    ("overleg-uitnodiging-intrekken", Audience::Tenant(PREPARERS)),
    ("agendapunt-toevoegen", Audience::Tenant(PREPARERS)),
    ("agendapunt-wijzigen", Audience::Tenant(PREPARERS)),
    ("agendapunt-ordenen", Audience::Tenant(PREPARERS)),
    ("agendapunt-verwijderen", Audience::Tenant(PREPARERS)),
    ("agendapunt-naar-overleg", Audience::Tenant(PREPARERS)),
    ("verslag-opslaan", Audience::Tenant(PREPARERS)),
    ("verslag-versturen", Audience::Tenant(PREPARERS)),
    ("dossier", Audience::Tenant(MEMBERS)),
    // Policy domains and bottlenecks: read by preparers and mandatarissen,
    // owned by the regisseurs of their domain.
    ("knelpunten", Audience::Tenant(OUTCOME_READERS)),
    ("knelpunt-opslaan", Audience::Tenant(BOTTLENECK_OWNERS)),
    ("knelpunt-koppelen", Audience::Tenant(PREPARERS)),
    ("beleidsdomein-opslaan", Audience::Tenant(COORDINATOR)),
    // Campaigns: read by preparers and mandatarissen; a line's lead (any
    // member, who finds it on their home) reports on it.
    ("campagnes", Audience::Tenant(OUTCOME_READERS)),
    ("actielijn-toevoegen", Audience::Tenant(PREPARERS)),
    ("actielijn-bijwerken", Audience::Tenant(MEMBERS)),
    ("campagne-actor", Audience::Tenant(PREPARERS)),
    ("campagne-afronden", Audience::Tenant(PREPARERS)),
    // Reports: the dashboard narrowed per reader (a regisseur its domains,
    // small numbers hidden for mandatarissen); targets by the coordinator.
    ("rapporten", Audience::Tenant(REPORT_READERS)),
    ("doelen-opslaan", Audience::Tenant(COORDINATOR)),
    // Signalenbundels: drafts for the coordinator, published ones for mandatarissen too.
    ("signalenbundels", Audience::Tenant(PUBLICATION_READERS)),
    ("signalenbundel", Audience::Tenant(PUBLICATION_READERS)),
    ("signalenbundel-opslaan", Audience::Tenant(COORDINATOR)),
    ("signalenbundel-voorleggen", Audience::Tenant(COORDINATOR)),
    ("signalenbundel-publiceren", Audience::Tenant(COORDINATOR)),
    // A partner's approval: the link's single-use, expiring token is the key.
    ("akkoord", Audience::Public),
    ("akkoord-geven", Audience::Public),
    // The public page shows only what was marked public, small numbers hidden.
    ("publiek", Audience::Public),
    ("publieke-signalenbundel", Audience::Public),
    ("publiek-beheer", Audience::Tenant(COORDINATOR)),
    ("publieke-tekst-opslaan", Audience::Tenant(COORDINATOR)),
    ("publieke-samenvatting-opslaan", Audience::Tenant(COORDINATOR)),
    // Organisations ask for invitations for their staff.
    ("uitnodiging-vragen", Audience::Tenant(MEMBERS)),
    // Tenant administration.
    ("beheer-mensen", Audience::Tenant(COORDINATOR)),
    ("uitnodigen", Audience::Tenant(COORDINATOR)),
    ("uitnodiging-opnieuw", Audience::Tenant(COORDINATOR)),
    ("uitnodiging-intrekken", Audience::Tenant(COORDINATOR)),
    ("uitnodigingsvraag-afhandelen", Audience::Tenant(COORDINATOR)),
    ("rollen-wijzigen", Audience::Tenant(COORDINATOR)),
    ("persoon-activeren", Audience::Tenant(COORDINATOR)),
    ("beheer-organisaties", Audience::Tenant(COORDINATOR)),
    ("organisatie-opslaan", Audience::Tenant(COORDINATOR)),
    ("beheer-instellingen", Audience::Tenant(COORDINATOR)),
    ("instellingen-opslaan", Audience::Tenant(COORDINATOR)),
    ("bordlimieten-opslaan", Audience::Tenant(COORDINATOR)),
    ("auditlog", Audience::Tenant(COORDINATOR)),
    ("uitgaande-mail", Audience::Tenant(COORDINATOR)),
    // Platform administration.
    ("platform-gemeenten", Audience::Platform),
    ("gemeente-aanmaken", Audience::Platform),
];

/// Every page and plain route by its path (axum's form), with who may open
/// it. A page shows what its server functions return, so this is theirs; a
/// page about one record (a signal) is narrowed per record like its server
/// function. The authorisation test opens each as every caller.
pub const ROUTES: &[(&str, Audience)] = &[
    // Plain routes.
    ("/health", Audience::Public),
    ("/favicon.svg", Audience::Public),
    ("/pkg/{*file}", Audience::Public),
    // Accounts and the way in.
    ("/", Audience::Public),
    ("/aanmelden", Audience::Public),
    ("/wachtwoord-vergeten", Audience::Public),
    ("/uitnodiging/{token}", Audience::Public),
    // A tenant's home: what waits for members, the public page for visitors.
    ("/{tenant}", Audience::Public),
    // Intake: the workers' form for signaalgevers; anyone gets the citizens'
    // form where the tenant switched it on (see the citizens' server functions).
    ("/{tenant}/signaleren", Audience::Tenant(GIVERS)),
    ("/{tenant}/signaleren/verstuurd/{id}", Audience::Public),
    ("/{tenant}/signaleren/bijna-klaar", Audience::Public),
    ("/{tenant}/signaleren/bevestigen/{token}", Audience::Public),
    ("/{tenant}/signaleren/bevestigd", Audience::Public),
    ("/{tenant}/volgen/{token}", Audience::Public),
    ("/{tenant}/mijn-signalen", Audience::Tenant(GIVERS)),
    ("/{tenant}/bord", Audience::Tenant(PROCESSORS)),
    // The board's live stream: each event narrowed to the signals the caller processes.
    ("/{tenant}/bord/live", Audience::Tenant(PROCESSORS)),
    ("/{tenant}/signalen/{id}", Audience::Tenant(MEMBERS)),
    ("/{tenant}/bundels", Audience::Tenant(BUNDLE_READERS)),
    ("/{tenant}/bundels/{id}", Audience::Tenant(BUNDLE_READERS)),
    ("/{tenant}/knelpunten", Audience::Tenant(OUTCOME_READERS)),
    ("/{tenant}/overleg", Audience::Tenant(OUTCOME_READERS)),
    ("/{tenant}/overleg/{id}", Audience::Tenant(OUTCOME_READERS)),
    // An agenda's live stream: for its preparers.
    ("/{tenant}/overleg/{id}/live", Audience::Tenant(PREPARERS)),
    ("/{tenant}/overleg/{id}/dossier", Audience::Tenant(MEMBERS)),
    ("/{tenant}/overleg/{id}/dossier.pdf", Audience::Tenant(MEMBERS)),
    ("/{tenant}/overleg/{id}/verslag.pdf", Audience::Tenant(MEMBERS)),
    ("/{tenant}/campagnes", Audience::Tenant(OUTCOME_READERS)),
    ("/{tenant}/rapporten", Audience::Tenant(REPORT_READERS)),
    ("/{tenant}/rapporten/tabellen.xlsx", Audience::Tenant(REPORT_READERS)),
    ("/{tenant}/rapporten/tabel.csv", Audience::Tenant(REPORT_READERS)),
    // The signals a member may read, anonymised: narrowed per signal.
    ("/{tenant}/rapporten/signalen.xlsx", Audience::Tenant(MEMBERS)),
    ("/{tenant}/rapporten/signalen.csv", Audience::Tenant(MEMBERS)),
    ("/{tenant}/signalenbundels", Audience::Tenant(PUBLICATION_READERS)),
    ("/{tenant}/signalenbundels/{id}", Audience::Tenant(PUBLICATION_READERS)),
    ("/{tenant}/signalenbundels/{id}/signalenbundel.pdf", Audience::Tenant(PUBLICATION_READERS)),
    ("/{tenant}/signalenbundels/{id}/signalenbundel.xlsx", Audience::Tenant(PUBLICATION_READERS)),
    ("/{tenant}/signalenbundels/akkoord/{token}", Audience::Public),
    ("/{tenant}/publiek", Audience::Public),
    ("/{tenant}/publiek/signalenbundels/{id}", Audience::Public),
    ("/{tenant}/publiek/signalenbundels/{id}/signalenbundel.pdf", Audience::Public),
    ("/{tenant}/beheer/publiek", Audience::Tenant(COORDINATOR)),
    ("/{tenant}/beheer", Audience::Tenant(COORDINATOR)),
    ("/{tenant}/beheer/mensen", Audience::Tenant(COORDINATOR)),
    ("/{tenant}/beheer/organisaties", Audience::Tenant(COORDINATOR)),
    ("/{tenant}/beheer/instellingen", Audience::Tenant(COORDINATOR)),
    ("/{tenant}/beheer/auditlog", Audience::Tenant(COORDINATOR)),
    ("/{tenant}/beheer/uitgaande-mail", Audience::Tenant(COORDINATOR)),
    ("/beheer/gemeenten", Audience::Platform),
];

/// The header's menu inside a tenant: (path under `/{tenant}/`, label). A
/// person sees an entry when the route table lets their roles open it, so
/// the menu never offers a page that would refuse them.
pub const MENU: &[(&str, &str)] = &[
    ("signaleren", "Signaleren"),
    ("mijn-signalen", "Mijn signalen"),
    ("bord", "Bord"),
    ("bundels", "Bundels"),
    ("knelpunten", "Knelpunten"),
    ("overleg", "Overleg"),
    ("campagnes", "Campagnes"),
    ("rapporten", "Rapporten"),
    ("signalenbundels", "Signalenbundels"),
    ("beheer", "Beheer"),
];

/// The menu entries these roles open.
pub fn menu(roles: &[Role]) -> Vec<(&'static str, &'static str)> {
    MENU.iter()
        .filter(|(path, _)| {
            matches!(route_audience(&format!("/{{tenant}}/{path}")), Some(Audience::Tenant(allowed)) if allowed.iter().any(|r| roles.contains(r)))
        })
        .copied()
        .collect()
}

/// The audience of a page or plain route; `None` means nobody.
pub fn route_audience(path: &str) -> Option<Audience> {
    ROUTES.iter().find(|(p, _)| *p == path).map(|(_, a)| *a)
}

/// The audience of a server function; `None` means nobody (deny by default).
pub fn audience(endpoint: &str) -> Option<Audience> {
    SERVER_FUNCTIONS.iter().find(|(e, _)| *e == endpoint).map(|(_, a)| *a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(roles: &[Role]) -> Vec<&'static str> {
        menu(roles).into_iter().map(|(path, _)| path).collect()
    }

    #[test]
    fn the_menu_offers_what_the_roles_may_open() {
        assert_eq!(paths(&[Role::Signaalgever]), ["signaleren", "mijn-signalen"]);
        assert_eq!(paths(&[Role::Signaalverwerker]), ["bord", "bundels", "knelpunten", "overleg", "campagnes"]);
        assert_eq!(paths(&[Role::Regisseur]), ["bundels", "knelpunten", "overleg", "campagnes", "rapporten"]);
        assert_eq!(paths(&[Role::Mandataris]), ["knelpunten", "overleg", "campagnes", "rapporten", "signalenbundels"]);
        assert_eq!(
            paths(&[Role::Hoofdsignaalverwerker]),
            ["bord", "bundels", "knelpunten", "overleg", "campagnes", "rapporten", "signalenbundels", "beheer"]
        );
        assert_eq!(
            paths(&[Role::Signaalgever, Role::Signaalverwerker]),
            ["signaleren", "mijn-signalen", "bord", "bundels", "knelpunten", "overleg", "campagnes"]
        );
        assert!(paths(&[]).is_empty());
        // Every entry is a page in the route table.
        for (path, _) in MENU {
            assert!(route_audience(&format!("/{{tenant}}/{path}")).is_some(), "{path}");
        }
    }
}
