//! The stepping-stone catalogue (coordinators and admins): the list with what needs checking,
//! the form to add or edit an entry, and the suggestions on a participant's record.

use leptos::prelude::*;

use crate::pages::route_id;
use leptos_meta::Title;

use crate::api::drafts::{DraftForm, draft_or};
use crate::api::lists::load_lists;
use crate::api::referrals::{
    RecordFollowUp, ReferToStone, due_follow_ups, participant_referrals, take_home_sheet,
};
use crate::api::stepping_stones::{
    HideStone, SaveStone, StoneSuggestions, stone_catalogue, stone_for_edit, suggest_stones,
};
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{ActionError, FormError, action_error};
use crate::components::guard::RequireRole;
use crate::components::profile_fields::{Choices, Input, SelectField, WeekGrid};
use crate::components::suspend::suspend;
use crate::components::table_wrap::TableWrap;
use crate::domain::account::{CurrentUser, Role, STAFF_ADMIN};
use crate::domain::lists::Lists;
use crate::domain::profile::{Availability, Slot};
use crate::domain::referral::{NotGoing, Outcome, ReferralView, ReferralWay, StoneSheet, Tally};
use crate::domain::stepping_stone::{Access, Catalogue, CostKind, Offer, OfferForm, OfferKind};
use crate::domain::time::format_date;
use crate::error::AppError;
use crate::i18n::{Lang, explain, explain_stones, use_i18n};

/// Where an offer takes place, as one line: "Mechelen, Hanswijkstraat 3" or "online".
fn place(lang: Lang, offer: &Offer, lists: &Lists) -> String {
    let town = match offer.municipality_id {
        None => return lang.texts().stone_online.to_owned(),
        Some(id) => lists
            .municipality(id)
            .map(|m| m.name.clone())
            .unwrap_or_default(),
    };
    [town, offer.address.clone()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// When it takes place: the moments named, or "any time or by appointment".
fn moments(lang: Lang, slots: Availability) -> String {
    let names: Vec<String> = slots.slots().map(|s| explain::slot(lang, s)).collect();
    if names.is_empty() {
        lang.texts().stone_any_time.to_owned()
    } else {
        names.join(", ")
    }
}

/// What it costs: "gratis", "€ 6" or "€ 6 (met UiTPAS € 1,20)".
fn cost(lang: Lang, offer: &Offer) -> String {
    use crate::domain::stepping_stone::Cost;
    match offer.cost {
        Cost::Free => lang.texts().stone_free.to_lowercase(),
        Cost::Amount {
            cents,
            uitpas_cents: None,
        } => explain_stones::euros(lang, cents),
        Cost::Amount {
            cents,
            uitpas_cents: Some(reduced),
        } => format!(
            "{} (UiTPAS {})",
            explain_stones::euros(lang, cents),
            explain_stones::euros(lang, reduced)
        ),
    }
}

#[component]
pub fn StonesPage() -> impl IntoView {
    let i18n = use_i18n();
    let hide = ServerAction::<HideStone>::new();
    let hide_error = action_error(hide);
    let data = Resource::new(
        move || hide.version().get(),
        |_| async {
            let catalogue = stone_catalogue().await?;
            let lists = load_lists().await?;
            Ok::<_, AppError>((catalogue, lists))
        },
    );
    view! {
        <Title text=move || i18n.t().stones_title.to_owned() />
        <RequireRole roles=STAFF_ADMIN>
            <h1>{move || i18n.t().stones_title}</h1>
            <p class="lead">{move || i18n.t().stones_intro}</p>
            <p><a class="btn btn--primary" href="/stones/new">{move || i18n.t().stones_new}</a></p>
            <FormError error=hide_error />
            <Transition fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    match data.await {
                        Ok((catalogue, lists)) => view! { <StoneList catalogue lists hide /> }.into_any(),
                        Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    }
                })}
            </Transition>
        </RequireRole>
    }
}

#[component]
fn StoneList(catalogue: Catalogue, lists: Lists, hide: ServerAction<HideStone>) -> impl IntoView {
    let i18n = use_i18n();
    let admin = use_context::<CurrentUser>().is_some_and(|u| u.role == Role::Admin);
    let Catalogue {
        offers,
        today,
        check_months,
        figures,
        added_on,
    } = catalogue;
    if offers.is_empty() {
        return view! { <p class="muted">{move || i18n.t().stones_none}</p> }.into_any();
    }
    let to_check = offers
        .iter()
        .filter(|o| !o.hidden && o.needs_check(today, check_months))
        .count();
    let total = offers.len();
    let lists = StoredValue::new(lists);
    let kinds = per_kind(&offers, &figures);
    view! {
        <p class="muted" role="status">{move || (i18n.t().stones_count)(total, to_check)}</p>
        <ul class="stone-list" data-testid="stone-list">
            {offers.into_iter().map(|o| {
                let stale = !o.hidden && o.needs_check(today, check_months);
                let tally = figures.get(&o.id).cloned().unwrap_or_default();
                let added = added_on.get(&o.id).copied().unwrap_or(today);
                let quiet = (!o.hidden && tally.quiet_for_a_year(added, today)).then_some(tally.referred == 0);
                let ended = o.has_ended(today);
                let checked = format_date(o.last_checked);
                let kind = o.kind;
                let id = o.id;
                let hidden = o.hidden;
                let offer = StoredValue::new(o);
                view! {
                    <li class="card stone" class:muted=hidden>
                        <h2 class="stone__title">
                            <a href=format!("/stones/{id}/edit")>{offer.with_value(|o| o.title.clone())}</a>
                        </h2>
                        <p class="stone__meta">
                            {offer.with_value(|o| o.provider.clone())}" · "
                            {move || explain_stones::offer_kind(i18n.lang(), kind)}
                        </p>
                        <p>
                            {move || lists.with_value(|l| offer.with_value(|o| place(i18n.lang(), o, l)))}" · "
                            {move || offer.with_value(|o| moments(i18n.lang(), o.slots))}" · "
                            {move || offer.with_value(|o| cost(i18n.lang(), o))}
                        </p>
                        <p class="stone__chips">
                            {hidden.then(|| view! { <span class="chip">{move || i18n.t().stone_hidden}</span>" " })}
                            {ended.then(|| view! { <span class="chip chip--warning">{move || i18n.t().stone_ended}</span>" " })}
                            {stale.then(|| view! { <span class="chip chip--warning">{move || i18n.t().stone_needs_check}</span>" " })}
                            {quiet.map(|never| view! {
                                <span class="chip">{move || if never { i18n.t().stone_never_referred } else { i18n.t().stone_quiet_year }}</span>" "
                            })}
                            <span class="muted">{move || (i18n.t().stone_checked_on)(&checked)}</span>
                        </p>
                        {(tally.referred > 0).then(|| view! {
                            <p class="muted">{move || (i18n.t().stone_figures)(tally.referred, tally.went, tally.continues)}</p>
                        })}
                        {admin.then(|| view! {
                            <ActionForm action=hide attr:class="inline-form">
                                <input type="hidden" name="id" value=id />
                                <input type="hidden" name="hidden" value=(!hidden).to_string() />
                                <button type="submit" class="btn">
                                    {move || if hidden { i18n.t().list_show } else { i18n.t().list_hide }}
                                </button>
                            </ActionForm>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
        <Learned kinds />
    }
    .into_any()
}

/// The referrals added up per kind of offer, in the kinds' order; kinds never referred to
/// are left out.
fn per_kind(
    offers: &[Offer],
    figures: &std::collections::BTreeMap<i64, Tally>,
) -> Vec<(OfferKind, Tally)> {
    OfferKind::ALL
        .into_iter()
        .filter_map(|kind| {
            let mut sum = Tally::default();
            for o in offers.iter().filter(|o| o.kind == kind) {
                if let Some(t) = figures.get(&o.id) {
                    sum.merge(t);
                }
            }
            (sum.referred > 0).then_some((kind, sum))
        })
        .collect()
}

/// What the programme learns: per kind of offer, how many were referred, went and still go
/// (a chart, and the same numbers as a table), and why people did not go.
#[component]
fn Learned(kinds: Vec<(OfferKind, Tally)>) -> impl IntoView {
    let i18n = use_i18n();
    if kinds.is_empty() {
        return view! {
            <section class="card card--spaced" aria-labelledby="learn-title">
                <h2 id="learn-title">{move || i18n.t().learn_title}</h2>
                <p class="muted">{move || i18n.t().learn_none}</p>
            </section>
        }
        .into_any();
    }
    let most = kinds
        .iter()
        .map(|(_, t)| t.referred)
        .max()
        .unwrap_or(1)
        .max(1);
    let share = move |n: u32| format!("width: {:.1}%", f64::from(n) * 100.0 / f64::from(most));
    let mut reasons = Tally::default();
    for (_, t) in &kinds {
        reasons.merge(t);
    }
    let rows = kinds.clone();
    view! {
        <section class="card card--spaced" aria-labelledby="learn-title" data-testid="stone-figures">
            <h2 id="learn-title">{move || i18n.t().learn_title}</h2>
            <div class="bars" aria-hidden="true">
                {kinds.into_iter().map(|(kind, t)| view! {
                    <div class="bars__row">
                        <span class="bars__label">{move || explain_stones::offer_kind(i18n.lang(), kind)}</span>
                        <span class="bars__track">
                            <span class="bars__bar bars__bar--referred" style=share(t.referred)></span>
                            <span class="bars__bar bars__bar--went" style=share(t.went)></span>
                            <span class="bars__bar bars__bar--continues" style=share(t.continues)></span>
                        </span>
                    </div>
                }).collect_view()}
                <p class="bars__legend">
                    <span class="bars__key bars__bar--referred"></span>{move || i18n.t().learn_referred}" "
                    <span class="bars__key bars__bar--went"></span>{move || i18n.t().learn_went}" "
                    <span class="bars__key bars__bar--continues"></span>{move || i18n.t().learn_continues}
                </p>
            </div>
            <TableWrap label=|t| t.learn_title>
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t().stone_kind}</th>
                            <th scope="col">{move || i18n.t().learn_referred}</th>
                            <th scope="col">{move || i18n.t().learn_went}</th>
                            <th scope="col">{move || i18n.t().learn_continues}</th>
                            <th scope="col">{move || i18n.t().learn_not_gone}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows.into_iter().map(|(kind, t)| view! {
                            <tr>
                                <th scope="row">{move || explain_stones::offer_kind(i18n.lang(), kind)}</th>
                                <td>{t.referred}</td>
                                <td>{t.went}</td>
                                <td>{t.continues}</td>
                                <td>{t.did_not_go}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </TableWrap>
            {(!reasons.reasons.is_empty()).then(|| view! {
                <h3>{move || i18n.t().learn_reasons}</h3>
                <ul>
                    {reasons.reasons.into_iter().map(|(why, n)| view! {
                        <li>{move || (i18n.t().not_going)(why)}": "{n}</li>
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
    .into_any()
}

#[component]
pub fn NewStonePage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<SaveStone>::new();
    let start = Resource::new(
        || (),
        |_| async {
            let lists = load_lists().await?;
            let values = draft_or(DraftForm::Offer(None), OfferForm::default()).await;
            Ok::<_, AppError>((lists, values))
        },
    );
    view! {
        <Title text=move || i18n.t().stones_new.to_owned() />
        <RequireRole roles=STAFF_ADMIN>
            <p><a href="/stones">{move || i18n.t().stones_title}</a></p>
            <h1>{move || i18n.t().stones_new}</h1>
            <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    match start.await {
                        Ok((lists, values)) => view! { <StoneForm action lists values id=None version=None /> }.into_any(),
                        Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    }
                })}
            </Suspense>
        </RequireRole>
    }
}

#[component]
pub fn EditStonePage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<SaveStone>::new();
    let start = Resource::new(route_id, |id| async move {
        let id = id.ok_or(AppError::NotFound)?;
        let lists = load_lists().await?;
        let stored = stone_for_edit(id).await?;
        let values = draft_or(DraftForm::Offer(Some(id)), stored.form).await;
        Ok::<_, AppError>((id, stored.version, lists, values))
    });
    view! {
        <Title text=move || i18n.t().stones_edit.to_owned() />
        <RequireRole roles=STAFF_ADMIN>
            <p><a href="/stones">{move || i18n.t().stones_title}</a></p>
            <h1>{move || i18n.t().stones_edit}</h1>
            <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    match start.await {
                        Ok((id, version, lists, values)) => view! {
                            <StoneForm action lists values id=Some(id) version=Some(version) />
                        }.into_any(),
                        Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    }
                })}
            </Suspense>
        </RequireRole>
    }
}

/// The catalogue entry's form, for a new entry (`id` absent) or an edit.
#[component]
fn StoneForm(
    action: ServerAction<SaveStone>,
    lists: Lists,
    values: OfferForm,
    id: Option<i32>,
    version: Option<i32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_error(action);
    let v = values;
    let slots = Availability::from_slots(
        v.slots
            .iter()
            .filter_map(|s| s.trim().parse::<u32>().ok())
            .filter_map(Slot::from_index),
    );
    let paying = v.cost == CostKind::Amount.code();
    view! {
        <ActionForm action=action attr:class="card form-card form-card--wide" attr:novalidate=true>
            <FormError error />
            {id.map(|id| view! { <input type="hidden" name="id" value=id /> })}
            {version.map(|v| view! { <input type="hidden" name="version" value=v /> })}
            <fieldset class="form-section">
                <legend>{move || i18n.t().stone_what}</legend>
                <Input id="stone-title".into() name="form[title]".into() field="title"
                    label=|t| t.list_title required=true value=v.title.clone() error />
                <Input id="stone-provider".into() name="form[provider]".into() field="provider"
                    label=|t| t.list_provider required=true value=v.provider.clone() error />
                <Choices legend=|t| t.stone_kind field="kind" error>
                    {OfferKind::ALL.into_iter().map(|k| {
                        let code = k.code();
                        view! {
                            <label class="choice">
                                <input type="radio" name="form[kind]" value=code checked=v.kind == code />
                                {move || explain_stones::offer_kind(i18n.lang(), k)}
                            </label>
                        }
                    }).collect_view()}
                </Choices>
                <Input id="stone-description".into() name="form[description]".into() field="description"
                    kind="textarea" label=|t| t.stone_description value=v.description.clone() error />
            </fieldset>
            <fieldset class="form-section">
                <legend>{move || i18n.t().stone_where_when}</legend>
                <MunicipalitySelect lists=lists.clone() value=v.municipality_id.clone() error />
                <Input id="stone-address".into() name="form[address]".into() field="address"
                    label=|t| t.stone_address value=v.address.clone() error />
                <Choices legend=|t| t.stone_when field="slots" error>
                    <WeekGrid name="form[slots][]".into() selected=slots />
                </Choices>
                <div class="field-row">
                    <Input id="stone-starts".into() name="form[starts_on]".into() field="starts_on" kind="date"
                        label=|t| t.stone_starts_on value=v.starts_on.clone() error />
                    <Input id="stone-ends".into() name="form[ends_on]".into() field="ends_on" kind="date"
                        label=|t| t.stone_ends_on value=v.ends_on.clone() error />
                </div>
            </fieldset>
            <fieldset class="form-section">
                <legend>{move || i18n.t().stone_cost}</legend>
                <Choices legend=|t| t.stone_cost_kind field="cost" error>
                    <label class="choice">
                        <input type="radio" name="form[cost]" value=CostKind::Free.code() checked=!paying />
                        {move || i18n.t().stone_free}
                    </label>
                    <label class="choice">
                        <input type="radio" name="form[cost]" value=CostKind::Amount.code() checked=paying />
                        {move || i18n.t().stone_paying}
                    </label>
                </Choices>
                <div class="field-row">
                    <Input id="stone-price".into() name="form[price]".into() field="price"
                        label=|t| t.stone_price value=v.price.clone() error />
                    <Input id="stone-uitpas".into() name="form[uitpas_price]".into() field="uitpas_price"
                        label=|t| t.stone_uitpas_price value=v.uitpas_price.clone() error />
                </div>
            </fieldset>
            <fieldset class="form-section">
                <legend>{move || i18n.t().section_interests}</legend>
                <Choices legend=|t| t.field_interests field="interests" error>
                    {lists.interests.iter().filter(|i| i.active).map(|item| {
                        let value = item.id.to_string();
                        let checked = v.interests.contains(&value);
                        view! {
                            <label class="choice">
                                <input type="checkbox" name="form[interests][]" value=value checked=checked />
                                {item.name.clone()}
                            </label>
                        }
                    }).collect_view()}
                </Choices>
                <Choices legend=|t| t.stone_accessibility field="accessibility" error>
                    {Access::ALL.into_iter().map(|a| {
                        let code = a.code();
                        let checked = v.accessibility.iter().any(|x| x == code);
                        view! {
                            <label class="choice">
                                <input type="checkbox" name="form[accessibility][]" value=code checked=checked />
                                {move || explain_stones::access(i18n.lang(), a)}
                            </label>
                        }
                    }).collect_view()}
                </Choices>
            </fieldset>
            <fieldset class="form-section">
                <legend>{move || i18n.t().section_contact}</legend>
                <Input id="stone-contact".into() name="form[contact]".into() field="contact"
                    label=|t| t.stone_contact value=v.contact.clone() error />
                <Input id="stone-link".into() name="form[link]".into() field="link" kind="url"
                    label=|t| t.list_link value=v.link.clone() error />
                <Input id="stone-checked".into() name="form[last_checked]".into() field="last_checked" kind="date"
                    label=|t| t.stone_last_checked value=v.last_checked.clone() error />
            </fieldset>
            <button type="submit" class="btn btn--primary" disabled=move || action.pending().get()>
                {move || i18n.t().save}
            </button>
        </ActionForm>
    }
}

/// The municipality, or none: an online offer.
#[component]
fn MunicipalitySelect(lists: Lists, value: String, error: ActionError) -> impl IntoView {
    let i18n = use_i18n();
    let problem = crate::components::profile_fields::field_problem(error, "municipality_id");
    view! {
        <div class="field">
            <label for="stone-municipality">{move || i18n.t().stone_municipality}</label>
            <select id="stone-municipality" name="form[municipality_id]"
                aria-invalid=move || problem().map(|_| "true")
                aria-describedby=move || problem().map(|_| "stone-municipality-error")>
                <option value="" selected=value.is_empty()>{move || i18n.t().stone_municipality_online}</option>
                {lists.municipalities.iter().map(|m| {
                    let id = m.id.to_string();
                    let selected = id == value;
                    view! { <option value=id selected=selected>{format!("{} ({})", m.name, m.postcode)}</option> }
                }).collect_view()}
            </select>
            {move || problem().map(|m| view! { <span class="field-error" id="stone-municipality-error">{m}</span> })}
        </div>
    }
}

/// On a participant's record: the stepping stones that fit them, best first, with why and a
/// button to refer; below, the referrals made, each with its follow-up.
#[component]
pub fn StoneSuggestionsCard(id: i32) -> impl IntoView {
    let i18n = use_i18n();
    let refer = ServerAction::<ReferToStone>::new();
    let follow = ServerAction::<RecordFollowUp>::new();
    let refer_error = action_error(refer);
    let found = Resource::new(
        move || (id, refer.version().get()),
        |(id, _)| suggest_stones(id),
    );
    // Read again after a saved follow-up only: a refused one keeps its open form and values.
    let saved = RwSignal::new(0usize);
    Effect::new(move |_| {
        if follow.value().with(|v| matches!(v, Some(Ok(_)))) {
            saved.update(|n| *n += 1);
        }
    });
    let referrals = Resource::new(
        move || (id, refer.version().get(), saved.get()),
        |(id, _, _)| participant_referrals(id),
    );
    view! {
        <section class="card card--spaced" aria-labelledby="stones-fit-title">
            <h2 id="stones-fit-title">{move || i18n.t().stones_fit_title}</h2>
            <FormError error=refer_error />
            <Transition fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    match found.await {
                        Ok(s) => view! { <SuggestionList s participant=id refer /> }.into_any(),
                        Err(error) => view! {
                            <p class="banner banner--error" role="alert">{move || error.message(i18n.t())}</p>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
        <section class="card card--spaced" id="referrals" aria-labelledby="referrals-title">
            <h2 id="referrals-title">{move || i18n.t().referrals_title}</h2>
            <p><a class="btn" href=format!("/participants/{id}/sheet")>{move || i18n.t().sheet_link}</a></p>
            <Transition fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    match referrals.await {
                        Ok(list) if list.is_empty() => view! {
                            <p class="muted">{move || i18n.t().referrals_none}</p>
                        }.into_any(),
                        Ok(list) => view! {
                            <ul class="referrals" data-testid="referrals">
                                {list.into_iter().map(|r| view! { <ReferralItem r follow /> }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(error) => view! {
                            <p class="banner banner--error" role="alert">{move || error.message(i18n.t())}</p>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// How many suggestions show at once; the rest fold away.
const SHOWN_SUGGESTIONS: usize = 5;

#[component]
fn SuggestionList(
    s: StoneSuggestions,
    participant: i32,
    refer: ServerAction<ReferToStone>,
) -> impl IntoView {
    let i18n = use_i18n();
    if s.suggestions.is_empty() {
        return view! { <p class="muted">{move || i18n.t().stones_fit_none}</p> }.into_any();
    }
    let mut items: Vec<_> = s
        .suggestions
        .into_iter()
        .zip(s.offers)
        .map(|(fit, offer)| view! { <SuggestionItem fit offer participant refer /> })
        .collect();
    let more = items.split_off(items.len().min(SHOWN_SUGGESTIONS));
    let hidden = more.len();
    view! {
        <ol class="stone-fits" data-testid="stone-suggestions">{items}</ol>
        {(hidden > 0).then(|| view! {
            <details class="stone-fits-more">
                <summary>{move || (i18n.t().stones_fit_more)(hidden)}</summary>
                <ol class="stone-fits" start=SHOWN_SUGGESTIONS + 1 data-testid="stone-suggestions-more">{more}</ol>
            </details>
        })}
    }
    .into_any()
}

/// One suggestion: what, how well it fits and why, and the form to refer.
#[component]
fn SuggestionItem(
    fit: crate::matching::stones::Suggestion,
    offer: Offer,
    participant: i32,
    refer: ServerAction<ReferToStone>,
) -> impl IntoView {
    let i18n = use_i18n();
    let points = fit.points();
    let reasons = fit.reasons;
    let way_id = format!("refer-way-{}", offer.id);
    view! {
        <li>
            <strong>{offer.title.clone()}</strong>" · "{offer.provider.clone()}
            " "<span class="chip">{move || (i18n.t().stones_fit_points)(points)}</span>
            <br />
            <span class="muted">{move || explain_stones::reasons(i18n.lang(), &reasons)}</span>
            <ActionForm action=refer attr:class="inline-form refer-form">
                <input type="hidden" name="id" value=participant />
                <input type="hidden" name="form[stone]" value=offer.id />
                <label for=way_id.clone()>{move || i18n.t().refer_way}</label>
                <select id=way_id name="form[way]">
                    {ReferralWay::ALL.into_iter().map(|w| view! {
                        <option value=w.code()>{move || (i18n.t().referral_way)(w)}</option>
                    }).collect_view()}
                </select>
                <button type="submit" class="btn" disabled=move || refer.pending().get()
                    aria-label=move || format!("{}: {}", i18n.t().refer_button, offer.title)>
                    {move || i18n.t().refer_button}
                </button>
            </ActionForm>
        </li>
    }
}

/// One referral: what, when and how; its follow-up, or the form to record it.
#[component]
fn ReferralItem(r: ReferralView, follow: ServerAction<RecordFollowUp>) -> impl IntoView {
    let i18n = use_i18n();
    let on = format_date(r.on);
    let from = format_date(r.follow_up_on);
    let way = r.way;
    let (id, version) = (r.id, r.version);
    // Shown in the open form (one is open at a time; the others are folded away).
    let error = action_error(follow);
    view! {
        <li class="referral">
            <strong>{r.stone_title.clone()}</strong>" · "{r.provider.clone()}
            <br />
            <span class="muted">{move || (i18n.t().referral_on)(&on)}" · "{move || (i18n.t().referral_way)(way)}</span>
            {match r.follow_up {
                Some(f) => {
                    let when = format_date(f.on);
                    view! {
                        <p>
                            <span class="chip">{move || (i18n.t().outcome)(f.outcome)}</span>
                            {f.reason.map(|why| view! { " "{move || (i18n.t().not_going)(why)} })}
                            " · "{move || (i18n.t().followed_up_on)(&when)}
                            {(!f.note.is_empty()).then(|| view! { <br />{f.note.clone()} })}
                        </p>
                    }.into_any()
                }
                None => view! {
                    <details class="follow-up">
                        <summary>{move || i18n.t().follow_up_title}" · "{move || (i18n.t().follow_up_from)(&from)}</summary>
                        <ActionForm action=follow attr:class="form-card" attr:novalidate=true>
                            <FormError error />
                            <input type="hidden" name="id" value=id />
                            <input type="hidden" name="version" value=version />
                            <Choices legend=|t| t.follow_up_outcome field="outcome" error>
                                {Outcome::ALL.into_iter().map(|o| view! {
                                    <label class="choice">
                                        <input type="radio" name="form[outcome]" value=o.code() />
                                        {move || (i18n.t().outcome)(o)}
                                    </label>
                                }).collect_view()}
                            </Choices>
                            <SelectField id=format!("follow-reason-{id}") name="form[reason]".into() field="reason"
                                label=|t| t.follow_up_reason value=String::new() error
                                options=NotGoing::ALL.into_iter().map(|n| (n.code().to_owned(), (i18n.t().not_going)(n).to_owned())).collect() />
                            <Input id=format!("follow-note-{id}") name="form[note]".into() field="note" kind="textarea"
                                label=|t| t.follow_up_note value=String::new() error />
                            <Input id=format!("follow-on-{id}") name="form[on]".into() field="on" kind="date"
                                label=|t| t.follow_up_on value=String::new() error />
                            <button type="submit" class="btn btn--primary" disabled=move || follow.pending().get()>
                                {move || i18n.t().follow_up_save}
                            </button>
                        </ActionForm>
                    </details>
                }.into_any(),
            }}
        </li>
    }
}

/// On the coordinator's home: referrals whose follow-up is due.
#[component]
pub fn DueFollowUps() -> impl IntoView {
    let i18n = use_i18n();
    let due = Resource::new(|| (), |_| due_follow_ups());
    view! {
        <section class="card home-due" aria-labelledby="follow-ups-title">
            <h2 id="follow-ups-title">{move || i18n.t().follow_ups_title}</h2>
            <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    match due.await {
                        Ok(list) if list.is_empty() => view! {
                            <p class="muted">{move || i18n.t().follow_ups_none}</p>
                        }.into_any(),
                        Ok(list) => view! {
                            <ul class="due-list" data-testid="due-follow-ups">
                                {list.into_iter().map(|r| {
                                    let from = format_date(r.follow_up_on);
                                    view! {
                                        <li>
                                            <a href=format!("/participants/{}#referrals", r.participant_id)>{r.participant_name.clone()}</a>
                                            " · "{r.stone_title.clone()}" · "{move || (i18n.t().follow_up_from)(&from)}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(error) => view! {
                            <p class="banner banner--error" role="alert">{move || error.message(i18n.t())}</p>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// The take-home sheet: a printable A4 page in plain words with the participant's chosen
/// stepping stones and whom to call. Nothing else about them but their first name.
#[component]
pub fn SheetPage() -> impl IntoView {
    let i18n = use_i18n();
    let sheet = Resource::new(route_id, |id| async move {
        take_home_sheet(id.ok_or(AppError::NotFound)?).await
    });
    view! {
        <Title text=move || i18n.t().sheet_link.to_owned() />
        <RequireRole roles=STAFF_ADMIN>
            <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    match sheet.await {
                        Ok(sheet) => view! { <Sheet sheet id=route_id().unwrap_or_default() /> }.into_any(),
                        Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    }
                })}
            </Suspense>
        </RequireRole>
    }
}

#[component]
fn Sheet(sheet: StoneSheet, id: i32) -> impl IntoView {
    let i18n = use_i18n();
    let print = move |_| {
        // Only in the browser: the server never runs event handlers.
        let _ = window().print();
    };
    let StoneSheet {
        first_name,
        programme,
        phone,
        stones,
    } = sheet;
    let empty = stones.is_empty();
    view! {
        <div class="actions take-home-tools">
            <a class="btn" href=format!("/participants/{id}")>{move || i18n.t().sheet_back}</a>
            <button type="button" class="btn btn--primary" on:click=print>{move || i18n.t().sheet_print}</button>
        </div>
        <article class="take-home" lang=move || i18n.lang().code() aria-labelledby="sheet-title" data-testid="sheet">
            <p class="take-home__programme">{programme.clone()}</p>
            <h1 id="sheet-title">{move || (i18n.t().sheet_title)(&first_name)}</h1>
            <p>{move || if empty { i18n.t().sheet_none } else { i18n.t().sheet_intro }}</p>
            {stones.into_iter().map(|(o, town)| {
                let where_ = town.map(|t| {
                    [t, o.address.clone()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", ")
                });
                let online = where_.is_none();
                let starts = o.starts_on.map(format_date);
                let offer = StoredValue::new(o);
                view! {
                    <section class="take-home__stone">
                        <h2>{offer.with_value(|o| o.title.clone())}</h2>
                        <dl>
                            <dt>{move || i18n.t().sheet_what}</dt>
                            <dd>{offer.with_value(|o| if o.description.is_empty() { o.provider.clone() } else { format!("{} ({})", o.description, o.provider) })}</dd>
                            <dt>{move || i18n.t().sheet_where}</dt>
                            <dd>{where_.clone().unwrap_or_default()}
                                {online.then(|| view! { {move || i18n.t().sheet_online} })}</dd>
                            <dt>{move || i18n.t().sheet_when}</dt>
                            <dd>
                                {move || offer.with_value(|o| moments(i18n.lang(), o.slots))}
                                {starts.clone().map(|d| view! { ", "{move || (i18n.t().sheet_starts)(&d)} })}
                            </dd>
                            <dt>{move || i18n.t().sheet_cost}</dt>
                            <dd>{move || offer.with_value(|o| cost(i18n.lang(), o))}</dd>
                            {(!online).then(|| view! {
                                <dt>{move || i18n.t().sheet_way}</dt>
                                <dd>{move || i18n.t().sheet_way_text}</dd>
                            })}
                            {offer.with_value(|o| (!o.contact.is_empty() || !o.link.is_empty()).then(|| {
                                let contact = o.contact.clone();
                                let link = o.link.clone();
                                view! {
                                    <dt>{move || i18n.t().sheet_contact}</dt>
                                    <dd>{contact.clone()}{(!link.is_empty()).then(|| view! {
                                        {(!contact.is_empty()).then(|| view! { <br /> })}{link.clone()}
                                    })}</dd>
                                }
                            }))}
                        </dl>
                    </section>
                }
            }).collect_view()}
            <p class="take-home__questions">{move || (i18n.t().sheet_questions)(&programme, &phone)}</p>
        </article>
    }
}
