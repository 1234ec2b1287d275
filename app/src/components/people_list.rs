//! What the participants and buddies lists share: the filters, kept in the address so that
//! they work without JavaScript and can be linked; the name filter, which is sent but never
//! put in the address (names are personal data); and the pager.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use leptos_router::params::ParamsMap;

use crate::domain::lists::Lists;
use crate::domain::people::Coded;
use crate::i18n::{Texts, use_i18n};

/// A list's filters as the address holds them.
#[derive(Clone, Copy)]
pub struct ListQuery(Memo<ParamsMap>);

pub fn use_list_query() -> ListQuery {
    ListQuery(use_query_map())
}

impl ListQuery {
    /// The value of `key`; an empty one counts as absent.
    pub fn get(self, key: &str) -> Option<String> {
        self.0.read().get(key).filter(|v| !v.is_empty())
    }

    /// The value of `key` as a number; anything else counts as absent.
    pub fn number(self, key: &str) -> Option<i64> {
        self.get(key).and_then(|v| v.parse().ok())
    }

    pub fn page(self) -> Option<u64> {
        self.number("page").map(|p| p.max(0) as u64)
    }

    /// The address of page `page` of the list at `path` with the same filters. Only `keys`
    /// are carried over, so nothing else that was put in the address spreads further.
    pub fn link(self, path: &str, keys: &[&str], page: u64) -> String {
        let q = self.0.read();
        let mut parts: Vec<String> = keys
            .iter()
            .filter_map(|k| {
                q.get(k)
                    .filter(|v| !v.is_empty())
                    .map(|v| format!("{}={}", escape(k), escape(&v)))
            })
            .collect();
        parts.push(format!("page={page}"));
        format!("{path}?{}", parts.join("&"))
    }
}

/// Percent-encodes all but the unreserved characters, so that a value from the address
/// cannot add parameters of its own to a link.
fn escape(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The filter form of a people list: status, municipality, interest, sort (and the fields
/// of one list only, as `children`, before the sort). A plain GET form, so it also works
/// without JavaScript.
#[component]
pub fn ListFilters<S, O>(
    /// The list's own address.
    action: &'static str,
    lists: Lists,
    query: ListQuery,
    /// The names of the statuses, e.g. `|t| t.buddy_status`.
    statuses: fn(&Texts) -> fn(S) -> &'static str,
    /// The names of the sort orders.
    sorts: fn(&Texts) -> fn(O) -> &'static str,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView
where
    S: Coded,
    O: Coded,
{
    let i18n = use_i18n();
    let status = query.get("status").unwrap_or_default();
    let municipality = query.get("municipality").unwrap_or_default();
    let interest = query.get("interest").unwrap_or_default();
    let sort = query.get("sort").unwrap_or_default();
    let options = |entries: Vec<(String, String)>, current: String| {
        entries
            .into_iter()
            .map(|(v, name)| {
                let selected = current == v;
                view! { <option value=v selected=selected>{name}</option> }
            })
            .collect_view()
    };
    let places = lists
        .municipalities
        .iter()
        .map(|m| (m.id.to_string(), m.name.clone()))
        .collect();
    let interests = lists
        .interests
        .iter()
        .map(|i| (i.id.to_string(), i.name.clone()))
        .collect();
    view! {
        <form method="get" action=action class="card filters">
            <div class="field">
                <label for="f-status">{move || i18n.t().filter_status}</label>
                <select id="f-status" name="status">
                    <option value="">{move || i18n.t().filter_all}</option>
                    {S::all().iter().map(|s| {
                        let s = *s;
                        view! {
                            <option value=s.code() selected=status == s.code()>{move || statuses(i18n.t())(s)}</option>
                        }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="f-municipality">{move || i18n.t().field_municipality}</label>
                <select id="f-municipality" name="municipality">
                    <option value="">{move || i18n.t().filter_all}</option>
                    {options(places, municipality)}
                </select>
            </div>
            <div class="field">
                <label for="f-interest">{move || i18n.t().field_interests}</label>
                <select id="f-interest" name="interest">
                    <option value="">{move || i18n.t().filter_all}</option>
                    {options(interests, interest)}
                </select>
            </div>
            {children.map(|c| c())}
            <div class="field">
                <label for="f-sort">{move || i18n.t().sort_label}</label>
                <select id="f-sort" name="sort">
                    {O::all().iter().map(|o| {
                        let o = *o;
                        view! {
                            <option value=o.code() selected=sort == o.code()>{move || sorts(i18n.t())(o)}</option>
                        }
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="btn">{move || i18n.t().filter}</button>
        </form>
    }
}

/// Part of a name to look for. Outside the GET form and without a `name`: it is sent with
/// the list's request and never lands in the address, which is why it needs JavaScript.
#[component]
pub fn NameFilter(name: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field field--search">
            <label for="f-name">{move || i18n.t().filter_name}</label>
            <input id="f-name" type="search" autocomplete="off"
                on:input=move |ev| name.set(event_target_value(&ev)) prop:value=name />
        </div>
    }
}

/// The count of results, then the list (`children`), then links to the pages before and
/// after, which keep the filters in `keys`.
#[component]
pub fn Paging(
    path: &'static str,
    keys: &'static [&'static str],
    query: ListQuery,
    total: u64,
    /// Zero-based.
    current: u64,
    pages: u64,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let link = move |page: u64| query.link(path, keys, page);
    view! {
        <p role="status" class="muted">{move || (i18n.t().results)(total)}</p>
        {children()}
        <nav class="pager" aria-label=move || (i18n.t().page_of)(current + 1, pages)>
            {(current > 0).then(|| view! { <a class="btn" href=link(current - 1)>{move || i18n.t().previous}</a> })}
            <span>{move || (i18n.t().page_of)(current + 1, pages)}</span>
            {(current + 1 < pages).then(|| view! { <a class="btn" href=link(current + 1)>{move || i18n.t().next}</a> })}
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn values_cannot_add_parameters_to_a_link() {
        assert_eq!(escape("in_duo"), "in_duo");
        assert_eq!(escape("3&name=Koen"), "3%26name%3DKoen");
        assert_eq!(escape("é "), "%C3%A9%20");
    }
}
