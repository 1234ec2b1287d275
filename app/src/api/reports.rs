//! The reports (issue 19): figures over a period, computed on the server from dates and
//! codes only. Coordinators and admins see every report; the partner's screener sees the
//! funnel of the candidates they screened, with small counts hidden.

use crate::domain::report::{Answer, Ask, Section};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
pub mod build {
    //! (server only) Reads the facts one report needs and computes it; shared by the
    //! server functions and the CSV/XLSX downloads.

    use chrono::NaiveDate;

    use crate::domain::report::{self, Answer, Ask, Body, Period, Section};
    use crate::error::AppError;
    use crate::state::AppState;

    /// The report `section` for `ask`; `screener` limits the funnel to their candidates.
    pub async fn answer(
        state: &AppState,
        section: Section,
        ask: &Ask,
        today: NaiveDate,
        screener: Option<i32>,
    ) -> Result<Answer, AppError> {
        let db = &state.reads;
        let tz = state.config.time_zone;
        let duos = crate::db::reports::duos(db).await?;
        let facts: Vec<report::DuoFact> = duos.iter().map(|(_, d)| d.clone()).collect();
        let buddies = match section {
            Section::Buddies => crate::db::reports::buddies(db, screener, tz).await?,
            _ => Vec::new(),
        };
        let first_intake = crate::db::reports::first_intake(db).await?.unwrap_or(today);
        let start = report::first_day(&[], &facts, &buddies, today).min(first_intake);
        let period = Period::resolve(
            ask.preset.as_deref(),
            ask.from.as_deref(),
            ask.to.as_deref(),
            today,
            start,
        );
        let Ok(p) = period else {
            return Ok(Answer { period, body: None });
        };
        let body = match section {
            Section::Duos => Body::Duos(report::duo_durations(&facts, p, today)),
            Section::Waiting => {
                let (people, changes) = crate::db::reports::participants(db, &duos, tz).await?;
                let lists = crate::db::lists::load(db, true).await?;
                let names = lists
                    .municipalities
                    .into_iter()
                    .map(|m| (m.id, m.name))
                    .collect();
                Body::Waiting(report::waiting(&people, &changes, p, today), names)
            }
            Section::Activity => {
                let (margin, _) = crate::db::activities::margin(db).await?;
                let shortest = report::shortest_limit(&facts, margin);
                let summary = crate::db::reports::activity_summary(db, p, tz, shortest).await?;
                let evaluations = crate::db::reports::evaluations(db, p).await?;
                Body::Activity(report::activity(
                    &facts,
                    &summary,
                    &evaluations,
                    p,
                    today,
                    margin,
                ))
            }
            Section::Buddies => {
                let partner = screener.is_some();
                let seats = crate::db::reports::intervision_seats(db, p, partner, tz).await?;
                Body::Buddies(
                    report::funnel(&buddies, &facts, p, today),
                    report::intervision(&seats, p, today),
                )
            }
        };
        Ok(Answer {
            period,
            body: Some(body),
        })
    }
}

/// One report for coordinators and admins.
#[server(endpoint = "load_report")]
pub async fn load_report(
    section: Section,
    #[server(default)] ask: Ask,
) -> Result<Answer, AppError> {
    let cx = crate::api::ctx::Ctx::authorize::<LoadReport>().await?;
    build::answer(&cx.state, section, &ask, cx.today, None).await
}

/// The partner's view: the funnel of the candidates this screener screened and the
/// intervision the partner organises. Small counts are hidden on the page (the figures
/// leave the programme).
#[server(endpoint = "partner_report")]
pub async fn partner_report(#[server(default)] ask: Ask) -> Result<Answer, AppError> {
    let cx = crate::api::ctx::Ctx::authorize::<PartnerReport>().await?;
    build::answer(
        &cx.state,
        Section::Buddies,
        &ask,
        cx.today,
        Some(cx.user.id),
    )
    .await
}
