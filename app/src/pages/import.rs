//! Import from a spreadsheet (paste the cells or the CSV text), and export as CSV.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::import::{ConfirmImport, ExportCsv, PreviewImport};
use crate::components::escape::raw_text_element;
use crate::components::form::{FormError, action_error};
use crate::components::guard::RequireRole;
use crate::components::table_wrap::TableWrap;
use crate::domain::account::STAFF_ADMIN;
use crate::i18n::use_i18n;

/// Percent-encodes text for a `data:` address.
fn data_url(text: &str) -> String {
    let mut out = String::from("data:text/csv;charset=utf-8,");
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let i18n = use_i18n();
    let preview = ServerAction::<PreviewImport>::new();
    let confirm = ServerAction::<ConfirmImport>::new();
    let export = ServerAction::<ExportCsv>::new();
    let preview_error = action_error(preview);
    let confirm_error = action_error(confirm);
    let export_error = action_error(export);
    let kind_select = move |id: &'static str| {
        view! {
            <div class="field">
                <label for=id>{move || i18n.t().import_kind}</label>
                <select id=id name="kind">
                    <option value="participants">{move || i18n.t().nav_participants}</option>
                    <option value="buddies">{move || i18n.t().nav_buddies}</option>
                    <option value="stepping_stones">{move || i18n.t().stones_title}</option>
                </select>
            </div>
        }
    };
    view! {
        <Title text=move || i18n.t().import_title.to_owned() />
        <RequireRole roles=STAFF_ADMIN>
            <h1>{move || i18n.t().import_title}</h1>
            <section class="card form-card form-card--wide" aria-labelledby="import-title">
                <h2 id="import-title">{move || i18n.t().import_heading}</h2>
                <p>{move || i18n.t().import_intro}</p>
                <ActionForm action=preview>
                    <FormError error=preview_error />
                    {kind_select("import-kind")}
                    <div class="field">
                        <label for="import-csv">{move || i18n.t().import_paste}</label>
                        <textarea id="import-csv" name="csv" rows="8" class="mono"></textarea>
                        {move || preview_error.read().as_ref().and_then(|e| e.problem_at("file").map(|p| (i18n.t().problem)(p)))
                            .map(|m| view! { <span class="field-error">{m}</span> })}
                    </div>
                    <button type="submit" class="btn btn--primary" disabled=move || preview.pending().get()>
                        {move || i18n.t().import_check}
                    </button>
                </ActionForm>
            </section>
            {move || {
                preview.value().get().and_then(|r| r.ok()).map(|p| {
                    let (kind, csv) = (p.kind, p.csv.clone());
                    let kind_code = match kind {
                        crate::domain::import::ImportKind::Participants => "participants",
                        crate::domain::import::ImportKind::Buddies => "buddies",
                        crate::domain::import::ImportKind::SteppingStones => "stepping_stones",
                    };
                    let mapping = p.mapping.clone();
                    view! {
                        <section class="card" aria-labelledby="import-report" role="status">
                            <h2 id="import-report">{move || i18n.t().import_report}</h2>
                            <p>{move || (i18n.t().import_counts)(p.rows, p.valid)}</p>
                            <ActionForm action=confirm>
                                <FormError error=confirm_error />
                                <input type="hidden" name="kind" value=kind_code />
                                <textarea name="csv" hidden>{raw_text_element(csv.clone())}</textarea>
                                <TableWrap label=|t| t.import_title>
                                    <table>
                                        <thead><tr>
                                            <th scope="col">{move || i18n.t().import_column}</th>
                                            <th scope="col">{move || i18n.t().import_field}</th>
                                        </tr></thead>
                                        <tbody>
                                            {p.headings.iter().zip(mapping).enumerate().map(|(i, (h, field))| {
                                                let id = format!("map-{i}");
                                                view! {
                                                    <tr>
                                                        <td><label for=id.clone()>{h.clone()}</label></td>
                                                        <td>
                                                            <select id=id name="mapping[]">
                                                                {kind.fields().iter().map(|f| view! {
                                                                    <option value=*f selected=*f == field>{move || (i18n.t().import_field_name)(f)}</option>
                                                                }).collect_view()}
                                                            </select>
                                                        </td>
                                                    </tr>
                                                }
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                </TableWrap>
                                {(!p.invalid.is_empty()).then(|| view! {
                                    <h3>{move || i18n.t().import_problems}</h3>
                                    <ul class="list">
                                        {p.invalid.iter().map(|r| {
                                            let problems = r.problems.clone();
                                            let (line, name) = (r.line, r.name.clone());
                                            view! {
                                                <li class="list__row">
                                                    <div>
                                                        <strong>{move || (i18n.t().import_line)(line)}" "{name.clone()}</strong><br />
                                                        <span class="muted">{move || problems.iter().map(|(f, pr)| format!("{f}: {}", (i18n.t().problem)(pr))).collect::<Vec<_>>().join(" · ")}</span>
                                                    </div>
                                                </li>
                                            }
                                        }).collect_view()}
                                    </ul>
                                })}
                                <p class="actions">
                                    <button type="submit" name="only_valid" value="false" class="btn btn--primary" disabled=p.valid != p.rows>
                                        {move || i18n.t().import_all}
                                    </button>
                                    <button type="submit" name="only_valid" value="true" class="btn" disabled=p.valid == 0>
                                        {move || i18n.t().import_valid_only}
                                    </button>
                                </p>
                            </ActionForm>
                        </section>
                    }
                })
            }}
            {move || confirm.value().get().and_then(|r| r.ok()).map(|n| view! {
                <p class="banner banner--ok" role="status">{move || (i18n.t().import_done)(n)}</p>
            })}
            <section class="card form-card" aria-labelledby="export-title">
                <h2 id="export-title">{move || i18n.t().export_heading}</h2>
                <ActionForm action=export>
                    <FormError error=export_error />
                    {kind_select("export-kind")}
                    <button type="submit" class="btn">{move || i18n.t().export_prepare}</button>
                </ActionForm>
                {move || export.value().get().and_then(|r| r.ok()).map(|text| view! {
                    <p><a class="btn btn--primary" download="klik-export.csv" href=data_url(&text)>{move || i18n.t().export_download}</a></p>
                })}
            </section>
        </RequireRole>
    }
}
