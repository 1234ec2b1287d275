//! The reports (coordinators and admins; the partner's screener sees the buddy funnel of
//! their own candidates): one page per subject, each with its period, charts, tables and
//! downloads, and a printable yearly report with all of them.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::programme::load_programme;
use crate::api::reports::{load_report, partner_report};
use crate::components::chart::{BarChart, Bars, StepChart, StepSeries};
use crate::components::error_panel::ErrorPanel;
use crate::components::guard::RequireRole;
use crate::components::suspend::suspend;
use crate::domain::account::{CurrentUser, Role, STAFF, STAFF_ADMIN};
use crate::domain::report::{Activity, DuoDurations, Funnel, Intervision, Preset, Waiting};
use crate::domain::report::{Answer, Ask, Body, Section};
use crate::error::AppError;
use crate::i18n::reports::{
    Table, Value, activity_tables, buddies_tables, decimal, duo_tables, median_text, month_name,
    tables_of, waiting_tables, words,
};
use crate::i18n::{Lang, use_i18n};
use crate::stats::Curve;

/// Where each report lives.
pub fn section_path(section: Section) -> &'static str {
    match section {
        Section::Duos => "/reports",
        Section::Waiting => "/reports/waiting",
        Section::Activity => "/reports/activity",
        Section::Buddies => "/reports/buddies",
    }
}

/// The period asked for in the address (`?preset=` or `?from=&to=`).
fn asked() -> Ask {
    let query = use_query_map();
    let query = query.read();
    Ask {
        preset: query.get("preset"),
        from: query.get("from"),
        to: query.get("to"),
    }
}

/// The same period as a query string for the downloads and the print page.
fn query_of(ask: &Ask) -> String {
    let mut parts = Vec::new();
    for (key, value) in [
        ("preset", &ask.preset),
        ("from", &ask.from),
        ("to", &ask.to),
    ] {
        if let Some(v) = value.as_deref().filter(|v| !v.trim().is_empty()) {
            let safe: String = v
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
                .collect();
            parts.push(format!("{key}={safe}"));
        }
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

#[component]
pub fn ReportsPage() -> impl IntoView {
    view! { <ReportPage section=Section::Duos /> }
}

#[component]
pub fn WaitingReportPage() -> impl IntoView {
    view! { <ReportPage section=Section::Waiting /> }
}

#[component]
pub fn ActivityReportPage() -> impl IntoView {
    view! { <ReportPage section=Section::Activity /> }
}

#[component]
pub fn BuddiesReportPage() -> impl IntoView {
    view! { <ReportPage section=Section::Buddies /> }
}

#[component]
fn ReportPage(section: Section) -> impl IntoView {
    let i18n = use_i18n();
    // The buddy funnel is the one report the partner's screener sees.
    let roles = if section == Section::Buddies {
        STAFF
    } else {
        STAFF_ADMIN
    };
    view! {
        <Title text=move || words(i18n.lang()).title.to_owned() />
        <RequireRole roles>
            <ReportBody section />
        </RequireRole>
    }
}

#[component]
fn ReportBody(section: Section) -> impl IntoView {
    let i18n = use_i18n();
    let partner = use_context::<CurrentUser>().is_some_and(|u| u.role == Role::Screener);
    let data = Resource::new(asked, move |ask| async move {
        if partner {
            partner_report(ask).await
        } else {
            load_report(section, ask).await
        }
    });
    view! {
        <h1>{move || words(i18n.lang()).title}</h1>
        <p class="lead">{move || words(i18n.lang()).intro}</p>
        {(!partner).then(|| view! { <ReportNav current=Some(section) /> })}
        <Transition fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
            {move || suspend(async move {
                match data.await {
                    Ok(answer) => view! { <Report section answer partner /> }.into_any(),
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// Links to the reports and the print page; the current one is marked.
#[component]
fn ReportNav(current: Option<Section>) -> impl IntoView {
    let i18n = use_i18n();
    let query = query_of(&asked());
    let links: Vec<(String, usize, bool)> = Section::ALL
        .iter()
        .enumerate()
        .map(|(i, s)| {
            (
                format!("{}{query}", section_path(*s)),
                i,
                current == Some(*s),
            )
        })
        .collect();
    view! {
        <nav class="tabs" aria-label=move || words(i18n.lang()).title>
            {links.into_iter().map(|(href, i, here)| view! {
                <a class="tabs__tab" href=href aria-current=here.then_some("page")>
                    {move || words(i18n.lang()).sections[i]}
                </a>
            }).collect_view()}
            <a class="tabs__tab" href=format!("/reports/print{query}")>{move || words(i18n.lang()).print}</a>
        </nav>
    }
}

/// The period form: presets as links, or two dates (a GET form, also without JavaScript).
#[component]
fn PeriodForm(
    section: Section,
    answer_period: Result<crate::domain::report::Period, crate::domain::report::PeriodProblem>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ask = asked();
    let path = section_path(section);
    let (from, to) = match answer_period {
        Ok(p) => (p.from.to_string(), p.to.to_string()),
        Err(_) => (
            ask.from.clone().unwrap_or_default(),
            ask.to.clone().unwrap_or_default(),
        ),
    };
    let problem = answer_period.err();
    let chosen = ask.preset.as_deref().and_then(Preset::from_code);
    let own_dates = ask.from.as_deref().is_some_and(|v| !v.trim().is_empty())
        || ask.to.as_deref().is_some_and(|v| !v.trim().is_empty());
    view! {
        <section class="card report-period" aria-labelledby="period-title">
            <h2 id="period-title">{move || words(i18n.lang()).period}</h2>
            <p class="report-period__presets">
                {Preset::ALL.into_iter().map(|p| {
                    let here = !own_dates && (chosen == Some(p) || (chosen.is_none() && p == Preset::Last12Months));
                    view! {
                        <a class="chip" href=format!("{path}?preset={}", p.code()) aria-current=here.then_some("true")>
                            {move || words(i18n.lang()).preset(p)}
                        </a>" "
                    }
                }).collect_view()}
            </p>
            <form method="get" action=path class="report-period__form">
                <div class="field">
                    <label for="report-from">{move || words(i18n.lang()).from}</label>
                    <input id="report-from" name="from" type="date" value=from
                        aria-invalid=problem.is_some().then_some("true")
                        aria-describedby=problem.is_some().then_some("report-period-problem") />
                </div>
                <div class="field">
                    <label for="report-to">{move || words(i18n.lang()).to}</label>
                    <input id="report-to" name="to" type="date" value=to
                        aria-invalid=problem.is_some().then_some("true")
                        aria-describedby=problem.is_some().then_some("report-period-problem") />
                </div>
                <button type="submit" class="btn">{move || words(i18n.lang()).show}</button>
            </form>
            {problem.map(|p| view! {
                <p id="report-period-problem" class="field-error" role="alert">
                    {move || (words(i18n.lang()).problem)(p)}
                </p>
            })}
        </section>
    }
}

#[component]
fn Report(section: Section, answer: Answer, partner: bool) -> impl IntoView {
    let i18n = use_i18n();
    let query = query_of(&asked());
    let Answer { period, body } = answer;
    let downloads = body.clone().filter(|_| !partner).map(|body| {
        let base = format!("/reports/export/{}", section.code());
        let body = StoredValue::new(body);
        let query = StoredValue::new(query);
        let base = StoredValue::new(base);
        view! {
            <section class="card report-downloads" aria-labelledby="downloads-title" data-testid="report-downloads">
                <h2 id="downloads-title">{move || words(i18n.lang()).download}</h2>
                <p>
                    <a class="btn btn--primary" href=move || format!("{}.xlsx{}", base.get_value(), query.get_value()) download="">
                        {move || words(i18n.lang()).xlsx}
                    </a>
                </p>
                <ul class="report-downloads__list">
                    {move || {
                        let lang = i18n.lang();
                        body.with_value(|b| tables_of(lang, b)).into_iter().map(|t| {
                            let href = format!("{}/{}.csv{}", base.get_value(), t.key, query.get_value());
                            view! { <li><a href=href download="">{format!("{} ({})", t.title, words(lang).csv)}</a></li> }
                        }).collect_view()
                    }}
                </ul>
                <p class="muted">{move || words(i18n.lang()).exports_note}</p>
            </section>
        }
    });
    view! {
        <PeriodForm section answer_period=period />
        {body.map(|body| view! { <Figures body published=partner /> })}
        {downloads}
    }
}

/// The figures of one report, in the page's language.
#[component]
pub fn Figures(body: Body, published: bool) -> impl IntoView {
    let i18n = use_i18n();
    let body = StoredValue::new(body);
    move || {
        let lang = i18n.lang();
        body.with_value(|body| match body {
            Body::Duos(r) => duos_view(lang, r),
            Body::Waiting(r, names) => waiting_view(lang, r, names),
            Body::Activity(r) => activity_view(lang, r),
            Body::Buddies(r, iv) => buddies_view(lang, r, iv, published),
        })
    }
}

fn curve_series(label: String, curve: &Curve, band: bool) -> StepSeries {
    StepSeries {
        label,
        points: curve
            .steps
            .iter()
            .map(|s| (f64::from(s.days), s.survival))
            .collect(),
        band: if band {
            curve
                .steps
                .iter()
                .map(|s| (f64::from(s.days), s.lower, s.upper))
                .collect()
        } else {
            Vec::new()
        },
    }
}

/// A report table in a scrolling box that is named for screen readers.
fn table_view(lang: Lang, table: &Table, published: bool) -> impl IntoView + use<> {
    let label = table.title.clone();
    let caption = table.title.clone();
    let key = table.key;
    let headers = table.headers.clone();
    let rows: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|r| r.iter().map(|v| v.show(lang, published)).collect())
        .collect();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=label>
            <table class="report-table" data-table=key>
                <caption class="visually-hidden">{caption}</caption>
                <thead>
                    <tr>{headers.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|row| {
                        let mut cells = row.into_iter();
                        let first = cells.next().unwrap_or_default();
                        view! {
                            <tr>
                                <th scope="row">{first}</th>
                                {cells.map(|c| view! { <td>{c}</td> }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// A long table folded away, with the chart above it showing the same numbers.
fn folded_table(lang: Lang, table: &Table, published: bool) -> impl IntoView + use<> {
    let summary = format!("{}: {}", words(lang).table_data, table.title);
    view! {
        <details class="report-details">
            <summary>{summary}</summary>
            {table_view(lang, table, published)}
        </details>
    }
}

fn no_data(lang: Lang) -> AnyView {
    view! { <p class="card muted" data-testid="report-empty">{words(lang).no_data}</p> }.into_any()
}

fn duos_view(lang: Lang, r: &DuoDurations) -> AnyView {
    let w = words(lang);
    if r.duos == 0 {
        return no_data(lang);
    }
    let tables = duo_tables(lang, r);
    let median = if r.median.and_then(|m| m.days).is_some() {
        median_text(lang, r.median)
    } else {
        w.no_median.to_owned()
    };
    let retention: Vec<String> = r
        .retention
        .iter()
        .map(|x| {
            let share = x.share.map_or_else(
                || w.not_yet.to_owned(),
                |s| format!("{} %", decimal(lang, s.0 * 100.0, 0)),
            );
            format!("{}: {share}", (w.still_together)(x.months))
        })
        .collect();
    let bands: Vec<StepSeries> = r
        .bands
        .iter()
        .map(|b| {
            curve_series(
                format!("{} ({}–{})", w.band(b.band), b.lowest, b.highest),
                &b.curve,
                false,
            )
        })
        .collect();
    let test = r.band_test.map_or_else(
        || w.log_rank_none.to_owned(),
        |t| (w.log_rank)(t.chi2, t.df, t.p_value),
    );
    view! {
        <section class="card report-section" aria-labelledby="duos-title" data-testid="report-duos">
            <h2 id="duos-title">{w.sections[0]}</h2>
            <p>{w.duos_intro}</p>
            <p class="report-key"><strong>{(w.duos_count)(r.duos, r.ended)}</strong></p>
            <p class="report-key">{w.median_duration}": "<strong>{median}</strong></p>
            <ul class="report-key-list">{retention.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
            {(r.skipped > 0).then(|| view! { <p class="muted">{(w.skipped)(r.skipped)}</p> })}
            <StepChart
                id="chart-duos".into()
                title=w.curve_title.into()
                desc=w.curve_desc.into()
                x_label=w.after_days.into()
                series=vec![curve_series(w.share_together.into(), &r.curve, true)]
            />
            {table_view(lang, &tables[1], false)}
            {folded_table(lang, &tables[4], false)}
            <h3>{w.early_title}</h3>
            {if tables[2].rows.is_empty() { view! { <p class="muted">{w.no_data}</p> }.into_any() } else { table_view(lang, &tables[2], false).into_any() }}
            <h3>{w.bands_title}</h3>
            <StepChart
                id="chart-bands".into()
                title=w.bands_chart.into()
                desc=w.curve_desc.into()
                x_label=w.after_days.into()
                series=bands
            />
            <p>{test}</p>
            {table_view(lang, &tables[3], false)}
        </section>
    }
    .into_any()
}

fn waiting_view(lang: Lang, r: &Waiting, names: &[(i64, String)]) -> AnyView {
    let w = words(lang);
    let tables = waiting_tables(lang, r, names);
    let weekly = Bars {
        categories: r
            .weeks
            .iter()
            .map(|k| short_month(lang, k.starts_on))
            .collect(),
        series: vec![(
            w.waiting_col.into(),
            r.weeks
                .iter()
                .map(|k| f64::from(k.waiting_at_start))
                .collect(),
        )],
        stacked: false,
        line: None,
    };
    let flows = Bars {
        categories: weekly.categories.clone(),
        series: vec![
            (
                w.new_col.into(),
                r.weeks.iter().map(|k| f64::from(k.new)).collect(),
            ),
            (
                w.matched_col.into(),
                r.weeks.iter().map(|k| f64::from(k.matched)).collect(),
            ),
            (
                w.left_col.into(),
                r.weeks.iter().map(|k| f64::from(k.left)).collect(),
            ),
        ],
        stacked: true,
        line: None,
    };
    let wait_part = if r.people == 0 {
        no_data(lang)
    } else {
        let p80 = r
            .p80
            .and_then(|m| m.days)
            .map_or_else(|| w.not_yet.to_owned(), |d| format!("{d} {}", w.days));
        view! {
            <p class="report-key"><strong>{(w.wait_count)(r.people, r.matched)}</strong></p>
            <p class="report-key">{w.median_wait}": "<strong>{median_text(lang, r.median)}</strong></p>
            <p class="report-key">{w.p80_wait}": "<strong>{p80}</strong></p>
            <StepChart
                id="chart-wait".into()
                title=w.wait_title.into()
                desc=w.wait_curve_desc.into()
                x_label=w.after_days.into()
                series=vec![curve_series(w.share_waiting.into(), &r.curve, true)]
            />
            {table_view(lang, &tables[0], false)}
            <h3>{w.by_municipality}</h3>
            {table_view(lang, &tables[1], false)}
            <h3>{w.by_gender}</h3>
            {table_view(lang, &tables[2], false)}
        }
        .into_any()
    };
    view! {
        <section class="card report-section" aria-labelledby="waiting-title" data-testid="report-waiting">
            <h2 id="waiting-title">{w.weekly_title}</h2>
            <p>{w.waiting_intro}</p>
            <BarChart id="chart-weekly".into() title=w.weekly_title.into() desc=w.weekly_desc.into() x_label=w.week_of.into() bars=weekly />
            <BarChart id="chart-flows".into() title=w.flows_title.into() desc=w.flows_desc.into() x_label=w.week_of.into() bars=flows />
            {folded_table(lang, &tables[3], false)}
            <h3>{w.left_reasons_title}</h3>
            <p>{w.left_reasons_desc}</p>
            {if r.left_reasons.is_empty() {
                view! { <p class="muted">{w.left_reasons_none}</p> }.into_any()
            } else {
                table_view(lang, &tables[4], false).into_any()
            }}
        </section>
        <section class="card report-section" aria-labelledby="wait-title">
            <h2 id="wait-title">{w.wait_title}</h2>
            {wait_part}
        </section>
    }
    .into_any()
}

fn activity_view(lang: Lang, r: &Activity) -> AnyView {
    let (w, t) = (words(lang), lang.texts());
    if r.duos == 0 {
        return no_data(lang);
    }
    let tables = activity_tables(lang, r);
    let categories: Vec<String> = r
        .months
        .iter()
        .map(|m| short_month(lang, m.month))
        .collect();
    let per_duo = Bars {
        categories: categories.clone(),
        series: vec![(
            w.per_duo.into(),
            r.months
                .iter()
                .map(|m| m.per_duo().unwrap_or(0.0))
                .collect(),
        )],
        stacked: false,
        line: Some((
            w.agreed_per_duo.into(),
            r.months
                .iter()
                .map(|m| m.agreed_per_duo().unwrap_or(0.0))
                .collect(),
        )),
    };
    let moods = Bars {
        categories,
        series: crate::domain::activity::Mood::ALL
            .iter()
            .enumerate()
            .map(|(i, mood)| {
                (
                    (t.mood_word)(*mood).to_owned(),
                    r.months.iter().map(|m| f64::from(m.moods[i])).collect(),
                )
            })
            .collect(),
        stacked: true,
        line: None,
    };
    view! {
        <section class="card report-section" aria-labelledby="activity-title" data-testid="report-activity">
            <h2 id="activity-title">{w.sections[2]}</h2>
            <p>{w.activity_intro}</p>
            <p class="report-key"><strong>{(w.faded)(r.faded, r.duos)}</strong></p>
            <p class="report-key"><strong>{(w.evaluations)(r.evaluations_held, r.evaluations_due)}</strong></p>
            <BarChart id="chart-per-duo".into() title=w.per_duo.into() desc=w.per_duo_desc.into() x_label=w.month.into() bars=per_duo />
            <BarChart id="chart-moods".into() title=w.moods_title.into() desc=w.moods_desc.into() x_label=w.month.into() bars=moods />
            {table_view(lang, &tables[0], false)}
        </section>
    }
    .into_any()
}

fn buddies_view(lang: Lang, r: &Funnel, iv: &Intervision, published: bool) -> AnyView {
    let w = words(lang);
    let tables = buddies_tables(lang, r, iv);
    // The partner's charts show only what its tables show: no small counts.
    let shown = |n: u32| {
        if published && n > 0 && n < crate::stats::MIN_CELL {
            0.0
        } else {
            f64::from(n)
        }
    };
    let funnel = if r.total.applied == 0 {
        no_data(lang)
    } else {
        let bars = Bars {
            categories: r
                .months
                .iter()
                .map(|m| short_month(lang, m.month))
                .collect(),
            series: vec![
                (
                    w.applied.into(),
                    r.months.iter().map(|m| shown(m.applied)).collect(),
                ),
                (
                    w.approved.into(),
                    r.months.iter().map(|m| shown(m.approved)).collect(),
                ),
                (
                    w.first_duo.into(),
                    r.months.iter().map(|m| shown(m.first_duo)).collect(),
                ),
            ],
            stacked: false,
            line: None,
        };
        let sources = Bars {
            categories: r
                .by_source
                .iter()
                .map(|(source, _)| (w.source_short)(*source).to_owned())
                .collect(),
            series: vec![
                (
                    w.applied.into(),
                    r.by_source.iter().map(|(_, m)| shown(m.applied)).collect(),
                ),
                (
                    w.approved.into(),
                    r.by_source.iter().map(|(_, m)| shown(m.approved)).collect(),
                ),
                (
                    w.first_duo.into(),
                    r.by_source
                        .iter()
                        .map(|(_, m)| shown(m.first_duo))
                        .collect(),
                ),
            ],
            stacked: false,
            line: None,
        };
        view! {
            <section class="card report-section" aria-labelledby="funnel-title" data-testid="report-buddies">
                <h2 id="funnel-title">{w.sections[3]}</h2>
                <p>{w.funnel_intro}</p>
                <BarChart id="chart-funnel".into() title=w.sections[3].into() desc=w.funnel_desc.into() x_label=w.month.into() bars />
                {table_view(lang, &tables[0], published)}
                <BarChart id="chart-source".into() title=w.by_source_title.into() desc=w.by_source_desc.into() x_label=w.source_col.into() bars=sources />
                {table_view(lang, &tables[1], published)}
            </section>
        }
        .into_any()
    };
    let intervision = if iv.sessions.is_empty() {
        view! { <p class="muted">{w.intervision_none}</p> }.into_any()
    } else {
        let bars = Bars {
            categories: iv
                .sessions
                .iter()
                .map(|x| short_month(lang, x.on))
                .collect(),
            series: vec![
                (
                    w.invited_col.into(),
                    iv.sessions.iter().map(|x| shown(x.invited)).collect(),
                ),
                (
                    w.came_col.into(),
                    iv.sessions.iter().map(|x| shown(x.attended)).collect(),
                ),
            ],
            stacked: false,
            line: None,
        };
        // The same rule as the tables' cells: small counts hidden when published.
        let hide = |n: u32| Value::Count(n).show(lang, published);
        let key = (w.intervision_key)(
            iv.sessions.len().to_string(),
            hide(iv.attended),
            hide(iv.invited),
        );
        let buddies = (w.intervision_buddies)(hide(iv.buddies_came), hide(iv.buddies_invited));
        view! {
            <p class="report-key"><strong>{key}</strong></p>
            <p class="report-key">{buddies}</p>
            <BarChart id="chart-intervision".into() title=w.intervision_title.into() desc=w.intervision_desc.into() x_label=w.session_col.into() bars />
            {table_view(lang, &tables[2], published)}
        }
        .into_any()
    };
    view! {
        {funnel}
        <section class="card report-section" aria-labelledby="intervision-title" data-testid="report-intervision">
            <h2 id="intervision-title">{w.intervision_title}</h2>
            <p>{w.intervision_intro}</p>
            {intervision}
        </section>
        {published.then(|| view! { <p class="muted">{w.exports_note}</p> })}
    }
    .into_any()
}

/// "mrt 26" / "Mar 26": short enough for a month under a bar.
fn short_month(lang: Lang, month: chrono::NaiveDate) -> String {
    let name = month_name(lang, month);
    let mut parts = name.split(' ');
    let m: String = parts.next().unwrap_or_default().chars().take(3).collect();
    let y = parts.next().unwrap_or_default();
    format!("{m} {}", y.get(2..).unwrap_or(y))
}

/// The yearly report: every figure of the period on A4, with a short text of the
/// coordinator's own that is printed with it but not stored.
#[component]
pub fn PrintReportPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = Resource::new(asked, |ask| async move {
        let programme = load_programme().await?;
        let mut answers = Vec::new();
        for section in Section::ALL {
            answers.push(load_report(section, ask.clone()).await?);
        }
        Ok::<_, AppError>((programme.name, answers))
    });
    view! {
        <Title text=move || words(i18n.lang()).print_title.to_owned() />
        <RequireRole roles=STAFF_ADMIN>
            <div class="no-print"><ReportNav current=None /></div>
            <Transition fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    match data.await {
                        Ok((name, answers)) => view! { <PrintReport name answers /> }.into_any(),
                        Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    }
                })}
            </Transition>
        </RequireRole>
    }
}

#[component]
fn PrintReport(name: String, answers: Vec<Answer>) -> impl IntoView {
    let i18n = use_i18n();
    let period = answers.first().map(|a| a.period);
    let heading = move || {
        let w = words(i18n.lang());
        match period {
            Some(Ok(p)) => format!(
                "{} {} — {} – {}",
                w.print_title,
                name,
                p.from.format("%d/%m/%Y"),
                p.to.format("%d/%m/%Y")
            ),
            _ => format!("{} {}", w.print_title, name),
        }
    };
    let problem = match period {
        Some(Err(p)) => Some(p),
        _ => None,
    };
    let print = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <article class="print-report" data-testid="print-report">
            <h1>{heading}</h1>
            {problem.map(|p| view! { <p class="field-error" role="alert">{move || (words(i18n.lang()).problem)(p)}</p> })}
            <div class="field no-print-border">
                <label for="report-note">{move || words(i18n.lang()).print_note_label}</label>
                <textarea id="report-note" rows="4" class="print-report__note"></textarea>
            </div>
            <p class="no-print">
                <button type="button" class="btn btn--primary" on:click=print>{move || words(i18n.lang()).print_button}</button>
            </p>
            {answers.into_iter().filter_map(|a| a.body).map(|body| view! { <Figures body published=false /> }).collect_view()}
        </article>
    }
}
