//! The intake page's script. It checks as you type with the same rules as
//! the server, keeps a draft in the browser, flags personal data, asks the
//! server for similar signals and a policy domain, and lets the form post
//! as it would without JavaScript once nothing is left to fix.

mod dom;
mod server;
mod similar;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Event, HtmlFormElement, HtmlSelectElement};

use self::dom::{by_id, set_html_of};
use self::similar::Similar;
use super::markup;
use crate::domain::intake::{DomainSuggestion, Field, FieldError, SignalDraft, WHOLE_MUNICIPALITY};

/// Set on sending; the confirmation page then forgets the draft.
const SENT_KEY: &str = "seinhuis-concept-verstuurd";
/// How long typing pauses before the server is asked about the text.
const PAUSE_MS: i32 = 500;
/// Free-text fields with personal-data flags under them.
const GUARDED: [Field; 5] = [Field::Title, Field::Description, Field::Since, Field::Tried, Field::Idea];

#[wasm_bindgen(start)]
pub fn start() {
    forget_sent_draft();
    let document = dom::document();
    if let Some(form) = document.get_element_by_id("signaal-formulier").and_then(|f| f.dyn_into::<HtmlFormElement>().ok()) {
        Page::attach(form);
    }
    // Tells end-to-end tests (and curious people) that the page is interactive.
    if let Some(body) = document.body() {
        let _ = body.set_attribute("data-hydrated", "true");
    }
}

/// After a send, the confirmation page drops the draft; any other page
/// (the form came back, the connection dropped) keeps it.
fn forget_sent_draft() {
    let Some(session) = dom::session_storage() else { return };
    if let Ok(Some(key)) = session.get_item(SENT_KEY) {
        let _ = session.remove_item(SENT_KEY);
        if by_id("signaal-verstuurd").is_some()
            && let Some(storage) = dom::local_storage()
        {
            let _ = storage.remove_item(&key);
        }
    }
}

/// The flagged passages of one field.
type Passages = Vec<String>;

struct Page {
    form: HtmlFormElement,
    key: String,
    tenant: String,
    areas: Vec<String>,
    domains: Vec<i64>,
    /// Fields typed in: their errors show from then on. Never on leaving a
    /// field: a message appearing on blur shifts the layout under the
    /// pointer, and the next click misses its target.
    touched: RefCell<Vec<Field>>,
    /// Sending was tried: every error shows. The summary above the form
    /// changes only on a send, so it is not announced again at every key.
    submitted: Cell<bool>,
    /// What each live part shows now, by element id. Rewriting the same
    /// markup would drop focus and make screen readers announce it again.
    shown: RefCell<Vec<(String, String)>>,
    /// The passages each guarded field flags, so flags re-render only when
    /// they change (a confirmation box keeps its own state meanwhile).
    flagged: RefCell<Vec<(Field, Passages)>>,
    asked_about: RefCell<String>,
    pending: Cell<Option<i32>>,
    /// Answers to older questions arrive late sometimes; only the last counts.
    question: Cell<u32>,
    suggestion: RefCell<Option<DomainSuggestion>>,
    similar: Option<Rc<Similar>>,
}

impl Page {
    fn attach(form: HtmlFormElement) {
        let attr = |name: &str| form.get_attribute(name).unwrap_or_default();
        let tenant = attr("data-tenant");
        let page = Rc::new(Page {
            key: attr("data-concept"),
            areas: dom::option_values("waar").into_iter().filter(|a| a != WHOLE_MUNICIPALITY).collect(),
            domains: dom::option_values("beleidsdomein").iter().filter_map(|d| d.parse().ok()).collect(),
            touched: RefCell::default(),
            submitted: Cell::new(form.has_attribute("data-returned")),
            shown: RefCell::default(),
            flagged: RefCell::default(),
            asked_about: RefCell::default(),
            pending: Cell::new(None),
            question: Cell::new(0),
            suggestion: RefCell::default(),
            similar: Similar::attach(tenant.clone()),
            tenant,
            form,
        });
        // The server rendered the live parts for this draft: start from there.
        let rendered = page.draft();
        page.remember_rendered(&rendered);
        // A form the server sent back holds what was sent, and what someone
        // typed before the script arrived is newer still: both win over a kept draft.
        let untouched = rendered == SignalDraft { area: WHOLE_MUNICIPALITY.into(), ..Default::default() };
        if !page.submitted.get()
            && untouched
            && let Some(saved) = page.load_draft().filter(|saved| *saved != rendered)
        {
            dom::fill_form(&page.form, &saved.to_form());
            // Draw the confirmation boxes before the form is read back.
            page.show_flags(&saved);
            set_html_of("concept-melding", markup::restored_notice());
        }
        page.refresh();
        if page.submitted.get()
            && let Some(summary) = by_id("fouten")
        {
            dom::focus(&summary);
        }

        let form_target: &web_sys::EventTarget = page.form.as_ref();
        for kind in ["input", "change"] {
            let page = page.clone();
            dom::listen(form_target, kind, move |event| page.edited(&event));
        }
        let on_submit = page.clone();
        dom::listen(form_target, "submit", move |event| on_submit.submitting(&event));
        let on_click = page.clone();
        dom::listen(form_target, "click", move |event| on_click.clicked(&event));
    }

    fn draft(&self) -> SignalDraft {
        SignalDraft::from_form(dom::form_pairs(&self.form))
    }

    fn load_draft(&self) -> Option<SignalDraft> {
        serde_json::from_str(&dom::local_storage()?.get_item(&self.key).ok()??).ok()
    }

    fn save_draft(&self, draft: &SignalDraft) {
        if let (Some(storage), Ok(text)) = (dom::local_storage(), serde_json::to_string(draft)) {
            let _ = storage.set_item(&self.key, &text);
        }
    }

    fn edited(self: &Rc<Self>, event: &Event) {
        // Text fields and selects carry their field's id; boxes and flags do not.
        let field = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|e| Field::from_id(&e.id()));
        if let Some(field) = field
            && !self.touched.borrow().contains(&field)
        {
            self.touched.borrow_mut().push(field);
        }
        self.refresh();
    }

    /// Bring everything that depends on the form's values up to date.
    fn refresh(self: &Rc<Self>) {
        let draft = self.draft();
        self.save_draft(&draft);
        let errors = draft.check(&self.areas, &self.domains);
        self.show_errors(&errors);
        self.show_counters();
        self.show_flags(&draft);
        self.show_suggestion(&draft);
        self.ask_about(&draft);
    }

    /// Note what the server rendered, so the first refresh changes only what differs.
    fn remember_rendered(&self, draft: &SignalDraft) {
        let errors = draft.check(&self.areas, &self.domains);
        let mut shown = self.shown.borrow_mut();
        shown.extend(self.error_parts(&errors).into_iter().map(|(id, html, _)| (id, html)));
        shown.push(("beleidsdomein-voorstel".into(), String::new()));
        self.flagged.borrow_mut().extend(GUARDED.map(|field| (field, passages(draft, field))));
    }

    /// Show `html` in the element `id`, unless it shows that already.
    fn put(&self, id: &str, html: String) {
        let mut shown = self.shown.borrow_mut();
        match shown.iter_mut().find(|(i, _)| i == id) {
            Some((_, now)) if *now == html => return,
            Some((_, now)) => *now = html.clone(),
            None => shown.push((id.to_string(), html.clone())),
        }
        set_html_of(id, &html);
    }

    /// Each field's error container with what it should show, and whether the field is invalid.
    fn error_parts(&self, errors: &[FieldError]) -> Vec<(String, String, bool)> {
        let submitted = self.submitted.get();
        Field::ALL
            .into_iter()
            .map(|field| {
                let visible = submitted || self.touched.borrow().contains(&field);
                let messages: Vec<String> =
                    if visible { errors.iter().filter(|e| e.field == field).map(|e| e.message.clone()).collect() } else { vec![] };
                (format!("{}-fout", field.id()), markup::field_errors(&messages), !messages.is_empty())
            })
            .collect()
    }

    fn show_errors(&self, errors: &[FieldError]) {
        for (id, html, invalid) in self.error_parts(errors) {
            self.put(&id, html);
            let field = id.trim_end_matches("-fout");
            if let Some(input) = by_id(field).filter(|e| e.has_attribute("aria-invalid")) {
                let _ = input.set_attribute("aria-invalid", if invalid { "true" } else { "false" });
            }
        }
    }

    fn show_counters(&self) {
        let Ok(inputs) = self.form.query_selector_all("[data-max]") else { return };
        for i in 0..inputs.length() {
            let Some(input) = inputs.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
            let max = input.get_attribute("data-max").and_then(|m| m.parse().ok()).unwrap_or(0);
            let value = input
                .dyn_ref::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .or_else(|| input.dyn_ref::<web_sys::HtmlTextAreaElement>().map(|t| t.value()))
                .unwrap_or_default();
            if let Ok(Some(counter)) = self.form.query_selector(&format!("#{}-uitleg .counter", input.id())) {
                counter.set_text_content(Some(&markup::counter(value.chars().count(), max)));
            }
        }
    }

    fn show_flags(&self, draft: &SignalDraft) {
        for field in GUARDED {
            let found = passages(draft, field);
            let mut flagged = self.flagged.borrow_mut();
            let shown = flagged.iter().find(|(f, _)| *f == field).map(|(_, found)| found);
            // A confirmation checkbox keeps its own state: re-render only for new findings.
            if shown != Some(&found) {
                set_html_of(&format!("{}-privacy", field.id()), &markup::privacy_flags(draft, field));
                flagged.retain(|(f, _)| *f != field);
                flagged.push((field, found));
            }
        }
    }

    fn show_suggestion(&self, draft: &SignalDraft) {
        let html = match &*self.suggestion.borrow() {
            Some(s) if draft.policy_domain != s.policy_domain.to_string() => markup::suggestion(s),
            _ => String::new(),
        };
        self.put("beleidsdomein-voorstel", html);
    }

    /// Once typing pauses, ask the server for similar signals and a policy domain.
    fn ask_about(self: &Rc<Self>, draft: &SignalDraft) {
        let text = format!("{}\n{}", draft.title, draft.description);
        if *self.asked_about.borrow() == text {
            return;
        }
        if let Some(handle) = self.pending.take() {
            dom::cancel(handle);
        }
        *self.asked_about.borrow_mut() = text.clone();
        // A new question: answers to earlier ones no longer count.
        let question = self.question.get() + 1;
        self.question.set(question);
        if text.trim().is_empty() {
            // Nothing to compare: earlier answers would only mislead.
            *self.suggestion.borrow_mut() = None;
            self.show_suggestion(draft);
            if let Some(similar) = &self.similar {
                similar.show(vec![]);
            }
            return;
        }
        let page = self.clone();
        let handle = dom::after(PAUSE_MS, move || {
            wasm_bindgen_futures::spawn_local(async move {
                let args = [("tenant", page.tenant.as_str()), ("text", text.as_str())];
                let found = server::call("vergelijkbare-signalen", &args).await;
                let suggested = server::call::<Option<DomainSuggestion>>("beleidsdomein-voorstel", &args).await;
                if page.question.get() != question {
                    return;
                }
                // A failed lookup leaves the last answer standing.
                if let (Ok(found), Some(similar)) = (found, &page.similar) {
                    similar.show(found);
                }
                if let Ok(suggested) = suggested {
                    *page.suggestion.borrow_mut() = suggested;
                    page.show_suggestion(&page.draft());
                }
            });
        });
        self.pending.set(handle);
    }

    fn submitting(self: &Rc<Self>, event: &Event) {
        self.submitted.set(true);
        let draft = self.draft();
        let errors = draft.check(&self.areas, &self.domains);
        self.show_errors(&errors);
        self.put("foutenoverzicht", markup::error_summary(&errors));
        if errors.is_empty() {
            // The form posts as without JavaScript; the server checks again.
            self.save_draft(&draft);
            if let Some(session) = dom::session_storage() {
                let _ = session.set_item(SENT_KEY, &self.key);
            }
        } else {
            event.prevent_default();
            if let Some(summary) = by_id("fouten") {
                dom::focus(&summary);
            }
        }
    }

    fn clicked(self: &Rc<Self>, event: &Event) {
        let Some(button) = dom::closest(event, "[data-action]") else { return };
        match button.get_attribute("data-action").as_deref() {
            Some("forget-draft") => {
                if let Some(storage) = dom::local_storage() {
                    let _ = storage.remove_item(&self.key);
                }
                let fresh = SignalDraft { area: WHOLE_MUNICIPALITY.into(), ..Default::default() };
                dom::fill_form(&self.form, &fresh.to_form());
                self.touched.borrow_mut().clear();
                self.submitted.set(false);
                self.put("foutenoverzicht", String::new());
                set_html_of("concept-melding", "");
                self.refresh();
                if let Some(title) = by_id(Field::Title.id()) {
                    dom::focus(&title);
                }
            }
            Some("take-suggestion") => {
                if let (Some(domain), Some(select)) =
                    (button.get_attribute("data-domain"), by_id("beleidsdomein").and_then(|s| s.dyn_into::<HtmlSelectElement>().ok()))
                {
                    select.set_value(&domain);
                    self.refresh();
                    dom::focus(&select);
                }
            }
            _ => {}
        }
    }
}

/// The passages the privacy guard flags in one field.
fn passages(draft: &SignalDraft, field: Field) -> Passages {
    markup::privacy_slot(draft, field)
        .map(|(_, text)| crate::domain::privacy::scan(text).into_iter().map(|f| f.text).collect())
        .unwrap_or_default()
}
