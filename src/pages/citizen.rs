//! Citizens after the form (`pages::intake::citizen`): the confirmation by
//! e-mail, and following a report with a private link. Plain server-rendered
//! pages: nothing to download, works everywhere.

use leptos::prelude::*;
use leptos_meta::Title;

use super::param;
use crate::api::citizen::{ConfirmCitizenReport, follow_citizen_report};
use crate::components::history::HistoryLine;
use crate::components::loaded::loaded;
use crate::components::phase::PhaseBadge;

/// After sending: look in your mailbox.
#[component]
pub fn AlmostDonePage() -> impl IntoView {
    view! {
        <Title text="Bijna klaar"/>
        <section class="narrow-wide">
            <h1>"Bijna klaar: kijk in je mailbox"</h1>
            <p class="lead">"We stuurden je een mail met een link. Pas als je op die link klikt, komt je melding bij de signaalverwerkers."</p>
            <p>"Geen mail gekregen? Kijk bij je ongewenste mail. De link blijft werken tot je ze gebruikt."</p>
        </section>
    }
}

/// The link from the mail: one button confirms (mail scanners that open links do not).
#[component]
pub fn ConfirmPage() -> impl IntoView {
    let token = param("token");
    let confirm = ServerAction::<ConfirmCitizenReport>::new();
    view! {
        <Title text="Melding bevestigen"/>
        <section class="narrow-wide">
            <h1>"Je melding bevestigen"</h1>
            <p>"Klik op de knop om je melding door te sturen naar de signaalverwerkers."</p>
            <ActionForm action=confirm>
                <input type="hidden" name="token" value=token/>
                <button type="submit" class="button">"Ja, bevestig mijn melding"</button>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn ConfirmedPage() -> impl IntoView {
    view! {
        <Title text="Melding bevestigd"/>
        <section class="narrow-wide">
            <h1>"Je melding is bevestigd"</h1>
            <p class="lead">"Een signaalverwerker bekijkt ze, meestal binnen twee weken. Je krijgt een mail bij elke stap."</p>
            <p>"Met de tweede link uit je mail volg je je melding op. Bewaar die mail."</p>
        </section>
    }
}

/// A citizen follows their report with the private link from the mail.
#[component]
pub fn CitizenFollowPage() -> impl IntoView {
    let token = param("token");
    let page = Resource::new(token, follow_citizen_report);
    view! {
        <Title text="Je melding opvolgen"/>
        {loaded(page, |page| {
            let body = match page.signal {
                None => view! {
                    <p class="lead">"Je melding wacht nog op je bevestiging: klik op de eerste link in je mail."</p>
                }.into_any(),
                Some((signal, timeline)) => view! {
                    <h2>{signal.title.clone()}</h2>
                    <p><PhaseBadge phase=signal.phase/> " · nummer " {signal.id.0}</p>
                    <ol class="history">{timeline.into_iter().map(|entry| view! { <HistoryLine entry/> }).collect_view()}</ol>
                }.into_any(),
            };
            view! {
                <h1>"Je melding bij " {page.tenant.clone()}</h1>
                {body}
            }
        })}
    }
}
