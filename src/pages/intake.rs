//! Reporting a signal.

use leptos::prelude::*;
use leptos_meta::Title;

use super::param;
use crate::api::intake::{IntakeForm, SubmitSignal, load_intake};
use crate::components::notice::ErrorNotice;

#[component]
pub fn IntakePage() -> impl IntoView {
    let tenant = param("tenant");
    let form = Resource::new(tenant, load_intake);
    view! {
        <Title text="Signaal melden"/>
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {move || Suspend::new(async move {
                match form.await {
                    Ok(form) => view! { <SignalForm form/> }.into_any(),
                    Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn SignalForm(form: IntakeForm) -> impl IntoView {
    let action = ServerAction::<SubmitSignal>::new();
    let result = move || match action.value().get() {
        Some(Ok(id)) => Some(view! {
            <p class="notice" role="status">{format!("Bedankt. Je signaal (nummer {id}) is ingediend.")}</p>
        }.into_any()),
        Some(Err(e)) => Some(view! { <p class="field-error" role="alert">{e.message()}</p> }.into_any()),
        None => None,
    };
    view! {
        <section class="narrow-wide">
            <h1>"Signaal melden bij " {form.tenant.name.clone()}</h1>
            {form.organisation.clone().map(|o| view! { <p class="lead">"Je meldt namens " {o} "."</p> })}
            <ActionForm action=action attr:class="form">
                <input type="hidden" name="tenant" value=form.tenant.slug.clone()/>
                <div class="field">
                    <label for="titel">"Korte titel"</label>
                    <input id="titel" name="title" maxlength="120" required/>
                </div>
                <div class="field">
                    <label for="wat">"Wat zie je?"</label>
                    <textarea id="wat" name="description" rows="6" maxlength="5000" required></textarea>
                </div>
                <div class="field">
                    <label for="domein">"Beleidsdomein"</label>
                    <select id="domein" name="policy_domain">
                        <option value="">"Weet ik niet"</option>
                        {form.policy_domains.iter().map(|d| view! { <option value=d.id.0>{d.name.clone()}</option> }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="button">"Signaal versturen"</button>
            </ActionForm>
            {result}
        </section>
    }
}
