//! Accepting an invitation: choose a password (or, with an account, confirm).

use leptos::prelude::*;
use leptos_meta::Title;

use super::param;
use crate::api::invitation::{AcceptInvitation, InvitationPage as Invitation, load_invitation};
use crate::components::notice::ErrorNotice;
use crate::domain::{MIN_PASSWORD_CHARS, check_new_password};

#[component]
pub fn InvitationPage() -> impl IntoView {
    let token = param("token");
    let invitation = Resource::new(token, load_invitation);
    view! {
        <Title text="Uitnodiging"/>
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {move || Suspend::new(async move {
                match invitation.await {
                    Ok(invitation) => view! { <AcceptForm invitation token=token()/> }.into_any(),
                    Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// An island: the password rules are checked as you type, and errors come
/// back without a page load.
#[island]
fn AcceptForm(invitation: Invitation, token: String) -> impl IntoView {
    let action = ServerAction::<AcceptInvitation>::new();
    let slug = invitation.tenant_slug.clone();
    Effect::new(move || {
        if let Some(Ok(())) = action.value().get() {
            let _ = window().location().set_href(&format!("/{slug}"));
        }
    });
    let server_error = move || action.value().get().and_then(|r| r.err()).map(|e| e.message());
    let (password, set_password) = signal(String::new());
    let (repeat, set_repeat) = signal(String::new());
    let email = invitation.email.clone();
    // Checked as you type with the same rule the server applies.
    let hint = move || {
        let (p, r) = (password.get(), repeat.get());
        if p.is_empty() {
            return None;
        }
        check_new_password(&p, if r.is_empty() { &p } else { &r }, &email).err()
    };
    let intro = format!(
        "Je bent uitgenodigd om mee te werken in Seinhuis voor {}, als {}.",
        invitation.tenant_name,
        invitation.role.label().to_lowercase()
    );
    let needs_login = invitation.has_account && !invitation.logged_in_as_invitee;
    let fields = if invitation.has_account {
        None
    } else {
        Some(view! {
            <div class="field">
                <label for="naam">"Je naam"</label>
                <input id="naam" name="name" autocomplete="name" value=invitation.name.clone() required/>
            </div>
            <div class="field">
                <label for="wachtwoord">"Kies een wachtwoord"</label>
                <input id="wachtwoord" name="password" type="password" autocomplete="new-password" required
                    aria-describedby="wachtwoord-uitleg wachtwoord-fout"
                    on:input=move |ev| set_password.set(event_target_value(&ev))/>
                <p id="wachtwoord-uitleg" class="hint">{format!("Minstens {MIN_PASSWORD_CHARS} tekens. Een zin van een paar woorden werkt goed.")}</p>
            </div>
            <div class="field">
                <label for="herhaal">"Herhaal het wachtwoord"</label>
                <input id="herhaal" name="repeat" type="password" autocomplete="new-password" required
                    aria-describedby="wachtwoord-fout"
                    on:input=move |ev| set_repeat.set(event_target_value(&ev))/>
            </div>
        })
    };
    view! {
        <section class="narrow">
            <h1>"Welkom bij Seinhuis"</h1>
            <p class="lead">{intro}</p>
            <p>"Je e-mailadres: " <strong>{invitation.email.clone()}</strong></p>
            {if needs_login {
                view! {
                    <p class="notice">
                        "Je hebt al een account met dit adres. "
                        <a href=format!("/aanmelden?volgende=/uitnodiging/{token}")>"Meld je eerst aan"</a>
                        ", dan kan je de uitnodiging aanvaarden."
                    </p>
                }.into_any()
            } else {
                view! {
                    <ActionForm action=action attr:class="form">
                        <input type="hidden" name="token" value=token.clone()/>
                        {fields}
                        <p id="wachtwoord-fout" class="field-error" role="alert">{move || server_error().or_else(&hint)}</p>
                        <button type="submit" class="button">"Uitnodiging aanvaarden"</button>
                    </ActionForm>
                }.into_any()
            }}
        </section>
    }
}
