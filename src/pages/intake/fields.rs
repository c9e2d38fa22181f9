//! The pieces both intake forms (workers' and citizens') are made of: text
//! fields with a counter, their errors, choices, and the error summary.
//!
//! Each renders on the server with the values and errors it was given, so
//! the form works without JavaScript, and stays live inside an island. An
//! input carries its value twice: as an attribute for the server's HTML and
//! as a property the island keeps in step with the draft.

use leptos::prelude::*;

use crate::domain::intake::{Field, FieldError};
use crate::domain::vocabulary::Term;

/// The character count under a text field.
pub fn counter(chars: usize, max: usize) -> String {
    format!("{chars} / {max} tekens")
}

/// The id of the element holding a field's errors (inputs point at it).
pub fn errors_id(field: Field) -> String {
    format!("{}-fout", field.id())
}

/// A field's messages, for a form's errors.
pub fn messages_for(errors: &[FieldError], field: Field) -> Vec<String> {
    errors.iter().filter(|e| e.field == field).map(|e| e.message.clone()).collect()
}

/// The messages next to one field. Not a live region: the summary speaks
/// when a send is refused, and a message read at every key would drown the
/// person typing.
#[component]
pub fn FieldErrors(field: Field, #[prop(into)] errors: Signal<Vec<String>>) -> impl IntoView {
    view! {
        <div id=errors_id(field) class="field-errors">
            {move || errors.get().into_iter().map(|m| view! { <p class="field-error">{m}</p> }).collect_view()}
        </div>
    }
}

/// A text input (`rows` 0) or text area, with its limit counted under it.
/// The limit is not enforced by the browser: a person may paste too much,
/// sees the count, and shortens it.
#[component]
pub fn TextField(
    field: Field,
    label: &'static str,
    name: &'static str,
    hint: &'static str,
    max: usize,
    rows: u32,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(into)] errors: Signal<Vec<String>>,
    #[prop(optional)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    let id = field.id();
    let described = format!("{id}-uitleg {}", errors_id(field));
    let invalid = move || (!errors.with(Vec::is_empty)).to_string();
    let initial = value.get_untracked();
    let input = move |ev| on_input.run(event_target_value(&ev));
    let control = if rows == 0 {
        view! {
            <input id=id name=name value=initial prop:value=value aria-describedby=described aria-invalid=invalid
                autocomplete=autocomplete on:input=input/>
        }
        .into_any()
    } else {
        view! {
            <textarea id=id name=name rows=rows prop:value=value aria-describedby=described aria-invalid=invalid
                on:input=input>{initial}</textarea>
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {control}
            <p id=format!("{id}-uitleg") class="hint">
                {hint} " " <span class="counter">{move || value.with(|v| counter(v.chars().count(), max))}</span>
            </p>
            <FieldErrors field errors/>
        </div>
    }
}

/// A group of checkboxes over a vocabulary; `selected` holds the codes ticked.
#[component]
pub fn Choices(
    legend: &'static str,
    field: Field,
    name: &'static str,
    terms: &'static [Term],
    #[prop(into)] selected: Signal<Vec<String>>,
    on_toggle: Callback<(String, bool)>,
    #[prop(into)] errors: Signal<Vec<String>>,
) -> impl IntoView {
    let initial = selected.get_untracked();
    view! {
        <fieldset class="field choices" id=field.id() aria-describedby=errors_id(field)>
            <legend>{legend}</legend>
            {terms.iter().enumerate().map(|(i, (code, label))| {
                let code = *code;
                view! {
                    <label class="choice">
                        <input type="checkbox" name=format!("{name}[{i}]") value=code
                            checked=initial.iter().any(|c| c == code)
                            prop:checked=move || selected.with(|s| s.iter().any(|c| c == code))
                            on:change=move |ev| on_toggle.run((code.to_string(), event_target_checked(&ev)))/>
                        {*label}
                    </label>
                }
            }).collect_view()}
            <FieldErrors field errors/>
        </fieldset>
    }
}

/// One checkbox that answers yes.
#[component]
pub fn CheckBox(name: &'static str, label: &'static str, #[prop(into)] checked: Signal<bool>, on_change: Callback<bool>) -> impl IntoView {
    view! {
        <label class="choice">
            <input type="checkbox" name=name value="ja" checked=checked.get_untracked() prop:checked=checked
                on:change=move |ev| on_change.run(event_target_checked(&ev))/>
            {label}
        </label>
    }
}

/// The summary above a form after a refused send, each error a link to its
/// field. It changes only when sending is tried, so it is announced then and
/// not again at every key.
#[component]
pub fn ErrorSummary(heading: &'static str, #[prop(into)] errors: Signal<Vec<FieldError>>) -> impl IntoView {
    move || {
        let errors = errors.get();
        (!errors.is_empty()).then(|| {
            view! {
                <div class="notice notice-error" id="fouten" role="alert" tabindex="-1">
                    <p><strong>{heading}</strong> " Kijk deze velden na:"</p>
                    <ul>
                        {errors.into_iter().map(|e| view! { <li><a href=format!("#{}", e.field.id())>{e.message}</a></li> }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_belong_to_their_field() {
        let errors = vec![
            FieldError { field: Field::Title, message: "a".into() },
            FieldError { field: Field::Description, message: "b".into() },
            FieldError { field: Field::Title, message: "c".into() },
        ];
        assert_eq!(messages_for(&errors, Field::Title), ["a", "c"]);
        assert!(messages_for(&errors, Field::Email).is_empty());
        assert_eq!(errors_id(Field::Frequency), "hoe-vaak-fout");
        assert_eq!(counter(7, 120), "7 / 120 tekens");
    }
}
