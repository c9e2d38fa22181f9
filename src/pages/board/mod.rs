//! The processing board: a column per phase, live. The board is one island
//! (`LiveBoard`) over the server's model (`api::board::Board`): cards move by
//! dragging, through "Verplaats naar…", or with the keyboard, and every open
//! board of the tenant follows over the stream (`server::live`). Without
//! JavaScript the same board renders with links; the signal's and the
//! bundle's pages do the moves. Each column shows its oldest signals and
//! opens further through the URL ("Toon meer"); the filters live in the URL
//! too (`filters`), so a filtered board can be bookmarked and shared.

mod bulk;
mod card;
mod column;
mod dialog;
#[cfg(feature = "ssr")]
mod filters;
mod live;
mod moving;
mod panel;
mod state;
mod stream;

#[cfg(feature = "ssr")]
pub use page::BoardPage;

#[cfg(feature = "ssr")]
mod page {
    use leptos::prelude::*;
    use leptos_meta::Title;
    use leptos_router::hooks::use_query_map;

    use super::filters::BoardFilters;
    use super::live::LiveBoard;
    use crate::api::board::load_board;
    use crate::components::notice::ErrorNotice;
    use crate::pages::param;

    #[component]
    pub fn BoardPage() -> impl IntoView {
        let tenant = param("tenant");
        let query = use_query_map();
        let board = Resource::new(
            move || (tenant(), query.read().to_query_string()),
            |(tenant, shown)| load_board(tenant, Some(shown.trim_start_matches('?').to_string())),
        );
        view! {
            <Title text="Bord"/>
            <Suspense fallback=|| view! { <p>"Bord laden…"</p> }>
                {move || Suspend::new(async move {
                    match board.await {
                        Ok(board) => view! {
                            <h1>"Bord " {board.tenant.name.clone()}</h1>
                            <BoardFilters tenant=board.tenant.slug.clone() filter=board.filter.clone() domains=board.domains.clone()/>
                            <LiveBoard board/>
                        }
                        .into_any(),
                        Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
                    }
                })}
            </Suspense>
        }
    }
}
