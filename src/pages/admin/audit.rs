//! `/{tenant}/beheer/auditlog`: every change, filterable by what, who and when.
//! The filter is a plain GET form, so a filtered view is a link one can share.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::AdminNav;
use crate::api::admin::tenant::load_audit_log;
use crate::components::dates::date_time;
use crate::components::loaded::loaded;
use crate::pages::param;

#[component]
pub fn AuditPage() -> impl IntoView {
    let tenant = param("tenant");
    let query = use_query_map();
    let get = move |key: &str| query.read().get(key).unwrap_or_default();
    let filter = move || (tenant(), get("actie"), get("persoon"), get("vanaf"), get("tot"));
    let page = Resource::new(filter, |(tenant, action, person, from, until)| {
        load_audit_log(tenant, Some(action), Some(person), Some(from), Some(until))
    });
    view! {
        <Title text="Auditlog"/>
        <AdminNav/>
        <h1>"Auditlog"</h1>
        <form method="get" class="form filter-form">
            <div class="field">
                <label for="actie">"Wat (bv. uitgenodigd)"</label>
                <input id="actie" name="actie" value=get("actie")/>
            </div>
            <div class="field">
                <label for="persoon">"Wie (naam of e-mail)"</label>
                <input id="persoon" name="persoon" value=get("persoon")/>
            </div>
            <div class="field">
                <label for="vanaf">"Vanaf (dd-mm-jjjj)"</label>
                <input id="vanaf" name="vanaf" value=get("vanaf") inputmode="numeric"/>
            </div>
            <div class="field">
                <label for="tot">"Tot en met (dd-mm-jjjj)"</label>
                <input id="tot" name="tot" value=get("tot") inputmode="numeric"/>
            </div>
            <button type="submit" class="button">"Filteren"</button>
        </form>
        {loaded(page, |page| {
            let count = page.entries.len();
            let rows = page
                .entries
                .into_iter()
                .map(|e| {
                    view! {
                        <tr>
                            <td>{date_time(e.at)}</td>
                            <td>{e.person.unwrap_or_else(|| "Seinhuis".into())}</td>
                            <td>{e.action}</td>
                            <td>{e.object_type} " " {e.object_id}</td>
                            <td>{e.detail}</td>
                            <td>{e.ip}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <p role="status">{count} " regels, nieuwste eerst."</p>
                <div class="table-wrap">
                    <table class="table">
                        <thead><tr>
                            <th scope="col">"Wanneer"</th><th scope="col">"Wie"</th><th scope="col">"Wat"</th>
                            <th scope="col">"Waarop"</th><th scope="col">"Details"</th><th scope="col">"IP-adres"</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
        })}
    }
}
