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
    let result = move || match action.value().get() {
        Some(Ok(())) => Some(view! {
            <p class="notice" role="status">
                "Als dit adres bij ons bekend is, krijg je zo een mail met een link om een nieuw wachtwoord te kiezen. \
                 Die link werkt twee uur."
            </p>
        }.into_any()),
        Some(Err(e)) => Some(view! { <p class="field-error" role="alert">{e.message()}</p> }.into_any()),
        None => None,
    };
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
        {result}
    }
}

#[component]
fn NewPassword(token: String) -> impl IntoView {
    let action = ServerAction::<SetPassword>::new();
    let error = move || action.value().get().and_then(|r| r.err()).map(|e| e.message());
    view! {
        <h1>"Kies een nieuw wachtwoord"</h1>
        <ActionForm action=action attr:class="form">
            <input type="hidden" name="token" value=token/>
            <div class="field">
                <label for="wachtwoord">"Nieuw wachtwoord"</label>
                <input id="wachtwoord" name="password" type="password" autocomplete="new-password" required
                    aria-describedby="wachtwoord-uitleg wachtwoord-fout"/>
                <p id="wachtwoord-uitleg" class="hint">{format!("Minstens {MIN_PASSWORD_CHARS} tekens.")}</p>
            </div>
            <div class="field">
                <label for="herhaal">"Herhaal het wachtwoord"</label>
                <input id="herhaal" name="repeat" type="password" autocomplete="new-password" required aria-describedby="wachtwoord-fout"/>
            </div>
            <p id="wachtwoord-fout" class="field-error" role="alert">{error}</p>
            <button type="submit" class="button">"Wachtwoord opslaan"</button>
        </ActionForm>
        <p><a href="/wachtwoord-vergeten">"Een nieuwe link aanvragen"</a></p>
    }
}
