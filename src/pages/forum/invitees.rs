//! Who is invited to a meeting, and inviting more: a member, an
//! organisation, or an outside expert or speaker by name and role.

use leptos::prelude::*;

use crate::api::forum::{Invite, Uninvite};
use crate::domain::forum::view::AgendaView;

#[component]
pub fn Invitees(tenant: String, agenda: AgendaView) -> impl IntoView {
    let invite = ServerAction::<Invite>::new();
    let uninvite = ServerAction::<Uninvite>::new();
    let meeting = agenda.meeting.id.0;
    let open = agenda.meeting.status.is_open() && agenda.may_prepare;
    let rows = agenda
        .invitees
        .clone()
        .into_iter()
        .map(|i| {
            let tenant = tenant.clone();
            let what = match (i.person, i.organisation) {
                (Some(_), _) => "lid".to_string(),
                (_, Some(_)) => "organisatie".to_string(),
                _ => i.role.clone(),
            };
            let label = format!("Uitnodiging van {} intrekken", i.name);
            let invitee = i.id.0;
            let remove = open.then(move || {
                view! {
                    <ActionForm action=uninvite attr:class="form-inline">
                        <input type="hidden" name="tenant" value=tenant.clone()/>
                        <input type="hidden" name="meeting" value=meeting/>
                        <input type="hidden" name="invitee" value=invitee/>
                        <button type="submit" class="button button-small button-quiet" aria-label=label>"Intrekken"</button>
                    </ActionForm>
                }
            });
            view! {
                <li>
                    {i.name.clone()} " (" {what} ")"
                    {(!i.reachable).then_some(" · geen e-mailadres: nodig zelf uit")}
                    {remove}
                </li>
            }
        })
        .collect_view();
    let people = agenda.people.clone();
    let tenant_invite = tenant.clone();
    let organisations = agenda.organisations.clone();
    view! {
        <section aria-labelledby="genodigden">
            <h2 id="genodigden">"Genodigden"</h2>
            {agenda.invitees.is_empty().then(|| view! { <p>"Nog niemand uitgenodigd."</p> })}
            <ul>{rows}</ul>
            {open.then(move || view! {
                <details class="panel">
                    <summary>"Iemand uitnodigen"</summary>
                    <p class="hint">"Wie een e-mailadres heeft, krijgt een uitnodiging met een agendabestand (.ics); bij een wijziging van datum of plaats een update, bij annulering een afzegging."</p>
                    <ActionForm action=invite attr:class="form">
                        <input type="hidden" name="tenant" value=tenant_invite.clone()/>
                        <input type="hidden" name="meeting" value=meeting/>
                        <div class="field">
                            <label for="uitnodigen-persoon">"Een lid"</label>
                            <select id="uitnodigen-persoon" name="person">
                                <option value="">"— niemand —"</option>
                                {people.into_iter().map(|(id, name)| view! { <option value=id.0>{name}</option> }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="uitnodigen-organisatie">"Of een organisatie"</label>
                            <select id="uitnodigen-organisatie" name="organisation">
                                <option value="">"— geen —"</option>
                                {organisations.into_iter().map(|(id, name)| view! { <option value=id.0>{name}</option> }).collect_view()}
                            </select>
                        </div>
                        <fieldset>
                            <legend>"Of een externe expert of spreker"</legend>
                            <div class="field"><label for="gast-naam">"Naam"</label><input id="gast-naam" name="name" maxlength="120"/></div>
                            <div class="field"><label for="gast-rol">"Rol"</label><input id="gast-rol" name="role" maxlength="120"/></div>
                            <div class="field"><label for="gast-mail">"E-mailadres (niet verplicht)"</label><input id="gast-mail" name="email" type="email"/></div>
                        </fieldset>
                        <button type="submit" class="button">"Uitnodigen"</button>
                    </ActionForm>
                </details>
            })}
        </section>
    }
}
