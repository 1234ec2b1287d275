//! Inline SVG icons (decorative: the text beside them carries the meaning).

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub enum Icon {
    Home,
    Shield,
    UserPlus,
    Link,
    Calendar,
    Settings,
}

#[component]
pub fn Svg(icon: Icon) -> impl IntoView {
    let path = match icon {
        Icon::Home => "M3 11 12 3l9 8v10a1 1 0 0 1-1 1h-5v-7H9v7H4a1 1 0 0 1-1-1Z",
        Icon::Shield => "M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5Z",
        Icon::UserPlus => {
            "M15 19c0-3-2.7-5-6-5s-6 2-6 5M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8M19 8v6M16 11h6"
        }
        Icon::Link => {
            "M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 \
             0 0 0 5.7 5.7l1-1"
        }
        Icon::Calendar => "M4 6h16v14H4ZM4 10h16M8 3v4M16 3v4",
        Icon::Settings => "M4 6h10M18 6h2M4 12h4M12 12h8M4 18h12M20 18h0M14 4v4M8 10v4M16 16v4",
    };
    view! {
        <svg
            class="icon"
            viewBox="0 0 24 24"
            width="24"
            height="24"
            aria-hidden="true"
            focusable="false"
        >
            <path d=path />
        </svg>
    }
}
