use leptos::prelude::*;
use leptos_meta::Title;

use crate::ProgrammeResource;
use crate::api::invitations::{InviteUser, RenewInvitation, may_invite};
use crate::api::users::{EndUserSessions, UpdateUserAccess, UserRow, list_users};
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{Field, FormError, action_error};
use crate::components::guard::RequireRole;
use crate::components::suspend::suspend;
use crate::components::table_wrap::TableWrap;
use crate::domain::account::{CurrentUser, Role, STAFF_ADMIN};
use crate::domain::time::format_date_time;
use crate::i18n::use_i18n;

#[component]
pub fn UsersPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || i18n.t().users_title.to_owned() />
        <RequireRole roles=STAFF_ADMIN>
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
    let invite = ServerAction::<InviteUser>::new();
    let renew = ServerAction::<RenewInvitation>::new();
    let error = action_error(update);
    let renew_error = action_error(renew);
    let users = Resource::new(
        move || {
            (
                update.version().get(),
                end.version().get(),
                invite.version().get(),
                renew.version().get(),
            )
        },
        |_| list_users(),
    );
    let me_role = me.role;
    view! {
        <InviteForm invite renew inviter=me_role />
        <FormError error />
        <FormError error=renew_error />
        <Transition fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
            {move || suspend(async move {
                let rows = match users.await {
                    Ok(rows) => rows,
                    Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                };
                view! {
                    <TableWrap label=|t| t.users_title>
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
                                {rows.into_iter().map(|u| view! { <UserLine u is_admin me_role update end renew /> }).collect_view()}
                            </tbody>
                        </table>
                    </TableWrap>
                }.into_any()
            })}
        </Transition>
    }
}

#[component]
fn UserLine(
    u: UserRow,
    is_admin: bool,
    me_role: Role,
    update: ServerAction<UpdateUserAccess>,
    end: ServerAction<EndUserSessions>,
    renew: ServerAction<RenewInvitation>,
) -> impl IntoView {
    let can_renew = u.active && !u.has_password && may_invite(me_role, u.role);
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
    let name = u.display_name.clone();
    view! {
        <tr>
            <td>{u.display_name.clone()}</td>
            <td>{u.email.clone()}</td>
            <td>{move || (i18n.t().role)(role)}</td>
            <td>{status}</td>
            <td>
                {can_renew.then(|| view! {
                    <ActionForm action=renew attr:class="inline-form">
                        <input type="hidden" name="id" value=u.id />
                        <button type="submit" class="btn">{move || i18n.t().invite_renew}</button>
                    </ActionForm>
                })}
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
                        <a class="btn" href=format!("/admin/users/{}/data", u.id)
                            aria-label=move || format!("{}: {}", i18n.t().data_link, name)>
                            {move || i18n.t().data_link}
                        </a>
                    </div>
                })}
            </td>
        </tr>
    }
}

/// Invites a person by address and role; shows the link to pass on while no mail is sent.
#[component]
fn InviteForm(
    invite: ServerAction<InviteUser>,
    renew: ServerAction<RenewInvitation>,
    inviter: Role,
) -> impl IntoView {
    let i18n = use_i18n();
    let programme = expect_context::<ProgrammeResource>();
    let error = action_error(invite);
    // The newest link from either action.
    let latest = move || {
        let pick = |v: Option<Result<crate::api::invitations::Invited, _>>| v.and_then(|r| r.ok());
        match (
            invite.version().get() >= renew.version().get(),
            pick(invite.value().get()),
            pick(renew.value().get()),
        ) {
            (true, Some(i), _) | (false, _, Some(i)) => Some(i),
            (_, a, b) => a.or(b),
        }
    };
    let roles: Vec<Role> = Role::ALL
        .into_iter()
        .filter(|r| may_invite(inviter, *r))
        .collect();
    view! {
        <section class="card form-card" aria-labelledby="invite-title">
            <h2 id="invite-title">{move || i18n.t().invite_title}</h2>
            <p>{move || i18n.t().invite_intro}</p>
            <Suspense>
                {move || suspend(async move {
                    let tz = programme.await.map(|p| p.tz()).unwrap_or(crate::domain::time::DEFAULT_TIME_ZONE);
                    latest().map(|invited| {
                        let until = format_date_time(invited.expires_at, tz);
                        view! {
                            <div class="banner banner--ok" role="status">
                                <h3>{move || i18n.t().invite_link_title}</h3>
                                <p>{move || (i18n.t().invite_link_text)(&invited.email, &until)}</p>
                                <p><input class="link-copy" type="text" readonly aria-label=move || i18n.t().invite_link_title
                                    data-testid="invite-link" value=invited.link.clone() /></p>
                            </div>
                        }
                    })
                })}
            </Suspense>
            <ActionForm action=invite>
                <FormError error />
                <Field id="invite-name" name="input[display_name]" field="display_name"
                    autocomplete="off" label=|t| t.field_name error />
                <Field id="invite-email" name="input[email]" field="email" kind="email"
                    autocomplete="off" label=|t| t.field_email error />
                <div class="field">
                    <label for="invite-role">{move || i18n.t().col_role}</label>
                    <select id="invite-role" name="input[role]">
                        {roles.into_iter().map(|r| view! {
                            <option value=r.code() selected=r == Role::Buddy>{move || (i18n.t().role)(r)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="btn btn--primary" disabled=move || invite.pending().get()>
                    {move || i18n.t().invite_submit}
                </button>
            </ActionForm>
        </section>
    }
}
