//! The reports in words (issue 19): headings, explanations and the tables of every report,
//! in plain Dutch and English. The tables are made here once and read by the pages, the
//! print page and the CSV and XLSX exports alike.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::activity::Mood;
use crate::domain::event::HeardVia;
use crate::domain::profile::Gender;
use crate::domain::report::{
    Activity, Band, Body, DuoDurations, Funnel, GroupWait, Intervision, PeriodProblem, Preset,
    Waiting,
};
use crate::i18n::Lang;
use crate::stats::{MIN_CELL, Median, suppress};

/// The words of the reports in one language.
pub struct Words {
    pub title: &'static str,
    pub intro: &'static str,
    pub period: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub show: &'static str,
    pub presets: [&'static str; 4],
    pub sections: [&'static str; 4],
    pub print: &'static str,
    pub print_title: &'static str,
    pub print_note_label: &'static str,
    pub print_button: &'static str,
    pub download: &'static str,
    pub csv: &'static str,
    pub xlsx: &'static str,
    pub exports_note: &'static str,
    pub no_data: &'static str,
    pub table_data: &'static str,
    pub days: &'static str,
    pub after_months: &'static str,
    pub not_yet: &'static str,
    // How long duos last.
    pub duos_intro: &'static str,
    pub duos_count: fn(u32, u32) -> String,
    pub median_duration: &'static str,
    pub no_median: &'static str,
    pub ci: &'static str,
    pub still_together: fn(u32) -> String,
    pub early_title: &'static str,
    pub within: fn(u32) -> String,
    pub reason: &'static str,
    pub bands_title: &'static str,
    pub bands: [&'static str; 3],
    pub scores: &'static str,
    pub duos_col: &'static str,
    pub ended_col: &'static str,
    pub log_rank: fn(f64, u32, f64) -> String,
    pub log_rank_none: &'static str,
    pub skipped: fn(u32) -> String,
    pub curve_title: &'static str,
    pub curve_desc: &'static str,
    pub after_days: &'static str,
    pub share_together: &'static str,
    pub band_low: &'static str,
    pub band_high: &'static str,
    // How long people wait.
    pub waiting_intro: &'static str,
    pub weekly_title: &'static str,
    pub weekly_desc: &'static str,
    pub flows_title: &'static str,
    pub flows_desc: &'static str,
    pub bands_chart: &'static str,
    pub week_of: &'static str,
    pub waiting_col: &'static str,
    pub new_col: &'static str,
    pub matched_col: &'static str,
    pub left_col: &'static str,
    pub paused_col: &'static str,
    pub wait_title: &'static str,
    pub wait_count: fn(u32, u32) -> String,
    pub median_wait: &'static str,
    pub p80_wait: &'static str,
    pub wait_curve_desc: &'static str,
    pub share_waiting: &'static str,
    pub by_municipality: &'static str,
    pub by_gender: &'static str,
    pub municipality: &'static str,
    pub gender: &'static str,
    pub people_col: &'static str,
    // Activity.
    pub activity_intro: &'static str,
    pub month: &'static str,
    pub active_duos: &'static str,
    pub activities_col: &'static str,
    pub per_duo: &'static str,
    pub agreed_per_duo: &'static str,
    pub per_duo_desc: &'static str,
    pub moods_title: &'static str,
    pub moods_desc: &'static str,
    pub faded: fn(u32, u32) -> String,
    pub evaluations: fn(u32, u32) -> String,
    // Buddies.
    pub funnel_intro: &'static str,
    pub funnel_desc: &'static str,
    pub applied: &'static str,
    pub screening: &'static str,
    pub approved: &'static str,
    pub first_duo: &'static str,
    pub active_12: &'static str,
    pub total: &'static str,
    // Leaving without a match, by reason.
    pub left_reasons_title: &'static str,
    pub left_reasons_desc: &'static str,
    pub left_reasons_none: &'static str,
    // The funnel by source.
    pub by_source_title: &'static str,
    pub by_source_desc: &'static str,
    pub source_col: &'static str,
    pub no_answer: &'static str,
    // Intervision.
    pub intervision_title: &'static str,
    pub intervision_intro: &'static str,
    pub intervision_desc: &'static str,
    pub intervision_none: &'static str,
    /// Sessions, attendances, invitations (counts, written out: the partner's are hidden
    /// when small).
    pub intervision_key: fn(String, String, String) -> String,
    pub intervision_buddies: fn(String, String) -> String,
    pub source_short: fn(Option<HeardVia>) -> &'static str,
    pub session_col: &'static str,
    pub invited_col: &'static str,
    pub came_col: &'static str,
    pub attendance_col: &'static str,
    pub problem: fn(PeriodProblem) -> &'static str,
}

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}

const NL: Words = Words {
    title: "Rapporten",
    intro: "Cijfers over de duo's, de wachtlijst en de buddy's, voor het jaarverslag en om te leren wat werkt. Geen namen: enkel aantallen en duur.",
    period: "Periode",
    from: "Van",
    to: "Tot en met",
    show: "Toon",
    presets: [
        "Laatste 12 maanden",
        "Dit jaar",
        "Vorig jaar",
        "Sinds de start",
    ],
    sections: ["Hoe lang duo's duren", "Wachten", "Activiteiten", "Buddy's"],
    print: "Jaarverslag (afdrukken)",
    print_title: "Jaarverslag",
    print_note_label: "Korte tekst bij het verslag (wordt mee afgedrukt, niet bewaard)",
    print_button: "Afdrukken of bewaren als pdf",
    download: "Downloaden",
    csv: "CSV",
    xlsx: "Excel (xlsx)",
    exports_note: "Exports bevatten enkel aantallen en duur; groepjes kleiner dan 5 staan er als \u{201c}< 5\u{201d}.",
    no_data: "Geen gegevens in deze periode.",
    table_data: "De cijfers in een tabel",
    days: "dagen",
    after_months: "Na maanden",
    not_yet: "nog niet te zeggen",
    duos_intro: "Duo's die in deze periode hun overeenkomst tekenden, gevolgd tot vandaag. Duo's die nog lopen tellen mee tot vandaag (gecensureerd), niet als gestopt.",
    duos_count: |n, ended| format!("{n} duo's, waarvan {ended} gestopt."),
    median_duration: "Mediane duur",
    no_median: "Nog geen mediaan: meer dan de helft van de duo's loopt nog.",
    ci: "95%-betrouwbaarheidsinterval",
    still_together: |m| format!("Nog samen na {m} maanden"),
    early_title: "Vroeg gestopt, per reden",
    within: |m| format!("Binnen {m} maanden"),
    reason: "Reden",
    bands_title: "Duur volgens de matchingscore",
    bands: ["Laagste derde", "Middelste derde", "Hoogste derde"],
    scores: "Scores",
    duos_col: "Duo's",
    ended_col: "Gestopt",
    log_rank: |chi2, df, p| {
        format!(
            "Log-ranktoets: χ² = {chi2:.2} ({df} vrijheidsgraden), p = {p:.3}. Een kleine p (onder 0,05) wijst erop dat de score voorspelt hoe lang duo's duren."
        )
    },
    log_rank_none: "Te weinig gegevens om de groepen te vergelijken.",
    skipped: |n| format!("{n} rij(en) met een einde vóór de start zijn weggelaten."),
    curve_title: "Aandeel duo's nog samen",
    curve_desc: "Kaplan-Meiercurve: het aandeel duo's dat na zoveel dagen nog samen is, met de 95%-band.",
    after_days: "Dagen na de overeenkomst",
    share_together: "Nog samen",
    band_low: "Ondergrens",
    band_high: "Bovengrens",
    waiting_intro: "De wachtlijst week per week, herbouwd uit de statuswijzigingen, en de tijd van intake tot een getekende overeenkomst (wie nog wacht telt mee tot vandaag).",
    weekly_title: "De wachtlijst per week",
    weekly_desc: "Aantal wachtenden bij het begin van elke week.",
    flows_title: "Wie kwam en wie ging, per week",
    flows_desc: "Per week, gestapeld: wie nieuw op de wachtlijst kwam, wie een duo kreeg en wie wegging zonder match.",
    bands_chart: "Nog samen, per derde van de matchingscore",
    week_of: "Week van",
    waiting_col: "Wachtend",
    new_col: "Nieuw",
    matched_col: "Gematcht",
    left_col: "Weg zonder match",
    paused_col: "Gepauzeerd",
    wait_title: "Van intake tot overeenkomst",
    wait_count: |n, matched| {
        format!(
            "{n} mensen met een intake in deze periode, van wie {matched} een overeenkomst tekenden."
        )
    },
    median_wait: "Mediane wachttijd",
    p80_wait: "80% had een overeenkomst na",
    wait_curve_desc: "Kaplan-Meiercurve: het aandeel mensen dat na zoveel dagen nog wacht.",
    share_waiting: "Wacht nog",
    by_municipality: "Per gemeente",
    by_gender: "Per gender",
    municipality: "Gemeente",
    gender: "Gender",
    people_col: "Mensen",
    activity_intro: "Activiteiten per actief duo en per maand, naast wat de overeenkomsten vragen; de check-ins van de buddy's; de evaluatiegesprekken.",
    month: "Maand",
    active_duos: "Actieve duo's",
    activities_col: "Activiteiten",
    per_duo: "Per duo",
    agreed_per_duo: "Afgesproken per duo",
    per_duo_desc: "Activiteiten per actief duo per maand (balk) en wat de overeenkomsten afspreken (lijn).",
    moods_title: "Check-ins per maand",
    moods_desc: "Hoe de activiteiten gingen volgens de buddy's, van slecht tot heel goed, per maand gestapeld.",
    faded: |faded, duos| {
        format!(
            "{faded} van de {duos} actieve duo's vielen een tijd stil (langer dan hun ritme en de marge)."
        )
    },
    evaluations: |held, due| {
        format!("{held} van de {due} geplande evaluatiegesprekken zijn gehouden.")
    },
    funnel_intro: "Kandidaat-buddy's per maand van aanmelding: hoe ver ze kwamen, en wie na 12 maanden nog meedoet.",
    funnel_desc: "Aanmeldingen, goedgekeurd en met een eerste duo, per maand van aanmelding.",
    applied: "Aangemeld",
    screening: "Naar screening",
    approved: "Goedgekeurd",
    first_duo: "Eerste duo",
    active_12: "Na 12 maanden nog actief",
    total: "Totaal",
    left_reasons_title: "Weg zonder match, per reden",
    left_reasons_desc: "Het aantal mensen dat de wachtlijst verliet zonder een buddy, per reden die de coördinator noteerde bij het afsluiten.",
    left_reasons_none: "In deze periode verliet niemand de wachtlijst zonder match.",
    by_source_title: "Per bron: hoe hoorden ze van ons?",
    by_source_desc: "Per antwoord op de vraag hoe iemand van het programma hoorde: aanmeldingen, goedgekeurd, met een eerste duo.",
    source_col: "Hoe hoorden ze van ons",
    no_answer: "Geen antwoord",
    intervision_title: "Intervisie",
    intervision_intro: "De intervisiesessies die doorgingen in deze periode: hoeveel buddy's uitgenodigd waren en hoeveel er kwamen.",
    intervision_desc: "Per sessie: uitgenodigde buddy's en buddy's die kwamen.",
    intervision_none: "In deze periode ging er geen intervisie door.",
    intervision_key: |sessions, attended, invited| {
        format!("{sessions} sessies; {attended} keer aanwezig op {invited} uitnodigingen")
    },
    intervision_buddies: |came, invited| {
        format!("{came} van de {invited} uitgenodigde buddy's kwamen minstens één keer")
    },
    session_col: "Sessie",
    invited_col: "Uitgenodigd",
    came_col: "Aanwezig",
    attendance_col: "Aanwezig (deel)",
    source_short: |h| match h {
        Some(HeardVia::Campaign) => "Actie",
        Some(HeardVia::Friends) => "Vrienden",
        Some(HeardVia::Website) => "Website",
        Some(HeardVia::Municipality) => "Gemeente",
        Some(HeardVia::Other) => "Anders",
        None => "Geen antw.",
    },
    problem: |p| match p {
        PeriodProblem::NotADate => "Dat is geen datum. Schrijf bijvoorbeeld 2026-01-31.",
        PeriodProblem::EndBeforeStart => "Het einde ligt vóór het begin.",
        PeriodProblem::TooLong => "Kies een periode van hoogstens 30 jaar.",
    },
};

const EN: Words = Words {
    title: "Reports",
    intro: "Figures about the duos, the waiting list and the buddies, for the yearly report and to learn what works. No names: counts and durations only.",
    period: "Period",
    from: "From",
    to: "Up to and including",
    show: "Show",
    presets: [
        "Last 12 months",
        "This year",
        "Last year",
        "Since the start",
    ],
    sections: ["How long duos last", "Waiting", "Activities", "Buddies"],
    print: "Yearly report (print)",
    print_title: "Yearly report",
    print_note_label: "A short text for the report (printed with it, not stored)",
    print_button: "Print or save as PDF",
    download: "Download",
    csv: "CSV",
    xlsx: "Excel (xlsx)",
    exports_note: "Exports hold counts and durations only; groups smaller than 5 show as \u{201c}< 5\u{201d}.",
    no_data: "No data in this period.",
    table_data: "The figures as a table",
    days: "days",
    after_months: "After months",
    not_yet: "too early to tell",
    duos_intro: "Duos that signed their agreement in this period, followed until today. Duos still going count until today (censored), not as ended.",
    duos_count: |n, ended| format!("{n} duos, of which {ended} ended."),
    median_duration: "Median duration",
    no_median: "No median yet: more than half of the duos are still going.",
    ci: "95% confidence interval",
    still_together: |m| format!("Still together after {m} months"),
    early_title: "Ended early, by reason",
    within: |m| format!("Within {m} months"),
    reason: "Reason",
    bands_title: "Duration by matching score",
    bands: ["Lowest third", "Middle third", "Highest third"],
    scores: "Scores",
    duos_col: "Duos",
    ended_col: "Ended",
    log_rank: |chi2, df, p| {
        format!(
            "Log-rank test: χ² = {chi2:.2} ({df} degrees of freedom), p = {p:.3}. A small p (below 0.05) suggests the score predicts how long duos last."
        )
    },
    log_rank_none: "Too little data to compare the groups.",
    skipped: |n| format!("{n} row(s) with an end before the start were left out."),
    curve_title: "Share of duos still together",
    curve_desc: "Kaplan-Meier curve: the share of duos still together after so many days, with the 95% band.",
    after_days: "Days after the agreement",
    share_together: "Still together",
    band_low: "Lower limit",
    band_high: "Upper limit",
    waiting_intro: "The waiting list week by week, rebuilt from the status changes, and the time from intake to a signed agreement (people still waiting count until today).",
    weekly_title: "The waiting list per week",
    weekly_desc: "People waiting at the start of each week.",
    flows_title: "Who came and who went, per week",
    flows_desc: "Per week, stacked: who joined the waiting list, who got a duo and who left without a match.",
    bands_chart: "Still together, by third of the matching score",
    week_of: "Week of",
    waiting_col: "Waiting",
    new_col: "New",
    matched_col: "Matched",
    left_col: "Left without a match",
    paused_col: "Paused",
    wait_title: "From intake to agreement",
    wait_count: |n, matched| {
        format!("{n} people with an intake in this period, of whom {matched} signed an agreement.")
    },
    median_wait: "Median wait",
    p80_wait: "80% had an agreement after",
    wait_curve_desc: "Kaplan-Meier curve: the share of people still waiting after so many days.",
    share_waiting: "Still waiting",
    by_municipality: "By municipality",
    by_gender: "By gender",
    municipality: "Municipality",
    gender: "Gender",
    people_col: "People",
    activity_intro: "Activities per active duo and month, beside what the agreements ask; the buddies' check-ins; the evaluation conversations.",
    month: "Month",
    active_duos: "Active duos",
    activities_col: "Activities",
    per_duo: "Per duo",
    agreed_per_duo: "Agreed per duo",
    per_duo_desc: "Activities per active duo per month (bars) and what the agreements ask (line).",
    moods_title: "Check-ins per month",
    moods_desc: "How the activities went according to the buddies, from bad to very good, stacked per month.",
    faded: |faded, duos| {
        format!(
            "{faded} of the {duos} active duos went quiet for a while (longer than their rhythm and the margin)."
        )
    },
    evaluations: |held, due| {
        format!("{held} of the {due} planned evaluation conversations were held.")
    },
    funnel_intro: "Candidate buddies per month of application: how far they came, and who is still taking part after 12 months.",
    funnel_desc: "Applications, approved and with a first duo, per month of application.",
    applied: "Applied",
    screening: "To screening",
    approved: "Approved",
    first_duo: "First duo",
    active_12: "Still active after 12 months",
    total: "Total",
    left_reasons_title: "Left without a match, by reason",
    left_reasons_desc: "The number of people who left the waiting list without a buddy, by the reason the coordinator recorded when closing the record.",
    left_reasons_none: "Nobody left the waiting list without a match in this period.",
    by_source_title: "By source: how did they hear of us?",
    by_source_desc: "Per answer to how someone heard of the programme: applications, approved, with a first duo.",
    source_col: "How they heard of us",
    no_answer: "No answer",
    intervision_title: "Intervision",
    intervision_intro: "The intervision sessions held in this period: how many buddies were invited and how many came.",
    intervision_desc: "Per session: buddies invited and buddies who came.",
    intervision_none: "No intervision session was held in this period.",
    intervision_key: |sessions, attended, invited| {
        format!("{sessions} sessions; {attended} attendances of {invited} invitations")
    },
    intervision_buddies: |came, invited| {
        format!("{came} of the {invited} buddies invited came at least once")
    },
    session_col: "Session",
    invited_col: "Invited",
    came_col: "Came",
    attendance_col: "Came (share)",
    source_short: |h| match h {
        Some(HeardVia::Campaign) => "Campaign",
        Some(HeardVia::Friends) => "Friends",
        Some(HeardVia::Website) => "Website",
        Some(HeardVia::Municipality) => "Municipality",
        Some(HeardVia::Other) => "Other",
        None => "No answer",
    },
    problem: |p| match p {
        PeriodProblem::NotADate => "That is not a date. Write, for example, 2026-01-31.",
        PeriodProblem::EndBeforeStart => "The end lies before the start.",
        PeriodProblem::TooLong => "Choose a period of at most 30 years.",
    },
};

impl Words {
    pub fn preset(&self, preset: Preset) -> &'static str {
        let i = Preset::ALL.iter().position(|p| *p == preset).unwrap_or(0);
        self.presets[i]
    }

    pub fn band(&self, band: Band) -> &'static str {
        let i = Band::ALL.iter().position(|b| *b == band).unwrap_or(0);
        self.bands[i]
    }
}

/// One cell of a report table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Value {
    Text(String),
    /// A number of people, duos, activities: suppressed below 5 when published.
    Count(u32),
    /// A number of days; `None` where it cannot be said yet.
    Days(Option<u32>),
    /// A share between 0 and 1.
    Share(Option<f64>),
    /// A ratio (activities per duo).
    Number(Option<f64>),
}

impl Value {
    /// As shown; `published` hides small counts ("< 5").
    pub fn show(&self, lang: Lang, published: bool) -> String {
        let w = words(lang);
        match self {
            Value::Text(t) => t.clone(),
            Value::Count(n) if published => suppress(*n, MIN_CELL).to_string(),
            Value::Count(n) => n.to_string(),
            Value::Days(Some(d)) => d.to_string(),
            Value::Days(None) | Value::Share(None) | Value::Number(None) => w.not_yet.into(),
            Value::Share(Some(s)) => decimal(lang, s * 100.0, 0) + " %",
            Value::Number(Some(x)) => decimal(lang, *x, 2),
        }
    }
}

/// A number with `places` decimals, with a decimal comma in Dutch.
pub fn decimal(lang: Lang, x: f64, places: usize) -> String {
    let x = if x.is_finite() { x } else { 0.0 };
    let text = format!("{x:.places$}");
    match lang {
        Lang::Nl => text.replace('.', ","),
        Lang::En => text,
    }
}

/// A report table: its file or sheet name, title, column headers and rows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub key: &'static str,
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

/// "12 maart 2026" style without the day: "maart 2026".
pub fn month_name(lang: Lang, month: NaiveDate) -> String {
    format!(
        "{} {}",
        lang.texts().months[month.month0() as usize],
        month.year()
    )
}

/// A median with its interval: "120 dagen (95%: 80–200)".
pub fn median_text(lang: Lang, median: Option<Median>) -> String {
    let w = words(lang);
    let show = |d: Option<u32>| d.map_or_else(|| "?".to_owned(), |d| d.to_string());
    match median.and_then(|m| m.days.map(|d| (d, m))) {
        None => w.not_yet.into(),
        Some((d, m)) => format!(
            "{d} {} ({}: {}–{})",
            w.days,
            w.ci,
            show(m.lower),
            show(m.upper)
        ),
    }
}

fn median_cells(m: Option<Median>) -> [Value; 3] {
    [
        Value::Days(m.and_then(|m| m.days)),
        Value::Days(m.and_then(|m| m.lower)),
        Value::Days(m.and_then(|m| m.upper)),
    ]
}

pub fn duo_tables(lang: Lang, r: &DuoDurations) -> Vec<Table> {
    let (w, t) = (words(lang), lang.texts());
    let summary = Table {
        key: "duos",
        title: w.sections[0].into(),
        headers: vec![
            w.duos_col.into(),
            w.ended_col.into(),
            format!("{} ({})", w.median_duration, w.days),
            w.band_low.into(),
            w.band_high.into(),
        ],
        rows: vec![
            [Value::Count(r.duos), Value::Count(r.ended)]
                .into_iter()
                .chain(median_cells(r.median))
                .collect(),
        ],
    };
    let retention = Table {
        key: "retention",
        title: w.share_together.into(),
        headers: vec![
            w.after_months.into(),
            w.share_together.into(),
            w.band_low.into(),
            w.band_high.into(),
        ],
        rows: r
            .retention
            .iter()
            .map(|x| {
                vec![
                    Value::Text(x.months.to_string()),
                    Value::Share(x.share.map(|s| s.0)),
                    Value::Share(x.share.map(|s| s.1)),
                    Value::Share(x.share.map(|s| s.2)),
                ]
            })
            .collect(),
    };
    let early = Table {
        key: "early_endings",
        title: w.early_title.into(),
        headers: vec![w.reason.into(), (w.within)(3), (w.within)(6)],
        rows: r
            .early
            .iter()
            .map(|e| {
                vec![
                    Value::Text((t.end_reason)(e.reason).into()),
                    Value::Count(e.within_3),
                    Value::Count(e.within_6),
                ]
            })
            .collect(),
    };
    let bands = Table {
        key: "score_bands",
        title: w.bands_title.into(),
        headers: vec![
            w.bands_title.into(),
            w.scores.into(),
            w.duos_col.into(),
            w.ended_col.into(),
            format!("{} ({})", w.median_duration, w.days),
            w.band_low.into(),
            w.band_high.into(),
        ],
        rows: r
            .bands
            .iter()
            .map(|b| {
                [
                    Value::Text(w.band(b.band).into()),
                    Value::Text(format!("{}–{}", b.lowest, b.highest)),
                    Value::Count(b.duos),
                    Value::Count(b.ended),
                ]
                .into_iter()
                .chain(median_cells(b.median))
                .collect()
            })
            .collect(),
    };
    let curve = Table {
        key: "duo_curve",
        title: w.curve_title.into(),
        headers: vec![
            w.after_days.into(),
            w.duos_col.into(),
            w.ended_col.into(),
            w.share_together.into(),
            w.band_low.into(),
            w.band_high.into(),
        ],
        rows: r
            .curve
            .steps
            .iter()
            .map(|s| {
                vec![
                    Value::Days(Some(s.days)),
                    Value::Count(s.at_risk),
                    Value::Count(s.events),
                    Value::Share(Some(s.survival)),
                    Value::Share(Some(s.lower)),
                    Value::Share(Some(s.upper)),
                ]
            })
            .collect(),
    };
    vec![summary, retention, early, bands, curve]
}

fn group_rows<K>(groups: &[GroupWait<K>], name: impl Fn(&K) -> String) -> Vec<Vec<Value>> {
    groups
        .iter()
        .map(|g| {
            [
                Value::Text(name(&g.key)),
                Value::Count(g.people),
                Value::Count(g.matched),
            ]
            .into_iter()
            .chain(median_cells(g.median))
            .collect()
        })
        .collect()
}

pub fn waiting_tables(lang: Lang, r: &Waiting, municipalities: &[(i64, String)]) -> Vec<Table> {
    let (w, t) = (words(lang), lang.texts());
    let weekly = Table {
        key: "waiting_weekly",
        title: w.weekly_title.into(),
        headers: vec![
            w.week_of.into(),
            w.waiting_col.into(),
            w.new_col.into(),
            w.matched_col.into(),
            w.left_col.into(),
            w.paused_col.into(),
        ],
        rows: r
            .weeks
            .iter()
            .map(|k| {
                vec![
                    Value::Text(k.starts_on.to_string()),
                    Value::Count(k.waiting_at_start),
                    Value::Count(k.new),
                    Value::Count(k.matched),
                    Value::Count(k.left),
                    Value::Count(k.paused),
                ]
            })
            .collect(),
    };
    let group_headers = |first: &str| {
        vec![
            first.to_owned(),
            w.people_col.into(),
            w.matched_col.into(),
            format!("{} ({})", w.median_wait, w.days),
            w.band_low.into(),
            w.band_high.into(),
        ]
    };
    let summary = Table {
        key: "wait",
        title: w.wait_title.into(),
        headers: vec![
            w.people_col.into(),
            w.matched_col.into(),
            format!("{} ({})", w.median_wait, w.days),
            w.band_low.into(),
            w.band_high.into(),
            format!("{} ({})", w.p80_wait, w.days),
        ],
        rows: vec![
            [Value::Count(r.people), Value::Count(r.matched)]
                .into_iter()
                .chain(median_cells(r.median))
                .chain([Value::Days(r.p80.and_then(|m| m.days))])
                .collect(),
        ],
    };
    let by_municipality = Table {
        key: "wait_by_municipality",
        title: w.by_municipality.into(),
        headers: group_headers(w.municipality),
        rows: group_rows(&r.by_municipality, |id| {
            municipalities
                .iter()
                .find(|(m, _)| m == id)
                .map_or_else(|| "?".to_owned(), |(_, name)| name.clone())
        }),
    };
    let by_gender = Table {
        key: "wait_by_gender",
        title: w.by_gender.into(),
        headers: group_headers(w.gender),
        rows: group_rows(&r.by_gender, |g: &Gender| (t.gender)(*g).to_owned()),
    };
    let left_reasons = Table {
        key: "wait_left_reasons",
        title: w.left_reasons_title.into(),
        headers: vec![w.reason.into(), w.people_col.into()],
        rows: r
            .left_reasons
            .iter()
            .map(|(reason, n)| {
                let name = reason.map_or(t.leave_reason_none, |r| (t.leave_reason)(r));
                vec![Value::Text(name.into()), Value::Count(*n)]
            })
            .collect(),
    };
    vec![summary, by_municipality, by_gender, weekly, left_reasons]
}

pub fn activity_tables(lang: Lang, r: &Activity) -> Vec<Table> {
    let (w, t) = (words(lang), lang.texts());
    let months = Table {
        key: "activity_monthly",
        title: w.sections[2].into(),
        headers: [
            w.month,
            w.active_duos,
            w.activities_col,
            w.per_duo,
            w.agreed_per_duo,
        ]
        .into_iter()
        .map(str::to_owned)
        .chain(Mood::ALL.iter().map(|m| (t.mood_word)(*m).to_owned()))
        .collect(),
        rows: r
            .months
            .iter()
            .map(|m| {
                [
                    Value::Text(month_name(lang, m.month)),
                    Value::Count(m.active_duos),
                    Value::Count(m.activities),
                    Value::Number(m.per_duo()),
                    Value::Number(m.agreed_per_duo()),
                ]
                .into_iter()
                .chain(m.moods.iter().map(|n| Value::Count(*n)))
                .collect()
            })
            .collect(),
    };
    vec![months]
}

pub fn buddies_tables(lang: Lang, r: &Funnel, iv: &Intervision) -> Vec<Table> {
    let w = words(lang);
    // The funnel's steps, after the column that says whose they are.
    let steps = |first: &str| {
        [
            first,
            w.applied,
            w.screening,
            w.approved,
            w.first_duo,
            w.active_12,
        ]
        .into_iter()
        .map(str::to_owned)
        .collect()
    };
    let row = |label: String, m: &crate::domain::report::FunnelMonth| {
        vec![
            Value::Text(label),
            Value::Count(m.applied),
            Value::Count(m.screening),
            Value::Count(m.approved),
            Value::Count(m.first_duo),
            m.active_after_12.map_or(Value::Days(None), Value::Count),
        ]
    };
    let funnel = Table {
        key: "buddy_funnel",
        title: w.sections[3].into(),
        headers: steps(w.month),
        rows: r
            .months
            .iter()
            .map(|m| row(month_name(lang, m.month), m))
            .chain([row(w.total.into(), &r.total)])
            .collect(),
    };
    let heard = crate::i18n::events::words(lang).heard_name;
    let by_source = Table {
        key: "buddy_funnel_source",
        title: w.by_source_title.into(),
        headers: steps(w.source_col),
        rows: r
            .by_source
            .iter()
            .map(|(source, m)| row(source.map_or(w.no_answer, heard).into(), m))
            .collect(),
    };
    let share = |came: u32, invited: u32| {
        Value::Share((invited > 0).then(|| f64::from(came) / f64::from(invited)))
    };
    let sessions = Table {
        key: "intervision",
        title: w.intervision_title.into(),
        headers: [w.session_col, w.invited_col, w.came_col, w.attendance_col]
            .into_iter()
            .map(str::to_owned)
            .collect(),
        rows: iv
            .sessions
            .iter()
            .map(|x| {
                vec![
                    Value::Text(x.on.to_string()),
                    Value::Count(x.invited),
                    Value::Count(x.attended),
                    share(x.attended, x.invited),
                ]
            })
            .chain((!iv.sessions.is_empty()).then(|| {
                vec![
                    Value::Text(w.total.into()),
                    Value::Count(iv.invited),
                    Value::Count(iv.attended),
                    share(iv.attended, iv.invited),
                ]
            }))
            .collect(),
    };
    vec![funnel, by_source, sessions]
}

/// Every table of one report.
pub fn tables_of(lang: Lang, body: &Body) -> Vec<Table> {
    match body {
        Body::Duos(r) => duo_tables(lang, r),
        Body::Waiting(r, names) => waiting_tables(lang, r, names),
        Body::Activity(r) => activity_tables(lang, r),
        Body::Buddies(r, iv) => buddies_tables(lang, r, iv),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_counts_are_hidden_only_when_published() {
        assert_eq!(Value::Count(3).show(Lang::Nl, true), "< 5");
        assert_eq!(Value::Count(3).show(Lang::Nl, false), "3");
        assert_eq!(Value::Count(0).show(Lang::Nl, true), "0");
        assert_eq!(Value::Share(Some(0.126)).show(Lang::Nl, true), "13 %");
        assert_eq!(Value::Number(Some(1.5)).show(Lang::Nl, true), "1,50");
        assert_eq!(Value::Number(Some(f64::NAN)).show(Lang::En, true), "0.00");
        assert_eq!(Value::Days(None).show(Lang::En, true), "too early to tell");
    }
}
