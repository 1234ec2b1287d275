use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::use_i18n;

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || i18n.t().privacy_title.to_owned() />
        <article class="prose">
            <h1>{move || i18n.t().privacy_title}</h1>
            {move || {
                i18n.t().privacy_paragraphs.iter().map(|p| view! { <p>{*p}</p> }).collect_view()
            }}
        </article>
    }
}
