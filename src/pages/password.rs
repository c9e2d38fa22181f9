//! Forgot your password: ask for a link, then choose a new password with it.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::session::{RequestPasswordReset, SetPassword};
use crate::domain::MIN_PASSWORD_CHARS;

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let query = use_query_map();
    let token = move || query.read().get("sleutel").filter(|t| !t.is_empty());
    view! {
        <Title text="Wachtwoord vergeten"/>
        <section class="narrow">
            {move || match token() {
                Some(token) => view! { <NewPassword token/> }.into_any(),
                None => view! { <AskForLink/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn AskForLink() -> impl IntoView {
    let action = ServerAction::<RequestPasswordReset>::new();
    view! {
        <h1>"Wachtwoord vergeten"</h1>
        <p>"Vul je e-mailadres in. We sturen je een link om een nieuw wachtwoord te kiezen."</p>
        <ActionForm action=action attr:class="form">
            <div class="field">
                <label for="email">"E-mailadres"</label>
                <input id="email" name="email" type="email" autocomplete="username" required/>
            </div>
            <button type="submit" class="button">"Stuur de link"</button>
        </ActionForm>
    }
}

#[component]
fn NewPassword(token: String) -> impl IntoView {
    let action = ServerAction::<SetPassword>::new();
    view! {
        <h1>"Kies een nieuw wachtwoord"</h1>
        <ActionForm action=action attr:class="form">
            <input type="hidden" name="token" value=token/>
            <div class="field">
                <label for="wachtwoord">"Nieuw wachtwoord"</label>
                <input id="wachtwoord" name="password" type="password" autocomplete="new-password" required
                    aria-describedby="wachtwoord-uitleg"/>
                <p id="wachtwoord-uitleg" class="hint">{format!("Minstens {MIN_PASSWORD_CHARS} tekens.")}</p>
            </div>
            <div class="field">
                <label for="herhaal">"Herhaal het wachtwoord"</label>
                <input id="herhaal" name="repeat" type="password" autocomplete="new-password" required/>
            </div>
            <button type="submit" class="button">"Wachtwoord opslaan"</button>
        </ActionForm>
        <p><a href="/wachtwoord-vergeten">"Een nieuwe link aanvragen"</a></p>
    }
}
