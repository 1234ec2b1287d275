//! The match board: candidates (waiting participants and available buddies), then the duos
//! by stage. Cards move by dragging (pointer events: mouse, touch and pen alike), and
//! without dragging through the "move" menu on each card and the ranking pages, which also
//! work without JavaScript. Dropping a buddy on a participant scores the pair in the browser
//! with the server's own matching code before anything is saved.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::duos::{Board, BuddyCard, DuoCard, MoveDuo, ParticipantCard, get_board};
use crate::api::matching::ProposeDuo;
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{FormError, action_error};
use crate::components::guard::RequireRole;
use crate::components::profile_fields::{Input, field_problem};
use crate::components::suspend::suspend;
use crate::domain::account::STAFF_ADMIN;
use crate::domain::board::Fit;
use crate::domain::duo::{AgreementItem, DuoStage, EndReason};
use crate::i18n::{explain, use_i18n};
use crate::matching::assess_pair;

/// A card being dragged or picked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum CardRef {
    Participant(i64),
    Buddy(i64),
    Duo(i32),
}

/// Where a card was dropped (the `data-drop` attribute under the pointer).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Target {
    Participant(i64),
    Buddy(i64),
    /// A lane: a stage, or `None` for the candidates.
    Lane(Option<DuoStage>),
}

impl Target {
    fn parse(code: &str) -> Option<Target> {
        let (kind, value) = code.split_once(':')?;
        match kind {
            "p" => value.parse().ok().map(Target::Participant),
            "b" => value.parse().ok().map(Target::Buddy),
            "lane" if value == "candidates" => Some(Target::Lane(None)),
            "lane" => DuoStage::from_code(value).map(|s| Target::Lane(Some(s))),
            _ => None,
        }
    }
}

/// What the confirmation sheet asks about.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Pending {
    Propose { participant: i64, buddy: i64 },
    Move { duo: i32, to: DuoStage },
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct Drag {
    card: CardRef,
    /// Where the pointer went down.
    start: (i32, i32),
    x: i32,
    y: i32,
    /// Moved far enough from `start` to be a drag rather than a tap (a slow drag too).
    moved: bool,
    over: Option<Target>,
}

/// The drop target under a point, ignoring the dragged ghost (it lets the pointer through).
fn target_at(x: i32, y: i32) -> Option<Target> {
    let element = document().element_from_point(x as f32, y as f32)?;
    let zone = element.closest("[data-drop]").ok()??;
    Target::parse(&zone.get_attribute("data-drop")?)
}

/// The card a drop would change, and how: a proposal or a move to a stage.
fn pending_for(board: &Board, card: CardRef, target: Target) -> Option<Result<Pending, ()>> {
    match (card, target) {
        (CardRef::Participant(participant), Target::Buddy(buddy))
        | (CardRef::Buddy(buddy), Target::Participant(participant)) => {
            Some(Ok(Pending::Propose { participant, buddy }))
        }
        (CardRef::Duo(id), Target::Lane(lane)) => {
            let duo = board.duos.iter().find(|d| d.id == id)?;
            let to = lane.unwrap_or(DuoStage::Ended);
            if to == duo.stage {
                return None;
            }
            Some(if duo.stage.can_move_to(to) {
                Ok(Pending::Move { duo: id, to })
            } else {
                Err(())
            })
        }
        _ => None,
    }
}

#[component]
pub fn BoardPage() -> impl IntoView {
    let i18n = use_i18n();
    let propose = ServerAction::<ProposeDuo>::new();
    let move_duo = ServerAction::<MoveDuo>::new();
    let board = Resource::new(
        move || (propose.version().get(), move_duo.version().get()),
        |_| get_board(),
    );
    let query = use_query_map();
    let place = RwSignal::new(query.read_untracked().get("place").unwrap_or_default());
    let search = RwSignal::new(query.read_untracked().get("q").unwrap_or_default());
    let shown_count = |key: &str| {
        query
            .read_untracked()
            .get(key)
            .and_then(|v| v.parse::<usize>().ok())
            .map_or(SHOWN, |n| n.clamp(SHOWN, MAX_SHOWN))
    };
    let shown = Shown {
        participants: RwSignal::new(shown_count("shown_p")),
        buddies: RwSignal::new(shown_count("shown_b")),
    };
    let drag = RwSignal::new(None::<Drag>);
    let picked = RwSignal::new(None::<CardRef>);
    let pending = RwSignal::new(None::<Pending>);
    let refused = RwSignal::new(false);
    // A sheet closes once its action went through; a saved proposal also ends the pick.
    Effect::new(move || {
        let proposed = propose.value().get().is_some_and(|r| r.is_ok());
        if proposed || move_duo.value().get().is_some_and(|r| r.is_ok()) {
            pending.set(None);
        }
        if proposed {
            picked.set(None);
        }
    });
    auto_scroll(drag);
    view! {
        <Title text=move || i18n.t().board_title.to_owned() />
        <RequireRole roles=STAFF_ADMIN>
            <h1>{move || i18n.t().board_title}</h1>
            <p class="lead">{move || i18n.t().board_intro}</p>
            <FormError error=action_error(propose) />
            <FormError error=action_error(move_duo) />
            <Show when=move || refused.get()>
                <p class="banner banner--error" role="alert">{move || i18n.t().err_invalid_move}</p>
            </Show>
            <Transition fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    let b = match board.await {
                        Ok(b) => b,
                        Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                    };
                    let b = StoredValue::new(b);
                    view! {
                        <BoardFilters place search board=b />
                        <BoardLanes board=b place search shown drag picked pending refused propose move_duo />
                        <Sheet board=b pending propose move_duo />
                        <DragGhost board=b drag />
                    }.into_any()
                })}
            </Transition>
        </RequireRole>
    }
}

/// Municipality and first-name filters; a GET form, so they also work without JavaScript.
#[component]
fn BoardFilters(
    place: RwSignal<String>,
    search: RwSignal<String>,
    board: StoredValue<Board>,
) -> impl IntoView {
    let i18n = use_i18n();
    let mut places: Vec<String> = board.with_value(|b| {
        b.waiting
            .iter()
            .map(|c| c.municipality.clone())
            .chain(b.buddies.iter().map(|c| c.municipality.clone()))
            .collect()
    });
    places.sort();
    places.dedup();
    view! {
        <form method="get" class="board-filters" role="search">
            <div class="field">
                <label for="board-place">{move || i18n.t().field_municipality}</label>
                <select id="board-place" name="place" on:change=move |ev| place.set(event_target_value(&ev))>
                    <option value="">{move || i18n.t().board_all_places}</option>
                    {places.into_iter().map(|p| {
                        let selected = place.get_untracked() == p;
                        view! { <option value=p.clone() selected=selected>{p.clone()}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="board-search">{move || i18n.t().board_search}</label>
                <input id="board-search" name="q" type="search" prop:value=move || search.get()
                    value=search.get_untracked()
                    on:input=move |ev| search.set(event_target_value(&ev)) />
            </div>
            <noscript><button type="submit" class="btn">{move || i18n.t().filter}</button></noscript>
        </form>
    }
}

/// Whether a card with this first name and place passes the filters.
fn passes_filters(place: &str, search: &str, first_name: &str, municipality: &str) -> bool {
    (place.is_empty() || place == municipality)
        && (search.trim().is_empty()
            || first_name
                .to_lowercase()
                .contains(&search.trim().to_lowercase()))
}

#[component]
#[allow(clippy::too_many_arguments)] // the board's shared signals and actions
fn BoardLanes(
    board: StoredValue<Board>,
    place: RwSignal<String>,
    search: RwSignal<String>,
    shown: Shown,
    drag: RwSignal<Option<Drag>>,
    picked: RwSignal<Option<CardRef>>,
    pending: RwSignal<Option<Pending>>,
    refused: RwSignal<bool>,
    propose: ServerAction<ProposeDuo>,
    move_duo: ServerAction<MoveDuo>,
) -> impl IntoView {
    let i18n = use_i18n();
    // Pointer events on the grip: one code path for mouse, touch and pen.
    let grip = move |card: CardRef| {
        view! {
            <span class="board-card__grip" aria-hidden="true"
                on:pointerdown=move |ev| {
                    if ev.button() != 0 {
                        return;
                    }
                    ev.prevent_default();
                    // Keeps the pointer's events on the grip while it moves over other cards.
                    let grip = event_target::<leptos::web_sys::Element>(&ev);
                    let _ = grip.set_pointer_capture(ev.pointer_id());
                    refused.set(false);
                    let (x, y) = (ev.client_x(), ev.client_y());
                    drag.set(Some(Drag { card, start: (x, y), x, y, moved: false, over: None }));
                }
                on:pointermove=move |ev| {
                    drag.update(|d| if let Some(d) = d {
                        let (x, y) = (ev.client_x(), ev.client_y());
                        d.moved = d.moved || (x - d.start.0).abs() + (y - d.start.1).abs() > 6;
                        d.x = x;
                        d.y = y;
                        d.over = target_at(x, y);
                    });
                    // Picking up a candidate sorts the other side for it.
                    if drag.with_untracked(|d| d.is_some_and(|d| d.moved))
                        && matches!(card, CardRef::Participant(_) | CardRef::Buddy(_))
                        && picked.get_untracked() != Some(card)
                    {
                        picked.set(Some(card));
                    }
                }
                on:pointerup=move |_| {
                    let Some(d) = drag.get_untracked() else { return };
                    drag.set(None);
                    if let (true, Some(over)) = (d.moved, d.over) {
                        match board.with_value(|b| pending_for(b, d.card, over)) {
                            Some(Ok(p)) => pending.set(Some(p)),
                            Some(Err(())) => refused.set(true),
                            None => {}
                        }
                    }
                }
                on:pointercancel=move |_| drag.set(None)>
                "⠿"
            </span>
        }
    };
    let over =
        move |code: String| move || drag.with(|d| d.and_then(|d| d.over) == Target::parse(&code));
    let over_lane = Callback::new(move |code: String| over(code)());
    let grip_view = Callback::new(move |card: CardRef| grip(card).into_any());
    // While a move is saved, its card already stands in the new lane; a refusal puts it back.
    let stage_of = move |d: &DuoCard| -> DuoStage {
        move_duo
            .input()
            .with(|i| {
                i.as_ref()
                    .filter(|i| i.id == d.id)
                    .and_then(|i| DuoStage::from_code(&i.form.to))
            })
            .unwrap_or(d.stage)
    };
    let lane = move |stage: DuoStage| {
        let code = format!("lane:{}", stage.code());
        let cards = move || {
            let (place, search) = (place.get(), search.get());
            board.with_value(|b| {
                b.duos
                    .iter()
                    .filter(|d| stage_of(d) == stage)
                    .filter(|d| {
                        passes_filters(&place, &search, &d.participant_first_name, &d.municipality)
                            || passes_filters(&place, &search, &d.buddy_first_name, &d.municipality)
                    })
                    .cloned()
                    .collect::<Vec<_>>()
            })
        };
        let count = move || cards().len();
        let proposing = move || {
            (stage == DuoStage::Proposed)
                .then(|| propose.input().get())
                .flatten()
                .map(|p| {
                    let (pn, bn) = board.with_value(|b| names(b, i64::from(p.participant_id), i64::from(p.buddy_id)));
                    view! { <li class="board-card board-card--saving" aria-busy="true">{move || (i18n.t().board_pair)(&bn, &pn)}</li> }
                })
        };
        view! {
            <section class="board-lane" data-drop=code.clone() class:board-lane--over=over(code.clone())
                aria-labelledby=format!("lane-{}", stage.code())>
                <h2 id=format!("lane-{}", stage.code())>
                    {move || (i18n.t().duo_stage)(stage)}" "<span class="count">{count}</span>
                </h2>
                <ul class="board-lane__cards">
                    {proposing}
                    <For each=cards key=move |d| (d.id, d.version, stage_of(d))
                        children=move |d: DuoCard| {
                            let id = d.id;
                            view! { <DuoCardView duo=d grip=grip(CardRef::Duo(id)).into_any() pending /> }
                        } />
                </ul>
            </section>
        }
    };
    let ended = move || {
        board.with_value(|b| {
            b.duos
                .iter()
                .filter(|d| d.stage == DuoStage::Ended)
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="board" class:board--dragging=move || drag.with(|d| d.is_some_and(|d| d.moved))>
            <CandidateLanes board place search shown picked pending over=over_lane grip=grip_view />
            {lane(DuoStage::Proposed)}
            {lane(DuoStage::Introduction)}
            {lane(DuoStage::Active)}
            <details class="board-lane board-lane--ended" data-drop="lane:ended"
                class:board-lane--over=over("lane:ended".into())>
                <summary><h2>{move || (i18n.t().board_ended_count)(ended().len())}</h2></summary>
                <ul class="board-lane__cards">
                    {move || ended().into_iter().map(|d| view! {
                        <li class="board-card board-card--ended">
                            <div class="board-card__body">
                                <strong>{move || (i18n.t().board_pair)(&d.buddy_first_name, &d.participant_first_name)}</strong>
                                {d.end_reason.map(|r| view! { <span class="chip">{move || (i18n.t().end_reason)(r)}</span> })}
                            </div>
                        </li>
                    }).collect_view()}
                </ul>
            </details>
        </div>
    }
}

/// Cards a candidates' list shows at first, and how many more each "show more" adds.
const SHOWN: usize = 20;
/// Most cards one list shows (a longer list is narrowed with the filters).
const MAX_SHOWN: usize = 1_000;

/// How many cards each candidates' list shows (`?shown_p=` and `?shown_b=` without JavaScript).
#[derive(Clone, Copy)]
struct Shown {
    participants: RwSignal<usize>,
    buddies: RwSignal<usize>,
}

/// The "show more" link of a list: a plain link (the same filters, more cards) that, with
/// JavaScript, shows the next cards in place.
fn show_more(
    key: &'static str,
    count: RwSignal<usize>,
    total: impl Fn() -> usize + Copy + Send + Sync + 'static,
    place: RwSignal<String>,
    search: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let href = move || {
        let more = (count.get() + SHOWN).min(MAX_SHOWN);
        let mut query = form_urlencoded::Serializer::new(String::new());
        for (k, v) in [("place", place.get()), ("q", search.get())] {
            if !v.is_empty() {
                query.append_pair(k, &v);
            }
        }
        query.append_pair(key, &more.to_string());
        format!("/board?{}", query.finish())
    };
    view! {
        <p class="board-more">
            <span class="muted">{move || (i18n.t().board_shown_of)(count.get().min(total()), total())}</span>
            {move || (count.get() < total() && count.get() < MAX_SHOWN).then(|| view! {
                " "
                <a class="btn btn--small" href=href
                    on:click=move |ev| {
                        ev.prevent_default();
                        count.update(|n| *n = (*n + SHOWN).min(MAX_SHOWN));
                    }>
                    {move || (i18n.t().board_show_more)(total().saturating_sub(count.get()).min(SHOWN))}
                </a>
            })}
        </p>
    }
}

/// After a pick from the keyboard or a tap, brings the other list's top (its best fits) into
/// view when it is out of sight: on a phone the lists stand one below the other.
fn show_other_list(picked: CardRef) {
    #[cfg(feature = "hydrate")]
    {
        let id = match picked {
            CardRef::Buddy(_) => "lane-waiting",
            _ => "lane-buddies",
        };
        if let Some(heading) = document().get_element_by_id(id) {
            let r = heading.get_bounding_client_rect();
            let height = window()
                .inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or(0.0);
            if r.top() < 0.0 || r.bottom() > height {
                heading.scroll_into_view();
            }
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = picked;
}

/// Sorted cards with their fits, for a list's memo.
fn with_fits(cards: Vec<(usize, Fit)>) -> Vec<(usize, Option<Fit>)> {
    cards.into_iter().map(|(i, fit)| (i, Some(fit))).collect()
}

/// The cards that `kept` marks, in the board's order, without fits.
fn unsorted(kept: Vec<bool>) -> Vec<(usize, Option<Fit>)> {
    kept.into_iter()
        .enumerate()
        .filter_map(|(i, keep)| keep.then_some((i, None)))
        .collect()
}

/// A card of the candidates' lists as it shows: its fit with the picked card, if any.
#[derive(Clone, Debug, PartialEq)]
enum Candidate {
    Participant(ParticipantCard, Option<Fit>),
    Buddy(BuddyCard, Option<Fit>),
}

/// The candidates: waiting participants and available buddies. Picking one up (dragging it,
/// or its "pick" button) sorts the other list by how well each fits it, computed here with
/// the server's engine; those that cannot be paired come last, with the first reason.
#[component]
fn CandidateLanes(
    board: StoredValue<Board>,
    place: RwSignal<String>,
    search: RwSignal<String>,
    shown: Shown,
    picked: RwSignal<Option<CardRef>>,
    pending: RwSignal<Option<Pending>>,
    over: Callback<String, bool>,
    grip: Callback<CardRef, AnyView>,
) -> impl IntoView {
    let i18n = use_i18n();
    let filtered = move |first_name: &str, municipality: &str| {
        place.with(|p| search.with(|q| passes_filters(p, q, first_name, municipality)))
    };
    // Indices into the board's lists (with the fit while a card is picked): cheap to compare
    // and keep; only the cards shown are cloned into views.
    let participants = Memo::new(move |_| {
        let keep = |c: &ParticipantCard| filtered(&c.candidate.first_name, &c.municipality);
        board
            .with_value(|b| match picked.get() {
                Some(CardRef::Buddy(id)) => b.participants_for(id, keep).map(with_fits),
                _ => None,
            })
            .unwrap_or_else(|| unsorted(board.with_value(|b| b.waiting.iter().map(keep).collect())))
    });
    let buddies = Memo::new(move |_| {
        let keep = |c: &BuddyCard| filtered(&c.candidate.first_name, &c.municipality);
        board
            .with_value(|b| match picked.get() {
                Some(CardRef::Participant(id)) => b.buddies_for(id, keep).map(with_fits),
                _ => None,
            })
            .unwrap_or_else(|| unsorted(board.with_value(|b| b.buddies.iter().map(keep).collect())))
    });
    let picked_name = Memo::new(move |_| {
        let card = picked.get()?;
        board.with_value(|b| match card {
            CardRef::Participant(id) => b
                .waiting
                .iter()
                .find(|c| c.candidate.id == id)
                .map(|c| c.candidate.first_name.clone()),
            CardRef::Buddy(id) => b
                .buddies
                .iter()
                .find(|c| c.candidate.id == id)
                .map(|c| c.candidate.first_name.clone()),
            CardRef::Duo(_) => None,
        })
    });
    // On a wide screen each list scrolls in its own box (focusable, so a keyboard scrolls it
    // too), and a drag near its edge scrolls it.
    let list = move |cards: Memo<Vec<(usize, Option<Fit>)>>,
                     count: RwSignal<usize>,
                     label: &'static str,
                     card: fn(&Board, usize, Option<Fit>) -> Candidate| {
        let visible = move || {
            cards.with(|c| {
                board.with_value(|b| {
                    c.iter()
                        .take(count.get())
                        .map(|(i, fit)| card(b, *i, fit.clone()))
                        .collect::<Vec<_>>()
                })
            })
        };
        view! {
            <ul class="board-lane__cards board-scroll" tabindex="0" aria-labelledby=label>
                <For each=visible
                    key=move |c| match c {
                        Candidate::Participant(p, fit) => (CardRef::Participant(p.candidate.id), fit.as_ref().map(|f| f.points), picked.get_untracked()),
                        Candidate::Buddy(b, fit) => (CardRef::Buddy(b.candidate.id), fit.as_ref().map(|f| f.points), picked.get_untracked()),
                    }
                    children=move |c| view! { <CandidateCard card=c picked picked_name pending over grip /> } />
            </ul>
        }
    };
    let total_p = move || participants.with(Vec::len);
    let total_b = move || buddies.with(Vec::len);
    view! {
        <section class="board-lane board-lane--candidates" data-drop="lane:candidates"
            class:board-lane--over=move || over.run("lane:candidates".into()) aria-labelledby="lane-candidates">
            <h2 id="lane-candidates">{move || i18n.t().lane_candidates}</h2>
            <div class="board-pick" role="status">
                {move || picked_name.get().map(|name| view! {
                    <p class="banner banner--ok">
                        {(i18n.t().board_sorted_for)(&name)}" "
                        <button type="button" class="btn btn--small" on:click=move |_| picked.set(None)>
                            {move || i18n.t().board_cancel}
                        </button>
                    </p>
                })}
            </div>
            <div class="board-candidates">
                <div>
                    <h3 id="lane-waiting">{move || i18n.t().lane_waiting}" "<span class="count">{total_p}</span></h3>
                    {list(participants, shown.participants, "lane-waiting", |b, i, fit| Candidate::Participant(b.waiting[i].clone(), fit))}
                    {show_more("shown_p", shown.participants, total_p, place, search)}
                </div>
                <div>
                    <h3 id="lane-buddies">{move || i18n.t().lane_buddies}" "<span class="count">{total_b}</span></h3>
                    {list(buddies, shown.buddies, "lane-buddies", |b, i, fit| Candidate::Buddy(b.buddies[i].clone(), fit))}
                    {show_more("shown_b", shown.buddies, total_b, place, search)}
                </div>
            </div>
        </section>
    }
}

/// One candidate's card: drag it by the grip, or pick it with its button; while a card of
/// the other side is picked it shows its score with that card, and a button to pair them.
#[component]
fn CandidateCard(
    card: Candidate,
    picked: RwSignal<Option<CardRef>>,
    /// The first name of the picked card.
    picked_name: Memo<Option<String>>,
    pending: RwSignal<Option<Pending>>,
    over: Callback<String, bool>,
    grip: Callback<CardRef, AnyView>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (me, first_name, municipality, smokes, fit) = match &card {
        Candidate::Participant(c, fit) => (
            CardRef::Participant(c.candidate.id),
            c.candidate.first_name.clone(),
            c.municipality.clone(),
            c.candidate.profile.smoking.smokes,
            fit.clone(),
        ),
        Candidate::Buddy(c, fit) => (
            CardRef::Buddy(c.candidate.id),
            c.candidate.first_name.clone(),
            c.municipality.clone(),
            c.candidate.profile.smoking.smokes,
            fit.clone(),
        ),
    };
    let (class, drop, match_page) = match me {
        CardRef::Participant(id) => (
            "board-card board-card--participant",
            format!("p:{id}"),
            format!("/participants/{id}/match"),
        ),
        CardRef::Buddy(id) => (
            "board-card board-card--buddy",
            format!("b:{id}"),
            format!("/buddies/{id}/match"),
        ),
        CardRef::Duo(_) => unreachable!("candidates are people"),
    };
    let fact = match &card {
        Candidate::Participant(c, _) => {
            let days = i64::from(c.days_waiting);
            view! { <span class="chip">{move || (i18n.t().days_waiting)(days)}</span> }.into_any()
        }
        Candidate::Buddy(c, _) => {
            let free = c.candidate.free_places();
            view! { <span class="chip">{move || (i18n.t().board_free_places)(free)}</span> }
                .into_any()
        }
    };
    let blocked = fit.as_ref().is_some_and(|f| f.blocker.is_some());
    let is_picked = move || picked.get() == Some(me);
    // The proposal this card and the picked one would make.
    let pair = move || match (picked.get()?, me) {
        (CardRef::Buddy(buddy), CardRef::Participant(participant))
        | (CardRef::Participant(participant), CardRef::Buddy(buddy)) => {
            Some(Pending::Propose { participant, buddy })
        }
        _ => None,
    };
    let name = first_name.clone();
    let score = fit.as_ref().map(|f| {
        let points = f.points;
        view! {
            <span class="score score--small" aria-label=move || (i18n.t().match_score_label)(points)>{points}</span>
        }
    });
    // A long wait goes first (`matching::priority`): say so, or the order looks wrong.
    let first = fit
        .as_ref()
        .is_some_and(|f| f.blocker.is_none() && f.priority.is_some());
    let why = fit.and_then(|f| f.blocker).map(|b| {
        view! {
            <span class="board-card__why">
                <strong>{move || i18n.t().board_cannot}": "</strong>{move || explain::blocker(i18n.lang(), &b)}
            </span>
        }
    });
    view! {
        <li class=class data-drop=drop.clone() data-card=drop.clone()
            class:board-card--over=move || over.run(drop.clone())
            class:board-card--blocked=blocked class:board-card--picked=is_picked>
            {grip.run(me)}
            <div class="board-card__body">
                <strong>{first_name.clone()}</strong>
                {score}
                {first.then(|| view! { <span class="chip chip--priority">{move || i18n.t().priority_chip}</span> })}
                <span>{municipality}</span>
                {fact}
                {smokes.then(|| view! { <span class="chip chip--soft">{move || i18n.t().smokes_chip}</span> })}
                {why}
            </div>
            <div class="board-card__actions">
                <a class="board-card__action" href=match_page>{move || i18n.t().board_propose_with}</a>
                <button type="button" class="btn btn--small needs-js" aria-pressed=move || is_picked().to_string()
                    aria-label=move || (i18n.t().board_choose)(&name)
                    on:click=move |_| {
                        let now = if picked.get_untracked() == Some(me) { None } else { Some(me) };
                        picked.set(now);
                        if now.is_some() {
                            show_other_list(me);
                        }
                    }>
                    {move || i18n.t().board_choose_short}
                </button>
                {move || pair().filter(|_| !blocked).map(|p| {
                    let other = picked_name.get().unwrap_or_default();
                    view! {
                        <button type="button" class="btn btn--small btn--primary"
                            on:click=move |_| pending.set(Some(p))>
                            {move || (i18n.t().board_pair_with)(&other)}
                        </button>
                    }
                })}
            </div>
        </li>
    }
}

fn names(b: &Board, participant: i64, buddy: i64) -> (String, String) {
    let p = b
        .waiting
        .iter()
        .find(|c| c.candidate.id == participant)
        .map(|c| c.candidate.first_name.clone())
        .unwrap_or_default();
    let bn = b
        .buddies
        .iter()
        .find(|c| c.candidate.id == buddy)
        .map(|c| c.candidate.first_name.clone())
        .unwrap_or_default();
    (p, bn)
}

/// One duo's card, with its "move" menu: links that work without JavaScript, and open the
/// confirmation sheet with it.
#[component]
fn DuoCardView(duo: DuoCard, grip: AnyView, pending: RwSignal<Option<Pending>>) -> impl IntoView {
    let i18n = use_i18n();
    let id = duo.id;
    let chips = duo.chips.clone();
    view! {
        <li class="board-card board-card--duo" data-card=format!("d:{id}")>
            {grip}
            <div class="board-card__body">
                <strong><a href=format!("/duos/{id}")>{move || (i18n.t().board_pair)(&duo.buddy_first_name, &duo.participant_first_name)}</a></strong>
                <span>{duo.municipality.clone()}</span>
                <span class="score" aria-label=move || (i18n.t().match_score_label)(duo.score.clamp(0, 100) as u8)>{duo.score}</span>
                {duo.introduction_on.map(|d| view! { <span class="chip">{crate::domain::time::format_date(d)}</span> })}
                <span class="chips">
                    {move || chips.iter().map(|c| view! { <span class="chip chip--soft">{explain::detail(i18n.lang(), c)}</span> }).collect_view()}
                </span>
            </div>
            <details class="board-card__menu">
                <summary class="btn btn--small">{move || i18n.t().board_move}</summary>
                <ul>
                    {duo.stage.moves().into_iter().map(|to| view! {
                        <li>
                            <a href=format!("/duos/{id}/move?to={}", to.code())
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    pending.set(Some(Pending::Move { duo: id, to }));
                                }>
                                {move || (i18n.t().duo_stage)(to)}
                            </a>
                        </li>
                    }).collect_view()}
                </ul>
            </details>
        </li>
    }
}

/// Within this many pixels of the window's edge (or a scrolling list's), a drag scrolls.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
const EDGE_PX: f64 = 64.0;

/// How far to scroll this frame for a pointer at `at` in a box from `start` to `end`: faster
/// the nearer the edge, nothing outside the edge zones.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
fn edge_speed(at: f64, start: f64, end: f64) -> f64 {
    let max = 24.0;
    if end - start < 3.0 * EDGE_PX {
        return 0.0;
    }
    if at < start + EDGE_PX {
        -max * (start + EDGE_PX - at).min(EDGE_PX) / EDGE_PX
    } else if at > end - EDGE_PX {
        max * (at - (end - EDGE_PX)).min(EDGE_PX) / EDGE_PX
    } else {
        0.0
    }
}

/// While a card is dragged near the edge of the window, or of a list that scrolls on its
/// own, that scrolls (mouse and touch alike: both are pointer events), and the drop target
/// under the pointer is found again.
fn auto_scroll(drag: RwSignal<Option<Drag>>) {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;
        let timer = StoredValue::new(None::<leptos::prelude::IntervalHandle>);
        let dragging = Memo::new(move |_| drag.with(|d| d.is_some_and(|d| d.moved)));
        Effect::new(move || {
            if let Some(t) = timer.get_value() {
                t.clear();
                timer.set_value(None);
            }
            if !dragging.get() {
                return;
            }
            let tick = move || {
                let Some(d) = drag.get_untracked() else {
                    return;
                };
                let (x, y) = (f64::from(d.x), f64::from(d.y));
                let list = document()
                    .element_from_point(x as f32, y as f32)
                    .and_then(|e| e.closest(".board-scroll").ok().flatten())
                    .and_then(|e| e.dyn_into::<leptos::web_sys::HtmlElement>().ok());
                let mut moved = false;
                if let Some(list) = list {
                    let r = list.get_bounding_client_rect();
                    let dy = edge_speed(y, r.top(), r.bottom());
                    if dy != 0.0 {
                        let before = list.scroll_top();
                        list.set_scroll_top(before + dy as i32);
                        moved = list.scroll_top() != before;
                    }
                }
                if !moved {
                    let height = window()
                        .inner_height()
                        .ok()
                        .and_then(|h| h.as_f64())
                        .unwrap_or(0.0);
                    let dy = edge_speed(y, 0.0, height);
                    if dy != 0.0 {
                        window().scroll_by_with_x_and_y(0.0, dy);
                        moved = true;
                    }
                }
                if moved {
                    drag.update(|d| {
                        if let Some(d) = d {
                            d.over = target_at(d.x, d.y);
                        }
                    });
                }
            };
            if let Ok(handle) = set_interval_with_handle(tick, std::time::Duration::from_millis(16))
            {
                timer.set_value(Some(handle));
            }
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = drag;
}

/// The card under the pointer while dragging; the pointer passes through it.
#[component]
fn DragGhost(board: StoredValue<Board>, drag: RwSignal<Option<Drag>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let d = drag.get().filter(|d| d.moved)?;
        let label = board.with_value(|b| match d.card {
            CardRef::Participant(id) => b
                .waiting
                .iter()
                .find(|c| c.candidate.id == id)
                .map(|c| c.candidate.first_name.clone()),
            CardRef::Buddy(id) => b
                .buddies
                .iter()
                .find(|c| c.candidate.id == id)
                .map(|c| c.candidate.first_name.clone()),
            CardRef::Duo(id) => b
                .duos
                .iter()
                .find(|x| x.id == id)
                .map(|x| (i18n.t().board_pair)(&x.buddy_first_name, &x.participant_first_name)),
        })?;
        Some(view! {
            <div class="drag-ghost" aria-hidden="true"
                style=format!("left:{}px;top:{}px", d.x + 8, d.y + 8)>{label}</div>
        })
    }
}

/// The confirmation sheet: a proposal with its score computed here, in the browser, by the
/// same matching code as the server; or a move with the fields its stage needs.
#[component]
fn Sheet(
    board: StoredValue<Board>,
    pending: RwSignal<Option<Pending>>,
    propose: ServerAction<ProposeDuo>,
    move_duo: ServerAction<MoveDuo>,
) -> impl IntoView {
    let i18n = use_i18n();
    let move_error = action_error(move_duo);
    let cancel = move |_| pending.set(None);
    // Keyboard and screen-reader users land in the sheet when it opens.
    Effect::new(move || {
        if pending.get().is_some() {
            request_animation_frame(|| {
                use leptos::wasm_bindgen::JsCast;
                let first = document()
                    .query_selector(".sheet input:not([type=hidden]), .sheet select, .sheet button")
                    .ok()
                    .flatten()
                    .and_then(|e| e.dyn_into::<leptos::web_sys::HtmlElement>().ok());
                if let Some(first) = first {
                    let _ = first.focus();
                }
            });
        }
    });
    move || {
        let p = pending.get()?;
        let body = match p {
            Pending::Propose { participant, buddy } => {
                let found = board.with_value(|b| {
                    let pc = b.waiting.iter().find(|c| c.candidate.id == participant)?;
                    let bc = b.buddies.iter().find(|c| c.candidate.id == buddy)?;
                    Some((
                        assess_pair(&pc.candidate, &bc.candidate, &b.context),
                        pc.candidate.first_name.clone(),
                        bc.candidate.first_name.clone(),
                    ))
                });
                let (a, pn, bn) = found?;
                let points = a.points();
                let allowed = a.allowed;
                let components = a.components.clone();
                let blockers = a.blockers.clone();
                view! {
                    <h2 id="sheet-title">{move || (i18n.t().board_pair)(&bn, &pn)}
                        " "<span class="score" aria-label=move || (i18n.t().match_score_label)(points)>{points}</span></h2>
                    {(!allowed).then(|| view! { <p class="field-error">{move || i18n.t().board_blocked}</p> })}
                    <ul class="reasons">
                        {move || blockers.iter().map(|b| view! { <li>{explain::blocker(i18n.lang(), b)}</li> }).collect_view()}
                        {move || components.iter().map(|c| view! { <li>{explain::component(i18n.lang(), c)}</li> }).collect_view()}
                    </ul>
                    <ActionForm action=propose attr:class="sheet__actions">
                        <input type="hidden" name="participant_id" value=participant />
                        <input type="hidden" name="buddy_id" value=buddy />
                        <button type="submit" class="btn btn--primary" disabled=move || !allowed || propose.pending().get()>
                            {move || i18n.t().board_confirm}
                        </button>
                        <button type="button" class="btn" on:click=cancel>{move || i18n.t().board_cancel}</button>
                    </ActionForm>
                }.into_any()
            }
            Pending::Move { duo, to } => {
                let card = board.with_value(|b| b.duos.iter().find(|d| d.id == duo).cloned())?;
                let title =
                    (i18n.t().board_pair)(&card.buddy_first_name, &card.participant_first_name);
                view! {
                    <h2 id="sheet-title">{title}" → "{move || (i18n.t().duo_stage)(to)}</h2>
                    <ActionForm action=move_duo attr:class="form-card" attr:novalidate=true>
                        <FormError error=move_error />
                        <input type="hidden" name="id" value=duo />
                        <input type="hidden" name="version" value=card.version />
                        <MoveFields to today=board.with_value(|b| b.context.today) error=move_error />
                        <div class="sheet__actions">
                            <button type="submit" class="btn btn--primary" disabled=move || move_duo.pending().get()>
                                {move || i18n.t().board_confirm}
                            </button>
                            <button type="button" class="btn" on:click=cancel>{move || i18n.t().board_cancel}</button>
                        </div>
                    </ActionForm>
                }.into_any()
            }
        };
        Some(view! {
            <div class="sheet" role="dialog" aria-modal="false" aria-labelledby="sheet-title"
                on:keydown=move |ev| if ev.key() == "Escape" { pending.set(None) }>
                {body}
            </div>
        })
    }
}

/// The fields a move to `to` needs, named `form[...]` after `domain::duo::MoveForm`.
#[component]
pub fn MoveFields(
    to: DuoStage,
    /// The programme's today (the browser's clock is not asked).
    today: chrono::NaiveDate,
    error: crate::components::form::ActionError,
) -> impl IntoView {
    let i18n = use_i18n();
    let today = today.format("%Y-%m-%d").to_string();
    let fields = match to {
        DuoStage::Proposed => ().into_any(),
        DuoStage::Introduction => view! {
            <Input id="move-introduction".into() name="form[introduction_on]".into() field="introduction_on" kind="date"
                label=|t| t.field_introduction_on value=today.clone() error />
        }.into_any(),
        DuoStage::Active => view! {
            <Input id="move-signed".into() name="form[signed_on]".into() field="signed_on" kind="date"
                label=|t| t.field_signed_on value=today.clone() error />
            <Input id="move-participant-yes".into() name="form[participant_yes_on]".into() field="participant_yes_on" kind="date"
                label=|t| t.field_participant_yes_on value=today.clone() error />
            <Input id="move-buddy-yes".into() name="form[buddy_yes_on]".into() field="buddy_yes_on" kind="date"
                label=|t| t.field_buddy_yes_on value=today.clone() error />
            <Input id="move-rhythm-min".into() name="form[rhythm_min_weeks]".into() field="rhythm_min_weeks" kind="number"
                label=|t| t.field_rhythm_min value="2".into() error />
            <Input id="move-rhythm-max".into() name="form[rhythm_max_weeks]".into() field="rhythm_max_weeks" kind="number"
                label=|t| t.field_rhythm_max value="3".into() error />
            <fieldset class="choices">
                <legend>{move || i18n.t().field_agreement_items}</legend>
                {AgreementItem::ALL.into_iter().map(|item| view! {
                    <label class="choice">
                        <input type="checkbox" name="form[items][]" value=item.code() checked=true />
                        {move || (i18n.t().agreement_item)(item)}
                    </label>
                }).collect_view()}
            </fieldset>
            <Input id="move-agreement-note".into() name="form[agreement_note]".into() field="agreement_note" kind="textarea"
                label=|t| t.field_agreement_note value=String::new() error />
        }.into_any(),
        DuoStage::Ended => {
            let reason_problem = field_problem(error, "end_reason");
            view! {
                <div class="field">
                    <label for="move-reason">{move || i18n.t().field_end_reason}</label>
                    <select id="move-reason" name="form[end_reason]"
                        aria-invalid=move || reason_problem().map(|_| "true")>
                        <option value="">{move || i18n.t().board_pick}</option>
                        {EndReason::ALL.into_iter().map(|r| view! {
                            <option value=r.code()>{move || (i18n.t().end_reason)(r)}</option>
                        }).collect_view()}
                    </select>
                    {move || reason_problem().map(|m| view! { <span class="field-error">{m}</span> })}
                </div>
                <Input id="move-end-note".into() name="form[end_note]".into() field="end_note" kind="textarea"
                    label=|t| t.field_end_note value=String::new() error />
                <Input id="move-ended-on".into() name="form[ended_on]".into() field="ended_on" kind="date"
                    label=|t| t.field_ended_on value=today.clone() error />
            }.into_any()
        }
    };
    view! {
        <input type="hidden" name="form[to]" value=to.code() />
        {fields}
    }
}

/// Moving a duo without JavaScript (or from a link): the same fields on their own page.
#[component]
pub fn DuoMovePage() -> impl IntoView {
    let i18n = use_i18n();
    let move_duo = ServerAction::<MoveDuo>::new();
    let error = action_error(move_duo);
    let id = move || {
        use_params_map()
            .read()
            .get("id")
            .and_then(|v| v.parse::<i32>().ok())
    };
    let to = move || {
        use_query_map()
            .read()
            .get("to")
            .and_then(|v| DuoStage::from_code(&v))
    };
    let board = Resource::new(|| (), |_| get_board());
    view! {
        <Title text=move || i18n.t().board_title.to_owned() />
        <RequireRole roles=STAFF_ADMIN>
            <p><a href="/board">{move || i18n.t().board_title}</a></p>
            <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    let b = match board.await {
                        Ok(b) => b,
                        Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                    };
                    let today = b.context.today;
                    let (Some(card), Some(to)) = (id().and_then(|id| b.duos.into_iter().find(|d| d.id == id)), to()) else {
                        return view! { <ErrorPanel error=crate::error::AppError::NotFound /> }.into_any();
                    };
                    let title = (i18n.t().board_pair)(&card.buddy_first_name, &card.participant_first_name);
                    view! {
                        <h1>{title}" → "{move || (i18n.t().duo_stage)(to)}</h1>
                        <ActionForm action=move_duo attr:class="card form-card" attr:novalidate=true>
                            <FormError error />
                            <input type="hidden" name="id" value=card.id />
                            <input type="hidden" name="version" value=card.version />
                            <input type="hidden" name="next" value="/board" />
                            <MoveFields to today error />
                            <button type="submit" class="btn btn--primary" disabled=move || move_duo.pending().get()>
                                {move || i18n.t().board_confirm}
                            </button>
                        </ActionForm>
                    }.into_any()
                })}
            </Suspense>
        </RequireRole>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drag_scrolls_only_near_an_edge_and_faster_nearer_to_it() {
        assert_eq!(edge_speed(400.0, 0.0, 800.0), 0.0);
        assert!(edge_speed(10.0, 0.0, 800.0) < edge_speed(50.0, 0.0, 800.0));
        assert!(edge_speed(50.0, 0.0, 800.0) < 0.0);
        assert!(edge_speed(790.0, 0.0, 800.0) > edge_speed(750.0, 0.0, 800.0));
        assert!(edge_speed(750.0, 0.0, 800.0) > 0.0);
        // Beyond the edge (the pointer left the box) it scrolls at the most, no faster.
        assert_eq!(edge_speed(-50.0, 0.0, 800.0), edge_speed(0.0, 0.0, 800.0));
        // A box too small to have a middle never scrolls.
        assert_eq!(edge_speed(5.0, 0.0, 150.0), 0.0);
    }
}
