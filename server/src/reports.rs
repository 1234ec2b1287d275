//! The reports' downloads: every table as CSV (semicolons, UTF-8 with a byte-order mark, so
//! that a Dutch Excel opens it as it is) and a report as an `.xlsx` workbook with one sheet
//! per table.
//!
//! - `GET /reports/export/{section}/{table}.csv`
//! - `GET /reports/export/{section}.xlsx`
//!
//! Both take the page's period (`?preset=` or `?from=&to=`) and answer for whom the report's
//! server function (`LoadReport`) answers, by the same access policy. The files hold counts
//! and durations only, and counts from 1 to 4 are written as "< 5".

use app::api::reports::{LoadReport, build};
use app::domain::report::{Ask, Section};
use app::i18n::Lang;
use app::i18n::reports::{Table, Value, tables_of, words};
use app::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// The period, as the report pages send it.
#[derive(serde::Deserialize, Default)]
pub struct PeriodQuery {
    preset: Option<String>,
    from: Option<String>,
    to: Option<String>,
}

const BOM: &[u8] = b"\xEF\xBB\xBF";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// `GET /reports/export/{section}/{file}`: `file` is `{table}.csv`.
pub async fn csv(
    State(state): State<AppState>,
    Path((section, file)): Path<(String, String)>,
    Query(query): Query<PeriodQuery>,
    headers: HeaderMap,
) -> Response {
    let Some(key) = file.strip_suffix(".csv") else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let key = key.to_owned();
    answer(&state, &section, query, &headers, move |lang, tables| {
        let table = tables.into_iter().find(|t| t.key == key)?;
        let mut out = csv::WriterBuilder::new()
            .delimiter(b';')
            .from_writer(BOM.to_vec());
        let _ = out.write_record(&table.headers);
        for row in &table.rows {
            let _ = out.write_record(row.iter().map(|v| v.show(lang, true)));
        }
        let bytes = out.into_inner().ok()?;
        Some(file_response(
            bytes,
            "text/csv; charset=utf-8",
            &format!("klik-{}.csv", table.key),
        ))
    })
    .await
}

/// `GET /reports/export/{file}`: `file` is `{section}.xlsx`.
pub async fn xlsx(
    State(state): State<AppState>,
    Path(file): Path<String>,
    Query(query): Query<PeriodQuery>,
    headers: HeaderMap,
) -> Response {
    let Some(section) = file.strip_suffix(".xlsx").and_then(Section::from_code) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let name = format!("klik-{}.xlsx", section.code());
    let section = section.code();
    answer(&state, section, query, &headers, move |lang, tables| {
        let bytes = workbook(lang, &tables).ok()?;
        Some(file_response(bytes, XLSX, &name))
    })
    .await
}

/// Finds the caller, applies the policy, computes the report and hands its tables to
/// `make`; `None` from `make` is a table that does not exist.
async fn answer(
    state: &AppState,
    section: &str,
    query: PeriodQuery,
    headers: &HeaderMap,
    make: impl FnOnce(Lang, Vec<Table>) -> Option<Response>,
) -> Response {
    let Some(section) = Section::from_code(section) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let user = match app::auth::policy::authorize_headers::<LoadReport>(state, headers).await {
        Ok(user) => user,
        Err(app::error::AppError::Unauthenticated) => {
            return (StatusCode::SEE_OTHER, [(header::LOCATION, "/login")]).into_response();
        }
        Err(_) => return StatusCode::FORBIDDEN.into_response(),
    };
    let lang = headers
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .map(Lang::from_cookie_header)
        .unwrap_or_default();
    let ask = Ask {
        preset: query.preset,
        from: query.from,
        to: query.to,
    };
    let today = app::domain::time::local_date(state.clock.now(), state.config.time_zone);
    let answer = match build::answer(state, section, &ask, today, None).await {
        Ok(answer) => answer,
        Err(error) => {
            tracing::error!(%error, user = user.id, "report export failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let tables = match (answer.period, answer.body) {
        (Err(problem), _) => {
            let text = (words(lang).problem)(problem);
            return (StatusCode::BAD_REQUEST, text).into_response();
        }
        (Ok(_), None) => Vec::new(),
        (Ok(_), Some(body)) => tables_of(lang, &body),
    };
    make(lang, tables).unwrap_or_else(|| StatusCode::NOT_FOUND.into_response())
}

/// One sheet per table: the title, the headers, then the rows; counts as numbers unless
/// hidden ("< 5"), shares as numbers formatted as percentages.
fn workbook(lang: Lang, tables: &[Table]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};

    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let percent = Format::new().set_num_format("0.0%");
    for table in tables {
        let sheet = book.add_worksheet();
        // Sheet names: at most 31 characters, and no `[]:*?/\`.
        let name: String = table.key.chars().take(31).collect();
        sheet.set_name(&name)?;
        sheet.write_string_with_format(0, 0, &table.title, &bold)?;
        for (c, h) in table.headers.iter().enumerate() {
            sheet.write_string_with_format(2, c as u16, h, &bold)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            let r = r as u32 + 3;
            for (c, value) in row.iter().enumerate() {
                let c = c as u16;
                match value {
                    Value::Count(n) if *n == 0 || *n >= app::stats::MIN_CELL => {
                        sheet.write_number(r, c, f64::from(*n))?;
                    }
                    Value::Days(Some(d)) => {
                        sheet.write_number(r, c, f64::from(*d))?;
                    }
                    Value::Share(Some(s)) => {
                        sheet.write_number_with_format(r, c, *s, &percent)?;
                    }
                    Value::Number(Some(x)) if x.is_finite() => {
                        sheet.write_number(r, c, *x)?;
                    }
                    other => {
                        sheet.write_string(r, c, other.show(lang, true))?;
                    }
                }
            }
        }
    }
    book.save_to_buffer()
}

/// A download: never cached, saved under `name` (which names no person).
pub(crate) fn file_response(bytes: Vec<u8>, content_type: &'static str, name: &str) -> Response {
    let mut response = Response::new(axum::body::Body::from(bytes));
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}
