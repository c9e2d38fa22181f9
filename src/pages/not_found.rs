use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::notice::ErrorNotice;
use crate::error::AppError;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Title text="Niet gevonden"/>
        <ErrorNotice error=AppError::NotFound/>
        <p><a href="/">"Naar de startpagina"</a></p>
    }
}
