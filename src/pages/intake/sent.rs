//! After sending: what happens next, and when the person hears back.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::pages::param;

#[component]
pub fn SentPage() -> impl IntoView {
    let tenant = param("tenant");
    let id = param("id");
    view! {
        <Title text="Signaal verstuurd"/>
        <section class="narrow-wide" id="signaal-verstuurd">
            <h1>"Bedankt, je signaal is verstuurd"</h1>
            <p class="lead">{move || format!("Je signaal heeft nummer {}. Het staat nu als ‘Ingediend’ op het bord.", id())}</p>
            <h2>"Wat gebeurt er nu?"</h2>
            <ol class="steps">
                <li>"Een signaalverwerker bekijkt je signaal, meestal binnen twee weken."</li>
                <li>"Die beslist of het een signaal is dat verder gaat, en bundelt het met gelijkaardige signalen van andere organisaties."</li>
                <li>"Je krijgt een mail bij elke stap, en je volgt alles op bij Mijn signalen."</li>
            </ol>
            <p>"Zolang niemand je signaal bekeek, kan je er nog informatie aan toevoegen of het intrekken."</p>
            <ul class="action-list">
                <li><a href=move || format!("/{}/mijn-signalen", tenant())>"Naar Mijn signalen"</a></li>
                <li><a href=move || format!("/{}/signaleren", tenant())>"Nog een signaal melden"</a></li>
            </ul>
        </section>
    }
}
