use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::ProgrammeResource;
use crate::api::audit::{AUDIT_PAGE, list_audit};
use crate::components::error_panel::ErrorPanel;
use crate::components::guard::RequireRole;
use crate::components::suspend::suspend;
use crate::components::table_wrap::TableWrap;
use crate::domain::account::ADMIN;
use crate::domain::audit::AuditAction;
use crate::domain::time::format_date_time;
use crate::i18n::use_i18n;

/// Filters live in the query string (an action code and a page cursor: no personal data),
/// so the page works as a plain GET form without JavaScript.
#[component]
pub fn AuditPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || i18n.t().audit_title.to_owned() />
        <RequireRole roles=ADMIN>
            <h1>{move || i18n.t().audit_title}</h1>
            <p class="muted">{move || i18n.t().audit_intro}</p>
            <AuditTable />
        </RequireRole>
    }
}

#[component]
fn AuditTable() -> impl IntoView {
    let i18n = use_i18n();
    let programme = expect_context::<ProgrammeResource>();
    let query = use_query_map();
    let filter = move || {
        let q = query.get();
        (
            q.get("action").and_then(|a| AuditAction::from_code(&a)),
            q.get("before").and_then(|b| b.parse::<i32>().ok()),
        )
    };
    let entries = Resource::new(filter, |(action, before)| list_audit(action, before));
    let selected = move || filter().0;
    view! {
        <form method="get" class="filters">
            <div class="field">
                <label for="audit-action">{move || i18n.t().audit_filter_action}</label>
                <select id="audit-action" name="action">
                    <option value="">{move || i18n.t().audit_all_actions}</option>
                    {AuditAction::ALL.into_iter().map(|a| view! {
                        <option value=a.code() selected=move || selected() == Some(a)>
                            {move || (i18n.t().audit_action)(a)}
                        </option>
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="btn">{move || i18n.t().filter}</button>
        </form>
        <Transition fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
            {move || suspend(async move {
                let tz = programme.await.map(|p| p.tz()).unwrap_or(crate::domain::time::DEFAULT_TIME_ZONE);
                let rows = match entries.await {
                    Ok(rows) => rows,
                    Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                };
                let older = (rows.len() as u64 == AUDIT_PAGE).then(|| {
                    let last = rows.last().map(|r| r.id).unwrap_or_default();
                    let action = selected().map(|a| format!("action={}&", a.code())).unwrap_or_default();
                    format!("?{action}before={last}")
                });
                view! {
                    <TableWrap label=|t| t.audit_title>
                        <table>
                            <thead>
                                <tr>
                                    <th scope="col">{move || i18n.t().col_when}</th>
                                    <th scope="col">{move || i18n.t().col_who}</th>
                                    <th scope="col">{move || i18n.t().col_action}</th>
                                    <th scope="col">{move || i18n.t().col_record}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows.into_iter().map(|r| {
                                    let who = r.actor_name.clone();
                                    let record = match (&r.record_kind, &r.record_id) {
                                        (Some(k), Some(id)) => format!("{k} #{id}"),
                                        (Some(k), None) => k.clone(),
                                        _ => String::new(),
                                    };
                                    view! {
                                        <tr>
                                            <td>{format_date_time(r.at, tz)}</td>
                                            <td>{move || who.clone().unwrap_or_else(|| i18n.t().nobody.to_owned())}</td>
                                            <td>{move || (i18n.t().audit_action)(r.action)}</td>
                                            <td>{record}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </TableWrap>
                    {older.map(|href| view! { <p class="actions"><a class="btn" href=href>{move || i18n.t().older}</a></p> })}
                }.into_any()
            })}
        </Transition>
    }
}
