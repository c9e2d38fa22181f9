//! Calling the intake's server functions from the script: the same
//! endpoints, arguments and JSON answers the Leptos client uses.

use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Headers, RequestInit, Response, UrlSearchParams};

use crate::error::AppError;

fn transport(e: impl std::fmt::Debug) -> AppError {
    AppError::Transport(format!("{e:?}"))
}

/// POST `args` to `/api/{endpoint}`; a refusal comes back as the server's `AppError`.
pub async fn call<T: DeserializeOwned>(endpoint: &str, args: &[(&str, &str)]) -> Result<T, AppError> {
    let params = UrlSearchParams::new().map_err(transport)?;
    for (name, value) in args {
        params.append(name, value);
    }
    let headers = Headers::new().map_err(transport)?;
    headers.set("Accept", "application/json").map_err(transport)?;
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_body(&params);
    let window = web_sys::window().ok_or_else(|| transport("no window"))?;
    let response: Response =
        JsFuture::from(window.fetch_with_str_and_init(&format!("/api/{endpoint}"), &init)).await.map_err(transport)?.unchecked_into();
    let body = JsFuture::from(response.text().map_err(transport)?).await.map_err(transport)?.as_string().unwrap_or_default();
    if response.ok() {
        serde_json::from_str(&body).map_err(transport)
    } else {
        Err(serde_json::from_str::<AppError>(&body).unwrap_or_else(transport))
    }
}
