//! Logging in with e-mail and password.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::session::{LogIn, safe_next};

#[component]
pub fn LoginPage() -> impl IntoView {
    let query = use_query_map();
    let next = move || safe_next(query.read().get("volgende").as_deref());
    let logged_out = move || query.read().get("afgemeld").is_some();
    let action = ServerAction::<LogIn>::new();
    view! {
            <Title text="Aanmelden"/>
            <section class="narrow">
                <h1>"Aanmelden"</h1>
                <Show when=logged_out>
                    <p class="notice" role="status">"Je bent afgemeld."</p>
                </Show>
                <ActionForm action=action attr:class="form" attr:novalidate="">
                    <input type="hidden" name="next" value=next/>
                    <div class="field">
                        <label for="email">"E-mailadres"</label>
                        <input id="email" name="email" type="email" autocomplete="username" required
    />
                    </div>
                    <div class="field">
                        <label for="password">"Wachtwoord"</label>
                        <input id="password" name="password" type="password" autocomplete="current-password" required/>
                    </div>
                    <button type="submit" class="button">"Aanmelden"</button>
                </ActionForm>
                <p><a href="/wachtwoord-vergeten">"Wachtwoord vergeten?"</a></p>
            </section>
        }
}
