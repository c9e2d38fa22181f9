//! Table-driven tests for the privacy guard. All data is invented; every
//! national number and IBAN below has check digits computed for this file.

use PersonalDataKind::*;
use seinhuis::domain::privacy::{Finding, PersonalDataKind, scan};

/// (input, expected kind, expected matched text). Each input contains exactly
/// one piece of personal data.
#[rustfmt::skip]
const POSITIVES: &[(&str, PersonalDataKind, &str)] = &[
    // National register numbers (check digits verified: 97 - n mod 97).
    ("Haar rijksregisternummer is 85.07.30-033.28.", NationalNumber, "85.07.30-033.28"),
    ("RRN 85073003328 staat op het aanvraagformulier.", NationalNumber, "85073003328"),
    ("De vader gaf nummer 790215 123 33 door aan het loket.", NationalNumber, "790215 123 33"),
    ("INSZ: 92.01.01-456.95 (volgens de mutualiteit).", NationalNumber, "92.01.01-456.95"),
    ("Het kind (RR 05.03.12-456.18) is nog niet ingeschreven.", NationalNumber, "05.03.12-456.18"),
    ("rijksregisternr 010917-345-34 is gekend bij het OCMW", NationalNumber, "010917-345-34"),
    ("64082320817 was het nummer op de brief.", NationalNumber, "64082320817"),
    ("Bisnummer 85.47.30-012.38 werd toegekend.", NationalNumber, "85.47.30-012.38"),
    ("Nummer 85.07.30-033.28 3 keer opgevraagd.", NationalNumber, "85.07.30-033.28"),
    // Phone numbers.
    ("Bel de moeder op 0485 12 34 56 na schooltijd.", Phone, "0485 12 34 56"),
    ("gsm 0485/12.34.56 werkt niet meer", Phone, "0485/12.34.56"),
    ("Bereikbaar via +32 485 12 34 56 na 17 uur.", Phone, "+32 485 12 34 56"),
    ("Zijn broer belde vanaf 0032 485 12 34 56.", Phone, "0032 485 12 34 56"),
    ("Nummer: +32 (0)485 12 34 56.", Phone, "+32 (0)485 12 34 56"),
    ("Het vaste nummer is 09 123 45 67.", Phone, "09 123 45 67"),
    ("Contact via 02/123.45.67 tijdens de kantooruren.", Phone, "02/123.45.67"),
    ("Bel 050 12 34 56 voor een afspraak.", Phone, "050 12 34 56"),
    ("Haar nummer 0471234567 staat in het dossier.", Phone, "0471234567"),
    ("Whatsapp op +32485123456 gaat het snelst.", Phone, "+32485123456"),
    ("Haar zus in Rotterdam: +31 6 12345678.", Phone, "+31 6 12345678"),
    ("tel. 011-12-34-56 (thuis)", Phone, "011-12-34-56"),
    ("Hij belde 0485 12 34 56 2 keer per dag.", Phone, "0485 12 34 56"),
    ("Telefoon: 04 85 12 34 56.", Phone, "04 85 12 34 56"),
    ("Zijn gsm 0456 789 123 staat af.", Phone, "0456 789 123"),
    // E-mail addresses.
    ("Mail naar sofie.de.smet@example.be.", Email, "sofie.de.smet@example.be"),
    ("(contact: k.claes+werk@mail.voorbeeld.org)", Email, "k.claes+werk@mail.voorbeeld.org"),
    ("Zijn adres jan_peeters85@hotmail.com werkt niet.", Email, "jan_peeters85@hotmail.com"),
    // IBAN and old Belgian account numbers (mod-97 verified).
    ("Storten op BE21 0012 3456 7803 lukte niet.", Iban, "BE21 0012 3456 7803"),
    ("Rekening BE73735012345660 werd geblokkeerd.", Iban, "BE73735012345660"),
    ("Haar Nederlandse rekening NL44 RABO 0123 4567 89 staat rood.", Iban, "NL44 RABO 0123 4567 89"),
    ("Uitkering komt op DE02 3704 0044 0532 0131 11.", Iban, "DE02 3704 0044 0532 0131 11"),
    ("Franse rekening FR76 3000 6000 0112 3456 7890 189 gesloten.", Iban, "FR76 3000 6000 0112 3456 7890 189"),
    ("LU43 0101 2345 6789 0123 is van de werkgever.", Iban, "LU43 0101 2345 6789 0123"),
    ("Oud rekeningnummer 735-0123456-60 op de brief.", Iban, "735-0123456-60"),
    ("overschrijving naar be24 0639 8765 4338 mislukt", Iban, "be24 0639 8765 4338"),
    ("Poolse rekening PL61 1090 1014 0000 0712 1981 2874 van de werkgever.", Iban, "PL61 1090 1014 0000 0712 1981 2874"),
    // Dates of birth (only with a birth cue).
    ("De jongen is geboren op 30/07/1985 in Gent.", BirthDate, "30/07/1985"),
    ("Moeder, geb. 14.02.1979, alleenstaand.", BirthDate, "14.02.1979"),
    ("Zoon ° 03-11-1992 woont nog thuis.", BirthDate, "03-11-1992"),
    ("Een vader (°1985) zonder werk.", BirthDate, "1985"),
    ("geboortedatum: 3 juli 1985", BirthDate, "3 juli 1985"),
    ("Geboren in Gent op 12 sept. 2001, nu dakloos.", BirthDate, "12 sept. 2001"),
    ("Geboortejaar 1990, twee kinderen.", BirthDate, "1990"),
    ("Zij is geboren op 1990-07-30 volgens het paspoort.", BirthDate, "1990-07-30"),
    // Street addresses (street word + house number).
    ("Ze woont in de Kerkstraat 12 sinds vorig jaar.", Address, "Kerkstraat 12"),
    ("Het appartement aan de Brugsesteenweg 245 bus 3 is vochtig.", Address, "Brugsesteenweg 245 bus 3"),
    ("Hun woning op het Dorpsplein 4A heeft geen verwarming.", Address, "Dorpsplein 4A"),
    ("Student op kot in de Sint-Pietersnieuwstraat 33.", Address, "Sint-Pietersnieuwstraat 33"),
    ("Adres: Koning Albertlaan 12.", Address, "Koning Albertlaan 12"),
    ("Verhuisd naar Kerkstraat 12, 9000 Gent vorige maand.", Address, "Kerkstraat 12, 9000 Gent"),
    ("Hij slaapt in een portiek op de Grote Markt 1.", Address, "Grote Markt 1"),
    ("Gezin in de Lindendreef 7b zonder elektriciteit.", Address, "Lindendreef 7b"),
    ("De flat aan de Frankrijklei 115 is overbewoond.", Address, "Frankrijklei 115"),
    ("Hun kamer in de Rue de la Loi 16 kost 700 euro.", Address, "Rue de la Loi 16"),
    ("Ze woont in de Stationsstraat nr. 8 boven de winkel.", Address, "Stationsstraat nr. 8"),
    // Person names.
    ("Ik sprak met mevrouw Peeters over de huur.", PersonName, "mevrouw Peeters"),
    ("Gisteren kwam meneer Janssens langs.", PersonName, "meneer Janssens"),
    ("Volgens mijnheer De Wit is de woning onbewoonbaar.", PersonName, "mijnheer De Wit"),
    ("Afspraak met dhr. Maes om 10 uur.", PersonName, "dhr. Maes"),
    ("Ook mevr. Claes wacht op een antwoord.", PersonName, "mevr. Claes"),
    ("De huisarts, Dr. Wouters, bevestigt de diagnose.", PersonName, "Dr. Wouters"),
    ("Brief van de heer Van den Broeck ontvangen.", PersonName, "de heer Van den Broeck"),
    ("Fatima El Amrani wacht al twee jaar op een woning.", PersonName, "Fatima El Amrani"),
    ("Het dossier van Jan Van den Broeck is onvolledig.", PersonName, "Jan Van den Broeck"),
    ("Piotr Kowalski werkt als schijnzelfstandige.", PersonName, "Piotr Kowalski"),
    ("Ayşe Yılmaz kreeg geen tolk bij het OCMW.", PersonName, "Ayşe Yılmaz"),
    ("Ook Mohamed Vanden Bossche werd uit zijn huis gezet.", PersonName, "Mohamed Vanden Bossche"),
    ("Het gezin Peeters leeft van een leefloon.", PersonName, "gezin Peeters"),
    ("Lotte De Smet stopte met haar opleiding.", PersonName, "Lotte De Smet"),
    ("Yusuf Demir vond geen stageplaats.", PersonName, "Yusuf Demir"),
    ("Gesprek met Anna van Dijk over schulden.", PersonName, "Anna van Dijk"),
    ("Mevrouw Fatima El Amrani belde opnieuw.", PersonName, "Mevrouw Fatima El Amrani"),
    ("Volgens juf Sofie komt het kind zonder ontbijt.", PersonName, "juf Sofie"),
    ("Verslag van Prof. Dr. Janssens over de opname.", PersonName, "Prof. Dr. Janssens"),
    ("Jean-Pierre Dubois sliep drie nachten in zijn auto.", PersonName, "Jean-Pierre Dubois"),
];

/// Realistic signal sentences that contain no client personal data.
const NEGATIVES: &[&str] = &[
    "In 2023 kregen 1.500 gezinnen een energiepremie.",
    "De huur steeg met 12,5 % tot 850 euro per maand.",
    "Sinds 12 maart 2023 is de wachtlijst bij het CAW langer dan 6 maanden.",
    "Postcode 9000 en 9040 zijn het zwaarst getroffen.",
    "Op 01/02/2024 ging de nieuwe regeling in.",
    "Het loket is open van 09.00-12.00 en van 13.30 tot 16.00.",
    "De Kerkstraat is onveilig voor fietsers.",
    "Veel jongeren dreigen op straat te staan.",
    "Kind en Gezin en Huis van het Kind verwijzen door.",
    "De Lijn schrapte de bus naar Sint-Niklaas.",
    "CAW Oost-Vlaanderen meldt 300 extra aanmeldingen.",
    "Roos belde gisteren over haar huurachterstand.",
    "Jan is al drie maanden zonder inkomen.",
    "In januari en februari 2024 stegen de aanvragen met 45%.",
    "Maandag 4 maart overleg met het OCMW.",
    "Een moeder van drie kinderen wacht 18 maanden op een sociale woning.",
    "Het leefloon bedraagt 1.263,17 euro voor een alleenstaande.",
    "Er zijn 0 plaatsen vrij in de crisisopvang.",
    "Artikel 23 van de Grondwet garandeert het recht op wonen.",
    "De wachttijd is 2 tot 3 jaar voor 1 op 4 gezinnen.",
    "Het AZ Jan Palfijn in Gent heeft een sociale dienst.",
    "Maria Middelares verwijst patiënten door naar het OCMW.",
    "De Brugsesteenweg wordt heraangelegd tussen 2024 en 2026.",
    "Het actieplan 2025-2030 van de stad Gent.",
    "Tussen 2019 en 2023 verdubbelde het aantal daklozen.",
    "Hij werd geboren in een gezin met 5 kinderen.",
    "Sinds 15/09/2022 wacht het gezin op een beslissing.",
    "Het dossier 2023/1456 ligt bij de vrederechter.",
    "Bel het gratis nummer 1712 of 106.",
    "Gemiddeld 3,5 kinderen per gezin en 2 volwassenen.",
    "Een factuur van 04.12.2023 bleef onbetaald.",
    "Tijdslot 08.30 - 10.30 uur.",
    "Het tarief ging van 0,25 naar 0,32 euro per kWh.",
    "In de wijk Rabot wonen 9.000 mensen.",
    "Sociaal Huis Antwerpen en VDAB Gent werken samen.",
    "Het Vlaams Woningfonds gaf 120 leningen.",
    "Op de Grote Markt staan geen banken meer.",
    "Het aantal uithuiszettingen steeg van 2.150 naar 2.480.",
    "De Vlaamse Regering besliste op 12 mei 2023.",
    "Samen met Welzijnsschakels en Samenlevingsopbouw organiseren we een actie.",
    "Woensdag 15 november is er een overleg in Leuven.",
    "Een alleenstaande vader (42 jaar) kreeg een factuur van 2.347 euro.",
    "Het Europees Sociaal Fonds financiert 35% van het project.",
    "mevrouw is al jaren ziek en meneer werkt niet.",
    "Via het Groeipakket krijgen gezinnen 173,20 euro per kind.",
    "Tel. 1700 is de Vlaamse Infolijn.",
    "Het budget is 0,5 miljoen euro.",
    "In de Molenstraat 3 keer per week overlast.",
    "Gebouwd in 1985, gerenoveerd in 2010.",
    "Hij is 45 jaar en geboren en getogen in Gent.",
    "Vanaf 1 januari 2025 verandert de regeling.",
    "De Sint-Pietersnieuwstraat is afgesloten voor verkeer.",
    "Wachtlijst: 1.250 kandidaat-huurders, gemiddeld 4,2 jaar.",
    "Op 3 maart 1985 werd de wet gestemd.",
    "Huis van het Kind Oostende werkt samen met Opgroeien.",
    "De meeste cliënten van het OCMW Gent zijn tussen 18 en 25 jaar.",
    "Een gezin Syrische vluchtelingen vond geen woning.",
    "Anna van het OCMW en Sarah in Antwerpen gaven advies.",
    "De prijs steeg van 0,485 naar 0,512 euro per liter.",
    "De verhuurder met ondernemingsnummer 0456.789.123 weigert herstellingen.",
    "Studenten van Thomas More en Karel de Grote Hogeschool helpen mee.",
    "In Koekelberg 12 % en in Heist-op-den-Berg 3 gezinnen.",
    "Een jongen (17) van school Sint Jan Berchmans.",
    "Een leerling van de Sint-Jozefschool kreeg 3 dagen schorsing.",
    "Een tekort van 12.000.000 euro, ofwel +12.000.000 euro op vijf jaar.",
];

/// Checksum-shaped numbers whose check digits are wrong must not be flagged.
const INVALID_CHECKSUMS: &[&str] = &[
    "Nummer 85.07.30-033.27 klopt niet.",
    "RRN 85073003382 is een tikfout.",
    "Rekening BE21 0012 3456 7804 bestaat niet.",
    "NL45 RABO 0123 4567 89 is fout overgetypt.",
    "Oud nummer 735-0123456-61 is ongeldig.",
];

fn describe(findings: &[Finding]) -> String {
    findings.iter().map(|f| format!("{:?} {:?}", f.kind, f.text)).collect::<Vec<_>>().join(", ")
}

#[test]
fn table_has_enough_cases() {
    assert!(POSITIVES.len() >= 40, "{} positives", POSITIVES.len());
    assert!(NEGATIVES.len() >= 40, "{} negatives", NEGATIVES.len());
}

#[test]
fn true_positives_are_found_exactly() {
    let mut failures = Vec::new();
    for &(input, kind, text) in POSITIVES {
        let found = scan(input);
        let ok = found.len() == 1 && found[0].kind == kind && found[0].text == text;
        if !ok {
            failures.push(format!("{input:?}: expected {kind:?} {text:?}, got [{}]", describe(&found)));
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn negatives_yield_no_findings() {
    let failures: Vec<String> = NEGATIVES
        .iter()
        .filter_map(|input| {
            let found = scan(input);
            (!found.is_empty()).then(|| format!("{input:?}: [{}]", describe(&found)))
        })
        .collect();
    assert!(failures.is_empty(), "{} false positives:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn wrong_check_digits_are_not_flagged() {
    for input in INVALID_CHECKSUMS {
        let found = scan(input);
        assert!(found.is_empty(), "{input:?}: [{}]", describe(&found));
    }
}

#[test]
fn offsets_match_text_and_findings_are_sorted_and_disjoint() {
    let input = "Ayşe Yılmaz (°12/03/1990) — tel. 0485 12 34 56, mail ayse.y@voorbeeld.be, \
                 rekening BE21 0012 3456 7803, RRN 85.07.30-033.28, woont Kerkstraat 12 bus 2. \
                 Ook mevrouw Peeters. Café «Zoë» op de Grote Markt.";
    let found = scan(input);
    let kinds: Vec<PersonalDataKind> = found.iter().map(|f| f.kind).collect();
    assert_eq!(kinds, [PersonName, BirthDate, Phone, Email, Iban, NationalNumber, Address, PersonName]);
    for f in &found {
        let (s, e) = (f.start as usize, f.end as usize);
        assert!(input.is_char_boundary(s) && input.is_char_boundary(e));
        assert_eq!(&input[s..e], f.text);
    }
    assert!(found.windows(2).all(|w| w[0].end <= w[1].start));
}

#[test]
fn lists_of_birth_dates_are_all_flagged() {
    let found = scan("Kinderen geboren op 3/5/2010, 14/02/2013 en 1 juli 2016; sinds 1/9/2023 op school.");
    assert_eq!(describe(&found), "BirthDate \"3/5/2010\", BirthDate \"14/02/2013\", BirthDate \"1 juli 2016\"");
}

#[test]
fn longest_match_wins() {
    // The address swallows the street's "Jan Van ..." that alone looks like a name.
    let found = scan("Ze woont op de Jan Van Rijswijcklaan 5 in Antwerpen.");
    assert_eq!(describe(&found), "Address \"Jan Van Rijswijcklaan 5\"");
    // A birth date cue does not turn a national number into a date.
    let found = scan("geboren 85.07.30-033.28");
    assert_eq!(describe(&found), "NationalNumber \"85.07.30-033.28\"");
}

#[test]
fn empty_and_odd_input() {
    assert!(scan("").is_empty());
    assert!(scan("@ @@ a@b . + +32 ° 0 04").is_empty());
    assert!(scan("ééé 0485 ééé").is_empty());
}

#[test]
fn labels_and_advice_are_dutch_and_non_empty() {
    let all = [NationalNumber, Phone, Email, Iban, BirthDate, Address, PersonName];
    for kind in all {
        assert!(!kind.label().is_empty());
        assert!(kind.advice().ends_with('.'));
    }
    assert_eq!(NationalNumber.label(), "rijksregisternummer");
    assert_eq!(Iban.label(), "rekeningnummer (IBAN)");
    assert!(PersonName.advice().contains("een moeder"));
}
