//! The board's live stream in the browser: an EventSource on
//! `/{tenant}/bord/live`. It reconnects by itself, sending the last event id;
//! the server then says "resync" when this board missed something.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::moving::{refresh, reload};
use super::state::{BoardState, Connection};
use crate::components::browser::listen;
use crate::domain::live::{BoardNews, RESYNC};

/// How long to wait before opening a stream the server closed.
const REOPEN_MS: u64 = 5_000;

pub fn connect(state: BoardState) {
    let seq = state.board.with_untracked(|b| b.seq);
    let url = format!("/{}/bord/live?seq={seq}", state.tenant.get_value());
    let Ok(source) = web_sys::EventSource::new(&url) else {
        state.connection.set(Connection::Offline);
        return;
    };
    listen(&source, "change", move |data| {
        if let Ok(news) = serde_json::from_str::<BoardNews>(&data) {
            state.board.update(|b| b.seq = b.seq.max(news.seq));
            state.panel.changed(state, &news.signals);
            spawn_local(refresh(state, news.signals));
        }
    });
    listen(&source, RESYNC, move |_| spawn_local(reload(state)));
    listen(&source, "open", move |_| {
        let was = state.connection.get_untracked();
        state.connection.set(if was == Connection::Offline { Connection::Back } else { Connection::Live });
    });
    let on_error = {
        let source = source.clone();
        move |_| {
            state.connection.set(Connection::Offline);
            // Closed for good (the server answered with an error): try again later.
            if source.ready_state() == web_sys::EventSource::CLOSED {
                set_timeout(move || connect(state), std::time::Duration::from_millis(REOPEN_MS));
            }
        }
    };
    listen(&source, "error", on_error);
}
