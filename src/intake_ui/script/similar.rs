//! Similar signals beside the form, and "ik zie dit ook" on one of them.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlInputElement};

use super::dom::{by_id, closest, focus};
use super::server::call;
use crate::domain::SimilarSignal;
use crate::intake_ui::markup::{SightingStep, similar_card};

pub struct Similar {
    tenant: String,
    list: Element,
    found: RefCell<Vec<SimilarSignal>>,
    /// Cards whose "ik zie dit ook" is under way or done; the rest offer it.
    steps: RefCell<Vec<(i64, SightingStep)>>,
}

impl Similar {
    /// Takes over the (server-rendered, hidden) aside, if the page has one.
    pub fn attach(tenant: String) -> Option<Rc<Similar>> {
        let aside = super::dom::document().query_selector("aside.similar").ok()??;
        let list = aside.query_selector(".similar-list").ok()??;
        let _ = aside.remove_attribute("hidden");
        let similar = Rc::new(Similar { tenant, list, found: RefCell::default(), steps: RefCell::default() });
        let on_click = similar.clone();
        super::dom::listen(&aside, "click", move |event| on_click.clicked(&event));
        Some(similar)
    }

    /// Show what the server found, keeping any note being typed. Not while
    /// the person works in the list: redrawing it would take their focus.
    pub fn show(&self, found: Vec<SimilarSignal>) {
        let working_here = super::dom::document().active_element().is_some_and(|e| self.list.contains(Some(&e)));
        if *self.found.borrow() == found || working_here {
            return;
        }
        self.keep_notes();
        *self.found.borrow_mut() = found;
        let html: String = self.found.borrow().iter().map(|s| similar_card(s, &self.step(s.id.0))).collect();
        self.list.set_inner_html(&html);
    }

    fn step(&self, id: i64) -> SightingStep {
        self.steps.borrow().iter().find(|(i, _)| *i == id).map(|(_, s)| s.clone()).unwrap_or(SightingStep::Offered)
    }

    fn set_step(&self, id: i64, step: SightingStep) {
        let mut steps = self.steps.borrow_mut();
        steps.retain(|(i, _)| *i != id);
        steps.push((id, step));
    }

    fn note(id: i64) -> String {
        by_id(&format!("notitie-{id}")).and_then(|e| e.dyn_into::<HtmlInputElement>().ok()).map(|i| i.value()).unwrap_or_default()
    }

    fn keep_notes(&self) {
        for (id, step) in self.steps.borrow_mut().iter_mut() {
            if let SightingStep::Asking { note, .. } = step {
                *note = Self::note(*id);
            }
        }
    }

    /// Re-render one card and put the keyboard focus back inside it.
    fn render_card(&self, id: i64) {
        let selector = format!(r#"[data-signal="{id}"]"#);
        let found = self.found.borrow();
        let (Some(signal), Ok(Some(card))) = (found.iter().find(|s| s.id.0 == id), self.list.query_selector(&selector)) else {
            return;
        };
        card.set_outer_html(&similar_card(signal, &self.step(id)));
        let inside = format!("{selector} input, {selector} .notice");
        if let Ok(Some(target)) = self.list.query_selector(&inside) {
            focus(&target);
        }
    }

    fn clicked(self: &Rc<Self>, event: &Event) {
        let Some(button) = closest(event, "[data-action]") else { return };
        let Some(id) = button.closest(".similar-card").ok().flatten().and_then(|c| c.get_attribute("data-signal")?.parse::<i64>().ok())
        else {
            return;
        };
        match button.get_attribute("data-action").as_deref() {
            Some("offer-sighting") => {
                self.set_step(id, SightingStep::Asking { note: String::new(), error: String::new() });
                self.render_card(id);
            }
            Some("confirm-sighting") => {
                // One sighting per click, however often an impatient finger taps.
                if button.has_attribute("disabled") {
                    return;
                }
                let _ = button.set_attribute("disabled", "");
                let note = Self::note(id);
                let this = self.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let args = [("tenant", this.tenant.as_str()), ("signal", &id.to_string()), ("note", &note)];
                    match call::<SimilarSignal>("ik-zie-dit-ook", &args).await {
                        Ok(updated) => {
                            for s in this.found.borrow_mut().iter_mut().filter(|s| s.id.0 == id) {
                                *s = updated.clone();
                            }
                            this.set_step(id, SightingStep::Noted);
                        }
                        // Keep what was typed while the request was under way.
                        Err(e) => this.set_step(id, SightingStep::Asking { note: Self::note(id), error: e.message() }),
                    }
                    this.render_card(id);
                });
            }
            _ => {}
        }
    }
}
