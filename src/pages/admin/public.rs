//! `/{tenant}/beheer/publiek`: what the public page shows. The
//! hoofdsignaalverwerker writes the tenant's own text, and a public summary
//! for each campaign, decision or signal to show (empty: not public). The
//! raw signal text never goes public.

use leptos::prelude::*;
use leptos_meta::Title;

use super::AdminNav;
use crate::api::reports::{PublicEditorPage, SavePublicSummary, SavePublicText, load_public_editor};
use crate::components::loaded::loaded;
use crate::domain::reports::publication::{PublicEntry, SUMMARY_MAX};
use crate::pages::param;

#[component]
pub fn PublicAdminPage() -> impl IntoView {
    let tenant = param("tenant");
    let page = Resource::new(tenant, load_public_editor);
    view! {
        <Title text="Publieke pagina"/>
        <AdminNav/>
        {loaded(page, |page| view! { <Editor page/> })}
    }
}

#[component]
fn Editor(page: PublicEditorPage) -> impl IntoView {
    let PublicEditorPage { tenant, page } = page;
    let save_text = ServerAction::<SavePublicText>::new();
    let slug = tenant.slug.clone();
    view! {
        <h1>"Publieke pagina"</h1>
        <p class="lead">"Iedereen ziet deze pagina, zonder account: " <a href=format!("/{}/publiek", tenant.slug)>"bekijk ze"</a> ". Schrijf nooit namen of andere persoonsgegevens."</p>
        <section class="panel" aria-labelledby="eigen-tekst">
            <h2 id="eigen-tekst">"Wat we met signalen doen"</h2>
            <ActionForm action=save_text attr:class="form">
                <input type="hidden" name="tenant" value=tenant.slug.clone()/>
                <div class="field">
                    <label for="publieke-tekst">"Jullie tekst (een lege regel begint een nieuwe alinea)"</label>
                    <textarea id="publieke-tekst" name="text" rows="6" maxlength="10000">{page.text.clone()}</textarea>
                </div>
                <button type="submit" class="button">"Tekst bewaren"</button>
            </ActionForm>
        </section>
        <Summaries tenant=slug.clone() kind="campagne" title="Campagnes" entries=page.campaigns/>
        <Summaries tenant=slug.clone() kind="beslissing" title="Beslissingen van overleggen" entries=page.decisions/>
        <Summaries tenant=slug kind="signaal" title="Signalen vanaf Geagendeerd" entries=page.signals/>
    }
}

#[component]
fn Summaries(tenant: String, kind: &'static str, title: &'static str, entries: Vec<PublicEntry>) -> impl IntoView {
    let rows = entries
        .into_iter()
        .map(|e| {
            let save = ServerAction::<SavePublicSummary>::new();
            let tenant = tenant.clone();
            let id = format!("{kind}-{}", e.id);
            let public = !e.summary.is_empty();
            view! {
                <li class:public=public>
                    <ActionForm action=save attr:class="form">
                        <input type="hidden" name="tenant" value=tenant.clone()/>
                        <input type="hidden" name="kind" value=kind/>
                        <input type="hidden" name="id" value=e.id/>
                        <div class="field">
                            <label for=id.clone()>{e.title.clone()} <span class="muted">{format!(" ({}{})", e.context, if public { ", openbaar" } else { "" })}</span></label>
                            <textarea id=id name="summary" rows="3" maxlength=SUMMARY_MAX.to_string()>{e.summary.clone()}</textarea>
                        </div>
                        <button type="submit" class="button secondary">"Samenvatting bewaren"</button>
                    </ActionForm>
                </li>
            }
        })
        .collect_view();
    let heading = format!("publiek-{kind}");
    view! {
        <section class="panel" aria-labelledby=heading.clone()>
            <h2 id=heading.clone()>{title}</h2>
            <p class="hint">"Een publieke samenvatting zet het op de publieke pagina; maak ze leeg om het weer weg te halen."</p>
            <ul class="plain">{rows}</ul>
        </section>
    }
}
