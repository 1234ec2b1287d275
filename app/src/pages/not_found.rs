use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::use_i18n;

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let i18n = use_i18n();
    view! {
        <Title text=move || i18n.t().not_found_title.to_owned() />
        <section class="card not-found" aria-labelledby="not-found-title">
            <p class="not-found__code" aria-hidden="true">
                "404"
            </p>
            <h1 id="not-found-title">{move || i18n.t().not_found_title}</h1>
            <p>{move || i18n.t().not_found_text}</p>
            <p class="actions">
                <a class="btn btn--primary" href="/">
                    {move || i18n.t().back_home}
                </a>
            </p>
        </section>
    }
}
