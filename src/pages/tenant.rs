//! The public page of a tenant.

use leptos::prelude::*;
use leptos_meta::Title;

use super::param;
use crate::api::tenants::public_tenant;
use crate::components::notice::ErrorNotice;

#[component]
pub fn TenantPage() -> impl IntoView {
    let slug = param("tenant");
    let tenant = Resource::new(slug, public_tenant);
    view! {
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {move || Suspend::new(async move {
                match tenant.await {
                    Ok(t) => view! {
                        <Title text=t.name.clone()/>
                        <h1>{t.name.clone()}</h1>
                        <p class="lead">"Signalen over structurele problemen in het welzijns- en gezondheidswerk."</p>
                        <ul class="action-list">
                            <li><a href=format!("/{}/bord", t.slug)>"Naar het bord (signaalverwerkers)"</a></li>
                        </ul>
                    }.into_any(),
                    Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
