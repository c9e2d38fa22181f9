//! Campaigns and action plans: what partners committed to, their action
//! lines with a lead (shown with their organisation), due date, status and
//! progress, rolled up per campaign; closing a campaign with its outcome.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::policy::{AddLine, CampaignsPage, CloseCampaign, SetActor, UpdateLine, load_campaigns};
use crate::components::loaded::loaded;
use crate::domain::forum::campaign::{ActionLine, Campaign, CampaignStatus, LineStatus};
use crate::domain::{OrganisationId, Outcome, PersonId};
use crate::pages::param;

#[component]
pub fn CampaignsPageView() -> impl IntoView {
    let tenant = param("tenant");
    let page = Resource::new(tenant, load_campaigns);
    view! {
        <Title text="Campagnes"/>
        {loaded(page, |page| view! { <CampaignsView page/> })}
    }
}

#[component]
fn CampaignsView(page: CampaignsPage) -> impl IntoView {
    let CampaignsPage { tenant, page } = page;
    let slug = tenant.slug.clone();
    let mine = page
        .mine
        .iter()
        .map(|(campaign, title, line)| view! { <li><a href=format!("#campagne-{campaign}")>{title.clone()}</a> ": " {line.title.clone()} " · " {line_state(line)}</li> })
        .collect_view();
    let campaigns = page
        .campaigns
        .into_iter()
        .map(|c| view! { <CampaignView tenant=slug.clone() campaign=c manage=page.may_manage people=page.people.clone() organisations=page.organisations.clone()/> })
        .collect_view();
    view! {
        <h1>"Campagnes en actieplannen " {tenant.name.clone()}</h1>
        <p class="lead">"Wat partners samen opnemen na een overleg: probleemstelling, analyse, de organisaties die meedoen en actielijnen met een trekker."</p>
        {(!page.mine.is_empty()).then(|| view! {
            <section class="panel" aria-labelledby="mijn-acties"><h2 id="mijn-acties">"Mijn acties"</h2><ul>{mine}</ul></section>
        })}
        {campaigns}
    }
}

fn line_state(line: &ActionLine) -> String {
    let due = line.due_on.map(|d| format!(" · tegen {}", d.format("%d-%m-%Y"))).unwrap_or_default();
    format!("{} · {}%{due}", line.status.label(), line.progress)
}

#[component]
fn CampaignView(
    tenant: String,
    campaign: Campaign,
    manage: bool,
    people: Vec<(PersonId, String)>,
    organisations: Vec<(OrganisationId, String)>,
) -> impl IntoView {
    let c = campaign;
    let id = c.id.0;
    let running = c.status == CampaignStatus::Lopend;
    let progress = c.progress();
    let today = chrono::Utc::now().date_naive();
    let lines = c
        .lines
        .iter()
        .map(|l| {
            let lead = match (&l.lead_name, &l.lead_organisation) {
                (Some(name), Some(org)) => format!("{name} ({org})"),
                (Some(name), None) => name.clone(),
                _ => "geen trekker".to_string(),
            };
            let overdue = l.overdue(today);
            let edit = (manage && running).then(|| view! { <LineEdit tenant=tenant.clone() line=l.clone()/> });
            view! {
                <tr class:overdue=overdue data-line=l.id.0>
                    <td>{l.title.clone()}</td>
                    <td>{lead}</td>
                    <td>{l.due_on.map(|d| d.format("%d-%m-%Y").to_string()).unwrap_or_else(|| "—".into())} {overdue.then_some(" (over tijd)")}</td>
                    <td>{l.status.label()}</td>
                    <td><progress max="100" value=l.progress aria-label=format!("Voortgang {}", l.title)></progress> {format!(" {}%", l.progress)}</td>
                    <td>{edit}</td>
                </tr>
            }
        })
        .collect_view();
    let actors = c
        .actors
        .iter()
        .map(|a| view! { <li>{a.organisation.clone()} {(!a.engagement.is_empty()).then(|| format!(": {}", a.engagement))}</li> })
        .collect_view();
    view! {
        <section class="campaign panel" id=format!("campagne-{id}") aria-labelledby=format!("campagne-{id}-titel")>
            <h2 id=format!("campagne-{id}-titel")>{c.title.clone()}</h2>
            <p class="card-meta"><span class="tag">{c.status.label()}</span>
                {c.outcome.map(|o| format!(" · afloop: {}", o.label().to_lowercase()))}
                {format!(" · {} signalen · voortgang {progress}%", c.signals)}</p>
            <progress max="100" value=progress aria-label=format!("Voortgang van de campagne {}", c.title)></progress>
            {(!c.subjects.is_empty()).then(|| view! { <p>"Draagt: " {c.subjects.join(", ")}</p> })}
            {(!c.problem.is_empty()).then(|| view! { <h3>"Probleemstelling"</h3><p class="pre-line">{c.problem.clone()}</p> })}
            {(!c.analysis.is_empty()).then(|| view! { <details><summary>"Analyse"</summary><p class="pre-line">{c.analysis.clone()}</p></details> })}
            <h3>"Actoren"</h3>
            {c.actors.is_empty().then(|| view! { <p>"Nog geen organisaties."</p> })}
            <ul>{actors}</ul>
            <h3>"Actielijnen"</h3>
            <table class="lines">
                <thead><tr><th scope="col">"Actielijn"</th><th scope="col">"Trekker"</th><th scope="col">"Tegen"</th><th scope="col">"Status"</th><th scope="col">"Voortgang"</th><th scope="col"><span class="visually-hidden">"Bijwerken"</span></th></tr></thead>
                <tbody>{lines}</tbody>
            </table>
            {(manage && running).then(|| view! {
                <AddLineForm tenant=tenant.clone() campaign=id people/>
                <ActorForm tenant=tenant.clone() campaign=id organisations/>
                <CloseForm tenant=tenant.clone() campaign=id version=c.version/>
            })}
        </section>
    }
}

#[component]
fn LineEdit(tenant: String, line: ActionLine) -> impl IntoView {
    let update = ServerAction::<UpdateLine>::new();
    let id = line.id.0;
    view! {
        <details>
            <summary>"Bijwerken" <span class="visually-hidden">{format!(": {}", line.title)}</span></summary>
            <ActionForm action=update attr:class="form">
                <input type="hidden" name="tenant" value=tenant/>
                <input type="hidden" name="line" value=id/>
                <input type="hidden" name="version" value=line.version/>
                <input type="hidden" name="title" value=line.title.clone()/>
                <input type="hidden" name="lead" value=line.lead.map(|p| p.0.to_string()).unwrap_or_default()/>
                <input type="hidden" name="weight" value=line.weight/>
                <div class="field"><label for=format!("lijn-{id}-tegen")>"Tegen"</label>
                    <input id=format!("lijn-{id}-tegen") name="due_on" type="date" value=line.due_on.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()/></div>
                <div class="field"><label for=format!("lijn-{id}-status")>"Status"</label>
                    <select id=format!("lijn-{id}-status") name="status">
                        {LineStatus::ALL.into_iter().map(|s| view! { <option value=s.code() selected=s == line.status>{s.label()}</option> }).collect_view()}
                    </select></div>
                <div class="field"><label for=format!("lijn-{id}-voortgang")>"Voortgang (%)"</label>
                    <input id=format!("lijn-{id}-voortgang") name="progress" type="number" min="0" max="100" value=line.progress/></div>
                <button type="submit" class="button button-small">"Bewaren"</button>
            </ActionForm>
        </details>
    }
}

#[component]
fn AddLineForm(tenant: String, campaign: i64, people: Vec<(PersonId, String)>) -> impl IntoView {
    let add = ServerAction::<AddLine>::new();
    let id = move |name: &str| format!("campagne-{campaign}-{name}");
    view! {
        <details>
            <summary>"Actielijn toevoegen"</summary>
            <ActionForm action=add attr:class="form">
                <input type="hidden" name="tenant" value=tenant/>
                <input type="hidden" name="campaign" value=campaign/>
                <div class="field"><label for=id("lijn")>"Actielijn"</label><input id=id("lijn") name="title" required maxlength="200"/></div>
                <div class="field"><label for=id("trekker")>"Trekker"</label>
                    <select id=id("trekker") name="lead" required>
                        <option value="">"— kies —"</option>
                        {people.into_iter().map(|(p, name)| view! { <option value=p.0>{name}</option> }).collect_view()}
                    </select></div>
                <div class="field"><label for=id("tegen")>"Tegen"</label><input id=id("tegen") name="due_on" type="date"/></div>
                <div class="field"><label for=id("gewicht")>"Gewicht (1 tot 10)"</label><input id=id("gewicht") name="weight" type="number" min="1" max="10" value="1"/></div>
                <div class="choice"><input type="checkbox" id=id("geen-persoonsgegevens") name="confirmed" value="ja"/>
                    <label for=id("geen-persoonsgegevens")>"Geen persoonsgegevens: wat de controle aanduidt, gaat niet over een persoon"</label></div>
                <button type="submit" class="button button-small">"Toevoegen"</button>
            </ActionForm>
        </details>
    }
}

#[component]
fn ActorForm(tenant: String, campaign: i64, organisations: Vec<(OrganisationId, String)>) -> impl IntoView {
    let set = ServerAction::<SetActor>::new();
    let id = move |name: &str| format!("campagne-{campaign}-{name}");
    view! {
        <details>
            <summary>"Organisatie laten deelnemen"</summary>
            <ActionForm action=set attr:class="form">
                <input type="hidden" name="tenant" value=tenant/>
                <input type="hidden" name="campaign" value=campaign/>
                <div class="field"><label for=id("organisatie")>"Organisatie"</label>
                    <select id=id("organisatie") name="organisation">
                        {organisations.into_iter().map(|(o, name)| view! { <option value=o.0>{name}</option> }).collect_view()}
                    </select></div>
                <div class="field"><label for=id("engagement")>"Engagement"</label><textarea id=id("engagement") name="engagement" rows="2"></textarea></div>
                <button type="submit" class="button button-small">"Bewaren"</button>
            </ActionForm>
        </details>
    }
}

#[component]
fn CloseForm(tenant: String, campaign: i64, version: i64) -> impl IntoView {
    let close = ServerAction::<CloseCampaign>::new();
    let id = move |name: &str| format!("campagne-{campaign}-{name}");
    view! {
        <details>
            <summary>"Campagne afronden"</summary>
            <ActionForm action=close attr:class="form">
                <input type="hidden" name="tenant" value=tenant/>
                <input type="hidden" name="campaign" value=campaign/>
                <input type="hidden" name="version" value=version/>
                <div class="field"><label for=id("afloop")>"Afloop"</label>
                    <select id=id("afloop") name="outcome" required>
                        <option value="">"— kies —"</option>
                        {Outcome::ALL.into_iter().map(|o| view! { <option value=o.code()>{o.label()}</option> }).collect_view()}
                    </select></div>
                <div class="field"><label for=id("bericht")>"Bericht aan de signaalgevers"</label>
                    <textarea id=id("bericht") name="message" rows="3" required></textarea></div>
                <p class="hint">"Elke signaalgever leest dit in Mijn signalen en krijgt het per mail."</p>
                <button type="submit" class="button button-small">"Afronden"</button>
            </ActionForm>
        </details>
    }
}
