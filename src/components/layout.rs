//! The header on every page: where you are, who you are, and the way out.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::api::session::{LogOut, MyTenant, who_am_i};
use crate::domain::access::menu;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let location = use_location();
    // Re-asked on every navigation, so logging in or out shows at once.
    let me = Resource::new(move || location.pathname.get(), |_| who_am_i());
    let log_out = ServerAction::<LogOut>::new();
    view! {
        <header class="site-header">
            <a class="brand" href="/">"Seinhuis"</a>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match me.await {
                        Ok(Some(me)) => {
                            let tenants = me.tenants.clone();
                            let path = location.pathname.get_untracked();
                            let here = path.trim_start_matches('/').split('/').next().unwrap_or_default().to_string();
                            let menu = tenants.iter().find(|t| t.slug == here).map(|t| view! { <TenantMenu tenant=t.clone() path=path.clone()/> });
                            view! {
                                <nav aria-label="Gemeenten">
                                    <ul class="nav-list">
                                        {tenants
                                            .into_iter()
                                            .map(|t| {
                                                view! {
                                                    <li>
                                                        <a href=format!("/{}", t.slug)>{t.name}</a>
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                </nav>
                                {menu}
                                <div class="who">
                                    <span class="who-name">{me.name}</span>
                                    <ActionForm action=log_out attr:class="inline-form">
                                        <button type="submit" class="link-button">"Afmelden"</button>
                                    </ActionForm>
                                </div>
                            }
                                .into_any()
                        }
                        _ => view! { <a class="who" href="/aanmelden">"Aanmelden"</a> }.into_any(),
                    }
                })}
            </Transition>
        </header>
    }
}

/// What the person's roles open in the tenant they are in (the route table
/// decides), with the page they are on marked.
#[component]
fn TenantMenu(tenant: MyTenant, path: String) -> impl IntoView {
    let entries = menu(&tenant.roles)
        .into_iter()
        .map(|(page, label)| {
            let href = format!("/{}/{page}", tenant.slug);
            let current = path == href || path.starts_with(&format!("{href}/"));
            view! {
                <li>
                    <a href=href aria-current=current.then_some("page")>{label}</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav aria-label=format!("Menu {}", tenant.name) class="tenant-menu">
            <ul class="nav-list">{entries}</ul>
        </nav>
    }
}
