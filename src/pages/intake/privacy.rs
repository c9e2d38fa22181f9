//! Personal data the privacy guard finds in a free-text field, shown under
//! it in context. Each passage must be rewritten, or confirmed as not
//! personal data with a checkbox that travels with the form, also without
//! JavaScript.

use leptos::prelude::*;

use crate::domain::intake::Field;
use crate::domain::privacy::scan;

/// How many characters of context show either side of a passage.
const CONTEXT_CHARS: usize = 30;

/// One flagged passage, as the person sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flag {
    pub passage: String,
    /// Up to thirty characters before and after, with "…" where the text goes on.
    pub before: String,
    pub after: String,
    pub kind: &'static str,
    pub advice: &'static str,
    /// The checkbox's name: unique per field and place (`slot` is the field's
    /// place in `SignalDraft::texts`); the server only needs the passages.
    pub name: String,
    pub id: String,
}

/// What the guard flags in `text`, the text of `field`.
pub fn flags(field: Field, slot: usize, text: &str) -> Vec<Flag> {
    scan(text)
        .into_iter()
        .map(|f| {
            let (start, end) = (f.start as usize, f.end as usize);
            let (head, tail) = (&text[..start], &text[end..]);
            let mut before: String = head.chars().rev().take(CONTEXT_CHARS).collect::<Vec<_>>().into_iter().rev().collect();
            if before.len() < head.len() {
                before.insert(0, '…');
            }
            let mut after: String = tail.chars().take(CONTEXT_CHARS).collect();
            if after.len() < tail.len() {
                after.push('…');
            }
            Flag {
                before,
                after,
                kind: f.kind.label(),
                advice: f.kind.advice(),
                name: format!("confirmed[{}]", slot * 100_000 + start),
                id: format!("bevestig-{}-{start}", field.id()),
                passage: f.text,
            }
        })
        .collect()
}

/// The flags under one field (`place`: its place in `SignalDraft::texts`), in a polite live region. They are drawn again
/// only when the flagged passages change: typing elsewhere in the text does
/// not make a screen reader read them out again, and a ticked box stays put.
#[component]
pub fn PrivacyFlags(
    field: Field,
    place: usize,
    #[prop(into)] text: Signal<String>,
    #[prop(into)] confirmed: Signal<Vec<String>>,
    on_confirm: Callback<(String, bool)>,
) -> impl IntoView {
    let shown = Memo::new_with_compare(
        move |_| text.with(|t| flags(field, place, t)),
        |old, new| old.map(|o| o.iter().map(|f| &f.passage).collect::<Vec<_>>()) != new.map(|n| n.iter().map(|f| &f.passage).collect()),
    );
    view! {
        <div id=format!("{}-privacy", field.id()) class="privacy-slot" aria-live="polite">
            {move || {
                let flags = shown.get();
                (!flags.is_empty()).then(|| view! {
                    <div class="privacy">
                        <p><strong>"Let op: persoonsgegevens?"</strong></p>
                        <ul>{flags.into_iter().map(|flag| view! { <FlagItem flag confirmed on_confirm/> }).collect_view()}</ul>
                    </div>
                })
            }}
        </div>
    }
}

#[component]
fn FlagItem(flag: Flag, confirmed: Signal<Vec<String>>, on_confirm: Callback<(String, bool)>) -> impl IntoView {
    let passage = flag.passage.clone();
    let is_confirmed = move || confirmed.with(|c| c.contains(&passage));
    let passage = flag.passage.clone();
    view! {
        <li>
            <p class="context">{flag.before} <mark>{flag.passage.clone()}</mark> {flag.after}</p>
            <p>"Dit lijkt een " {flag.kind} ". " {flag.advice}</p>
            <div class="choice">
                <input type="checkbox" id=flag.id.clone() name=flag.name value=flag.passage.clone()
                    checked=is_confirmed() prop:checked=is_confirmed
                    on:change=move |ev| on_confirm.run((passage.clone(), event_target_checked(&ev)))/>
                <label for=flag.id>"‘" {flag.passage.clone()} "’ is geen persoonsgegeven"</label>
            </div>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flag_shows_its_passage_in_context_with_a_unique_name() {
        let text = "Een moeder (85.07.30-033.28) wacht <lang> op hulp.";
        let [flag] = flags(Field::Description, 1, text).try_into().expect("one finding");
        assert_eq!(flag.passage, "85.07.30-033.28");
        assert_eq!((flag.before.as_str(), flag.after.as_str()), ("Een moeder (", ") wacht <lang> op hulp."));
        assert_eq!(flag.name, "confirmed[100012]", "slot 1, byte 12");
        assert_eq!(flag.id, "bevestig-wat-12");
        assert_eq!(flag.kind, "rijksregisternummer");
        let long = format!("{} 85.07.30-033.28 {}", "a".repeat(40), "b".repeat(40));
        let [flag] = flags(Field::Description, 1, &long).try_into().expect("one finding");
        assert_eq!(flag.before, format!("…{} ", "a".repeat(29)));
        assert_eq!(flag.after, format!(" {}…", "b".repeat(29)));
        assert!(flags(Field::Title, 0, "").is_empty());
    }
}
