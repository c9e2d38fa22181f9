//! `/{tenant}/beheer/uitgaande-mail`: what Seinhuis mailed, or still has to.
//! Personal links (invitations, citizens' confirmation and follow links) are
//! never shown: the database holds only a placeholder for their token, shown
//! here as `…`. Without SMTP, the operator prints a link with `seinhuis link`.

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
                "Er is geen mailserver ingesteld: de mails blijven hier. Persoonlijke links zijn verborgen (…); \
                 wie de server beheert, kan een uitnodigingslink opvragen met het commando seinhuis link."
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
                            <pre>{mask_links(&mail.body)}</pre>
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

/// A mail body as this page shows it: each link placeholder (`{link:KIND:ID}`)
/// becomes `…`.
pub fn mask_links(body: &str) -> String {
    let mut shown = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(start) = rest.find("{link:") {
        shown.push_str(&rest[..start]);
        match rest[start..].find('}') {
            Some(end) => {
                shown.push('…');
                rest = &rest[start + end + 1..];
            }
            None => {
                shown.push('…');
                rest = "";
            }
        }
    }
    shown.push_str(rest);
    shown
}

#[cfg(test)]
mod tests {
    #[test]
    fn link_placeholders_are_masked() {
        let body = "Kies je wachtwoord:\nhttp://h/uitnodiging/{link:invitation:12}\nen {link:follow:3} tot {kapot";
        assert_eq!(super::mask_links(body), "Kies je wachtwoord:\nhttp://h/uitnodiging/…\nen … tot {kapot");
    }
}
