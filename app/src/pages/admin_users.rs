use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::users::{EndUserSessions, UpdateUserAccess, UserRow, list_users};
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{FormError, action_error};
use crate::components::guard::RequireRole;
use crate::domain::account::{CurrentUser, Role};
use crate::i18n::use_i18n;

#[component]
pub fn UsersPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || i18n.t().users_title.to_owned() />
        <RequireRole roles=&[Role::Admin, Role::Coordinator]>
            <h1>{move || i18n.t().users_title}</h1>
            <UserTable />
        </RequireRole>
    }
}

#[component]
fn UserTable() -> impl IntoView {
    let i18n = use_i18n();
    let me = expect_context::<CurrentUser>();
    let is_admin = me.role == Role::Admin;
    let update = ServerAction::<UpdateUserAccess>::new();
    let end = ServerAction::<EndUserSessions>::new();
    let error = action_error(update);
    let users = Resource::new(
        move || (update.version().get(), end.version().get()),
        |_| list_users(),
    );
    view! {
        <FormError error />
        <Transition fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
            {move || Suspend::new(async move {
                let rows = match users.await {
                    Ok(rows) => rows,
                    Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                };
                view! {
                    <div class="table-wrap">
                        <table>
                            <thead>
                                <tr>
                                    <th scope="col">{move || i18n.t().col_name}</th>
                                    <th scope="col">{move || i18n.t().col_email}</th>
                                    <th scope="col">{move || i18n.t().col_role}</th>
                                    <th scope="col">{move || i18n.t().col_status}</th>
                                    <th scope="col">{move || i18n.t().col_actions}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows.into_iter().map(|u| view! { <UserLine u is_admin update end /> }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            })}
        </Transition>
    }
}

#[component]
fn UserLine(
    u: UserRow,
    is_admin: bool,
    update: ServerAction<UpdateUserAccess>,
    end: ServerAction<EndUserSessions>,
) -> impl IntoView {
    let i18n = use_i18n();
    let role = u.role;
    let status = move || {
        let t = i18n.t();
        if !u.active {
            t.status_disabled
        } else if !u.has_password {
            t.status_invited
        } else {
            t.status_active
        }
    };
    let select_id = format!("role-{}", u.id);
    view! {
        <tr>
            <td>{u.display_name.clone()}</td>
            <td>{u.email.clone()}</td>
            <td>{move || (i18n.t().role)(role)}</td>
            <td>{status}</td>
            <td>
                {is_admin.then(|| view! {
                    <div class="row-actions">
                        <ActionForm action=update attr:class="inline-form">
                            <input type="hidden" name="change[id]" value=u.id />
                            <input type="hidden" name="change[version]" value=u.version />
                            <input type="hidden" name="change[active]" value=u.active.to_string() />
                            <label class="visually-hidden" for=select_id.clone()>{move || i18n.t().col_role}</label>
                            <select id=select_id.clone() name="change[role]">
                                {Role::ALL.into_iter().map(|r| view! {
                                    <option value=r.code() selected=r == role>{move || (i18n.t().role)(r)}</option>
                                }).collect_view()}
                            </select>
                            <button type="submit" class="btn">{move || i18n.t().user_save_role}</button>
                        </ActionForm>
                        <ActionForm action=update attr:class="inline-form">
                            <input type="hidden" name="change[id]" value=u.id />
                            <input type="hidden" name="change[version]" value=u.version />
                            <input type="hidden" name="change[role]" value=role.code() />
                            <input type="hidden" name="change[active]" value=(!u.active).to_string() />
                            <button type="submit" class="btn btn--danger">
                                {move || if u.active { i18n.t().user_disable } else { i18n.t().user_enable }}
                            </button>
                        </ActionForm>
                        <ActionForm action=end attr:class="inline-form">
                            <input type="hidden" name="id" value=u.id />
                            <button type="submit" class="btn">{move || i18n.t().user_end_sessions}</button>
                        </ActionForm>
                    </div>
                })}
            </td>
        </tr>
    }
}
