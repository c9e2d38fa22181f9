//! `/{tenant}/beheer/uitgaande-mail`: what Seinhuis mailed, or still has to.
//! Without SMTP settings, this is where invitations can be read and passed on.

use leptos::prelude::*;
use leptos_meta::Title;

use super::AdminNav;
use crate::api::admin::tenant::load_outbox;
use crate::components::dates::date_time;
use crate::components::loaded::loaded;
use crate::pages::param;

#[component]
pub fn OutboxPage() -> impl IntoView {
    let tenant = param("tenant");
    let page = Resource::new(tenant, load_outbox);
    view! {
        <Title text="Uitgaande mail"/>
        <AdminNav/>
        {loaded(page, |page| {
            let explanation = if page.smtp_configured {
                "Seinhuis verstuurt deze mails via de mailserver. Een mail die niet weg raakte, toont de fout."
            } else {
                "Er is geen mailserver ingesteld: de mails blijven hier. Geef een uitnodiging of link zelf door."
            };
            let mails = page
                .mails
                .into_iter()
                .map(|mail| {
                    let state = match (&mail.sent_at, &mail.last_error) {
                        (Some(at), _) => format!("Verstuurd op {}", date_time(*at)),
                        (None, Some(error)) => format!("Nog niet verstuurd: {error}"),
                        (None, None) => "Nog niet verstuurd".to_string(),
                    };
                    view! {
                        <article class="mail">
                            <h2>{mail.subject.clone()}</h2>
                            <p class="muted">"Aan " {mail.to.clone()} " · " {date_time(mail.created_at)} " · " {state}</p>
                            <pre>{mail.body.clone()}</pre>
                        </article>
                    }
                })
                .collect_view();
            view! {
                <h1>"Uitgaande mail van " {page.tenant.name.clone()}</h1>
                <p>{explanation}</p>
                {mails}
            }
        })}
    }
}
