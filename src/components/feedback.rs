use leptos::prelude::*;

use crate::api::feedback::take_feedback;

/// The outcome of the form just sent, at the top of the page it returned to.
#[component]
pub fn FormFeedback() -> impl IntoView {
    let feedback = Resource::new(|| (), |_| take_feedback());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                feedback.await.ok().flatten().map(|f| {
                    let class = if f.ok { "notice notice-ok" } else { "notice notice-error" };
                    view! { <p class=class role=if f.ok { "status" } else { "alert" }>{f.message}</p> }
                })
            })}
        </Suspense>
    }
}
