//! The start page: choose a municipality.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::tenants::public_tenants;
use crate::components::notice::ErrorNotice;

#[component]
pub fn HomePage() -> impl IntoView {
    let tenants = Resource::new(|| (), |_| public_tenants());
    view! {
        <Title text="Welkom"/>
        <section class="intro">
            <h1>"Seinhuis"</h1>
            <p class="lead">
                "Signalen uit het werkveld, samen opgevolgd tot in het beleid: van melding tot terugkoppeling."
            </p>
        </section>
        <section aria-labelledby="kies">
            <h2 id="kies">"Kies je gemeente of zone"</h2>
            <Suspense fallback=|| view! { <p>"Laden…"</p> }>
                {move || Suspend::new(async move {
                    match tenants.await {
                        Ok(list) => view! {
                            <ul class="tenant-list">
                                {list.into_iter().map(|t| view! {
                                    <li><a href=format!("/{}", t.slug)>{t.name}</a></li>
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
