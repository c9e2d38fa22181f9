//! The few DOM and storage operations the intake script needs.

use crate::domain::intake::field_name;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, Event, HtmlElement, HtmlFormElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement, Storage};

pub fn document() -> Document {
    web_sys::window().and_then(|w| w.document()).expect("a page has a document")
}

pub fn by_id(id: &str) -> Option<Element> {
    document().get_element_by_id(id)
}

pub fn set_html_of(id: &str, html: &str) {
    if let Some(element) = by_id(id) {
        element.set_inner_html(html);
    }
}

pub fn focus(element: &Element) {
    if let Some(element) = element.dyn_ref::<HtmlElement>() {
        let _ = element.focus();
    }
}

/// Call `handler` for every `kind` event on `target`, for the page's lifetime.
pub fn listen(target: &web_sys::EventTarget, kind: &str, handler: impl FnMut(Event) + 'static) {
    let closure = Closure::<dyn FnMut(Event)>::new(handler);
    let _ = target.add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref());
    closure.forget();
}

/// Run `f` once after `ms` milliseconds; returns the handle to cancel it.
pub fn after(ms: i32, f: impl FnOnce() + 'static) -> Option<i32> {
    let callback = Closure::once_into_js(f);
    web_sys::window()?.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), ms).ok()
}

pub fn cancel(handle: i32) {
    if let Some(window) = web_sys::window() {
        window.clear_timeout_with_handle(handle);
    }
}

/// The element the event happened on, or its closest ancestor matching `selector`.
pub fn closest(event: &Event, selector: &str) -> Option<Element> {
    event.target()?.dyn_into::<Element>().ok()?.closest(selector).ok()?
}

/// Every name and value the form would send, in order.
pub fn form_pairs(form: &HtmlFormElement) -> Vec<(String, String)> {
    let Ok(data) = web_sys::FormData::new_with_form(form) else { return vec![] };
    let Ok(Some(entries)) = js_sys::try_iter(&data) else { return vec![] };
    entries
        .flatten()
        .filter_map(|entry| {
            let pair = entry.dyn_into::<js_sys::Array>().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect()
}

/// Put `pairs` (as `SignalDraft::to_form` gives them) back into the form's
/// fields: text in inputs, boxes checked when their value is listed.
pub fn fill_form(form: &HtmlFormElement, pairs: &[(String, String)]) {
    let text = |name: &str| pairs.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone()).unwrap_or_default();
    let elements = form.elements();
    for i in 0..elements.length() {
        let Some(element) = elements.item(i) else { continue };
        if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
            let name = input.name();
            match input.type_().as_str() {
                "hidden" | "submit" | "button" => {}
                "checkbox" | "radio" => {
                    let value = input.value();
                    input.set_checked(pairs.iter().any(|(n, v)| field_name(n) == field_name(&name) && *v == value));
                }
                _ => input.set_value(&text(&name)),
            }
        } else if let Some(area) = element.dyn_ref::<HtmlTextAreaElement>() {
            area.set_value(&text(&area.name()));
        } else if let Some(select) = element.dyn_ref::<HtmlSelectElement>() {
            let value = text(&select.name());
            select.set_value(&value);
        }
    }
}

/// The values of a select's options (the tenant's districts and domains).
pub fn option_values(id: &str) -> Vec<String> {
    let Some(Ok(options)) = by_id(id).map(|select| select.query_selector_all("option")) else { return vec![] };
    (0..options.length()).filter_map(|i| options.item(i)?.dyn_into::<Element>().ok()?.get_attribute("value")).collect()
}

pub fn local_storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok()?
}

pub fn session_storage() -> Option<Storage> {
    web_sys::window()?.session_storage().ok()?
}
