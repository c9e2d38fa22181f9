//! The security baseline every response passes through: cross-site request
//! forgery checks on writes, and security headers.

use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::AppState;

/// The Content-Security-Policy of an HTML page: scripts only from us or
/// carrying this request's nonce, WASM allowed, nothing framed.
pub fn page_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'"
    )
}

/// For responses that are not pages (JSON, files): nothing may run or frame them.
const STRICT_POLICY: &str = "default-src 'none'; frame-ancestors 'none'";

/// Refuse state-changing requests that a browser sent from another site.
/// Browsers say where a request comes from (Sec-Fetch-Site, or Origin);
/// requests without either do not come from a browser and carry no victim's cookies.
pub async fn same_origin_writes(req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let headers = req.headers();
    let text = |name| headers.get(name).and_then(|v: &HeaderValue| v.to_str().ok());
    let allowed = match text(header::HeaderName::from_static("sec-fetch-site")) {
        Some(site) => site == "same-origin" || site == "none",
        None => match (text(header::ORIGIN), text(header::HOST)) {
            (None, _) => true,
            (Some(origin), Some(host)) => origin.strip_prefix("http://").or_else(|| origin.strip_prefix("https://")) == Some(host),
            (Some(_), None) => false,
        },
    };
    if allowed {
        next.run(req).await
    } else {
        let uri = super::http::masked_uri(&req.uri().to_string());
        tracing::warn!(method = %req.method(), %uri, "cross-site write refused");
        (StatusCode::FORBIDDEN, "Dit verzoek kwam van een andere website en werd geweigerd.").into_response()
    }
}

/// Security headers on every response; pages set their own CSP with a nonce.
pub async fn security_headers(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let mut response = next.run(req).await;
    let headers = response.headers_mut();
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
    );
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(STRICT_POLICY));
    }
    if state.config.https {
        headers.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000; includeSubDomains"));
    }
    response
}
