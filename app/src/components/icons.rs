//! Inline SVG icons (decorative: the text beside them carries the meaning).

use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Icon {
    Home,
    Shield,
    UserPlus,
    Link,
    Calendar,
    Settings,
    Clock,
    People,
    Heart,
    Columns,
    Upload,
    IdCard,
    Eye,
    Envelope,
    List,
    Person,
    /// An open door: registering as a participant.
    Door,
    /// Stairs: stepping stones into the leisure offer.
    Steps,
    /// Bars: the reports.
    Chart,
    /// An hourglass: how long data is kept.
    Hourglass,
    /// A ledger: the registers the law asks for.
    Ledger,
}

#[component]
pub fn Svg(icon: Icon) -> impl IntoView {
    let path = match icon {
        Icon::Home => "M3 11 12 3l9 8v10a1 1 0 0 1-1 1h-5v-7H9v7H4a1 1 0 0 1-1-1Z",
        Icon::Hourglass => "M6 3h12M6 21h12M7 3c0 5 5 6 5 9s-5 4-5 9M17 3c0 5-5 6-5 9s5 4 5 9",
        Icon::Ledger => "M5 4h11a3 3 0 0 1 3 3v13H8a3 3 0 0 1-3-3ZM5 17a3 3 0 0 1 3-3h11M9 8h6",
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
        Icon::Clock => "M12 7v5l3 2M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18",
        Icon::People => {
            "M16 19c0-2.5-2-4.5-5-4.5S6 16.5 6 19M11 11.5a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 \
             7M17 14.5c2 .3 3.5 2 3.5 4.5M15.5 4.8a3.5 3.5 0 0 1 0 6.4"
        }
        Icon::Heart => "M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10Z",
        Icon::Columns => "M4 4h4v16H4ZM10 4h4v10h-4ZM16 4h4v13h-4Z",
        Icon::Upload => "M12 15V3M7 8l5-5 5 5M4 15v5h16v-5",
        Icon::IdCard => {
            "M3 5h18v14H3ZM7 15c.5-1.5 1.7-2 3-2s2.5.5 3 2M10 11a2 2 0 1 0 0-4 2 2 0 0 0 0 \
             4M15 9h3M15 12h3"
        }
        Icon::Eye => {
            "M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12ZM12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6"
        }
        Icon::Envelope => "M3 5h18v14H3ZM3 6l9 7 9-7",
        Icon::List => "M9 6h11M9 12h11M9 18h11M4 6h1M4 12h1M4 18h1",
        Icon::Person => "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8M4 21c0-4 3.6-6 8-6s8 2 8 6",
        Icon::Door => "M3 21h18M6 21V4h9v17M15 5l4 1v15M12 12h.01",
        Icon::Steps => "M3 20h5v-5h5v-5h5V5h3M3 20h18",
        Icon::Chart => "M4 4v16h16M8 16v-4M12 16V8M16 16v-7",
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
