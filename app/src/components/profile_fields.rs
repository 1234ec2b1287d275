//! The profile part of the intake and application forms, shared by both.

use leptos::prelude::*;

use crate::components::escape::raw_text_element;
use crate::components::form::ActionError;
use crate::domain::lists::Lists;
use crate::domain::people::ProfileForm;
use crate::domain::profile::{Availability, ContactMethod, DayPart, Gender, Slot, TravelMode};
use crate::i18n::{Texts, explain, use_i18n};

/// The message for `field`, if the last answer found a problem there.
pub fn field_problem(
    error: ActionError,
    field: &'static str,
) -> impl Fn() -> Option<String> + Copy {
    let i18n = use_i18n();
    move || {
        error
            .read()
            .as_ref()
            .and_then(|e| e.problem_at(field).map(|p| (i18n.t().problem)(p)))
    }
}

/// A labelled input whose name is built at run time (`form[profile][first_name]`).
#[component]
pub fn Input(
    id: String,
    name: String,
    field: &'static str,
    label: fn(&Texts) -> &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] hint: Option<fn(&Texts) -> &'static str>,
    #[prop(optional)] required: bool,
    #[prop(optional)] autocomplete: &'static str,
    value: String,
    error: ActionError,
) -> impl IntoView {
    let i18n = use_i18n();
    let problem = field_problem(error, field);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = {
        let (h, e) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(h.clone());
            }
            if problem().is_some() {
                ids.push(e.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let multiline = kind == "textarea";
    view! {
        <div class="field">
            <label for=id.clone()>{move || label(i18n.t())}</label>
            {hint.map(|h| view! { <span class="hint" id=hint_id.clone()>{move || h(i18n.t())}</span> })}
            {if multiline {
                view! {
                    <textarea id=id.clone() name=name.clone() rows="3"
                        aria-invalid=move || problem().map(|_| "true")
                        aria-describedby=described.clone()>{raw_text_element(value.clone())}</textarea>
                }.into_any()
            } else {
                view! {
                    <input id=id.clone() name=name.clone() type=kind value=value.clone() required=required
                        autocomplete=(!autocomplete.is_empty()).then_some(autocomplete)
                        aria-invalid=move || problem().map(|_| "true")
                        aria-describedby=described.clone() />
                }.into_any()
            }}
            {move || problem().map(|m| view! { <span class="field-error" id=error_id.clone()>{m}</span> })}
        </div>
    }
}

/// A group of checkboxes or radio buttons with a legend and its own error.
#[component]
pub fn Choices(
    legend: fn(&Texts) -> &'static str,
    field: &'static str,
    error: ActionError,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let problem = field_problem(error, field);
    view! {
        <fieldset class="choices" aria-invalid=move || problem().map(|_| "true")>
            <legend>{move || legend(i18n.t())}</legend>
            <div class="choices__items">{children()}</div>
            {move || problem().map(|m| view! { <span class="field-error">{m}</span> })}
        </fieldset>
    }
}

/// Every profile field, named `{prefix}[...]`, filled in with `values`.
#[component]
pub fn ProfileFields(
    prefix: &'static str,
    values: ProfileForm,
    lists: Lists,
    error: ActionError,
) -> impl IntoView {
    let i18n = use_i18n();
    let n = move |f: &str| format!("{prefix}[{f}]");
    let id = move |f: &str| format!("{}-{f}", prefix.replace(['[', ']'], "-"));
    let v = values;
    let selected_availability: Availability = Availability::from_slots(
        v.availability
            .iter()
            .filter_map(|s| s.parse::<u32>().ok())
            .filter_map(Slot::from_index),
    );
    view! {
        <fieldset class="form-section">
            <legend>{move || i18n.t().section_person}</legend>
            <Input id=id("first_name") name=n("first_name") field="first_name" label=|t| t.field_first_name
                required=true autocomplete="off" value=v.first_name.clone() error />
            <Input id=id("last_name") name=n("last_name") field="last_name" label=|t| t.field_last_name
                required=true autocomplete="off" value=v.last_name.clone() error />
            <Input id=id("birth_date") name=n("birth_date") field="birth_date" kind="date"
                label=|t| t.field_birth_date required=true value=v.birth_date.clone() error />
            <Choices legend=|t| t.field_gender field="gender" error>
                {Gender::ALL.into_iter().map(|g| {
                    let code = g.code();
                    view! {
                        <label class="choice">
                            <input type="radio" name=n("gender") value=code checked=v.gender == code />
                            {move || (i18n.t().gender)(g)}
                        </label>
                    }
                }).collect_view()}
            </Choices>
            <SelectField id=id("municipality_id") name=n("municipality_id") field="municipality_id"
                label=|t| t.field_municipality value=v.municipality_id.clone() error
                options=lists.municipalities.iter().map(|m| (m.id.to_string(), format!("{} ({})", m.name, m.postcode))).collect() />
        </fieldset>
        <fieldset class="form-section">
            <legend>{move || i18n.t().section_contact}</legend>
            <Input id=id("phone") name=n("phone") field="phone" kind="tel" label=|t| t.field_phone
                autocomplete="off" value=v.phone.clone() error />
            <Input id=id("email") name=n("email") field="email" kind="email" label=|t| t.field_email_optional
                autocomplete="off" value=v.email.clone() error />
            <Choices legend=|t| t.field_preferred_contact field="preferred_contact" error>
                {ContactMethod::ALL.into_iter().map(|c| {
                    let code = c.code();
                    let checked = v.preferred_contact == code || (v.preferred_contact.is_empty() && code == "phone");
                    view! {
                        <label class="choice">
                            <input type="radio" name=n("preferred_contact") value=code checked=checked />
                            {move || (i18n.t().contact_method)(c)}
                        </label>
                    }
                }).collect_view()}
            </Choices>
            <Input id=id("languages") name=n("languages") field="languages" label=|t| t.field_languages
                hint=|t| t.field_languages_hint value=v.languages.clone() error />
        </fieldset>
        <fieldset class="form-section">
            <legend>{move || i18n.t().section_interests}</legend>
            <Choices legend=|t| t.field_interests field="interests" error>
                {lists.interests.iter().map(|item| {
                    let value = item.id.to_string();
                    let checked = v.interests.contains(&value);
                    view! {
                        <label class="choice">
                            <input type="checkbox" name=format!("{prefix}[interests][]") value=value checked=checked />
                            {item.name.clone()}
                        </label>
                    }
                }).collect_view()}
            </Choices>
            <Choices legend=|t| t.field_personality field="personality" error>
                {lists.scales.iter().map(|scale| {
                    let key = format!("s{}", scale.id);
                    let current = v.personality.get(&key).cloned().unwrap_or_default();
                    let name = format!("{prefix}[personality][{key}]");
                    view! {
                        <div class="scale" role="radiogroup" aria-label=format!("{} – {}", scale.low, scale.high)>
                            <span class="scale__end">{scale.low.clone()}</span>
                            {(1..=5).map(|value| {
                                let value = value.to_string();
                                view! {
                                    <label class="scale__point">
                                        <input type="radio" name=name.clone() value=value.clone() checked=current == value />
                                        <span>{value.clone()}</span>
                                    </label>
                                }
                            }).collect_view()}
                            <span class="scale__end">{scale.high.clone()}</span>
                        </div>
                    }
                }).collect_view()}
            </Choices>
        </fieldset>
        <fieldset class="form-section">
            <legend>{move || i18n.t().section_practical}</legend>
            <label class="choice">
                <input type="checkbox" name=n("smokes") value="true" checked=v.smokes == "true" />
                {move || i18n.t().field_smokes}
            </label>
            <label class="choice">
                <input type="checkbox" name=n("accepts_smoker") value="true" checked=v.accepts_smoker == "true" />
                {move || i18n.t().field_accepts_smoker}
            </label>
            <Choices legend=|t| t.field_availability field="availability" error>
                <WeekGrid name=format!("{prefix}[availability][]") selected=selected_availability />
            </Choices>
            <Input id=id("max_travel_km") name=n("max_travel_km") field="max_travel_km" kind="number"
                label=|t| t.field_max_travel_km value=v.max_travel_km.clone() error />
            <Choices legend=|t| t.field_travel_modes field="travel_modes" error>
                {TravelMode::ALL.into_iter().map(|m| {
                    let code = m.code();
                    view! {
                        <label class="choice">
                            <input type="checkbox" name=format!("{prefix}[travel_modes][]") value=code
                                checked=v.travel_modes.iter().any(|x| x == code) />
                            {move || (i18n.t().travel_mode)(m)}
                        </label>
                    }
                }).collect_view()}
            </Choices>
        </fieldset>
        <fieldset class="form-section">
            <legend>{move || i18n.t().section_wishes}</legend>
            <Choices legend=|t| t.field_wish_genders field="wish_genders" error>
                {Gender::ALL.into_iter().map(|g| {
                    let code = g.code();
                    view! {
                        <label class="choice">
                            <input type="checkbox" name=format!("{prefix}[wish_genders][]") value=code
                                checked=v.wish_genders.iter().any(|x| x == code) />
                            {move || (i18n.t().gender)(g)}
                        </label>
                    }
                }).collect_view()}
            </Choices>
            <div class="field-row">
                <Input id=id("wish_age_min") name=n("wish_age_min") field="wish_age_min" kind="number"
                    label=|t| t.field_wish_age_min value=v.wish_age_min.clone() error />
                <Input id=id("wish_age_max") name=n("wish_age_max") field="wish_age_max" kind="number"
                    label=|t| t.field_wish_age_max value=v.wish_age_max.clone() error />
            </div>
            <Input id=id("wish_note") name=n("wish_note") field="wish_note" kind="textarea"
                label=|t| t.field_wish_note value=v.wish_note.clone() error />
        </fieldset>
    }
}

/// A labelled select with a "choose" entry first.
#[component]
pub fn SelectField(
    id: String,
    name: String,
    field: &'static str,
    label: fn(&Texts) -> &'static str,
    value: String,
    options: Vec<(String, String)>,
    #[prop(optional)] hint: Option<fn(&Texts) -> &'static str>,
    error: ActionError,
) -> impl IntoView {
    let i18n = use_i18n();
    let problem = field_problem(error, field);
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = {
        let (h, e) = (hint_id.clone(), error_id.clone());
        move || {
            let ids: Vec<String> = hint
                .map(|_| h.clone())
                .into_iter()
                .chain(problem().map(|_| e.clone()))
                .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field">
            <label for=id.clone()>{move || label(i18n.t())}</label>
            {hint.map(|h| view! { <span class="hint" id=hint_id.clone()>{move || h(i18n.t())}</span> })}
            <select id=id.clone() name=name
                aria-invalid=move || problem().map(|_| "true")
                aria-describedby=described>
                <option value="">{move || i18n.t().choose}</option>
                {options.into_iter().map(|(v, label)| {
                    let selected = v == value;
                    view! { <option value=v selected=selected>{label}</option> }
                }).collect_view()}
            </select>
            {move || problem().map(|m| view! { <span class="field-error" id=error_id.clone()>{m}</span> })}
        </div>
    }
}

/// The week as a grid of checkboxes (days × morning, afternoon, evening), each named `name`
/// with its slot number as value.
#[component]
pub fn WeekGrid(name: String, selected: Availability) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="week-grid-wrap"><table class="week-grid">
            <thead>
                <tr>
                    <td></td>
                    {DayPart::ALL.into_iter().map(|part| view! {
                        <th scope="col">{move || explain::day_part(i18n.lang(), part)}</th>
                    }).collect_view()}
                </tr>
            </thead>
            <tbody>
                {(0..7u32).map(|day| {
                    let weekday = Slot::from_index(day * 3).map(|s| s.day).unwrap_or(chrono::Weekday::Mon);
                    view! {
                        <tr>
                            <th scope="row">{move || explain::weekday(i18n.lang(), weekday)}</th>
                            {DayPart::ALL.into_iter().map(|part| {
                                let slot = Slot::new(weekday, part);
                                view! {
                                    <td>
                                        <input type="checkbox" name=name.clone()
                                            value=slot.index().to_string()
                                            checked=selected.get(slot)
                                            aria-label=move || explain::slot(i18n.lang(), slot) />
                                    </td>
                                }
                            }).collect_view()}
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table></div>
    }
}
