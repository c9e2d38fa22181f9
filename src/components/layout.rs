//! The header on every page: where you are, who you are, and the way out.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::api::session::{LogOut, who_am_i};

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
