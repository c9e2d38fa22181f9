//! The agenda builder, the forum preparation view: ranked candidates on one
//! side, the ordered agenda on the other. Drag a candidate onto the agenda,
//! or press its "Op de agenda" button; order items with drag or "Hoger" and
//! "Lager"; each item's duration, presenter and question are saved on their
//! own version. Other preparers' changes arrive through the meeting's stream;
//! an edit someone else overtook is refused, told, and what was typed stays.

use std::collections::HashMap;

use leptos::ev::DragEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::forum::{edit_item, load_meeting, order_item, place_item, remove_item};
use crate::components::browser::listen;
use crate::domain::AgendaItemId;
use crate::domain::forum::agenda::{AgendaItem, AgendaSubject, AgendaTotal, ItemForm};
use crate::domain::forum::view::AgendaView;
use crate::domain::live::RESYNC;
use crate::error::AppError;

/// What the island shares with its parts.
#[derive(Clone, Copy)]
struct Builder {
    tenant: StoredValue<String>,
    view: RwSignal<AgendaView>,
    /// What the screen reader hears.
    said: RwSignal<String>,
    /// The candidate or item being dragged ("bundel-3", or "punt-12").
    dragging: RwSignal<Option<String>>,
    live: RwSignal<bool>,
    /// Texts typed into items, kept through reloads until saved, with the
    /// item's version when typing began: a save is based on that version.
    drafts: RwSignal<HashMap<AgendaItemId, (i64, ItemForm)>>,
}

impl Builder {
    fn meeting(&self) -> i64 {
        self.view.with_untracked(|v| v.meeting.id.0)
    }

    /// Read the agenda again (after a change here or elsewhere).
    fn reload(self) {
        let (tenant, id) = (self.tenant.get_value(), self.meeting());
        spawn_local(async move {
            if let Ok(page) = load_meeting(tenant, id).await {
                self.view.set(page.agenda);
            }
        });
    }

    /// Run a change, then reload; say what happened.
    fn change(self, done: String, call: impl std::future::Future<Output = Result<(), AppError>> + 'static) {
        spawn_local(async move {
            match call.await {
                Ok(()) => self.said.set(done),
                Err(error) => self.said.set(error.message()),
            }
            self.reload();
        });
    }

    fn place(self, key: String, title: String) {
        let (tenant, id) = (self.tenant.get_value(), self.meeting());
        self.change(format!("‘{title}’ staat op de agenda."), async move { place_item(tenant, id, key).await.map(|_| ()) });
    }

    fn order(self, item: AgendaItemId, index: usize, title: String) {
        let tenant = self.tenant.get_value();
        let position = index + 1;
        self.change(format!("‘{title}’ staat nu op plaats {position}."), async move { order_item(tenant, item.0, index as i64).await });
    }
}

#[island]
pub fn AgendaBuilder(tenant: String, agenda: AgendaView) -> impl IntoView {
    let builder = Builder {
        tenant: StoredValue::new(tenant),
        view: RwSignal::new(agenda),
        said: RwSignal::new(String::new()),
        dragging: RwSignal::new(None),
        live: RwSignal::new(false),
        drafts: RwSignal::new(HashMap::new()),
    };
    provide_context(builder);
    Effect::new(move |_| connect(builder));
    let total = move || builder.view.with(|v| v.total);
    view! {
        <p class="hint" id="agenda-uitleg">
            "Sleep een kandidaat naar de agenda, of kies ‘Op de agenda’. Verander de volgorde door te slepen of met ‘Hoger’ en ‘Lager’."
        </p>
        <p class="live-status" role="status">
            {move || if builder.live.get() { "Live: wat collega's aan deze agenda doen, verschijnt hier vanzelf." } else { "" }}
        </p>
        <p class="visually-hidden" aria-live="assertive" aria-atomic="true">{move || builder.said.get()}</p>
        <div class="agenda-builder">
            <Candidates/>
            <section class="agenda" aria-labelledby="agenda-titel">
                <h2 id="agenda-titel">"Agenda"</h2>
                <p class="agenda-total" class:over=move || total().over() data-minutes=move || total().minutes>
                    {move || total_sentence(total())}
                </p>
                <AgendaList/>
            </section>
        </div>
    }
}

fn total_sentence(total: AgendaTotal) -> String {
    let sentence = total.sentence();
    if total.over() { format!("Te lang: {sentence}.") } else { format!("Totaal: {sentence}.") }
}

/// The ranked candidates, each with why it ranks there.
#[component]
fn Candidates() -> impl IntoView {
    let builder = expect_context::<Builder>();
    let rows = move || builder.view.with(|v| v.candidates.clone());
    view! {
        <section class="candidates" aria-labelledby="kandidaten-titel">
            <h2 id="kandidaten-titel">"Kandidaten"</h2>
            <p class="hint">"Gerangschikt op hoeveel organisaties het zagen, hoe lang het wacht, of er een beleidsknelpunt bij hoort en of een overleg het al besprak."</p>
            <ol class="candidate-list">
                <For each=rows key=|r| r.candidate.subject let(ranked)>
                    {
                        let key = ranked.candidate.subject.key();
                        let title = ranked.candidate.title.clone();
                        let (drag_key, place_key, place_title) = (key.clone(), key.clone(), title.clone());
                        let label = format!("‘{title}’ op de agenda zetten");
                        view! {
                            <li class="candidate" draggable="true" data-subject=key.clone()
                                on:dragstart=move |ev: DragEvent| {
                                    if let Some(data) = ev.data_transfer() {
                                        let _ = data.set_data("text/plain", &drag_key);
                                        data.set_effect_allowed("copy");
                                    }
                                    builder.dragging.set(Some(drag_key.clone()));
                                }
                                on:dragend=move |_| builder.dragging.set(None)
                            >
                                <p class="candidate-title">
                                    <span class="tag">{ranked.candidate.subject.label()}</span> " " {title.clone()}
                                </p>
                                <ul class="reasons">
                                    {ranked.reasons.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view()}
                                </ul>
                                <button type="button" class="button button-small" aria-label=label
                                    on:click=move |_| builder.place(place_key.clone(), place_title.clone())>
                                    "Op de agenda"
                                </button>
                            </li>
                        }
                    }
                </For>
            </ol>
            {move || rows().is_empty().then(|| view! { <p>"Geen kandidaten: alles wat je mag lezen staat al op de agenda of is nog niet weerhouden."</p> })}
        </section>
    }
}

/// The ordered agenda: a drop zone for candidates and for items.
#[component]
fn AgendaList() -> impl IntoView {
    let builder = expect_context::<Builder>();
    let items = move || builder.view.with(|v| v.items.iter().map(|i| i.id).collect::<Vec<_>>());
    let drop = move |ev: DragEvent, index: Option<usize>| {
        ev.prevent_default();
        let dragged = builder.dragging.get_untracked().or_else(|| ev.data_transfer().and_then(|d| d.get_data("text/plain").ok()));
        builder.dragging.set(None);
        let Some(dragged) = dragged else { return };
        if let Some(item) = dragged.strip_prefix("punt-").and_then(|id| id.parse().ok()).map(AgendaItemId) {
            let title = builder.view.with_untracked(|v| v.items.iter().find(|i| i.id == item).map(|i| i.title.clone())).unwrap_or_default();
            let last = builder.view.with_untracked(|v| v.items.len().saturating_sub(1));
            builder.order(item, index.unwrap_or(last), title);
        } else if AgendaSubject::from_key(&dragged).is_some() {
            let title = builder
                .view
                .with_untracked(|v| v.candidates.iter().find(|c| c.candidate.subject.key() == dragged).map(|c| c.candidate.title.clone()))
                .unwrap_or_default();
            builder.place(dragged, title);
        }
    };
    view! {
        <ol class="agenda-list" class:dropping=move || builder.dragging.get().is_some()
            on:dragover=move |ev: DragEvent| ev.prevent_default()
            on:drop=move |ev: DragEvent| drop(ev, None)
        >
            <For each=items key=|id| *id let(id)>
                <li on:dragover=move |ev: DragEvent| ev.prevent_default()
                    on:drop=move |ev: DragEvent| {
                        ev.stop_propagation();
                        let index = builder.view.with_untracked(|v| v.items.iter().position(|i| i.id == id));
                        drop(ev, index);
                    }
                >
                    <ItemRow id/>
                </li>
            </For>
        </ol>
        {move || items().is_empty().then(|| view! { <p class="agenda-empty">"De agenda is nog leeg. Sleep een kandidaat hierheen."</p> })}
    }
}

/// One agenda item: its details, saved on its own version.
#[component]
fn ItemRow(id: AgendaItemId) -> impl IntoView {
    let builder = expect_context::<Builder>();
    let item = Memo::new(move |_| builder.view.with(|v| v.items.iter().find(|i| i.id == id).cloned()));
    let position = Memo::new(move |_| builder.view.with(|v| v.items.iter().position(|i| i.id == id).unwrap_or(0)));
    let count = Memo::new(move |_| builder.view.with(|v| v.items.len()));
    let error = RwSignal::new(None::<String>);
    let saving = RwSignal::new(false);
    // What is typed: the draft if there is one, else what is saved.
    let field = move |pick: fn(&ItemForm) -> String| {
        move || {
            builder
                .drafts
                .with(|d| d.get(&id).map(|(_, form)| pick(form)))
                .unwrap_or_else(|| item.with(|i| i.as_ref().map(|i| pick(&saved(i))).unwrap_or_default()))
        }
    };
    let typed = move |set: fn(&mut ItemForm, String)| {
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            builder.drafts.update(|d| {
                let draft =
                    d.entry(id).or_insert_with(|| item.with_untracked(|i| i.as_ref().map(|i| (i.version, saved(i))).unwrap_or_default()));
                set(&mut draft.1, value);
            });
        }
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(current) = item.get_untracked() else { return };
        let (version, form) = builder.drafts.with_untracked(|d| d.get(&id).cloned()).unwrap_or_else(|| (current.version, saved(&current)));
        let tenant = builder.tenant.get_value();
        saving.set(true);
        spawn_local(async move {
            let result = edit_item(tenant, id.0, version, form.duration, Some(form.presenter), Some(form.question)).await;
            saving.set(false);
            match result {
                Ok(()) => {
                    builder.drafts.update(|d| {
                        d.remove(&id);
                    });
                    error.set(None);
                    builder.said.set(format!("‘{}’ is bewaard.", current.title));
                }
                Err(AppError::Stale) => {
                    let told = crate::domain::forum::ForumRefusal::Stale.message();
                    builder.said.set(told.clone());
                    error.set(Some(told));
                    // Told: the next save, knowingly, is based on what is saved now.
                    if let Ok(page) = load_meeting(builder.tenant.get_value(), builder.meeting()).await
                        && let Some(now) = page.agenda.items.iter().find(|i| i.id == id)
                    {
                        builder.drafts.update(|d| {
                            if let Some(draft) = d.get_mut(&id) {
                                draft.0 = now.version;
                            }
                        });
                    }
                }
                Err(other) => {
                    builder.said.set(other.message());
                    error.set(Some(other.message()));
                }
            }
            builder.reload();
        });
    };
    let ids = move |name: &str| format!("punt-{id}-{name}");
    let is_last = move || position.get() + 1 >= count.get();
    move || {
        item.get().map(|current| {
            let title = current.title.clone();
            let (up_title, down_title, remove_title) = (title.clone(), title.clone(), title.clone());
            let drag_key = format!("punt-{id}");
            view! {
                <article class="agenda-item" draggable="true" data-item=id.0
                    on:dragstart=move |ev: DragEvent| {
                        if let Some(data) = ev.data_transfer() {
                            let _ = data.set_data("text/plain", &drag_key);
                            data.set_effect_allowed("move");
                        }
                        builder.dragging.set(Some(drag_key.clone()));
                    }
                    on:dragend=move |_| builder.dragging.set(None)
                >
                    <h3 class="agenda-item-title">
                        {move || position.get() + 1} ". " <span class="tag">{current.subject.label()}</span> " " {title.clone()}
                    </h3>
                    {current.for_information.then(|| view! {
                        <p class="hint">{format!("Ter informatie: blijft in de fase ‘{}’.", current.phase.map(|p| p.label()).unwrap_or("knelpunt"))}</p>
                    })}
                    <form class="form agenda-item-form" on:submit=save>
                        <div class="field field-small">
                            <label for=ids("duur")>"Duur (minuten)"</label>
                            <input id=ids("duur") name="duration" type="number" min="1" max="480" required
                                prop:value=field(|f| f.duration.clone()) on:input=typed(|f, v| f.duration = v)/>
                        </div>
                        <div class="field">
                            <label for=ids("door")>"Voorgesteld door"</label>
                            <input id=ids("door") name="presenter" maxlength="200"
                                prop:value=field(|f| f.presenter.clone()) on:input=typed(|f, v| f.presenter = v)/>
                        </div>
                        <div class="field">
                            <label for=ids("vraag")>"Vraag aan de tafel"</label>
                            <textarea id=ids("vraag") name="question" rows="2" maxlength="1000"
                                prop:value=field(|f| f.question.clone()) on:input=typed(|f, v| f.question = v)></textarea>
                        </div>
                        {move || error.get().map(|e| view! { <p class="notice notice-error" role="alert">{e}</p> })}
                        {move || error.get().and(item.get()).map(|now| view! { <p class="hint">{what_is_saved(&now)}</p> })}
                        <div class="actions">
                            <button type="submit" class="button button-small" disabled=move || saving.get()>"Bewaren"</button>
                            <button type="button" class="button button-small button-quiet" disabled=move || position.get() == 0
                                aria-label=format!("‘{up_title}’ hoger zetten")
                                on:click=move |_| builder.order(id, position.get_untracked().saturating_sub(1), up_title.clone())>"Hoger"</button>
                            <button type="button" class="button button-small button-quiet" disabled=is_last
                                aria-label=format!("‘{down_title}’ lager zetten")
                                on:click=move |_| builder.order(id, position.get_untracked() + 1, down_title.clone())>"Lager"</button>
                            <button type="button" class="button button-small button-quiet"
                                aria-label=format!("‘{remove_title}’ van de agenda halen")
                                on:click=move |_| {
                                    let tenant = builder.tenant.get_value();
                                    let done = format!("‘{remove_title}’ is van de agenda gehaald.");
                                    builder.change(done, async move { remove_item(tenant, id.0).await });
                                }>"Van de agenda"</button>
                        </div>
                    </form>
                </article>
            }
        })
    }
}

/// "Nu bewaard: 15 minuten, vraag: …": what a refused edit overtook.
fn what_is_saved(item: &AgendaItem) -> String {
    let mut text = format!("Nu bewaard: {} minuten", item.duration_minutes);
    if !item.presenter.is_empty() {
        text.push_str(&format!(", voorgesteld door {}", item.presenter));
    }
    if !item.question.is_empty() {
        text.push_str(&format!(", vraag: {}", item.question));
    }
    text.push('.');
    text
}

/// An item's saved details as form values.
fn saved(item: &AgendaItem) -> ItemForm {
    ItemForm { duration: item.duration_minutes.to_string(), presenter: item.presenter.clone(), question: item.question.clone() }
}

/// Follow the meeting's stream: any change to it reloads the agenda.
fn connect(builder: Builder) {
    let seq = builder.view.with_untracked(|v| v.seq);
    let url = format!("/{}/overleg/{}/live?seq={seq}", builder.tenant.get_value(), builder.meeting());
    let Ok(source) = web_sys::EventSource::new(&url) else { return };
    listen(&source, "change", move |_| builder.reload());
    listen(&source, RESYNC, move |_| builder.reload());
    listen(&source, "open", move |_| builder.live.set(true));
    listen(&source, "error", move |_| builder.live.set(false));
}
