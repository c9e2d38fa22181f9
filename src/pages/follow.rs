//! `/{tenant}/mijn-signalen`: what became of the signals I sent.

use leptos::prelude::*;
use leptos_meta::Title;

use super::param;
use crate::api::follow::{AddInformation, MySignals, SetNotifications, WithdrawSignal, load_my_signals};
use crate::components::dates::date;
use crate::components::history::HistoryLine;
use crate::components::loaded::loaded;
use crate::components::phase::PhaseBadge;
use crate::domain::FollowedSignal;

#[component]
pub fn MySignalsPage() -> impl IntoView {
    let tenant = param("tenant");
    let page = Resource::new(tenant, load_my_signals);
    view! {
        <Title text="Mijn signalen"/>
        {loaded(page, |page| view! { <MySignalsView page/> })}
    }
}

#[component]
fn MySignalsView(page: MySignals) -> impl IntoView {
    let slug = page.tenant.slug.clone();
    let count = page.signals.len();
    let signals = page.signals.into_iter().map(|followed| view! { <FollowedCard followed tenant=slug.clone()/> }).collect_view();
    view! {
        <h1>"Mijn signalen bij " {page.tenant.name.clone()}</h1>
        <p class="lead">
            {if count == 0 { "Je meldde hier nog geen signalen.".to_string() } else { format!("Je meldde {count} signalen. Het nieuwste staat bovenaan.") }}
        </p>
        <p><a href=format!("/{slug}/signaleren")>"Een nieuw signaal melden"</a></p>
        <MailChoice tenant=slug.clone() notify=page.notify/>
        <ol class="plain-list">{signals}</ol>
    }
}

/// Mail me at every phase change: on by default, one click to switch off.
#[component]
fn MailChoice(tenant: String, notify: bool) -> impl IntoView {
    let save = ServerAction::<SetNotifications>::new();
    view! {
        <ActionForm action=save attr:class="form mail-choice">
            <input type="hidden" name="tenant" value=tenant/>
            <div class="check">
                <input type="checkbox" id="notify" name="notify" checked=notify/>
                <label for="notify">"Mail me als een van mijn signalen een stap verder gaat"</label>
            </div>
            <div><button type="submit" class="button button-small button-quiet">"Keuze bewaren"</button></div>
        </ActionForm>
    }
}

#[component]
fn FollowedCard(followed: FollowedSignal, tenant: String) -> impl IntoView {
    let s = followed.signal;
    let id = s.id.0;
    let add = ServerAction::<AddInformation>::new();
    let withdraw = ServerAction::<WithdrawSignal>::new();
    let add_tenant = tenant.clone();
    let heading = format!("signaal-{id}");
    let timeline = followed.timeline.into_iter().map(|entry| view! { <HistoryLine entry/> }).collect_view();
    let add_form = followed.may_add_information.then(move || {
        let field = format!("aanvulling-{id}");
        view! {
            <details>
                <summary>"Informatie toevoegen"</summary>
                <ActionForm action=add attr:class="form">
                    <input type="hidden" name="tenant" value=add_tenant/>
                    <input type="hidden" name="signal" value=id/>
                    <div class="field">
                        <label for=field.clone()>"Wat wil je toevoegen?"</label>
                        <p class="hint" id=format!("{field}-uitleg")>"Zonder namen of andere gegevens van cliënten. Hoogstens 2000 tekens."</p>
                        <textarea id=field.clone() name="text" rows="4" maxlength="2000" aria-describedby=format!("{field}-uitleg")></textarea>
                    </div>
                    <div><button type="submit" class="button button-small">"Toevoegen"</button></div>
                </ActionForm>
            </details>
        }
    });
    let withdraw_form = followed.may_withdraw.then(move || {
        view! {
            <ActionForm action=withdraw attr:class="inline-form">
                <input type="hidden" name="tenant" value=tenant/>
                <input type="hidden" name="signal" value=id/>
                <button type="submit" class="button button-small button-quiet">"Signaal intrekken"</button>
            </ActionForm>
        }
    });
    view! {
        <li class="followed" data-signal=id>
            <article aria-labelledby=heading.clone()>
                <h2 id=heading.clone()>{s.title.clone()}</h2>
                <p class="card-meta">
                    <PhaseBadge phase=s.phase/> " · nummer " {id} " · gemeld op " {date(s.created_at)}
                </p>
                <details>
                    <summary>"Wat er met dit signaal gebeurde"</summary>
                    <ol class="history">{timeline}</ol>
                </details>
                {add_form}
                {withdraw_form}
            </article>
        </li>
    }
}
