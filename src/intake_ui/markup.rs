//! HTML fragments of the intake form that change while a person types. The
//! server renders them into the page; the script re-renders them in place.
//! Every text from a person or the database goes through `escape`.

use std::fmt::Write;

use crate::domain::SimilarSignal;
use crate::domain::intake::{DomainSuggestion, Field, FieldError, SignalDraft};
use crate::domain::privacy::scan;

/// Text made safe to place between tags or in a quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The character count under a text field.
pub fn counter(chars: usize, max: usize) -> String {
    format!("{chars} / {max} tekens")
}

/// The messages next to one field.
pub fn field_errors(messages: &[String]) -> String {
    messages.iter().map(|m| format!(r#"<p class="field-error">{}</p>"#, escape(m))).collect()
}

/// The summary above the form after a refused send, each error a link to its field.
pub fn error_summary(errors: &[FieldError]) -> String {
    if errors.is_empty() {
        return String::new();
    }
    let mut html = String::from(
        r#"<div class="notice notice-error" id="fouten" role="alert" tabindex="-1"><p><strong>Je signaal is nog niet verstuurd.</strong> Kijk deze velden na:</p><ul>"#,
    );
    for e in errors {
        let _ = write!(html, r##"<li><a href="#{}">{}</a></li>"##, e.field.id(), escape(&e.message));
    }
    html + "</ul></div>"
}

/// The free-text fields the privacy guard reads, with their place in
/// `SignalDraft::texts` (confirmations are numbered by it).
pub fn privacy_slot(draft: &SignalDraft, field: Field) -> Option<(usize, &str)> {
    draft.texts().into_iter().enumerate().find(|(_, (f, _))| *f == field).map(|(slot, (_, text))| (slot, text))
}

/// Personal data the guard found in one field, highlighted in context; each
/// must be rewritten, or confirmed as not personal data. The confirmation is
/// a named checkbox, so it travels with the form also without JavaScript.
pub fn privacy_flags(draft: &SignalDraft, field: Field) -> String {
    let Some((slot, text)) = privacy_slot(draft, field) else { return String::new() };
    let findings = scan(text);
    if findings.is_empty() {
        return String::new();
    }
    // No role here: the slot around it is a live region, announced politely.
    let mut html = String::from(r#"<div class="privacy"><p><strong>Let op: persoonsgegevens?</strong></p><ul>"#);
    for f in findings {
        let (start, end) = (f.start as usize, f.end as usize);
        // Thirty characters either side, with "…" where the text goes on.
        let (head, tail) = (&text[..start], &text[end..]);
        let mut before: String = head.chars().rev().take(30).collect::<Vec<_>>().into_iter().rev().collect();
        if before.len() < head.len() {
            before.insert(0, '…');
        }
        let mut after: String = tail.chars().take(30).collect();
        if after.len() < tail.len() {
            after.push('…');
        }
        let passage = escape(&f.text);
        let checked = if draft.confirmed.contains(&f.text) { " checked" } else { "" };
        // Unique per field and place; the server only needs the passages.
        let name = slot * 100_000 + start;
        let id = format!("bevestig-{}-{start}", field.id());
        let _ = write!(
            html,
            r#"<li><p class="context">{}<mark>{passage}</mark>{}</p><p>Dit lijkt een {}. {}</p><div class="choice"><input type="checkbox" id="{id}" name="confirmed[{name}]" value="{passage}"{checked}><label for="{id}">‘{passage}’ is geen persoonsgegeven</label></div></li>"#,
            escape(&before),
            escape(&after),
            f.kind.label(),
            f.kind.advice(),
        );
    }
    html + "</ul></div>"
}

/// The notice when a draft from an earlier visit came back.
pub fn restored_notice() -> &'static str {
    r#"<p class="notice" role="status">We zetten je concept van daarnet terug. <button type="button" class="link-button" data-action="forget-draft">Begin opnieuw</button></p>"#
}

/// The policy-domain suggestion under the select, taken over with one click.
pub fn suggestion(s: &DomainSuggestion) -> String {
    let how = if s.learned { "geleerd uit eerdere signalen" } else { "op basis van trefwoorden" };
    format!(
        r#"Voorstel: <strong>{}</strong> ({}% zeker, {how}). <button type="button" class="link-button" data-action="take-suggestion" data-domain="{}">Neem dit over</button>"#,
        escape(&s.name),
        s.confidence,
        s.policy_domain
    )
}

/// Where the "ik zie dit ook" of one similar signal stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SightingStep {
    /// The button.
    Offered,
    /// The optional note and the confirm button (with an error, if sending failed).
    Asking { note: String, error: String },
    /// Recorded.
    Noted,
}

/// One similar signal: title, phase, how many organisations saw it.
pub fn similar_card(signal: &SimilarSignal, step: &SightingStep) -> String {
    let id = signal.id.0;
    let seen = match signal.organisations {
        1 => "gezien door 1 organisatie".to_string(),
        n => format!("gezien door {n} organisaties"),
    };
    let action = match step {
        SightingStep::Offered => {
            r#"<button type="button" class="button button-small button-quiet" data-action="offer-sighting">Ik zie dit ook</button>"#
                .to_string()
        }
        SightingStep::Asking { note, error } => format!(
            r#"<label for="notitie-{id}">Wat zie jij? (niet verplicht)</label><input id="notitie-{id}" value="{}"><p class="field-error" role="alert">{}</p><button type="button" class="button button-small" data-action="confirm-sighting">Bevestig: ik zie dit ook</button>"#,
            escape(note),
            escape(error)
        ),
        // Focusable, so keyboard focus lands on it when the button it replaces goes.
        SightingStep::Noted => {
            r#"<p class="notice notice-ok" role="status" tabindex="-1">Genoteerd: je organisatie ziet dit ook.</p>"#.to_string()
        }
    };
    format!(
        r#"<li class="similar-card" data-signal="{id}"><p class="similar-title">{}</p><p class="card-meta">{} · {seen}</p>{action}</li>"#,
        escape(&signal.title),
        signal.phase.label()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::intake::WHOLE_MUNICIPALITY;
    use crate::domain::{Phase, SignalId};

    #[test]
    fn escape_leaves_no_markup() {
        assert_eq!(escape(r#"<b onclick="x">Tom & 'Jerry'</b>"#), "&lt;b onclick=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;");
    }

    #[test]
    fn privacy_flags_mark_the_passage_and_keep_confirmations() {
        let mut draft = SignalDraft {
            area: WHOLE_MUNICIPALITY.into(),
            description: "Een moeder (85.07.30-033.28) wacht <lang> op hulp.".into(),
            ..Default::default()
        };
        let html = privacy_flags(&draft, Field::Description);
        assert!(html.contains("<mark>85.07.30-033.28</mark>"), "{html}");
        assert!(html.contains("&lt;lang&gt;"), "context is escaped: {html}");
        assert!(html.contains(r#"name="confirmed[100012]""#), "slot 1, byte 12: {html}");
        assert!(!html.contains(" checked"));
        assert!(!html.contains('…'), "the whole text fits in the context: {html}");
        let long = SignalDraft { description: format!("{} 85.07.30-033.28 {}", "a".repeat(40), "b".repeat(40)), ..Default::default() };
        let html = privacy_flags(&long, Field::Description);
        assert!(html.contains(&format!("…{} <mark>", "a".repeat(29))) && html.contains(&format!("</mark> {}…", "b".repeat(29))), "{html}");
        draft.confirmed.push("85.07.30-033.28".into());
        assert!(privacy_flags(&draft, Field::Description).contains(" checked"));
        assert_eq!(privacy_flags(&draft, Field::Title), "", "nothing found in an empty title");
        assert_eq!(privacy_flags(&draft, Field::Frequency), "", "not a free-text field");
    }

    #[test]
    fn similar_cards_escape_titles_and_count_organisations() {
        let signal =
            SimilarSignal { id: SignalId(4), title: "Wachtlijst <CAW>".into(), phase: Phase::Submitted, organisations: 1, sightings: 0 };
        let html = similar_card(&signal, &SightingStep::Offered);
        assert!(html.contains("Wachtlijst &lt;CAW&gt;") && html.contains("gezien door 1 organisatie<"), "{html}");
        let asking = similar_card(
            &SimilarSignal { organisations: 3, ..signal },
            &SightingStep::Asking { note: "\"ook\"".into(), error: String::new() },
        );
        assert!(asking.contains("gezien door 3 organisaties") && asking.contains(r#"value="&quot;ook&quot;""#), "{asking}");
    }

    #[test]
    fn the_summary_links_each_error_to_its_field() {
        assert_eq!(error_summary(&[]), "");
        let html = error_summary(&[FieldError { field: Field::Frequency, message: "Kies hoe vaak je het tegenkomt.".into() }]);
        assert!(html.contains(r##"<a href="#hoe-vaak">Kies hoe vaak je het tegenkomt.</a>"##), "{html}");
    }
}
