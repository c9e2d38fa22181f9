//! The board's filters: a plain GET form, so the filtered board is an
//! address that can be bookmarked and shared, and it works without JavaScript.

use leptos::prelude::*;

use crate::domain::board_filter::{AGES, BoardFilter};
use crate::domain::vocabulary::{LIFE_DOMAINS, TARGET_GROUPS};
use crate::domain::{ORGANISATION_KINDS, Source};

#[component]
pub fn BoardFilters(tenant: String, filter: BoardFilter, domains: Vec<(String, String)>) -> impl IntoView {
    let owned = |terms: &[(&str, &str)]| terms.iter().map(|(c, l)| (c.to_string(), l.to_string())).collect::<Vec<_>>();
    let source = match filter.source {
        Some(Source::Citizen) => "burger",
        Some(Source::Worker) => "werker",
        None => "",
    };
    let sources = vec![("werker".to_string(), "Een medewerker".to_string()), ("burger".to_string(), "Een burger".to_string())];
    let ages = AGES.iter().map(|d| (d.to_string(), format!("Ouder dan {d} dagen"))).collect::<Vec<_>>();
    let age = filter.older_than.map(|d| d.to_string()).unwrap_or_default();
    let clear = (!filter.is_empty()).then(|| {
        view! { <a class="button button-quiet" href=format!("/{tenant}/bord")>"Filters wissen"</a> }
    });
    view! {
        <form method="get" action=format!("/{tenant}/bord") class="form filter-form board-filters" role="search" aria-label="Kaarten filteren">
            <div class="field">
                <label for="filter-zoek">"Zoeken"</label>
                <input id="filter-zoek" name="zoek" type="search" value=filter.text.clone() maxlength="200"/>
            </div>
            <Pick id="filter-domein" name="domein" label="Beleidsdomein" options=domains chosen=filter.policy_domain.clone()/>
            <Pick id="filter-levensdomein" name="levensdomein" label="Levensdomein" options=owned(LIFE_DOMAINS) chosen=filter.life_domain.clone()/>
            <Pick id="filter-doelgroep" name="doelgroep" label="Doelgroep" options=owned(TARGET_GROUPS) chosen=filter.target_group.clone()/>
            <Pick id="filter-sector" name="sector" label="Soort organisatie" options=owned(ORGANISATION_KINDS) chosen=filter.sector.clone()/>
            <Pick id="filter-bron" name="bron" label="Gemeld door" options=sources chosen=source.to_string()/>
            <Pick id="filter-ouder" name="ouder-dan" label="Leeftijd" options=ages chosen=age/>
            <div class="check filter-check">
                <input type="checkbox" id="filter-mijn" name="toegewezen" value="mij" checked=filter.mine/>
                <label for="filter-mijn">"Mijn kaarten"</label>
            </div>
            <div class="filter-buttons">
                <button type="submit" class="button">"Filteren"</button>
                {clear}
            </div>
        </form>
    }
}

/// One filter's choice, "Alle" first.
#[component]
fn Pick(id: &'static str, name: &'static str, label: &'static str, options: Vec<(String, String)>, chosen: String) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id name=name>
                <option value="">"Alle"</option>
                {options
                    .into_iter()
                    .map(|(code, text)| {
                        let selected = code == chosen;
                        view! { <option value=code selected=selected>{text}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
