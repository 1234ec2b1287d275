//! Response headers every answer carries (CSP with a per-response nonce, HSTS, ...) and the
//! refusal of cross-origin state-changing requests: Leptos server functions are plain POST
//! endpoints without CSRF protection of their own.

use std::net::IpAddr;
use std::sync::Arc;

use app::config::Config;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use leptos::nonce::Nonce;
use leptos::prelude::{provide_context, use_context};

/// Sets the security headers on every response. Creates the response's CSP nonce and puts
/// it in the request extensions, where [`provide_nonce`] hands it to Leptos.
pub async fn headers(
    State(config): State<Arc<Config>>,
    mut request: Request,
    next: Next,
) -> Response {
    // 128 random bits from the thread's CSPRNG, base64url: the same generator Leptos uses.
    let nonce = Nonce::new();
    request.extensions_mut().insert(nonce.clone());
    let is_api = request.uri().path().starts_with("/api/");
    let path = request.uri().path().to_owned();

    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    // The nonce is base64url, so it is always a valid header value; if that ever failed, a
    // policy without any nonce still blocks inline scripts rather than allowing them.
    let csp = HeaderValue::from_str(&content_security_policy(&nonce))
        .unwrap_or_else(|_| HeaderValue::from_static(CSP_WITHOUT_NONCE));
    headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
    );
    if config.is_https() {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    // Pages and server function answers may carry personal data: never keep them in a cache.
    // Static files: hashed ones for a year, the others asked again (see `assets`).
    if is_api || is_html(headers) {
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(crate::assets::NO_STORE),
        );
    } else if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(crate::assets::cache_control(&path)),
        );
    }
    response
}

const CSP_WITHOUT_NONCE: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; \
     form-action 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'";

fn content_security_policy(nonce: &str) -> String {
    // Hydration needs 'wasm-unsafe-eval'; the only inline script is Leptos's, with the nonce.
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; \
         form-action 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'"
    )
}

fn is_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim_start().starts_with("text/html"))
}

/// Additional Leptos context: replaces the nonce Leptos generated for this render with the
/// one [`headers`] put in the CSP header, so the inline hydration script matches the policy.
pub fn provide_nonce() {
    let nonce = use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<Nonce>().cloned());
    if let Some(nonce) = nonce {
        provide_context(nonce);
    }
}

/// Refuses state-changing requests (anything but GET, HEAD, OPTIONS) that a browser sends
/// from another site. Requests without `Sec-Fetch-Site` and `Origin` (curl, scripts on the
/// server) are not browser requests a foreign site can forge, and pass.
pub async fn same_origin_only(
    State(config): State<Arc<Config>>,
    request: Request,
    next: Next,
) -> Response {
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) || is_same_origin(&config, request.headers())
    {
        next.run(request).await
    } else {
        tracing::warn!(
            method = %request.method(),
            path = %app::domain::calendar::loggable_path(request.uri().path()),
            "cross-origin request refused"
        );
        (StatusCode::FORBIDDEN, "Forbidden").into_response()
    }
}

fn is_same_origin(config: &Config, headers: &HeaderMap) -> bool {
    // Modern browsers say where a request comes from; "none" is the user's own action
    // (address bar, bookmark).
    if let Some(site) = headers.get("sec-fetch-site")
        && !matches!(site.to_str(), Ok("same-origin" | "none"))
    {
        return false;
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        return true;
    };
    // A value that is not text, or "null" (sandboxed frames, some redirects), is refused.
    let Ok(origin) = origin.to_str() else {
        return false;
    };
    if origin.eq_ignore_ascii_case(&config.public_url) {
        return true;
    }
    // Development and tests: a plain-http loopback public URL also accepts the origin of the
    // Host the request was sent to, so a server on another local port still works. That Host
    // must be loopback too, so a rebound foreign name does not qualify.
    let host_origin = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(|host| format!("http://{host}"));
    is_loopback_http(&config.public_url)
        && host_origin.is_some_and(|host_origin| {
            is_loopback_http(&host_origin) && origin.eq_ignore_ascii_case(&host_origin)
        })
}

fn is_loopback_http(public_url: &str) -> bool {
    let Some(authority) = public_url.strip_prefix("http://") else {
        return false;
    };
    let host = match authority.strip_prefix('[') {
        Some(bracketed) => bracketed.split(']').next().unwrap_or_default(),
        None => authority.split(':').next().unwrap_or_default(),
    };
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(public_url: &str) -> Config {
        Config::from_lookup(|name| (name == "KLIK_PUBLIC_URL").then(|| public_url.to_owned()))
            .unwrap()
    }

    fn with(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for (name, value) in pairs {
            headers.insert(*name, HeaderValue::from_str(value).unwrap());
        }
        headers
    }

    #[test]
    fn loopback_http_urls_are_recognised() {
        assert!(is_loopback_http("http://127.0.0.1:3000"));
        assert!(is_loopback_http("http://localhost:3000"));
        assert!(is_loopback_http("http://[::1]:3000"));
        assert!(!is_loopback_http("https://127.0.0.1:3000"));
        assert!(!is_loopback_http("http://klik.example.be"));
        assert!(!is_loopback_http("http://192.168.1.5:3000"));
    }

    #[test]
    fn origins_are_checked_against_the_public_url() {
        let local = config("http://127.0.0.1:3000");
        let public = config("https://klik.example.be");
        assert!(is_same_origin(&local, &with(&[])));
        assert!(is_same_origin(
            &local,
            &with(&[("origin", "http://127.0.0.1:3000")])
        ));
        assert!(is_same_origin(
            &local,
            &with(&[
                ("origin", "http://127.0.0.1:4100"),
                ("host", "127.0.0.1:4100")
            ])
        ));
        assert!(!is_same_origin(&local, &with(&[("origin", "null")])));
        assert!(is_same_origin(
            &public,
            &with(&[("origin", "https://klik.example.be")])
        ));
        assert!(!is_same_origin(
            &local,
            &with(&[
                ("origin", "http://evil.example:3000"),
                ("host", "evil.example:3000")
            ])
        ));
        // The Host rule is for loopback development only.
        assert!(!is_same_origin(
            &public,
            &with(&[("origin", "http://evil.example"), ("host", "evil.example")])
        ));
        assert!(!is_same_origin(
            &public,
            &with(&[("sec-fetch-site", "same-site")])
        ));
        assert!(is_same_origin(
            &public,
            &with(&[("sec-fetch-site", "none")])
        ));
    }
}
