//! Importing and exporting participants and buddies as CSV (the spreadsheets coordinators
//! keep today). Nothing is written until the coordinator confirms, and then in one
//! transaction.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::api::ctx::Ctx;
use crate::domain::import::{ImportKind, RowReport};
use crate::error::AppError;

/// Largest file accepted, in bytes: a programme's lists are far smaller.
pub const MAX_CSV_BYTES: usize = 1024 * 1024;

/// What an import would do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportPreview {
    /// What was checked, sent back so that the confirmation sends the very same.
    pub kind: ImportKind,
    pub csv: String,
    pub headings: Vec<String>,
    /// The field of each column (guessed from the headings, or as chosen).
    pub mapping: Vec<String>,
    pub rows: usize,
    pub valid: usize,
    /// The rows with problems (the first 200).
    pub invalid: Vec<RowReport>,
}

/// Reads a CSV text (comma or semicolon separated) into its heading and rows.
#[cfg(feature = "ssr")]
fn read_csv(text: &str) -> Result<(Vec<String>, Vec<Vec<String>>), AppError> {
    use crate::domain::validation::Problem;

    if text.len() > MAX_CSV_BYTES {
        return Err(AppError::validation(
            "file",
            Problem::TooLong { max: MAX_CSV_BYTES },
        ));
    }
    // A file in another encoding than UTF-8 arrives with replacement characters.
    if text.contains('\u{FFFD}') || text.contains('\0') {
        return Err(AppError::validation("file", Problem::Invalid));
    }
    let text = text.trim_start_matches('\u{FEFF}');
    let first = text.lines().next().unwrap_or_default();
    // Commas, semicolons (Belgian spreadsheets), or tabs (cells pasted from a spreadsheet).
    let delimiter = [b'\t', b';', b',']
        .into_iter()
        .max_by_key(|d| first.matches(*d as char).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headings: Vec<String> = reader
        .headers()
        .map_err(|_| AppError::validation("file", Problem::Invalid))?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    if headings.iter().all(|h| h.is_empty()) {
        return Err(AppError::validation("file", Problem::Required));
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|_| AppError::validation("file", Problem::Invalid))?;
        if record.iter().all(|v| v.trim().is_empty()) {
            continue;
        }
        rows.push(record.iter().map(str::to_owned).collect());
    }
    Ok((headings, rows))
}

/// Checks every row; `Ok` items are what would be written.
#[cfg(feature = "ssr")]
async fn check_rows(
    cx: &Ctx,
    kind: ImportKind,
    text: &str,
    mapping: Option<Vec<String>>,
) -> Result<(Vec<String>, Vec<String>, Vec<Result<Row, RowReport>>), AppError> {
    use crate::domain::import::{
        buddy_row, check_mapping, guess_field, participant_row, stone_row,
    };

    let (headings, rows) = read_csv(text)?;
    let mapping = match mapping {
        Some(m) if !m.is_empty() => m,
        _ => headings
            .iter()
            .map(|h| guess_field(kind, h).to_owned())
            .collect(),
    };
    check_mapping(kind, &mapping, headings.len())
        .map_err(|p| AppError::validation("mapping", p))?;
    let lists = crate::db::lists::load(&cx.state.db, false).await?;
    let words = crate::i18n::explain_stones::words();
    let (today, by) = (cx.today, cx.user.id);
    let checked = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let name = mapping
                .iter()
                .zip(row)
                .filter(|(f, _)| matches!(f.as_str(), "first_name" | "last_name" | "title"))
                .map(|(_, v)| v.trim())
                .collect::<Vec<_>>()
                .join(" ");
            let report = |problems| RowReport {
                line: i + 2,
                name: name.clone(),
                problems,
            };
            match kind {
                ImportKind::Participants => participant_row(row, &mapping, &lists, today, by)
                    .map(Row::Participant)
                    .map_err(report),
                ImportKind::Buddies => buddy_row(row, &mapping, &lists, today)
                    .map(Row::Buddy)
                    .map_err(report),
                ImportKind::SteppingStones => stone_row(row, &mapping, &lists, &words, today)
                    .map(Row::Stone)
                    .map_err(report),
            }
        })
        .collect();
    Ok((headings, mapping, checked))
}

#[cfg(feature = "ssr")]
enum Row {
    Participant(crate::domain::people::Intake),
    Buddy(crate::domain::people::Application),
    Stone(crate::domain::stepping_stone::NewOffer),
}

#[server(endpoint = "preview_import")]
pub async fn preview_import(
    kind: ImportKind,
    csv: String,
    mapping: Option<Vec<String>>,
) -> Result<ImportPreview, AppError> {
    let cx = Ctx::authorize::<PreviewImport>().await?;
    let (headings, mapping, checked) = check_rows(&cx, kind, &csv, mapping).await?;
    let rows = checked.len();
    let invalid: Vec<RowReport> = checked.into_iter().filter_map(|r| r.err()).collect();
    Ok(ImportPreview {
        kind,
        csv,
        headings,
        mapping,
        rows,
        valid: rows - invalid.len(),
        invalid: invalid.into_iter().take(200).collect(),
    })
}

/// Writes the rows: all of them (refused while any has a problem), or only the valid ones.
#[server(endpoint = "confirm_import")]
pub async fn confirm_import(
    kind: ImportKind,
    csv: String,
    mapping: Option<Vec<String>>,
    only_valid: bool,
) -> Result<usize, AppError> {
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let cx = Ctx::authorize::<ConfirmImport>().await?;
    let (_, _, checked) = check_rows(&cx, kind, &csv, mapping).await?;
    let problems: Vec<_> = checked.iter().filter_map(|r| r.as_ref().err()).collect();
    if !problems.is_empty() && !only_valid {
        return Err(AppError::validation(
            "file",
            crate::domain::validation::Problem::Invalid,
        ));
    }
    let (by, today, now) = (cx.user.id, cx.today, cx.now);
    let txn = cx.begin().await?;
    let mut written = 0;
    for row in checked.into_iter().flatten() {
        let (kind, id) = match row {
            Row::Participant(intake) => (
                RecordKind::Participant,
                crate::db::participants::create(&txn, &intake, by, now).await?,
            ),
            Row::Buddy(application) => (
                RecordKind::Buddy,
                crate::db::buddies::create(&txn, &application, Some(by), today, now).await?,
            ),
            Row::Stone(offer) => (
                RecordKind::ListEntry(crate::domain::lists::ListKind::SteppingStones),
                crate::db::stepping_stones::create(&txn, &offer, today).await?,
            ),
        };
        cx.audit(&txn, AuditAction::Create, Record::new(kind, id))
            .await?;
        written += 1;
    }
    txn.commit().await?;
    Ok(written)
}

/// The list as CSV (semicolons, as Belgian spreadsheets expect), for what the caller may
/// see. The export itself is written to the audit log.
#[server(endpoint = "export_csv")]
pub async fn export_csv(kind: ImportKind) -> Result<String, AppError> {
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let cx = Ctx::authorize::<ExportCsv>().await?;
    let (state, user, today) = (&cx.state, &cx.user, cx.today);
    let lists = crate::db::lists::load(&state.db, true).await?;
    let mut out = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    let write_err = |e: csv::Error| AppError::internal(e);
    let record_kind = match kind {
        ImportKind::Participants => {
            out.write_record([
                "id",
                "voornaam",
                "familienaam",
                "geboortedatum",
                "gemeente",
                "status",
                "wacht sinds",
                "laatste contact",
                "interesses",
            ])
            .map_err(write_err)?;
            let mut filter = crate::domain::people::ParticipantFilter::default();
            loop {
                let rows = crate::db::participants::list(&state.db, &filter, today).await?;
                for r in &rows.rows {
                    let detail = crate::db::participants::find(&state.db, r.id).await?;
                    let (birth, interests) = detail
                        .map(|d| {
                            let names: Vec<String> = d
                                .intake
                                .profile
                                .interests
                                .iter()
                                .filter_map(|i| lists.interest(*i).map(|x| x.name.clone()))
                                .collect();
                            (d.intake.profile.birth_date.to_string(), names.join(", "))
                        })
                        .unwrap_or_default();
                    out.write_record([
                        r.id.to_string(),
                        r.first_name.clone(),
                        r.last_name.clone(),
                        birth,
                        r.municipality.clone(),
                        r.status.code().to_owned(),
                        r.waiting_since.to_string(),
                        r.last_contact_on.map(|d| d.to_string()).unwrap_or_default(),
                        interests,
                    ])
                    .map_err(write_err)?;
                }
                if (filter.people.page + 1) * crate::domain::people::PAGE_SIZE >= rows.total {
                    break;
                }
                filter.people.page += 1;
            }
            RecordKind::Participant
        }
        ImportKind::Buddies => {
            use crate::domain::account::Role;
            out.write_record([
                "id",
                "voornaam",
                "familienaam",
                "gemeente",
                "status",
                "kandidaat sinds",
                "screener",
            ])
            .map_err(write_err)?;
            let screener = (user.role == Role::Screener).then_some(user.id);
            let mut filter = crate::domain::people::BuddyFilter::default();
            loop {
                let rows = crate::db::buddies::list(&state.db, &filter, screener, today).await?;
                for r in &rows.rows {
                    out.write_record([
                        r.id.to_string(),
                        r.first_name.clone(),
                        r.last_name.clone(),
                        r.municipality.clone(),
                        r.status.code().to_owned(),
                        r.applied_on.to_string(),
                        r.screener.clone().unwrap_or_default(),
                    ])
                    .map_err(write_err)?;
                }
                if (filter.page + 1) * crate::domain::people::PAGE_SIZE >= rows.total {
                    break;
                }
                filter.page += 1;
            }
            RecordKind::Buddy
        }
        ImportKind::SteppingStones => {
            write_stones(&mut out, &state.db, &lists).await?;
            RecordKind::ListEntry(crate::domain::lists::ListKind::SteppingStones)
        }
    };
    let bytes = out.into_inner().map_err(AppError::internal)?;
    let record = Record::new(record_kind, "export");
    cx.audit(&state.db, AuditAction::Read, record).await?;
    String::from_utf8(bytes).map_err(AppError::internal)
}

/// The catalogue under the headings the import reads, in Dutch words, so that an exported
/// file imports again.
#[cfg(feature = "ssr")]
async fn write_stones(
    out: &mut csv::Writer<Vec<u8>>,
    db: &impl crate::db::Connection,
    lists: &crate::domain::lists::Lists,
) -> Result<(), AppError> {
    use crate::domain::import::{STONE_FIELDS, STONE_SYNONYMS};
    use crate::domain::stepping_stone::Cost;
    use crate::i18n::{Lang, explain, explain_stones};

    let heading = |field: &'static str| -> &'static str {
        STONE_SYNONYMS
            .iter()
            .find(|(_, f)| *f == field)
            .map(|(h, _)| *h)
            .unwrap_or(field)
    };
    let write_err = |e: csv::Error| AppError::internal(e);
    out.write_record(STONE_FIELDS.iter().skip(1).map(|f| heading(f)))
        .map_err(write_err)?;
    let euros = |c: u32| crate::domain::stepping_stone::euros_text(c);
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    for o in crate::db::stepping_stones::all(db, false).await? {
        let (price, uitpas) = match o.cost {
            Cost::Free => (String::new(), String::new()),
            Cost::Amount {
                cents,
                uitpas_cents,
            } => (euros(cents), uitpas_cents.map(euros).unwrap_or_default()),
        };
        let join = |v: Vec<String>| v.join("; ");
        out.write_record([
            o.title.clone(),
            o.provider.clone(),
            explain_stones::offer_kind(Lang::Nl, o.kind).to_owned(),
            o.description.clone(),
            o.municipality_id
                .and_then(|m| lists.municipality(m))
                .map(|m| m.name.clone())
                .unwrap_or_default(),
            o.address.clone(),
            join(
                o.slots
                    .slots()
                    .map(|s| explain::slot(Lang::Nl, s))
                    .collect(),
            ),
            date(o.starts_on),
            date(o.ends_on),
            price,
            uitpas,
            join(
                o.accessibility
                    .iter()
                    .map(|a| explain_stones::access(Lang::Nl, *a).to_owned())
                    .collect(),
            ),
            join(
                o.interests
                    .iter()
                    .filter_map(|i| lists.interest(*i).map(|x| x.name.clone()))
                    .collect(),
            ),
            o.contact.clone(),
            o.link.clone(),
            o.last_checked.to_string(),
        ])
        .map_err(write_err)?;
    }
    Ok(())
}
