//! What islands ask of the browser: the values of a form, moving focus,
//! going to another page. Called from event handlers and effects only,
//! which run in the browser.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Every name and value the form `id` holds now, as it would send them.
/// Read before an island hydrates: what a person typed while the page was
/// still loading is newer than anything the island knows.
pub fn form_values(id: &str) -> Option<Vec<(String, String)>> {
    let form = document().get_element_by_id(id)?.dyn_into::<web_sys::HtmlFormElement>().ok()?;
    values_of(&form)
}

/// Every name and value of the form a submit event is about.
pub fn submitted_values(ev: &leptos::ev::SubmitEvent) -> Vec<(String, String)> {
    ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok()).and_then(|form| values_of(&form)).unwrap_or_default()
}

fn values_of(form: &web_sys::HtmlFormElement) -> Option<Vec<(String, String)>> {
    let data = web_sys::FormData::new_with_form(form).ok()?;
    let entries = js_sys::try_iter(&data).ok()??;
    Some(
        entries
            .flatten()
            .filter_map(|entry| {
                let pair = entry.dyn_into::<js_sys::Array>().ok()?;
                Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
            })
            .collect(),
    )
}

/// Focus the element `id` once the view has caught up with the last change.
pub fn focus_soon(id: impl Into<String>) {
    let id = id.into();
    request_animation_frame(move || {
        if let Some(element) = document().get_element_by_id(&id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = element.focus();
        }
    });
}

/// Is keyboard focus inside the element `id`?
pub fn focus_within(id: &str) -> bool {
    let (Some(active), Some(container)) = (document().active_element(), document().get_element_by_id(id)) else { return false };
    container.contains(Some(&active))
}

pub fn go_to(path: &str) {
    let _ = window().location().set_href(path);
}

/// Call `handle` with the data of each event `name` of a stream. Islands
/// live as long as their page (every page is a new document), so the
/// handler does too.
pub fn listen(source: &web_sys::EventSource, name: &str, mut handle: impl FnMut(String) + 'static) {
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        let data = event.dyn_ref::<web_sys::MessageEvent>().and_then(|m| m.data().as_string()).unwrap_or_default();
        handle(data);
    });
    let _ = source.add_event_listener_with_callback(name, callback.as_ref().unchecked_ref());
    callback.forget();
}
