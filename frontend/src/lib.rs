//! The browser half of Klik: nothing but the hydration entry point.

use leptos::prelude::document;

/// Hydrates the page once the code of its route is there: the buddy's pages are in the main
/// bundle, every other route fetches its own split-off file first (`app::pages::lazy`).
/// `data-hydrated` on `<body>` then marks the moment the page answers taps, for styles and
/// tests.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    let Some(body) = document().body() else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let app = leptos::mount::hydrate_from_async(body.clone(), app::App).await;
        app.forget();
        let _ = body.set_attribute("data-hydrated", "true");
    });
}
