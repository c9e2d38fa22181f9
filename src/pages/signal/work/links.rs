//! Signals linked to this one: listed in the board's panel, made and
//! removed on the signal's page.

use leptos::prelude::*;

#[cfg(not(feature = "ssr"))]
use crate::api::workbench::ReturnedText;
#[cfg(not(feature = "ssr"))]
use crate::components::heading::Heading;
use crate::components::phase::PhaseBadge;
#[cfg(not(feature = "ssr"))]
use crate::domain::workbench::WorkView;

/// A linked signal: its number, title and phase.
fn linked_item(tenant: &str, l: &crate::domain::workbench::LinkedSignal) -> impl IntoView + use<> {
    view! { <a href=format!("/{tenant}/signalen/{}", l.id)>"#" {l.id.0} " " {l.title.clone()}</a> " " <PhaseBadge phase=l.phase/> }
}

/// In the board's panel (drawn in the browser) the links are listed; they
/// are made and removed on the signal's page, which keeps the board's bundle
/// smaller.
#[cfg(not(feature = "ssr"))]
#[component]
pub(super) fn Links(tenant: String, signal: i64, work: WorkView, returned: Option<ReturnedText>, level: u8) -> impl IntoView {
    let _ = returned;
    let (kop, heading) = (format!("koppelen-{signal}-kop"), format!("koppelen-{signal}-kop"));
    let list = work.links.iter().map(|l| view! { <li>{linked_item(&tenant, l)}</li> }).collect_view();
    view! {
        <section aria-labelledby=kop class="work-part">
            <Heading level id=heading>"Gekoppelde signalen"</Heading>
            <ul class="plain-list">{list}</ul>
            {work.may_work.then(|| view! { <p class="hint">"Koppelen kan op de pagina van het signaal (‘Open als pagina’)."</p> })}
        </section>
    }
    .into_any()
}

#[cfg(feature = "ssr")]
pub(super) use page::Links;

#[cfg(feature = "ssr")]
mod page {
    use leptos::prelude::*;

    use super::super::{Refusal, answered, sending, typed};
    use super::linked_item;
    use crate::api::workbench::{Link, ReturnedText};
    use crate::components::heading::Heading;
    use crate::domain::workbench::WorkView;

    /// Signals about the same problem, and linking one more by its number.
    #[component]
    pub fn Links(tenant: String, signal: i64, work: WorkView, returned: Option<ReturnedText>, level: u8) -> impl IntoView {
        let action = ServerAction::<Link>::new();
        let error = answered(action);
        let field = format!("koppelen-{signal}");
        let [kop, fout] = ["kop", "fout"].map(|part| format!("{field}-{part}"));
        let described = fout.clone();
        let kept = typed(&returned, "koppelen", signal);
        let may_work = work.may_work;
        let list = work
            .links
            .into_iter()
            .map(|l| {
                let tenant = tenant.clone();
                let unlink = may_work.then(|| {
                    let to = tenant.clone();
                    let (url, send) = sending(action, move |v| Link {
                        tenant: to.clone(),
                        signal,
                        other: v("other").unwrap_or_default(),
                        remove: v("remove"),
                    });
                    view! {
                        <form method="post" action=url class="inline-form" on:submit=send>
                            <input type="hidden" name="tenant" value=tenant.clone()/>
                            <input type="hidden" name="signal" value=signal/>
                            <input type="hidden" name="other" value=l.id.0/>
                            <input type="hidden" name="remove" value="on"/>
                            <button type="submit" class="button button-small button-quiet">
                                "Ontkoppelen" <span class="visually-hidden">" van #" {l.id.0}</span>
                            </button>
                        </form>
                    }
                });
                view! {
                    <li>
                        {linked_item(&tenant, &l)}
                        {unlink}
                    </li>
                }
            })
            .collect_view();
        let form = may_work.then(move || {
            let to = tenant.clone();
            let (url, send) =
                sending(action, move |v| Link { tenant: to.clone(), signal, other: v("other").unwrap_or_default(), remove: v("remove") });
            view! {
                <form method="post" action=url class="inline-form" on:submit=send>
                    <input type="hidden" name="tenant" value=tenant/>
                    <input type="hidden" name="signal" value=signal/>
                    <label for=field.clone()>"Koppel aan signaal nummer"</label>
                    <input
                        id=field.clone()
                        name="other"
                        inputmode="numeric"
                        size="6"
                        value=kept.unwrap_or_default()
                        aria-describedby=described
                    />
                    <button type="submit" class="button button-small">"Koppelen"</button>
                </form>
                <Refusal error id=fout.clone()/>
            }
        });
        view! {
            <section aria-labelledby=kop.clone() class="work-part">
                <Heading level id=kop.clone()>"Gekoppelde signalen"</Heading>
                <ul class="plain-list">{list}</ul>
                {form}
            </section>
        }
    }
}
