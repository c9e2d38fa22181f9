//! `/{tenant}/beheer/instellingen`: the tenant's name, its districts and
//! whether citizens may signal too.

use leptos::prelude::*;
use leptos_meta::Title;

use super::AdminNav;
use crate::api::admin::tenant::{SaveSettings, load_settings};
use crate::components::loaded::loaded;
use crate::pages::param;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let tenant = param("tenant");
    let page = Resource::new(tenant, load_settings);
    view! {
        <Title text="Instellingen"/>
        <AdminNav/>
        {loaded(page, |page| {
            let save = ServerAction::<SaveSettings>::new();
            let t = page.tenant;
            view! {
                <h1>"Instellingen van " {t.name.clone()}</h1>
                <ActionForm action=save attr:class="form">
                    <input type="hidden" name="tenant" value=t.slug.clone()/>
                    <div class="field">
                        <label for="tenant-name">"Naam zoals mensen hem zien"</label>
                        <input id="tenant-name" name="name" value=t.name.clone() required maxlength="120"/>
                    </div>
                    <div class="field">
                        <label for="districts">"Wijken en deelgemeenten"</label>
                        <p class="hint" id="districts-hint">"Eén per regel. Wie signaleert, kiest hieruit of ‘de hele gemeente’."</p>
                        <textarea id="districts" name="districts" rows="8" aria-describedby="districts-hint">
                            {page.districts.join("\n")}
                        </textarea>
                    </div>
                    <div class="check">
                        <input type="checkbox" id="citizen-intake" name="citizen_intake" checked=t.citizen_intake
                            aria-describedby="citizen-hint"/>
                        <label for="citizen-intake">"Burgers mogen signalen melden"</label>
                    </div>
                    <p class="hint" id="citizen-hint">
                        "Dan staat op /" {t.slug.clone()} "/signaleren een korter formulier zonder aanmelden. "
                        "Een burgermelding telt pas nadat de burger ze via een mail bevestigde."
                    </p>
                    <button type="submit" class="button">"Bewaren"</button>
                </ActionForm>
            }
        })}
    }
}
