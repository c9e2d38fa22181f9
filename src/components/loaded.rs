use leptos::prelude::*;
use serde::{Serialize, de::DeserializeOwned};

use crate::components::notice::ErrorNotice;
use crate::error::AppError;

/// What a page shows while its data loads, and when loading fails: one
/// pattern for every page, so errors always look and sound the same.
pub fn loaded<T, V>(resource: Resource<Result<T, AppError>>, render: impl Fn(T) -> V + Copy + Send + Sync + 'static) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {move || Suspend::new(async move {
                match resource.await {
                    Ok(data) => render(data).into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
