//! The page shell and the routes: one route per thing people do.

use leptos::prelude::*;
use leptos_meta::{MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

use crate::components::feedback::FormFeedback;
use crate::components::layout::SiteHeader;
use crate::pages::admin::{
    AdminHomePage, audit::AuditPage, organisations::OrganisationsPage, outbox::OutboxPage, people::PeoplePage, public::PublicAdminPage,
    settings::SettingsPage,
};
use crate::pages::citizen::{AlmostDonePage, CitizenFollowPage, ConfirmPage, ConfirmedPage};
use crate::pages::follow::MySignalsPage;
use crate::pages::forum::{DossierPageView, MeetingPageView, MeetingsListPage};
use crate::pages::policy::{BottlenecksPageView, CampaignsPageView};
use crate::pages::reports::{
    ApprovalPageView, PublicPageView, PublicPublicationPage, PublicationPageView, PublicationsPageView, ReportsPageView,
};
use crate::pages::{
    board::BoardPage,
    bundles::{BundlePageView, BundlesListPage},
    home::HomePage,
    intake::{IntakePage, SentPage},
    invitation::InvitationPage,
    login::LoginPage,
    not_found::NotFound,
    password::ForgotPasswordPage,
    platform::PlatformTenantsPage,
    signal::SignalPage,
    tenant::TenantPage,
};

pub fn shell(options: LeptosOptions) -> impl IntoView {
    // Every page carries a Content-Security-Policy with this request's nonce.
    #[cfg(feature = "ssr")]
    if let (Some(nonce), Some(response)) = (leptos::nonce::use_nonce(), use_context::<leptos_axum::ResponseOptions>())
        && let Ok(policy) = http::HeaderValue::from_str(&crate::server::security::page_policy(&nonce.to_string()))
    {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, policy);
    }
    view! {
        <!DOCTYPE html>
        <html lang="nl-BE">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <HydrationScripts options=bundle_for_this_page(options.clone()) islands=true/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The intake forms load the small intake bundle; every other page the
/// workspace bundle (`scripts/site.sh` builds both).
fn bundle_for_this_page(mut options: LeptosOptions) -> LeptosOptions {
    let path = use_context::<http::request::Parts>().map(|parts| parts.uri.path().to_string()).unwrap_or_default();
    if crate::pages::intake::uses_intake_bundle(&path) {
        options.output_name = "intake".into();
    }
    options
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Stylesheet id="seinhuis" href="/pkg/seinhuis.css"/>
        <Title formatter=|title| format!("{title} · Seinhuis")/>
        <Router>
            <a class="skip-link" href="#inhoud">"Naar de inhoud"</a>
            <SiteHeader/>
            <main id="inhoud" tabindex="-1">
                <FormFeedback/>
                // Async: pages arrive whole, so they work without JavaScript
                // and error pages get their HTTP status.
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                    <Route path=path!("/aanmelden") view=LoginPage ssr=SsrMode::Async/>
                    <Route path=path!("/wachtwoord-vergeten") view=ForgotPasswordPage ssr=SsrMode::Async/>
                    <Route path=path!("/uitnodiging/:token") view=InvitationPage ssr=SsrMode::Async/>
                    <Route path=path!("/:tenant") view=TenantPage ssr=SsrMode::Async/>
                    <Route path=path!("/:tenant/signaleren") view=IntakePage ssr=SsrMode::Async/>
                    <Route path=path!("/:tenant/signaleren/verstuurd/:id") view=SentPage ssr=SsrMode::Async/>
                    <Route path=path!("/:tenant/signaleren/bijna-klaar") view=AlmostDonePage ssr=SsrMode::Async/>
                    <Route path=path!("/:tenant/signaleren/bevestigen/:token") view=ConfirmPage ssr=SsrMode::Async/>
                    <Route path=path!("/:tenant/signaleren/bevestigd") view=ConfirmedPage ssr=SsrMode::Async/>
                    <Route path=path!("/:tenant/volgen/:token") view=CitizenFollowPage ssr=SsrMode::Async/>
                    <Route path=path!("/:tenant/mijn-signalen") view=MySignalsPage ssr=SsrMode::Async/>
                    <Route path=path!("/:tenant/bord") view=BoardPage ssr=SsrMode::Async/>
                    <Route path=path!("/:tenant/signalen/:id") view=SignalPage ssr=SsrMode::Async/>
                    <Route path=path!("/:tenant/bundels") view=BundlesListPage ssr=SsrMode::Async/>
                    <Route path=path!("/:tenant/bundels/:id") view=BundlePageView ssr=SsrMode::Async/>
                    <Route path=path!("/:tenant/knelpunten") view=BottlenecksPageView ssr=SsrMode::Async/>
                    <Route path=path!("/:tenant/overleg") view=MeetingsListPage ssr=SsrMode::Async/>
                    <Route path=path!("/:tenant/overleg/:id") view=MeetingPageView ssr=SsrMode::Async/>
                    <Route path=path!("/:tenant/overleg/:id/dossier") view=DossierPageView ssr=SsrMode::Async/>
                    <Route path=path!("/:tenant/campagnes") view=CampaignsPageView ssr=SsrMode::Async/>
                    <Route path=path!("/:tenant/rapporten") view=ReportsPageView ssr=SsrMode::Async/>
                    <Route path=path!("/:tenant/signalenbundels") view=PublicationsPageView ssr=SsrMode::Async/>
                    <Route path=path!("/:tenant/signalenbundels/:id") view=PublicationPageView ssr=SsrMode::Async/>
                    <Route path=path!("/:tenant/signalenbundels/akkoord/:token") view=ApprovalPageView ssr=SsrMode::Async/>
                    <Route path=path!("/:tenant/publiek") view=PublicPageView ssr=SsrMode::Async/>
                    <Route path=path!("/:tenant/publiek/signalenbundels/:id") view=PublicPublicationPage ssr=SsrMode::Async/>
                    <Route path=path!("/:tenant/beheer/publiek") view=PublicAdminPage ssr=SsrMode::Async/>
                    <Route path=path!("/:tenant/beheer") view=AdminHomePage ssr=SsrMode::Async/>
                    <Route path=path!("/:tenant/beheer/mensen") view=PeoplePage ssr=SsrMode::Async/>
                    <Route path=path!("/:tenant/beheer/organisaties") view=OrganisationsPage ssr=SsrMode::Async/>
                    <Route path=path!("/:tenant/beheer/instellingen") view=SettingsPage ssr=SsrMode::Async/>
                    <Route path=path!("/:tenant/beheer/auditlog") view=AuditPage ssr=SsrMode::Async/>
                    <Route path=path!("/:tenant/beheer/uitgaande-mail") view=OutboxPage ssr=SsrMode::Async/>
                    <Route path=path!("/beheer/gemeenten") view=PlatformTenantsPage ssr=SsrMode::Async/>
                </Routes>
            </main>
        </Router>
    }
}
