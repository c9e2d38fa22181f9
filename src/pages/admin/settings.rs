//! `/{tenant}/beheer/instellingen`: the tenant's name, its districts,
//! whether citizens may signal too, and the board's limits.

use leptos::prelude::*;
use leptos_meta::Title;

use super::AdminNav;
use crate::api::admin::tenant::{BoardLimitsForm, SaveBoardLimits, SaveSettings, load_settings};
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
            let limits = page.board_limits;
            let slug = t.slug.clone();
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
                <BoardLimitsSection tenant=slug limits/>
            }
        })}
    }
}

/// The board's soft limit per column and its screening deadline.
#[component]
fn BoardLimitsSection(tenant: String, limits: BoardLimitsForm) -> impl IntoView {
    let save = ServerAction::<SaveBoardLimits>::new();
    let error = limits.error.clone();
    let has_error = error.is_some();
    let described = move |hint: &str| if has_error { format!("{hint} bordlimieten-fout") } else { hint.to_string() };
    let fields = limits
        .columns
        .iter()
        .map(|(phase, typed)| {
            let id = format!("limiet-{}", phase.code());
            view! {
                <div class="field field-narrow">
                    <label for=id.clone()>{phase.label()}</label>
                    <input
                        id=id
                        name=phase.code()
                        type="text"
                        inputmode="numeric"
                        size="6"
                        value=typed.clone()
                        aria-describedby=described("limieten-hint")
                    />
                </div>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="bordlimieten">
            <h2 id="bordlimieten">"Het bord"</h2>
            <ActionForm action=save attr:class="form">
                <input type="hidden" name="tenant" value=tenant/>
                {error.map(|e| view! { <p class="notice notice-error" id="bordlimieten-fout">{e}</p> })}
                <fieldset>
                    <legend>"Zachte limiet per kolom"</legend>
                    <p class="hint" id="limieten-hint">
                        "Hoeveel signalen een kolom mag bevatten. Een kolom met meer krijgt op het bord "
                        "‘Boven de limiet’; niets wordt geweigerd. Leeg: geen limiet. "
                        "Afgerond, Niet weerhouden en Ingetrokken hebben geen limiet."
                    </p>
                    {fields}
                </fieldset>
                <div class="field field-narrow">
                    <label for="screeningstermijn">"Screeningstermijn (dagen)"</label>
                    <p class="hint" id="termijn-hint">
                        "Een signaal dat langer in ‘Ingediend’ staat, wordt op het bord gemarkeerd, en wie het verwerkt, "
                        "krijgt er één herinnering over per mail. Leeg: geen termijn."
                    </p>
                    <input
                        id="screeningstermijn"
                        name="screening_days"
                        type="text"
                        inputmode="numeric"
                        size="6"
                        value=limits.screening_days.clone()
                        aria-describedby=described("termijn-hint")
                    />
                </div>
                <button type="submit" class="button">"Limieten bewaren"</button>
            </ActionForm>
        </section>
    }
}
