//! A citizen's report through the public form: shorter than a worker's, and
//! it only counts once the citizen confirmed their e-mail address.

use serde::{Deserialize, Serialize};

use super::account::parse_email;
use super::intake::{Field, FieldError, MAX_TEXT_CHARS, MAX_TITLE_CHARS};
use super::privacy::scan;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitizenReport {
    pub email: String,
    pub title: String,
    pub description: String,
    pub area: String,
}

impl CitizenReport {
    /// Everything wrong with the report, field by field. `areas` are the tenant's districts.
    pub fn check(&self, areas: &[String]) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let mut err = |field, message: String| errors.push(FieldError { field, message });
        let title = self.title.trim().chars().count();
        if title == 0 {
            err(Field::Title, "Geef je melding een korte titel.".into());
        } else if title > MAX_TITLE_CHARS {
            err(Field::Title, format!("De titel mag hoogstens {MAX_TITLE_CHARS} tekens hebben (nu {title})."));
        }
        let text = self.description.trim().chars().count();
        if text < 20 {
            err(Field::Description, "Beschrijf in een paar zinnen wat er aan de hand is (minstens 20 tekens).".into());
        } else if text > MAX_TEXT_CHARS {
            err(Field::Description, format!("Je tekst mag hoogstens {MAX_TEXT_CHARS} tekens hebben (nu {text})."));
        }
        for (field, text) in [(Field::Title, &self.title), (Field::Description, &self.description)] {
            for finding in scan(text) {
                err(field, format!("‘{}’ lijkt een {}. {}", finding.text, finding.kind.label(), finding.kind.advice()));
            }
        }
        if !self.area.is_empty() && !areas.contains(&self.area) {
            err(Field::Area, "Kies een wijk uit de lijst, of de hele gemeente.".into());
        }
        if let Err(message) = parse_email(&self.email) {
            err(Field::Email, message);
        }
        errors
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> CitizenReport {
        CitizenReport {
            email: "iemand@voorbeeld.example".into(),
            title: "Geen bankautomaat meer in de wijk".into(),
            description: "Oudere buren moeten nu met de bus naar het centrum om geld af te halen.".into(),
            area: String::new(),
        }
    }

    #[test]
    fn a_complete_report_passes() {
        assert_eq!(report().check(&[]), vec![]);
    }

    #[test]
    fn each_problem_is_named_at_its_field() {
        let bad = CitizenReport { email: "geen-adres".into(), title: String::new(), area: "Elders".into(), ..report() };
        let fields: Vec<Field> = bad.check(&["Ledeberg".into()]).into_iter().map(|e| e.field).collect();
        assert_eq!(fields, vec![Field::Title, Field::Area, Field::Email]);
    }
}
