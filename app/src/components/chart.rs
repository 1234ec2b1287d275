//! Charts drawn on the server as SVG with Leptos's own elements: they show at once, print,
//! and work without JavaScript. Each is a figure whose caption names it and whose
//! description says what it shows; the numbers are also in a table beside it (WCAG 1.1.1).
//! Series differ by line style and position as well as by colour, so colour never carries
//! the meaning alone.

use leptos::prelude::*;

/// The drawing's own units; the figure scales it to its width (at most 38rem).
const WIDTH: f64 = 400.0;
const HEIGHT: f64 = 240.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 24.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 36.0;
/// About how wide a tick's character is drawn, in the drawing's units, at the phone's
/// larger type (`main.css`: 16 units under 40rem, 11 above).
const CHAR_WIDTH: f64 = 9.0;

fn plot_width() -> f64 {
    WIDTH - LEFT - RIGHT
}

fn plot_height() -> f64 {
    HEIGHT - TOP - BOTTOM
}

/// A curve of steps (a Kaplan–Meier estimate): from (0, 1) down at each point, with an
/// optional band drawn as a shaded area.
#[derive(Clone, Debug, PartialEq)]
pub struct StepSeries {
    pub label: String,
    /// (x, y) after each step, x ascending, y from 0 to 1.
    pub points: Vec<(f64, f64)>,
    /// (x, lower, upper) after each step.
    pub band: Vec<(f64, f64, f64)>,
}

/// Bars per category, side by side or stacked, with an optional line across them.
#[derive(Clone, Debug, PartialEq)]
pub struct Bars {
    pub categories: Vec<String>,
    pub series: Vec<(String, Vec<f64>)>,
    pub stacked: bool,
    pub line: Option<(String, Vec<f64>)>,
}

/// A "nice" top for an axis, at least `max`: a round number whose quarters read well.
fn nice_top(max: f64) -> f64 {
    if !(max.is_finite() && max > 0.0) {
        return 1.0;
    }
    let power = 10f64.powf(max.log10().floor());
    [1.0, 1.2, 1.6, 2.0, 2.4, 4.0, 8.0, 10.0]
        .into_iter()
        .map(|k| k * power)
        .find(|top| *top >= max)
        .unwrap_or(10.0 * power)
}

fn fmt(x: f64) -> String {
    format!("{x:.1}")
}

/// Tick labels: whole numbers without decimals.
fn tick(x: f64) -> String {
    if (x - x.round()).abs() < 1e-9 {
        format!("{x:.0}")
    } else {
        format!("{x:.1}")
    }
}

/// The frame around a plot: axes, the y ticks, and the captions.
fn axes(y_top: f64, y_suffix: &'static str, x_label: String) -> impl IntoView {
    let ticks: Vec<f64> = (0..=4).map(|i| y_top * f64::from(i) / 4.0).collect();
    view! {
        <g class="chart__axes">
            {ticks.into_iter().map(|t| {
                let y = TOP + plot_height() * (1.0 - t / y_top);
                view! {
                    <line class="chart__grid" x1=fmt(LEFT) x2=fmt(WIDTH - RIGHT) y1=fmt(y) y2=fmt(y) />
                    <text class="chart__tick" x=fmt(LEFT - 4.0) y=fmt(y + 4.0) text-anchor="end">
                        {format!("{}{y_suffix}", tick(t))}
                    </text>
                }
            }).collect_view()}
            <line class="chart__axis" x1=fmt(LEFT) x2=fmt(LEFT) y1=fmt(TOP) y2=fmt(TOP + plot_height()) />
            <line class="chart__axis" x1=fmt(LEFT) x2=fmt(WIDTH - RIGHT) y1=fmt(TOP + plot_height()) y2=fmt(TOP + plot_height()) />
            <text class="chart__label" x=fmt(LEFT + plot_width() / 2.0) y=fmt(HEIGHT - 4.0) text-anchor="middle">{x_label}</text>
        </g>
    }
}

/// The figure around a drawing: caption (the chart's name) and description for screen
/// readers and everyone else.
#[component]
fn Figure(
    id: String,
    title: String,
    desc: String,
    /// (label, series number, drawn as a line)
    legend: Vec<(String, usize, bool)>,
    children: Children,
) -> impl IntoView {
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    view! {
        <figure class="chart" data-testid=id.clone()>
            <figcaption id=title_id.clone() class="chart__title">{title}</figcaption>
            <svg
                class="chart__svg"
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                role="img"
                aria-labelledby=title_id
                aria-describedby=desc_id.clone()
                preserveAspectRatio="xMidYMid meet"
            >
                {children()}
            </svg>
            <ul class="chart__legend" aria-hidden="true">
                {legend.into_iter().map(|(label, n, line)| {
                    let key = if line { format!("chart__swatch chart__swatch--{n}") } else { format!("chart__key chart__key--{n}") };
                    view! { <li><span class=key></span>{label}</li> }
                }).collect_view()}
            </ul>
            <p id=desc_id class="chart__desc">{desc}</p>
        </figure>
    }
}

/// Steps down from 1 to the series' points over `x_max` on the x axis (shares in %).
#[component]
pub fn StepChart(
    id: String,
    title: String,
    desc: String,
    x_label: String,
    series: Vec<StepSeries>,
) -> impl IntoView {
    let x_max = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.0))
        .fold(0.0f64, f64::max)
        .max(1.0);
    let x_top = nice_top(x_max);
    let px = move |x: f64| LEFT + plot_width() * (x / x_top);
    let py = move |y: f64| TOP + plot_height() * (1.0 - y.clamp(0.0, 1.0));
    let path = move |points: &[(f64, f64)]| {
        let mut d = format!("M{} {}", fmt(px(0.0)), fmt(py(1.0)));
        for (x, y) in points {
            d.push_str(&format!(" H{} V{}", fmt(px(*x)), fmt(py(*y))));
        }
        d
    };
    let area = move |band: &[(f64, f64, f64)]| {
        if band.is_empty() {
            return String::new();
        }
        let mut d = format!("M{} {}", fmt(px(0.0)), fmt(py(1.0)));
        for (x, _, hi) in band {
            d.push_str(&format!(" H{} V{}", fmt(px(*x)), fmt(py(*hi))));
        }
        for (i, (x, lo, _)) in band.iter().enumerate().rev() {
            let next_x = band.get(i + 1).map_or(*x, |b| b.0);
            d.push_str(&format!(
                " H{} V{} H{}",
                fmt(px(next_x)),
                fmt(py(*lo)),
                fmt(px(*x))
            ));
        }
        d.push_str(&format!(" V{} H{} Z", fmt(py(1.0)), fmt(px(0.0))));
        d
    };
    let x_ticks: Vec<f64> = (0..=4).map(|i| x_top * f64::from(i) / 4.0).collect();
    let legend = series
        .iter()
        .enumerate()
        .map(|(i, s)| (s.label.clone(), i, true))
        .collect();
    view! {
        <Figure id title desc legend>
            {axes(100.0, " %", x_label)}
            {x_ticks.into_iter().map(|t| view! {
                <text class="chart__tick" x=fmt(px(t)) y=fmt(TOP + plot_height() + 14.0) text-anchor="middle">{tick(t)}</text>
            }).collect_view()}
            {series.iter().enumerate().map(|(i, s)| view! {
                <path class=format!("chart__band chart__band--{i}") d=area(&s.band) />
            }).collect_view()}
            {series.iter().enumerate().map(|(i, s)| view! {
                <path class=format!("chart__line chart__line--{i}") d=path(&s.points) />
            }).collect_view()}
        </Figure>
    }
}

/// Bars per category (side by side, or stacked), an optional line over them.
#[component]
pub fn BarChart(
    id: String,
    title: String,
    desc: String,
    x_label: String,
    bars: Bars,
) -> impl IntoView {
    let n = bars.categories.len().max(1);
    let totals: Vec<f64> = (0..n)
        .map(|c| {
            let values = bars
                .series
                .iter()
                .map(|(_, v)| v.get(c).copied().unwrap_or(0.0));
            if bars.stacked {
                values.sum()
            } else {
                values.fold(0.0, f64::max)
            }
        })
        .collect();
    let line_max = bars
        .line
        .as_ref()
        .map_or(0.0, |(_, v)| v.iter().copied().fold(0.0, f64::max));
    let top = nice_top(totals.iter().copied().fold(line_max, f64::max));
    let slot = plot_width() / n as f64;
    let groups = if bars.stacked {
        1
    } else {
        bars.series.len().max(1)
    };
    let bar_w = (slot * 0.8 / groups as f64).max(0.5);
    let py = move |y: f64| TOP + plot_height() * (1.0 - (y / top).clamp(0.0, 1.0));
    let mut rects = Vec::new();
    for c in 0..n {
        let mut base = 0.0;
        for (s, (_, values)) in bars.series.iter().enumerate() {
            let v = values.get(c).copied().unwrap_or(0.0).max(0.0);
            let x = LEFT
                + slot * c as f64
                + slot * 0.1
                + if bars.stacked { 0.0 } else { bar_w * s as f64 };
            let (y0, y1) = if bars.stacked {
                (base, base + v)
            } else {
                (0.0, v)
            };
            base += v;
            if v > 0.0 {
                rects.push((s, x, py(y1), bar_w, py(y0) - py(y1)));
            }
        }
    }
    // At most six labels under the axis, so that they stay apart on a phone; the table
    // has them all.
    let every = n.div_ceil(6).max(1);
    // Names wider than their slot (a few categories with long names, not months) go on two
    // staggered lines; the axis's own label then makes way (the caption names the chart).
    let crowded = every == 1
        && bars
            .categories
            .iter()
            .any(|c| c.chars().count() as f64 * CHAR_WIDTH > slot * 0.9);
    let labels: Vec<(f64, f64, String)> = bars
        .categories
        .iter()
        .enumerate()
        .filter(|(i, _)| i % every == 0)
        .map(|(i, c)| {
            let lower = if crowded && i % 2 == 1 { 12.0 } else { 0.0 };
            (LEFT + slot * (i as f64 + 0.5), lower, c.clone())
        })
        .collect();
    let x_label = if crowded { String::new() } else { x_label };
    let line = bars.line.as_ref().map(|(_, values)| {
        values
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let cmd = if i == 0 { "M" } else { " L" };
                format!(
                    "{cmd}{} {}",
                    fmt(LEFT + slot * (i as f64 + 0.5)),
                    fmt(py(*v))
                )
            })
            .collect::<String>()
    });
    let line_index = bars.series.len();
    let mut legend: Vec<(String, usize, bool)> = bars
        .series
        .iter()
        .enumerate()
        .map(|(i, (label, _))| (label.clone(), i, false))
        .collect();
    if let Some((label, _)) = &bars.line {
        legend.push((label.clone(), line_index, true));
    }
    view! {
        <Figure id title desc legend>
            {axes(top, "", x_label)}
            {labels.into_iter().map(|(x, lower, label)| view! {
                <text class="chart__tick" x=fmt(x) y=fmt(TOP + plot_height() + 14.0 + lower) text-anchor="middle">{label}</text>
            }).collect_view()}
            {rects.into_iter().map(|(s, x, y, w, h)| view! {
                <rect class=format!("chart__bar chart__bar--{s}") x=fmt(x) y=fmt(y) width=fmt(w) height=fmt(h.max(0.0)) />
            }).collect_view()}
            {line.map(|d| view! { <path class=format!("chart__line chart__line--{line_index}") d=d /> })}
        </Figure>
    }
}

#[cfg(test)]
mod tests {
    use super::nice_top;

    #[test]
    fn axis_tops_are_round_and_never_zero() {
        assert_eq!(nice_top(0.0), 1.0);
        assert_eq!(nice_top(f64::NAN), 1.0);
        // Tops whose quarters are round: 1, 4, 40, 0.6, 30 ...
        assert_eq!(nice_top(3.0), 4.0);
        assert_eq!(nice_top(15.0), 16.0);
        assert_eq!(nice_top(26.0), 40.0);
        assert_eq!(nice_top(100.0), 100.0);
        assert_eq!(nice_top(101.0), 120.0);
        assert!((nice_top(0.21) - 0.24).abs() < 1e-12);
    }
}
