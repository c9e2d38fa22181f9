//! `/{tenant}/beheer/mensen`: invite people, change what they may do, stop
//! their access, and answer organisations that ask for an invitation.

use leptos::prelude::*;
use leptos_meta::Title;

use super::AdminNav;
use crate::api::admin::people::{
    ChangeRoles, HandleRequest, InvitationLine, Invite, PeoplePage, ResendInvitation, RevokeInvitation, SetPersonActive, load_people,
};
use crate::components::dates::date;
use crate::components::loaded::loaded;
use crate::domain::{InvitationRequest, InvitationStatus, Member, PolicyDomain, Role};
use crate::pages::param;

#[component]
pub fn PeoplePage() -> impl IntoView {
    let tenant = param("tenant");
    let page = Resource::new(tenant, load_people);
    view! {
        <Title text="Mensen"/>
        <AdminNav/>
        {loaded(page, |page| view! { <People page/> })}
    }
}

#[component]
fn People(page: PeoplePage) -> impl IntoView {
    let slug = page.tenant.slug.clone();
    let domains = page.policy_domains.clone();
    let members = page
        .members
        .iter()
        .cloned()
        .map(|member| {
            let own = member.person == page.me;
            view! { <MemberRow member tenant=slug.clone() domains=domains.clone() own/> }
        })
        .collect_view();
    let invitations = page.invitations.iter().cloned().map(|line| view! { <InvitationRow line tenant=slug.clone()/> }).collect_view();
    let requests = page.requests.iter().cloned().map(|request| view! { <RequestRow request tenant=slug.clone()/> }).collect_view();
    view! {
        <h1>"Mensen in " {page.tenant.name.clone()}</h1>
        <InviteForm page=page.clone()/>
        <section aria-labelledby="vragen">
            <h2 id="vragen">"Vragen om een uitnodiging"</h2>
            {if page.requests.is_empty() {
                view! { <p>"Er zijn geen open vragen."</p> }.into_any()
            } else {
                view! { <ul class="plain-list">{requests}</ul> }.into_any()
            }}
        </section>
        <section aria-labelledby="uitnodigingen">
            <h2 id="uitnodigingen">"Uitnodigingen"</h2>
            {if page.invitations.is_empty() {
                view! { <p>"Nog geen uitnodigingen."</p> }.into_any()
            } else {
                view! {
                    <table class="table">
                        <thead><tr><th scope="col">"Wie"</th><th scope="col">"Als"</th><th scope="col">"Status"</th><th scope="col">"Verstuurd"</th><th scope="col"><span class="visually-hidden">"Acties"</span></th></tr></thead>
                        <tbody>{invitations}</tbody>
                    </table>
                }.into_any()
            }}
        </section>
        <section aria-labelledby="leden">
            <h2 id="leden">"Wie meewerkt"</h2>
            <ul class="plain-list people">{members}</ul>
        </section>
    }
}

#[component]
fn InviteForm(page: PeoplePage) -> impl IntoView {
    let invite = ServerAction::<Invite>::new();
    let roles = Role::TENANT_ROLES.map(|r| view! { <option value=r.code()>{r.label()}</option> }).into_iter().collect_view();
    let organisations = page.organisations.iter().map(|o| view! { <option value=o.id.0>{o.name.clone()}</option> }).collect_view();
    view! {
        <section aria-labelledby="uitnodigen">
            <h2 id="uitnodigen">"Iemand uitnodigen"</h2>
            <ActionForm action=invite attr:class="form">
                <input type="hidden" name="tenant" value=page.tenant.slug.clone()/>
                <div class="field">
                    <label for="invite-email">"E-mailadres"</label>
                    <input id="invite-email" name="email" type="email" autocomplete="off" required/>
                </div>
                <div class="field">
                    <label for="invite-name">"Naam"</label>
                    <input id="invite-name" name="name" autocomplete="off" required/>
                </div>
                <div class="field">
                    <label for="invite-role">"Rol"</label>
                    <select id="invite-role" name="role">{roles}</select>
                </div>
                <div class="field">
                    <label for="invite-organisation">"Organisatie"</label>
                    <select id="invite-organisation" name="organisation">
                        <option value="">"Geen (stad of gemeente zelf)"</option>
                        {organisations}
                    </select>
                </div>
                <DomainChoice
                    id="invite".into()
                    name="policy_domains"
                    legend="Beleidsdomeinen (voor signaalverwerkers en regisseurs)".into()
                    domains=page.policy_domains.clone()
                    chosen=vec![]
                />
                <button type="submit" class="button">"Uitnodigen"</button>
            </ActionForm>
        </section>
    }
}

/// Policy domains as checkboxes: what a signaalverwerker processes, or a regisseur steers.
/// `name` is the form field; `id` keeps the boxes' ids unique on the page.
#[component]
fn DomainChoice(
    id: String,
    name: &'static str,
    legend: String,
    domains: Vec<PolicyDomain>,
    chosen: Vec<crate::domain::PolicyDomainId>,
) -> impl IntoView {
    let boxes = domains
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            let box_id = format!("{id}-domein-{}", d.id.0);
            view! {
                <div class="check">
                    <input type="checkbox" id=box_id.clone() name=format!("{name}[{i}]") value=d.id.0 checked=chosen.contains(&d.id)/>
                    <label for=box_id>{d.name}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="choices">
            <legend>{legend}</legend>
            {boxes}
        </fieldset>
    }
}

#[component]
fn MemberRow(member: Member, tenant: String, domains: Vec<PolicyDomain>, own: bool) -> impl IntoView {
    let change = ServerAction::<ChangeRoles>::new();
    let activate = ServerAction::<SetPersonActive>::new();
    let id = member.person.0;
    let labels: Vec<&str> = member.roles.iter().map(|r| r.label()).collect();
    let held = |role: Role| member.domains.iter().filter(|d| d.role == role).map(|d| d.domain).collect::<Vec<_>>();
    let (processed, steered) = (held(Role::Signaalverwerker), held(Role::Regisseur));
    let boxes = Role::TENANT_ROLES
        .iter()
        .enumerate()
        .map(|(i, role)| {
            let box_id = format!("p{id}-{}", role.code());
            view! {
                <div class="check">
                    <input type="checkbox" id=box_id.clone() name=format!("roles[{i}]") value=role.code() checked=member.roles.contains(role)/>
                    <label for=box_id>{role.label()}</label>
                </div>
            }
        })
        .collect_view();
    let tenant_slug = tenant.clone();
    let switch = (!own).then(move || {
        view! {
            <ActionForm action=activate attr:class="inline-form">
                <input type="hidden" name="tenant" value=tenant_slug/>
                <input type="hidden" name="person" value=id/>
                <input type="hidden" name="active" value=(!member.active).to_string()/>
                <button type="submit" class="button button-small button-quiet">
                    {if member.active { "Toegang stoppen" } else { "Toegang teruggeven" }}
                </button>
            </ActionForm>
        }
    });
    view! {
        <li class="person" class:inactive=!member.active>
            <p>
                <strong>{member.name.clone()}</strong> " · " {member.email.clone()}
                {member.organisation.clone().map(|o| view! { " · " {o} })}
            </p>
            <p class="muted">
                {labels.join(", ")}
                {(!member.active).then_some(" · geen toegang meer")}
            </p>
            <details>
                <summary>"Rechten van " {member.name.clone()} " wijzigen"</summary>
                <ActionForm action=change attr:class="form">
                    <input type="hidden" name="tenant" value=tenant.clone()/>
                    <input type="hidden" name="person" value=id/>
                    <fieldset class="choices">
                        <legend>"Wat mag " {member.name.clone()} " doen?"</legend>
                        {boxes}
                    </fieldset>
                    <DomainChoice
                        id=format!("p{id}-verwerkt")
                        name="processor_domains"
                        legend=format!("Beleidsdomeinen die {} verwerkt als signaalverwerker", member.name)
                        domains=domains.clone()
                        chosen=processed
                    />
                    <DomainChoice
                        id=format!("p{id}-regie")
                        name="regisseur_domains"
                        legend=format!("Beleidsdomeinen waarvan {} regisseur is", member.name)
                        domains
                        chosen=steered
                    />
                    <button type="submit" class="button button-small">"Opslaan"</button>
                </ActionForm>
            </details>
            {switch}
        </li>
    }
}

#[component]
fn InvitationRow(line: InvitationLine, tenant: String) -> impl IntoView {
    let resend = ServerAction::<ResendInvitation>::new();
    let revoke = ServerAction::<RevokeInvitation>::new();
    let inv = line.invitation;
    let open = matches!(line.status, InvitationStatus::Pending | InvitationStatus::Expired);
    let again = tenant.clone();
    let actions = open.then(move || {
        view! {
            <ActionForm action=resend attr:class="inline-form">
                <input type="hidden" name="tenant" value=again/>
                <input type="hidden" name="id" value=inv.id/>
                <button type="submit" class="button button-small button-quiet">"Opnieuw versturen"</button>
            </ActionForm>
            <ActionForm action=revoke attr:class="inline-form">
                <input type="hidden" name="tenant" value=tenant/>
                <input type="hidden" name="id" value=inv.id/>
                <button type="submit" class="button button-small button-quiet">"Intrekken"</button>
            </ActionForm>
        }
    });
    view! {
        <tr>
            <td>{inv.name.clone()} <br/> <span class="muted">{inv.email.clone()}</span></td>
            <td>{inv.role.label()} {line.organisation.map(|o| format!(" · {o}"))}</td>
            <td>{line.status.label()}</td>
            <td>{date(inv.sent_at)}</td>
            <td>{actions}</td>
        </tr>
    }
}

#[component]
fn RequestRow(request: InvitationRequest, tenant: String) -> impl IntoView {
    let handle = ServerAction::<HandleRequest>::new();
    let accept_tenant = tenant.clone();
    view! {
        <li>
            <p>
                <strong>{request.name.clone()}</strong> " · " {request.email.clone()} " · " {request.organisation.clone()}
            </p>
            <p class="muted">"Gevraagd door " {request.requested_by.clone()} " op " {date(request.created_at)}</p>
            {(!request.note.is_empty()).then(|| view! { <p>{request.note.clone()}</p> })}
            <ActionForm action=handle attr:class="inline-form">
                <input type="hidden" name="tenant" value=accept_tenant/>
                <input type="hidden" name="id" value=request.id/>
                <input type="hidden" name="invite" value="on"/>
                <button type="submit" class="button button-small">"Uitnodiging sturen"</button>
            </ActionForm>
            <ActionForm action=handle attr:class="inline-form">
                <input type="hidden" name="tenant" value=tenant/>
                <input type="hidden" name="id" value=request.id/>
                <button type="submit" class="button button-small button-quiet">"Afwijzen"</button>
            </ActionForm>
        </li>
    }
}
