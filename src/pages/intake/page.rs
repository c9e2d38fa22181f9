//! The intake page: the workers' form, or the citizens' form for anyone
//! who may not use it where the tenant takes citizens' reports.

use leptos::prelude::*;
use leptos_meta::Title;

use super::CitizenIntake;
use super::form;
use crate::api::citizen::load_citizen_form;
use crate::api::intake::load_intake;
use crate::components::notice::ErrorNotice;
use crate::error::AppError;
use crate::pages::param;

#[component]
pub fn IntakePage() -> impl IntoView {
    let tenant = param("tenant");
    // Anyone who may not use the workers' form here (a visitor, or someone
    // who reports elsewhere) gets the citizens' form, where the tenant has one.
    let form = Resource::new(tenant, |tenant| async move {
        match load_intake(tenant.clone()).await {
            Err(refused @ (AppError::NotLoggedIn | AppError::NoAccess)) => match load_citizen_form(tenant).await {
                Ok(citizen) => Ok(Err(citizen)),
                Err(_) => Err(refused),
            },
            other => other.map(Ok),
        }
    });
    view! {
        <Title text="Signaal melden"/>
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {move || Suspend::new(async move {
                match form.await {
                    Ok(Err(citizen)) => view! { <CitizenIntake form=citizen/> }.into_any(),
                    Ok(Ok(form)) => view! {
                        <section class="intake">
                            <h1>"Een signaal melden bij " {form.tenant.name.clone()}</h1>
                            <WhatIsASignal/>
                            <form::IntakeForm form/>
                        </section>
                    }
                    .into_any(),
                    Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The short explanation before the form, in words a worker uses.
#[component]
fn WhatIsASignal() -> impl IntoView {
    view! {
        <details class="explainer">
            <summary>"Wat is een signaal, en wat niet?"</summary>
            <p>
                "Een signaal is een probleem dat je steeds opnieuw tegenkomt bij de mensen met wie je werkt: "
                "het gaat verder dan één persoon, het komt terug, en er zit iets structureels achter "
                "(een regel, een wachtlijst, een drempel)."
            </p>
            <p>
                "Geen signaal: een klacht over één dienst of medewerker (die bespreek je met die dienst), "
                "of een probleem van één persoon dat je zelf kan oplossen."
            </p>
            <p>"Schrijf nooit namen, adressen, telefoonnummers of andere gegevens van cliënten in je signaal."</p>
        </details>
    }
}
