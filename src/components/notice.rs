use leptos::prelude::*;

use crate::error::AppError;

/// An error as a page shows it, with the way forward where there is one.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>()
        && let Ok(status) = http::StatusCode::from_u16(error.status())
    {
        response.set_status(status);
    }
    let login = matches!(error, AppError::NotLoggedIn).then(|| {
        let next = leptos_router::hooks::use_location().pathname.get_untracked();
        view! {
            <p>
                <a class="button" href=format!("/aanmelden?volgende={next}")>"Aanmelden"</a>
            </p>
        }
    });
    view! {
        <section class="notice notice-error" role="alert">
            <h1>{match error {
                AppError::NoAccess => "Geen toegang",
                AppError::NotLoggedIn => "Aanmelden nodig",
                AppError::NotFound => "Niet gevonden",
                _ => "Dat lukte niet",
            }}</h1>
            <p>{error.message()}</p>
            {login}
        </section>
    }
}
