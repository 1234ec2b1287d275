use leptos::prelude::*;

use crate::error::AppError;
use crate::i18n::use_i18n;

/// The error page: what went wrong in plain words, that nothing was lost, and a way on.
/// On the server it also sets the HTTP status of the response.
#[component]
pub fn ErrorPanel(error: AppError) -> impl IntoView {
    let i18n = use_i18n();
    #[cfg(feature = "ssr")]
    if let (Some(response), Ok(status)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::StatusCode::from_u16(error.status()),
    ) {
        response.set_status(status);
    }
    let reference = match &error {
        AppError::Internal { reference } => Some(reference.clone()),
        _ => None,
    };
    view! {
        <section class="card card--alert error-panel" role="alert" aria-labelledby="error-title">
            <h1 id="error-title">{move || i18n.t().error_title}</h1>
            <p class="error-panel__message">{move || error.message(i18n.t())}</p>
            <p>{move || i18n.t().error_text}</p>
            {reference.map(|code| {
                view! {
                    <p class="error-panel__reference">
                        {move || (i18n.t().error_reference)(&code)}
                    </p>
                }
            })}
            <p class="actions">
                <a class="btn btn--primary" href="">{move || i18n.t().error_retry}</a>
                <a class="btn" href="/">{move || i18n.t().back_home}</a>
            </p>
        </section>
    }
}
