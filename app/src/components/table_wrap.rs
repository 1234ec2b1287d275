//! A wide table on a narrow screen scrolls sideways inside its own box. Keyboard users must
//! be able to scroll it too, so the box takes focus and has a name (WCAG 2.1.1; axe-core's
//! `scrollable-region-focusable`).

use leptos::prelude::*;

use crate::i18n::{Texts, use_i18n};

#[component]
pub fn TableWrap(
    /// The name screen readers announce for the scrolling box: the table's subject.
    label: fn(&Texts) -> &'static str,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=move || label(i18n.t())>
            {children()}
        </div>
    }
}
