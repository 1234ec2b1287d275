use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::admin_lists::{AddListEntry, SetListEntryActive, all_lists};
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{FormError, action_error};
use crate::components::guard::RequireRole;
use crate::components::profile_fields::Input;
use crate::components::suspend::suspend;
use crate::domain::account::ADMIN;
use crate::domain::lists::{ListKind, Lists};
use crate::i18n::{Texts, use_i18n};

/// (id, label, active) of every entry of one list.
fn entries(lists: &Lists, kind: ListKind, lang: crate::i18n::Lang) -> Vec<(i64, String, bool)> {
    match kind {
        ListKind::Interests => lists
            .interests
            .iter()
            .map(|e| (e.id, e.name.clone(), e.active))
            .collect(),
        ListKind::ActivityKinds => lists
            .activity_kinds
            .iter()
            .map(|e| (e.id, e.name.clone(), e.active))
            .collect(),
        ListKind::ReferralOrganisations => lists
            .referral_organisations
            .iter()
            .map(|e| (e.id, e.name.clone(), e.active))
            .collect(),
        ListKind::Scales => lists
            .scales
            .iter()
            .map(|e| (e.id, format!("{} – {}", e.low, e.high), e.active))
            .collect(),
        ListKind::Municipalities => lists
            .municipalities
            .iter()
            .map(|e| (e.id, format!("{} ({})", e.name, e.postcode), true))
            .collect(),
        // Edited in the catalogue (`/stones`), not here.
        ListKind::SteppingStones => Vec::new(),
        // The kinds Klik knows have their name in the reader's language.
        ListKind::EventKinds => lists
            .event_kinds
            .iter()
            .map(|e| {
                let name = e.name.clone().unwrap_or_else(|| {
                    (crate::i18n::events::words(lang).kind_name)(e.meaning).to_owned()
                });
                (e.id, name, e.active)
            })
            .collect(),
    }
}

/// Labels of the add form's fields for each list; `None` hides the field.
type Label = Option<fn(&Texts) -> &'static str>;
fn labels(kind: ListKind) -> [Label; 4] {
    match kind {
        ListKind::Interests
        | ListKind::ActivityKinds
        | ListKind::ReferralOrganisations
        | ListKind::EventKinds => [Some(|t| t.col_name), None, None, None],
        ListKind::Scales => [
            Some(|t| t.list_scale_low),
            Some(|t| t.list_scale_high),
            None,
            None,
        ],
        ListKind::Municipalities => [
            Some(|t| t.col_name),
            Some(|t| t.list_postcode),
            Some(|t| t.list_latitude),
            Some(|t| t.list_longitude),
        ],
        ListKind::SteppingStones => [None; 4],
    }
}

#[component]
pub fn ListsPage() -> impl IntoView {
    let i18n = use_i18n();
    let add = ServerAction::<AddListEntry>::new();
    let toggle = ServerAction::<SetListEntryActive>::new();
    let add_error = action_error(add);
    let toggle_error = action_error(toggle);
    let lists = Resource::new(
        move || (add.version().get(), toggle.version().get()),
        |_| all_lists(),
    );
    view! {
        <Title text=move || i18n.t().lists_title.to_owned() />
        <RequireRole roles=ADMIN>
            <h1>{move || i18n.t().lists_title}</h1>
            <p class="lead">{move || i18n.t().lists_intro}</p>
            <FormError error=toggle_error />
            <Transition fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    let lists = match lists.await {
                        Ok(lists) => lists,
                        Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                    };
                    ListKind::ALL.into_iter().filter(|k| *k != ListKind::SteppingStones).map(|kind| {
                        let code = kind.code();
                        let heading = format!("list-{code}");
                        let labelled = heading.clone();
                        let fields = labels(kind);
                        view! {
                            <section class="card" aria-labelledby=labelled>
                                <h2 id=heading>{move || (i18n.t().list_name)(kind)}</h2>
                                <ul class="list">
                                    {entries(&lists, kind, i18n.lang()).into_iter().map(|(id, label, active)| view! {
                                        <li class="list__row">
                                            <span class:muted=!active>{label}</span>
                                            {(kind != ListKind::Municipalities).then(|| view! {
                                                <ActionForm action=toggle attr:class="inline-form">
                                                    <input type="hidden" name="list" value=code />
                                                    <input type="hidden" name="id" value=id />
                                                    <input type="hidden" name="active" value=(!active).to_string() />
                                                    <button type="submit" class="btn">
                                                        {move || if active { i18n.t().list_hide } else { i18n.t().list_show }}
                                                    </button>
                                                </ActionForm>
                                            })}
                                        </li>
                                    }).collect_view()}
                                </ul>
                                <ActionForm action=add attr:class="list-add">
                                    <input type="hidden" name="list" value=code />
                                    {move || (add.input().get().map(|i| i.list) == Some(code.to_owned()))
                                        .then(|| view! { <FormError error=add_error /> })}
                                    {["name", "second", "third", "fourth"].into_iter().zip(fields).filter_map(|(field, label)| {
                                        label.map(|label| view! {
                                            <Input id=format!("{code}-{field}") name=format!("entry[{field}]") field
                                                label value=String::new() error=add_error />
                                        })
                                    }).collect_view()}
                                    <button type="submit" class="btn">{move || i18n.t().list_add}</button>
                                </ActionForm>
                            </section>
                        }
                    }).collect_view().into_any()
                })}
                <section class="card">
                    <h2>{move || (i18n.t().list_name)(ListKind::SteppingStones)}</h2>
                    <p><a href="/stones">{move || i18n.t().stones_title}</a></p>
                </section>
            </Transition>
        </RequireRole>
    }
}
