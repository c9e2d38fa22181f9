//! Ask the server about what is being typed, once the typing pauses.

use leptos::prelude::*;

/// Run `ask` with the text half a second after it last changed. The answer
/// arrives in `answer`; an error leaves the last answer standing.
pub fn after_typing<T, F, Fut>(text: Signal<String>, answer: RwSignal<T>, ask: F)
where
    T: Send + Sync + 'static,
    F: Fn(String) -> Fut + Copy + 'static,
    Fut: std::future::Future<Output = Result<T, crate::error::AppError>> + 'static,
{
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let text = text.get();
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                leptos::task::spawn_local(async move {
                    if let Ok(found) = ask(text).await {
                        answer.set(found);
                    }
                });
            },
            std::time::Duration::from_millis(500),
        )
        .ok();
        pending.set_value(handle);
    });
}
