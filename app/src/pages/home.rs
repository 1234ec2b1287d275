use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::ProgrammeResource;
use crate::api::programme::Programme;
use crate::components::error_panel::ErrorPanel;
use crate::components::guard::SetupRedirect;
use crate::components::icons::{Icon, Svg};
use crate::domain::time::format_date_long;
use crate::i18n::{Texts, use_i18n};

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let programme = expect_context::<ProgrammeResource>();
    view! {
        <Title text=move || i18n.t().home_title.to_owned() />
        <SetupRedirect />
        <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
            {move || Suspend::new(async move {
                match programme.await {
                    Ok(info) => Either::Left(view! { <Welcome info /> }),
                    Err(error) => Either::Right(view! { <ErrorPanel error /> }),
                }
            })}
        </Suspense>
    }
}

/// Title and text of one card, in the given language.
type CardText = fn(&Texts) -> (&'static str, &'static str);

#[component]
fn Welcome(info: Programme) -> impl IntoView {
    let i18n = use_i18n();
    let today = info.today;
    let cards: [(Icon, CardText); 4] = [
        (Icon::UserPlus, |t| {
            (t.home_card_intake_title, t.home_card_intake_text)
        }),
        (Icon::Link, |t| {
            (t.home_card_matching_title, t.home_card_matching_text)
        }),
        (Icon::Calendar, |t| {
            (t.home_card_followup_title, t.home_card_followup_text)
        }),
        (Icon::Shield, |t| {
            (t.home_card_privacy_title, t.home_card_privacy_text)
        }),
    ];
    view! {
        <div class="page-head">
            <h1>{move || i18n.t().home_title}</h1>
            <p class="lead">{move || i18n.t().home_intro}</p>
            <p class="muted" data-testid="today">
                {move || (i18n.t().home_today)(&format_date_long(today, i18n.lang()))}
            </p>
        </div>
        <section aria-label=move || i18n.t().home_cards_label>
            <ul class="card-grid">
                {cards
                    .into_iter()
                    .map(|(icon, text)| {
                        view! {
                            <li class="card">
                                <Svg icon />
                                <h2>{move || text(i18n.t()).0}</h2>
                                <p>{move || text(i18n.t()).1}</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
