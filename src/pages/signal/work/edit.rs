//! "Gegevens aanpassen": a signal's title and classification, on its page.

use leptos::prelude::*;

use crate::api::workbench::ReturnedText;
use crate::domain::workbench::WorkView;

/// The edit form, on the signal's own page only: drawn on the server, so
/// the board's panel (drawn in the browser) does not carry its code; the
/// panel links to the page.
#[cfg(feature = "ssr")]
pub(super) fn edit_form(tenant: String, signal: i64, version: i64, work: WorkView, returned: Option<ReturnedText>) -> impl IntoView {
    view! { <page::EditForm tenant signal version work returned/> }
}

#[cfg(not(feature = "ssr"))]
pub(super) fn edit_form(_: String, _: i64, _: i64, _: WorkView, _: Option<ReturnedText>) -> impl IntoView {
    view! { <p class="hint">"Titel of indeling aanpassen kan op de pagina van het signaal (‘Open als pagina’)."</p> }
}

#[cfg(feature = "ssr")]
mod page {
    use leptos::prelude::*;

    use super::super::{PrivacyConfirm, Refusal, answered, typed};
    use crate::api::workbench::{Edit, ReturnedText};
    use crate::domain::intake::MAX_TITLE_CHARS;
    use crate::domain::vocabulary::{LIFE_DOMAINS, TARGET_GROUPS};
    use crate::domain::workbench::WorkView;

    /// "Gegevens aanpassen": a clearer title, another policy domain, target
    /// groups and life domains. The reporter's own texts are not edited here.
    #[component]
    pub fn EditForm(tenant: String, signal: i64, version: i64, work: WorkView, returned: Option<ReturnedText>) -> impl IntoView {
        let action = ServerAction::<Edit>::new();
        let error = answered(action);
        let field = format!("aanpassen-{signal}");
        let fout = format!("{field}-fout");
        let kept = typed(&returned, "aanpassen", signal);
        let refused = kept.is_some();
        let current = work.edit;
        let domains = work
            .domains
            .into_iter()
            .map(|(id, name)| view! { <option value=id.0 selected=current.policy_domain == Some(id)>{name}</option> })
            .collect_view();
        let boxes = |name: &'static str, terms: &'static [(&'static str, &'static str)], chosen: &[String]| {
            terms
                .iter()
                .enumerate()
                .map(|(i, (code, label))| {
                    let id = format!("{name}-{signal}-{code}");
                    let checked = chosen.iter().any(|c| c == code);
                    view! {
                        <div class="check">
                            <input type="checkbox" id=id.clone() name=format!("{name}[{i}]") value=*code checked=checked/>
                            <label for=id>{*label}</label>
                        </div>
                    }
                })
                .collect_view()
        };
        let groups = boxes("target_groups", TARGET_GROUPS, &current.target_groups);
        let lives = boxes("life_domains", LIFE_DOMAINS, &current.life_domains);
        view! {
            <details class="work-part">
                <summary>"Gegevens aanpassen"</summary>
                <ActionForm action attr:class="form">
                    <input type="hidden" name="tenant" value=tenant/>
                    <input type="hidden" name="signal" value=signal/>
                    <input type="hidden" name="version" value=version/>
                    <div class="field">
                        <label for=format!("{field}-titel")>"Titel"</label>
                        <input id=format!("{field}-titel") name="title" maxlength=MAX_TITLE_CHARS value=kept.unwrap_or(current.title)/>
                    </div>
                    <div class="field">
                        <label for=format!("{field}-domein")>"Beleidsdomein"</label>
                        <select id=format!("{field}-domein") name="policy_domain">
                            <option value="" selected=current.policy_domain.is_none()>"Nog niet gekozen"</option>
                            {domains}
                        </select>
                    </div>
                    <fieldset>
                        <legend>"Doelgroepen"</legend>
                        {groups}
                    </fieldset>
                    <fieldset>
                        <legend>"Levensdomeinen"</legend>
                        {lives}
                    </fieldset>
                    <PrivacyConfirm id=format!("{field}-bevestig") shown=Signal::derive(move || refused || error.get().is_some())/>
                    <Refusal error id=fout/>
                    <div><button type="submit" class="button button-small">"Aanpassen"</button></div>
                </ActionForm>
            </details>
        }
    }
}
