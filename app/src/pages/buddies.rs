//! Buddies: the public application, the list, one buddy's record, editing, and screening.

use crate::domain::privacy::PersonKind;
use crate::pages::rights::TrailCard;
use leptos::prelude::*;

use crate::pages::route_id;
use leptos_meta::Title;

use crate::api::buddies::{
    ApplyAsBuddy, CreateBuddy, HandToScreener, RecordScreening, UpdateBuddy, application_lists,
    get_buddy, list_buddies, list_screeners,
};
use crate::api::drafts::{DraftForm, draft_or};
use crate::api::lists::load_lists;
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{ActionError, FormError, action_error};
use crate::components::guard::RequireRole;
use crate::components::people_list::{ListFilters, NameFilter, Paging, use_list_query};
use crate::components::profile_fields::{Input, ProfileFields, SelectField};
use crate::components::suspend::suspend;
use crate::components::table_wrap::TableWrap;
use crate::domain::account::{CurrentUser, Role, STAFF, STAFF_ADMIN};
use crate::domain::lists::Lists;
use crate::domain::people::{ApplicationForm, BuddyStatus, ScreeningOutcome};
use crate::domain::time::format_date;
use crate::error::AppError;
use crate::i18n::{explain, use_i18n};

/// The application's own fields after the profile.
#[component]
fn ApplicationFields(
    lists: Lists,
    values: ApplicationForm,
    public: bool,
    error: ActionError,
) -> impl IntoView {
    let i18n = use_i18n();
    let capacity = if values.capacity.is_empty() {
        "1".to_owned()
    } else {
        values.capacity
    };
    let privacy_read = values.privacy_read == "true";
    view! {
        <ProfileFields prefix="form[profile]" values=values.profile lists error />
        <fieldset class="form-section">
            <legend>{move || i18n.t().section_motivation}</legend>
            <Input id="app-motivation".into() name="form[motivation]".into() field="motivation" kind="textarea"
                label=|t| t.field_motivation value=values.motivation error />
            <Input id="app-capacity".into() name="form[capacity]".into() field="capacity" kind="number"
                label=|t| t.field_capacity value=capacity error />
        </fieldset>
        // Hidden from people (and from screen readers); robots fill it in.
        <div class="honeypot" aria-hidden="true">
            <label for="app-website">"Website"</label>
            <input id="app-website" name="form[website]" type="text" tabindex="-1" autocomplete="off" />
        </div>
        {public.then(|| {
            use crate::domain::event::HeardVia;
            use crate::i18n::events::words;
            let heard = values.heard_via.clone();
            view! {
            <fieldset class="form-section">
                <legend>{move || words(i18n.lang()).heard_title}</legend>
                <SelectField id="app-heard-via".into() name="form[heard_via]".into() field="heard_via"
                    label=|t| words(t.lang).heard_via value=heard
                    options=HeardVia::ALL.iter().map(|h| (h.code().to_owned(), (words(i18n.lang()).heard_name)(*h).to_owned())).collect()
                    error />
                <Input id="app-campaign-code".into() name="form[campaign_code]".into() field="campaign_code"
                    label=|t| words(t.lang).campaign_code hint=|t| words(t.lang).campaign_code_hint
                    value=values.campaign_code.clone() error />
            </fieldset>
        }})}
        {public.then(|| view! {
            <fieldset class="form-section">
                <legend>{move || i18n.t().section_privacy}</legend>
                <p>{move || i18n.t().application_privacy_text}</p>
                <label class="choice">
                    <input type="checkbox" name="form[privacy_read]" value="true" checked=privacy_read />
                    {move || i18n.t().application_privacy_read}
                </label>
                {move || error.read().as_ref().and_then(|e| e.problem_at("privacy_read").map(|p| (i18n.t().problem)(p)))
                    .map(|m| view! { <span class="field-error">{m}</span> })}
            </fieldset>
        })}
    }
}

#[component]
pub fn BecomeBuddyPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<ApplyAsBuddy>::new();
    let error = action_error(action);
    let lists = Resource::new(
        || (),
        |_| async {
            let lists = application_lists().await?;
            let values = draft_or(DraftForm::Application, ApplicationForm::default()).await;
            Ok::<_, AppError>((lists, values))
        },
    );
    view! {
        <Title text=move || i18n.t().application_title.to_owned() />
        <h1>{move || i18n.t().application_title}</h1>
        <p>{move || i18n.t().application_intro}</p>
        <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
            {move || suspend(async move {
                match lists.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok((lists, values)) => view! {
                        <ActionForm action=action attr:class="card form-card form-card--wide" attr:novalidate=true>
                            <FormError error />
                            <ApplicationFields lists values public=true error />
                            <button type="submit" class="btn btn--primary" disabled=move || action.pending().get()>
                                {move || i18n.t().application_submit}
                            </button>
                        </ActionForm>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn ApplicationThanksPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || i18n.t().application_title.to_owned() />
        <section class="card" role="status">
            <h1>{move || i18n.t().application_thanks_title}</h1>
            <p>{move || i18n.t().application_thanks_text}</p>
        </section>
    }
}

#[component]
pub fn BuddiesPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || i18n.t().buddies_title.to_owned() />
        <RequireRole roles=STAFF>
            <div class="page-head">
                <h1>{move || i18n.t().buddies_title}</h1>
                {move || {
                    let me = use_context::<CurrentUser>();
                    me.filter(|u| u.role != Role::Screener).map(|_| view! {
                        <a class="btn btn--primary" href="/buddies/new">{move || i18n.t().buddies_new}</a>
                    })
                }}
            </div>
            <BuddyList />
        </RequireRole>
    }
}

/// The filters that go into the address and into the pager's links.
const FILTER_KEYS: &[&str] = &["status", "municipality", "interest", "sort"];

/// As the participants list: filters in the address, the name filter sent but not linked.
/// A screener gets only their own candidates from the server, whatever the filters say.
#[component]
fn BuddyList() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_list_query();
    let name = RwSignal::new(String::new());
    let lists = Resource::new(|| (), |_| load_lists());
    let rows = Resource::new(
        move || {
            (
                query.get("status"),
                query.number("municipality"),
                query.number("interest"),
                name.get(),
                query.get("sort"),
                query.page(),
            )
        },
        |(status, municipality, interest, name, sort, page)| {
            list_buddies(status, municipality, interest, Some(name), sort, page)
        },
    );
    view! {
        <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
            {move || suspend(async move {
                let lists = lists.await.unwrap_or_default();
                view! {
                    <ListFilters action="/buddies" lists query
                        statuses=|t| t.buddy_status sorts=|t| t.buddy_sort />
                }
            })}
        </Suspense>
        <NameFilter name />
        <Transition fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
            {move || suspend(async move {
                let page = match rows.await {
                    Ok(page) => page,
                    Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                };
                let (current, pages, total) = (page.page, page.pages(), page.total);
                view! {
                    <Paging path="/buddies" keys=FILTER_KEYS query total current pages>
                        <TableWrap label=|t| t.buddies_title>
                            <table>
                                <thead>
                                    <tr>
                                        <th scope="col">{move || i18n.t().col_name}</th>
                                        <th scope="col">{move || i18n.t().col_age}</th>
                                        <th scope="col">{move || i18n.t().field_municipality}</th>
                                        <th scope="col">{move || i18n.t().col_status}</th>
                                        <th scope="col">{move || i18n.t().col_applied}</th>
                                        <th scope="col">{move || i18n.t().col_approved}</th>
                                        <th scope="col">{move || i18n.t().col_screener}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {page.rows.into_iter().map(|r| view! {
                                        <tr>
                                            <td><a href=format!("/buddies/{}", r.id)>{format!("{} {}", r.first_name, r.last_name)}</a></td>
                                            <td>{r.age}</td>
                                            <td>{r.municipality}</td>
                                            <td>{move || (i18n.t().buddy_status)(r.status)}</td>
                                            <td>{format_date(r.applied_on)}</td>
                                            <td>{r.approved_on.map(format_date).unwrap_or_default()}</td>
                                            <td>{r.screener.unwrap_or_default()}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </TableWrap>
                    </Paging>
                }.into_any()
            })}
        </Transition>
    }
}

#[component]
pub fn NewBuddyPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<CreateBuddy>::new();
    let error = action_error(action);
    let lists = Resource::new(
        || (),
        |_| async {
            let lists = load_lists().await?;
            let values = draft_or(DraftForm::NewBuddy, ApplicationForm::default()).await;
            Ok::<_, AppError>((lists, values))
        },
    );
    view! {
        <Title text=move || i18n.t().buddies_new.to_owned() />
        <RequireRole roles=STAFF_ADMIN>
            <h1>{move || i18n.t().buddies_new}</h1>
            <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    match lists.await {
                        Err(error) => view! { <ErrorPanel error /> }.into_any(),
                        Ok((lists, values)) => view! {
                            <ActionForm action=action attr:class="card form-card form-card--wide" attr:novalidate=true>
                                <FormError error />
                                <ApplicationFields lists values public=false error />
                                <button type="submit" class="btn btn--primary" disabled=move || action.pending().get()>
                                    {move || i18n.t().save}
                                </button>
                            </ActionForm>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </RequireRole>
    }
}

/// A coordinator corrects a buddy's application. Values refused without JavaScript come
/// back instead of the stored ones, so nothing typed is lost.
#[component]
pub fn EditBuddyPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || i18n.t().edit_buddy_title.to_owned() />
        <RequireRole roles=STAFF_ADMIN>
            <h1>{move || i18n.t().edit_buddy_title}</h1>
            <BuddyEditor />
        </RequireRole>
    }
}

/// Loads only once the role is known to be allowed: a screener may read their candidates,
/// and a resource started before the check would put the record into the page anyway.
#[component]
fn BuddyEditor() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<UpdateBuddy>::new();
    let error = action_error(action);
    let start = Resource::new(route_id, |id| async move {
        let id = id.ok_or(AppError::NotFound)?;
        let detail = get_buddy(id).await?;
        let lists = load_lists().await?;
        let values = draft_or(DraftForm::EditBuddy(id), detail.form()).await;
        Ok::<_, AppError>((detail.id, detail.version, lists, values))
    });
    view! {
        <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
            {move || suspend(async move {
                match start.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok((id, version, lists, values)) => view! {
                        <ActionForm action=action attr:class="card form-card form-card--wide" attr:novalidate=true>
                            <FormError error />
                            <input type="hidden" name="id" value=id />
                            <input type="hidden" name="version" value=version />
                            <ApplicationFields lists values public=false error />
                            <button type="submit" class="btn btn--primary" disabled=move || action.pending().get()>
                                {move || i18n.t().save}
                            </button>
                        </ActionForm>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn BuddyPage() -> impl IntoView {
    let i18n = use_i18n();
    let hand = ServerAction::<HandToScreener>::new();
    let screen = ServerAction::<RecordScreening>::new();
    let hand_error = action_error(hand);
    let screen_error = action_error(screen);
    let detail = Resource::new(
        move || (route_id(), hand.version().get(), screen.version().get()),
        |(id, _, _)| async move {
            match id {
                Some(id) => get_buddy(id).await,
                None => Err(crate::error::AppError::NotFound),
            }
        },
    );
    let lists = Resource::new(|| (), |_| ApplicationFormLists::load());
    let programme = expect_context::<crate::ProgrammeResource>();
    view! {
        <RequireRole roles=STAFF>
            <Transition fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    let d = match detail.await {
                        Ok(d) => d,
                        Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                    };
                    let (lists, screeners) = lists.await;
                    let me = use_context::<CurrentUser>();
                    let coordinator = me.as_ref().is_some_and(|u| u.role != Role::Screener);
                    let p = d.application.profile.clone();
                    let name = format!("{} {}", p.first_name, p.last_name);
                    let place = lists.municipality(p.municipality_id).map(|m| m.name.clone()).unwrap_or_default();
                    let interests: Vec<String> = p.interests.iter()
                        .filter_map(|i| lists.interest(*i).map(|x| x.name.clone())).collect();
                    let slots: Vec<_> = p.availability.slots().collect();
                    let status = d.status;
                    let erased = d.erased_on;
                    let today = programme.await.map(|p| p.today.format("%Y-%m-%d").to_string()).unwrap_or_default();
                    view! {
                        <Title text=name.clone() />
                        <div class="page-head">
                            <h1>{name}</h1>
                            {coordinator.then(|| view! {
                                <div class="actions">
                                    <a class="btn" href=format!("/buddies/{}/data", d.id)>{move || i18n.t().data_link}</a>
                                    {erased.is_none().then(|| view! {
                                        <a class="btn" href=format!("/buddies/{}/edit", d.id)>{move || i18n.t().edit}</a>
                                    })}
                                </div>
                            })}
                        </div>
                        {erased.map(|on| {
                            let on = format_date(on);
                            view! { <p class="banner banner--ok" role="status">{move || (i18n.t().erased_notice)(&on)}</p> }
                        })}
                        {(coordinator && erased.is_none() && matches!(status, BuddyStatus::Stopped | BuddyStatus::NotApproved)).then(|| view! {
                            <p><a class="btn btn--danger" href=format!("/buddies/{}/erase", d.id)>{move || i18n.t().erase_link}</a></p>
                        })}
                        <p><span class="chip">{move || (i18n.t().buddy_status)(status)}</span>" "
                            {move || i18n.t().col_applied}": "{format_date(d.applied_on)}</p>
                        {(coordinator && status == BuddyStatus::Available).then(|| view! {
                            <p><a class="btn btn--primary" href=format!("/buddies/{}/match", d.id)>{move || i18n.t().match_link}</a></p>
                        })}
                        {(coordinator && !d.has_account && matches!(status, BuddyStatus::Available | BuddyStatus::InDuo | BuddyStatus::Paused))
                            .then(|| view! { <InviteBuddyForm id=d.id /> })}
                        {d.has_account.then(|| view! { <p class="muted">{move || i18n.t().buddy_has_account}</p> })}
                        <section class="card" aria-labelledby="b-profile">
                            <h2 id="b-profile">{move || i18n.t().profile_title}</h2>
                            <dl class="facts">
                                <dt>{move || i18n.t().field_birth_date}</dt><dd>{format_date(p.birth_date)}</dd>
                                <dt>{move || i18n.t().field_gender}</dt><dd>{move || (i18n.t().gender)(p.gender)}</dd>
                                <dt>{move || i18n.t().field_municipality}</dt><dd>{place}</dd>
                                <dt>{move || i18n.t().field_phone}</dt><dd>{p.phone.clone().unwrap_or_default()}</dd>
                                <dt>{move || i18n.t().field_interests}</dt><dd>{interests.join(", ")}</dd>
                                <dt>{move || i18n.t().field_availability}</dt>
                                <dd>{move || slots.iter().map(|s| explain::slot(i18n.lang(), *s)).collect::<Vec<_>>().join(", ")}</dd>
                                <dt>{move || i18n.t().field_capacity}</dt><dd>{d.application.capacity}</dd>
                                <dt>{move || i18n.t().field_motivation}</dt><dd class="prewrap">{d.application.motivation.clone()}</dd>
                            </dl>
                        </section>
                        {(coordinator && matches!(status, BuddyStatus::Applied | BuddyStatus::Screening)).then(|| view! {
                            <section class="card form-card" aria-labelledby="b-hand">
                                <h2 id="b-hand">{move || i18n.t().hand_to_screener_title}</h2>
                                <ActionForm action=hand>
                                    <FormError error=hand_error />
                                    <input type="hidden" name="id" value=d.id />
                                    <input type="hidden" name="version" value=d.version />
                                    <SelectField id="b-screener".into() name="screener".into() field="screener"
                                        label=|t| t.col_screener value=d.screener_id.map(|s| s.to_string()).unwrap_or_default()
                                        options=screeners.iter().map(|(id, n)| (id.to_string(), n.clone())).collect() error=hand_error />
                                    <button type="submit" class="btn">{move || i18n.t().hand_to_screener_submit}</button>
                                </ActionForm>
                            </section>
                        })}
                        {(status == BuddyStatus::Screening).then(|| view! {
                            <section class="card form-card" aria-labelledby="b-screen">
                                <h2 id="b-screen">{move || i18n.t().screening_title}</h2>
                                <ActionForm action=screen>
                                    <FormError error=screen_error />
                                    <input type="hidden" name="id" value=d.id />
                                    <input type="hidden" name="version" value=d.version />
                                    <Input id="s-date".into() name="held_on".into() field="held_on" kind="date"
                                        label=|t| t.field_screening_date value=today.clone() error=screen_error />
                                    <fieldset class="choices">
                                        <legend>{move || i18n.t().field_screening_outcome}</legend>
                                        {ScreeningOutcome::ALL.into_iter().map(|o| view! {
                                            <label class="choice">
                                                <input type="radio" name="outcome" value=o.code() />
                                                {move || (i18n.t().screening_outcome)(o)}
                                            </label>
                                        }).collect_view()}
                                        {move || screen_error.read().as_ref().and_then(|e| e.problem_at("outcome").map(|p| (i18n.t().problem)(p)))
                                            .map(|m| view! { <span class="field-error">{m}</span> })}
                                    </fieldset>
                                    <Input id="s-notes".into() name="notes".into() field="notes" kind="textarea"
                                        label=|t| t.status_note value=String::new() error=screen_error />
                                    <button type="submit" class="btn btn--primary">{move || i18n.t().screening_submit}</button>
                                </ActionForm>
                            </section>
                        })}
                        <section class="card" aria-labelledby="b-screenings">
                            <h2 id="b-screenings">{move || i18n.t().screenings_title}</h2>
                            <ul class="list">
                                {d.screenings.into_iter().map(|s| view! {
                                    <li class="list__row">
                                        <div>
                                            <strong>{move || (i18n.t().screening_outcome)(s.outcome)}</strong>
                                            " · "{format_date(s.held_on)}{s.screener.map(|n| format!(" · {n}"))}
                                            {(!s.notes.is_empty()).then(|| view! { <br /><span class="muted prewrap">{s.notes.clone()}</span> })}
                                        </div>
                                    </li>
                                }).collect_view()}
                            </ul>
                        </section>
                        {coordinator.then(|| view! {
                            <crate::pages::events::PersonEventsView kind=PersonKind::Buddy id=d.id />
                            <TrailCard kind=PersonKind::Buddy id=d.id />
                        })}
                    }.into_any()
                })}
            </Transition>
        </RequireRole>
    }
}

/// The lists a buddy's page names values from, and the screeners (empty for screeners,
/// who may not list them).
struct ApplicationFormLists;

impl ApplicationFormLists {
    async fn load() -> (Lists, Vec<(i32, String)>) {
        let lists = load_lists().await.unwrap_or_default();
        let screeners = list_screeners().await.unwrap_or_default();
        (lists, screeners)
    }
}

/// Gives an approved buddy their own account, so they can plan activities on their phone.
#[component]
fn InviteBuddyForm(id: i32) -> impl IntoView {
    use crate::api::invitations::InviteBuddy;
    let i18n = use_i18n();
    let invite = ServerAction::<InviteBuddy>::new();
    let error = action_error(invite);
    let invited = move || invite.value().get().and_then(|r| r.ok());
    view! {
        <section class="card form-card" aria-labelledby="b-invite">
            <h2 id="b-invite">{move || i18n.t().buddy_invite}</h2>
            <p class="muted">{move || i18n.t().buddy_invite_hint}</p>
            <ActionForm action=invite>
                <FormError error />
                {move || error.get().and_then(|e| e.problem_at("email").map(|_| view! {
                    <p class="banner banner--error" role="alert">{move || i18n.t().buddy_invite_no_email}</p>
                }))}
                <input type="hidden" name="id" value=id />
                <button type="submit" class="btn btn--primary" disabled=move || invite.pending().get() || invited().is_some()>
                    {move || i18n.t().buddy_invite}
                </button>
            </ActionForm>
            {move || invited().map(|invited| view! {
                <h3>{move || i18n.t().invite_link_title}</h3>
                <p><input class="link-copy" type="text" readonly aria-label=move || i18n.t().invite_link_title
                    data-testid="invite-link" value=invited.link.clone() /></p>
            })}
        </section>
    }
}
