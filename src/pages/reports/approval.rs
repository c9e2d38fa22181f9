//! `/{tenant}/signalenbundels/akkoord/{token}`: a partner organisation reads
//! its part of a signalenbundel and approves it or asks a change. No account
//! needed: the link, which works once and expires, is the key.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::api::reports::{GiveApproval, load_approval};
use crate::components::loaded::loaded;
use crate::domain::reports::publication::ApprovalPage;
use crate::pages::param;

#[component]
pub fn ApprovalPageView() -> impl IntoView {
    let token = param("token");
    let page = Resource::new(token, load_approval);
    view! {
        <Title text="Akkoord met de signalenbundel"/>
        // The token stays out of other sites' logs.
        <Meta name="referrer" content="no-referrer"/>
        {loaded(page, move |page| view! { <Approval page token=token()/> })}
    }
}

#[component]
fn Approval(page: ApprovalPage, token: String) -> impl IntoView {
    let give = ServerAction::<GiveApproval>::new();
    view! {
        <p class="notice" role="note">
            {format!("{} vraagt {} om akkoord voor wat over jullie in deze signalenbundel staat ({}). ", page.tenant, page.organisation, page.part.period)}
            <a href="#antwoord">"Naar jullie antwoord"</a>
        </p>
        <super::public::PublicationDocView doc=page.part.clone()/>
        <section class="panel" id="antwoord" aria-labelledby="antwoord-titel">
            <h2 id="antwoord-titel">"Jullie antwoord"</h2>
            {match page.closed.clone() {
                Some(why) => view! { <p role="status" data-closed="">{why}</p> }.into_any(),
                None => view! {
                    <ActionForm action=give attr:class="form">
                        <input type="hidden" name="token" value=token.clone()/>
                        <fieldset>
                            <legend>"Gaan jullie akkoord met jullie deel?"</legend>
                            <div class="check">
                                <input type="radio" id="akkoord" name="answer" value="akkoord" checked/>
                                <label for="akkoord">"Akkoord"</label>
                            </div>
                            <div class="check">
                                <input type="radio" id="wijziging" name="answer" value="wijziging"/>
                                <label for="wijziging">"We vragen een wijziging"</label>
                            </div>
                        </fieldset>
                        <div class="field">
                            <label for="opmerking">"Wat moet er veranderen? (nodig bij een wijziging)"</label>
                            <textarea id="opmerking" name="remark" rows="4" maxlength="2000"></textarea>
                        </div>
                        <button type="submit" class="button">"Antwoord versturen"</button>
                    </ActionForm>
                }.into_any(),
            }}
        </section>
    }
}
