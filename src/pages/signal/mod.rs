//! `/{tenant}/signalen/{id}`: one signal, whole. The same view opens as the
//! board's panel (`pages::board::panel`), so it compiles for the workspace
//! bundle too; the page itself renders on the server and works without
//! JavaScript.

mod view;
mod work;

pub use view::SignalView;
pub use work::Reload;

#[cfg(feature = "ssr")]
pub use page::SignalPage;

#[cfg(feature = "ssr")]
mod page {
    use leptos::prelude::*;
    use leptos_meta::Title;

    use super::SignalView;
    use crate::api::signal::load_signal;
    use crate::components::loaded::loaded;
    use crate::error::AppError;
    use crate::pages::param;

    #[component]
    pub fn SignalPage() -> impl IntoView {
        let tenant = param("tenant");
        let id = param("id");
        let page = Resource::new(
            move || (tenant(), id()),
            |(tenant, id)| async move {
                let id = id.parse::<i64>().map_err(|_| AppError::NotFound)?;
                load_signal(tenant, id).await
            },
        );
        loaded(page, |page| {
            view! {
                <Title text=page.signal.summary.title.clone()/>
                <p class="breadcrumb">
                    <a href=format!("/{}/bord", page.tenant.slug)>"Bord " {page.tenant.name.clone()}</a>
                </p>
                <SignalView page/>
            }
        })
    }
}
