//! The waiting list week by week, rebuilt from status history: how many were waiting on
//! Monday morning, and how many came, were matched, left or stepped off during the week.

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// Where a person stands, as far as the waiting list is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum State {
    /// On the waiting list.
    Waiting,
    /// Matched with a buddy.
    Matched,
    /// Left the programme without a match.
    Left,
    /// Not on the list: registered, in intake, paused, ...
    Other,
}

/// One status change: from `on` (a date, no time) the person is in state `to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub person: i64,
    pub on: NaiveDate,
    pub to: State,
}

/// One week, Monday to Sunday. `waiting_at_start` counts those waiting after all changes
/// dated before the Monday; the rest count changes dated within the week. The next week
/// starts with `waiting_at_start + new − matched − left − paused`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Week {
    pub starts_on: NaiveDate,
    pub waiting_at_start: u32,
    /// Changes into `Waiting` from any other state (also back after a failed match).
    pub new: u32,
    /// Changes from `Waiting` to `Matched`.
    pub matched: u32,
    /// Changes from `Waiting` to `Left`.
    pub left: u32,
    /// Changes from `Waiting` to `Other` (paused, sent back to intake, ...).
    pub paused: u32,
}

/// The weeks from the one holding `from` to the one holding `to` (both inclusive; weeks
/// start on Monday). Changes may come in any order: per person by date, and on the same
/// date in input order. Before a person's first change their state is `Other`.
pub fn weekly(changes: &[Change], from: NaiveDate, to: NaiveDate) -> Vec<Week> {
    let first = monday_of(from);
    let count = week_index(first, to).map_or(0, |last| last + 1);
    let mut weeks: Vec<Week> = (0..count)
        .map(|i| empty_week(first + Days::new(7 * i as u64)))
        .collect();
    let mut waiting_delta = vec![0i64; count + 1];
    for history in by_person(changes).chunk_by(|a, b| a.person == b.person) {
        add_person(history, first, &mut weeks, &mut waiting_delta);
    }
    let mut waiting = 0i64;
    for (week, delta) in weeks.iter_mut().zip(&waiting_delta) {
        waiting += delta;
        week.waiting_at_start = waiting as u32;
    }
    weeks
}

/// The Monday on or before `date`.
fn monday_of(date: NaiveDate) -> NaiveDate {
    date - Days::new(u64::from(date.weekday().num_days_from_monday()))
}

/// The week (0 = the one starting on `first`) holding `date`; `None` before `first`.
fn week_index(first: NaiveDate, date: NaiveDate) -> Option<usize> {
    usize::try_from((date - first).num_days().div_euclid(7)).ok()
}

/// The first week whose Monday comes strictly after `date`, clamped to `0..=count`.
fn first_monday_after(first: NaiveDate, date: NaiveDate, count: usize) -> usize {
    let index = (date - first).num_days().div_euclid(7) + 1;
    index.clamp(0, count as i64) as usize
}

fn empty_week(starts_on: NaiveDate) -> Week {
    Week {
        starts_on,
        waiting_at_start: 0,
        new: 0,
        matched: 0,
        left: 0,
        paused: 0,
    }
}

/// The changes sorted by person, then date, then input order (a stable sort).
fn by_person(changes: &[Change]) -> Vec<Change> {
    let mut sorted = changes.to_vec();
    sorted.sort_by_key(|c| (c.person, c.on));
    sorted
}

/// One person's sorted history: each change counts in the week it falls in, and each stay
/// in `Waiting` adds one to `waiting_at_start` of the Mondays it covers (difference array).
fn add_person(history: &[Change], first: NaiveDate, weeks: &mut [Week], delta: &mut [i64]) {
    let count = weeks.len();
    let mut state = State::Other;
    for (i, change) in history.iter().enumerate() {
        if let Some(week) = week_index(first, change.on).and_then(|w| weeks.get_mut(w)) {
            count_change(week, state, change.to);
        }
        if change.to == State::Waiting {
            let start = first_monday_after(first, change.on, count);
            let end = history
                .get(i + 1)
                .map_or(count, |next| first_monday_after(first, next.on, count));
            if start < end {
                delta[start] += 1;
                delta[end] -= 1;
            }
        }
        state = change.to;
    }
}

/// Counts one change from `before` to `after` in its week.
fn count_change(week: &mut Week, before: State, after: State) {
    match (before, after) {
        (State::Waiting, State::Waiting) => {}
        (_, State::Waiting) => week.new += 1,
        (State::Waiting, State::Matched) => week.matched += 1,
        (State::Waiting, State::Left) => week.left += 1,
        (State::Waiting, State::Other) => week.paused += 1,
        _ => {}
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn change(person: i64, on: NaiveDate, to: State) -> Change {
        Change { person, on, to }
    }

    /// (waiting_at_start, new, matched, left, paused) per week.
    fn counts(weeks: &[Week]) -> Vec<(u32, u32, u32, u32, u32)> {
        weeks
            .iter()
            .map(|w| (w.waiting_at_start, w.new, w.matched, w.left, w.paused))
            .collect()
    }

    #[test]
    fn weeks_run_from_monday_to_monday() {
        // 2026-03-04 is a Wednesday; 2026-03-16 a Monday.
        let weeks = weekly(&[], date(2026, 3, 4), date(2026, 3, 16));
        let mondays: Vec<_> = weeks.iter().map(|w| w.starts_on).collect();
        assert_eq!(
            mondays,
            [date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 16)]
        );
        assert!(weekly(&[], date(2026, 3, 16), date(2026, 3, 4)).is_empty());
        assert_eq!(weekly(&[], date(2026, 3, 8), date(2026, 3, 8)).len(), 1);
    }

    #[test]
    fn a_small_history_by_hand() {
        use State::*;
        // Weeks of 2 March, 9 March and 16 March 2026.
        let changes = [
            // 1: waiting since February, matched on Monday 9 March.
            change(1, date(2026, 2, 20), Waiting),
            change(1, date(2026, 3, 9), Matched),
            // 2: registered, waiting from Tuesday 3 March, left on Sunday 15 March.
            change(2, date(2026, 3, 1), Other),
            change(2, date(2026, 3, 3), Waiting),
            change(2, date(2026, 3, 15), Left),
            // 3: waiting 10 March, paused 11 March, back 17 March.
            change(3, date(2026, 3, 10), Waiting),
            change(3, date(2026, 3, 11), Other),
            change(3, date(2026, 3, 17), Waiting),
            // 4: matched before the range, the match failed: back on the list 4 March.
            change(4, date(2026, 1, 5), Waiting),
            change(4, date(2026, 2, 2), Matched),
            change(4, date(2026, 3, 4), Waiting),
        ];
        let weeks = weekly(&changes, date(2026, 3, 2), date(2026, 3, 16));
        assert_eq!(
            counts(&weeks),
            [
                // 2 March: 1 waiting; 2 and 4 come.
                (1, 2, 0, 0, 0),
                // 9 March: 1, 2, 4 waiting; 1 matched, 3 came and paused, 2 left.
                (3, 1, 1, 1, 1),
                // 16 March: only 4 waiting; 3 back.
                (1, 1, 0, 0, 0),
            ]
        );
    }

    #[test]
    fn a_change_on_monday_counts_in_that_week() {
        let changes = [change(7, date(2026, 3, 9), State::Waiting)];
        let weeks = weekly(&changes, date(2026, 3, 2), date(2026, 3, 16));
        assert_eq!(
            counts(&weeks),
            [(0, 0, 0, 0, 0), (0, 1, 0, 0, 0), (1, 0, 0, 0, 0)]
        );
    }

    #[test]
    fn input_order_only_matters_within_a_day() {
        use State::*;
        let changes = [
            change(1, date(2026, 3, 12), Matched),
            change(2, date(2026, 3, 3), Waiting),
            change(1, date(2026, 3, 3), Waiting),
            // Person 2, same day: waiting, then at once matched.
            change(2, date(2026, 3, 3), Matched),
        ];
        let weeks = weekly(&changes, date(2026, 3, 2), date(2026, 3, 16));
        assert_eq!(
            counts(&weeks),
            [(0, 2, 1, 0, 0), (1, 0, 1, 0, 0), (0, 0, 0, 0, 0)]
        );
    }

    #[test]
    fn repeated_waiting_is_not_new_again() {
        let changes = [
            change(1, date(2026, 3, 3), State::Waiting),
            change(1, date(2026, 3, 10), State::Waiting),
        ];
        let weeks = weekly(&changes, date(2026, 3, 2), date(2026, 3, 16));
        assert_eq!(
            counts(&weeks),
            [(0, 1, 0, 0, 0), (1, 0, 0, 0, 0), (1, 0, 0, 0, 0)]
        );
    }

    #[test]
    fn changes_after_the_range_do_not_count() {
        let changes = [
            change(1, date(2026, 3, 3), State::Waiting),
            change(1, date(2026, 4, 1), State::Left),
        ];
        let weeks = weekly(&changes, date(2026, 3, 2), date(2026, 3, 9));
        assert_eq!(counts(&weeks), [(0, 1, 0, 0, 0), (1, 0, 0, 0, 0)]);
    }
}
