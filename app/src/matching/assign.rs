//! The best proposal for everyone at once: a maximum-weight bipartite matching.
//!
//! Each buddy is expanded into as many columns as free places; a shortest-augmenting-path
//! solver of the Jonker–Volgenant kind then finds the assignment with the highest total score
//! (not greedy: the single best pair may be left out when two other pairs together score more).
//! It works on a flat matrix when many pairs are allowed and on the allowed pairs alone when
//! few are.

use serde::{Deserialize, Serialize};

use crate::matching::assess::allowed_score;
use crate::matching::model::{BuddyCandidate, Context, ParticipantCandidate};

/// One pair of the proposal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProposedPair {
    pub participant_id: i64,
    pub buddy_id: i64,
    /// 0..=100, unrounded.
    pub score: f64,
}

/// Why someone got no pair (or a buddy keeps free places) in the proposal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum UnpairedReason {
    /// No allowed partner at all among the candidates.
    NoAllowedPartner,
    /// Every allowed partner went to pairs that together score more.
    PartnersTaken { allowed: u32 },
}

/// A participant left without a buddy in the proposal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnpairedParticipant {
    pub participant_id: i64,
    pub reason: UnpairedReason,
}

/// A buddy with places still free after the proposal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnusedBuddy {
    pub buddy_id: i64,
    pub free_places: u32,
    pub reason: UnpairedReason,
}

/// The proposal with the highest total score.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Proposal {
    /// Best score first.
    pub pairs: Vec<ProposedPair>,
    /// Sum of the pairs' scores.
    pub total: f64,
    pub unpaired_participants: Vec<UnpairedParticipant>,
    /// Only buddies that had free places to begin with.
    pub unused_buddies: Vec<UnusedBuddy>,
}

/// Largest score the solver optimises; a larger one counts as this much, a negative one or NaN
/// as 0, so that odd input cannot break its sums.
pub const MAX_SCORE: f64 = 1e9;

/// What a score counts for in the solver: within 0..=`MAX_SCORE`, NaN as 0.
fn weight(score: f64) -> f64 {
    if score.is_nan() {
        0.0
    } else {
        score.clamp(0.0, MAX_SCORE)
    }
}

/// Maximum-weight matching of rows to columns, each used at most once; `None` (or a missing
/// entry in a short row) marks a forbidden pair. Returns the total and the (row, column) pairs
/// by row.
///
/// The solver works on the scores as they are (no rounding); the total is the plain sum of the
/// chosen scores, each taken within 0..=`MAX_SCORE` as in `propose`.
pub fn max_weight_matching(scores: &[Vec<Option<f64>>]) -> (f64, Vec<(usize, usize)>) {
    let columns = scores.iter().map(Vec::len).max().unwrap_or(0);
    let pairs = max_weight_assignment(scores, &vec![1; columns]);
    // (Folded from +0.0: `sum` starts at -0.0, which would print as "-0" for no pairs.)
    let total = pairs
        .iter()
        .filter_map(|&(i, j)| scores[i][j].map(weight))
        .fold(0.0, |total, w| total + w);
    (total, pairs)
}

/// As `max_weight_matching`, but column `j` takes up to `capacity[j]` rows (columns beyond
/// `capacity` take none); the (row, column) pairs come by row. `propose` runs on this.
pub fn max_weight_assignment(scores: &[Vec<Option<f64>>], capacity: &[u32]) -> Vec<(usize, usize)> {
    assign(scores, capacity, Layout::Auto)
}

/// How the solver holds the problem: every pair in a flat matrix, or only the allowed ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
// Only the tests force a layout.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) enum Layout {
    /// Sparse below `SPARSE_BELOW` allowed pairs, dense otherwise.
    Auto,
    Dense,
    Sparse,
}

/// Below this share of allowed pairs the solver keeps only the allowed ones (sparse rows):
/// a search then reads a tenth of a row where nine in ten pairs are forbidden.
const SPARSE_BELOW: f64 = 0.25;

/// "No column" / "no row".
const NONE: usize = usize::MAX;

/// The solver behind `max_weight_assignment`, with the layout chosen by the caller (tests force
/// each one).
///
/// Maximising the total of allowed scores, where anyone may stay unpaired, is solved as a
/// minimum-cost assignment with cost = -score. Each column is expanded into one slot per place;
/// the smaller side (rows or slots) is the one the solver assigns.
/// - Dense: a forbidden pair costs 0, exactly what staying unpaired costs, so every row can be
///   given some slot; a row that ends on a forbidden slot is unpaired and its pair is dropped.
///   Scores are never negative, so this loses nothing.
/// - Sparse: only allowed pairs are edges; each row also has a private "unpaired" slot at cost
///   0, so a forbidden pair is never an edge at all.
pub(crate) fn assign(
    scores: &[Vec<Option<f64>>],
    capacity: &[u32],
    layout: Layout,
) -> Vec<(usize, usize)> {
    let columns = capacity.len();
    let score = |i: usize, j: usize| scores[i].get(j).copied().flatten();
    // Only rows with an allowed pair to a column with room take part, and a column never needs
    // more slots than it has allowed rows: this keeps the problem small.
    let mut rows: Vec<usize> = Vec::new();
    let mut allowed = vec![0usize; columns];
    for (i, row) in scores.iter().enumerate() {
        let mut any = 0;
        for ((s, &cap), count) in row.iter().zip(capacity).zip(&mut allowed) {
            // (Without a branch: allowed pairs are often scattered at random.)
            let hit = usize::from(s.is_some() & (cap > 0));
            *count += hit;
            any |= hit;
        }
        if any == 1 {
            rows.push(i);
        }
    }
    // Column j has the slots first_slot[j]..first_slot[j + 1].
    let mut first_slot = Vec::with_capacity(columns + 1);
    let mut slots: Vec<usize> = Vec::new();
    for (j, &cap) in capacity.iter().enumerate() {
        first_slot.push(slots.len());
        slots.extend(std::iter::repeat_n(j, (cap as usize).min(allowed[j])));
    }
    first_slot.push(slots.len());
    if rows.is_empty() || slots.is_empty() {
        return Vec::new();
    }

    let edges: usize = slots.iter().map(|&j| allowed[j]).sum();
    let sparse = match layout {
        Layout::Auto => (edges as f64) < SPARSE_BELOW * rows.len() as f64 * slots.len() as f64,
        Layout::Dense => false,
        Layout::Sparse => true,
    };
    // Fewer searches when the solver assigns the smaller side.
    let transpose = rows.len() > slots.len();
    let (n, m) = if transpose {
        (slots.len(), rows.len())
    } else {
        (rows.len(), slots.len())
    };
    let assigned: Vec<usize> = if sparse {
        // Compressed sparse rows: row r's pairs are start[r]..start[r + 1].
        let mut col = vec![0usize; edges];
        let mut cost = vec![0.0f64; edges];
        let mut start = Vec::with_capacity(n + 1);
        if transpose {
            // Problem row b is slot b: as many pairs as its column has allowed rows.
            start.push(0);
            for &j in &slots {
                start.push(start.last().unwrap() + allowed[j]);
            }
            let mut next = start.clone();
            for_each_allowed(scores, &rows, &first_slot, |a, b, w| {
                col[next[b]] = a;
                cost[next[b]] = w;
                next[b] += 1;
            });
        } else {
            let mut e = 0;
            let mut last = NONE;
            for_each_allowed(scores, &rows, &first_slot, |a, b, w| {
                while last != a {
                    last = last.wrapping_add(1);
                    start.push(e);
                }
                col[e] = b;
                cost[e] = w;
                e += 1;
            });
            start.resize(n + 1, e);
        }
        sparse_lap(n, m, &start, &col, &cost)
    } else {
        let mut cost = vec![0.0f64; n * m];
        if transpose {
            for_each_allowed(scores, &rows, &first_slot, |a, b, w| cost[b * m + a] = w);
        } else {
            for_each_allowed(scores, &rows, &first_slot, |a, b, w| cost[a * m + b] = w);
        }
        dense_lap(n, m, &cost)
    };

    let mut pairs: Vec<(usize, usize)> = assigned
        .into_iter()
        .enumerate()
        .filter(|&(_, c)| c < m)
        .map(|(r, c)| if transpose { (c, r) } else { (r, c) })
        .map(|(a, b)| (rows[a], slots[b]))
        // Dense: a forbidden slot means "unpaired".
        .filter(|&(i, j)| score(i, j).is_some())
        .collect();
    pairs.sort_unstable();
    pairs
}

/// Calls `f(a, b, cost)` for every allowed pair of input row `rows[a]` and slot `b`, by input
/// row and then by slot; the cost is minus the pair's weight.
fn for_each_allowed(
    scores: &[Vec<Option<f64>>],
    rows: &[usize],
    first_slot: &[usize],
    mut f: impl FnMut(usize, usize, f64),
) {
    let columns = first_slot.len() - 1;
    // The common case, one slot per column: slot b is column b.
    let one_each = first_slot.iter().enumerate().all(|(j, &b)| b == j);
    for (a, &i) in rows.iter().enumerate() {
        let row = &scores[i][..scores[i].len().min(columns)];
        if one_each {
            for (j, s) in row.iter().enumerate() {
                if let Some(s) = *s {
                    f(a, j, -weight(s));
                }
            }
        } else {
            for ((s, &from), &to) in row.iter().zip(first_slot).zip(&first_slot[1..]) {
                if let Some(s) = *s {
                    for b in from..to {
                        f(a, b, -weight(s));
                    }
                }
            }
        }
    }
}

/// Minimum-cost assignment of each of `n` rows to a distinct one of `m >= n` columns on a dense
/// row-major cost matrix: a shortest-augmenting-path solver of the Jonker–Volgenant kind.
/// Returns each row's column.
///
/// Only column prices `v` are kept; a row's own price follows from its assigned column. The
/// invariant throughout: every assigned row's column is one of the cheapest in its row at the
/// current prices (`cost - v`), and no column has a higher price than a free one. A shortest
/// path (Dijkstra on the reduced costs) from a free row to a free column, with the prices moved
/// by the distances, then keeps the assignment optimal for the rows assigned so far.
///
/// 1. Square: column reduction (each column priced at its cheapest entry and given to that row
///    if the row has no column yet) and reduction transfer. Rectangular: every price 0, no row
///    assigned (column reduction would break the rule on free columns).
/// 2. Two passes of augmenting row reduction (`reduce_rows`).
/// 3. The rows still free: Dijkstra over the columns with a scan list (all columns at the
///    current shortest distance are handled together; a free one among them ends the search).
fn dense_lap(n: usize, m: usize, cost: &[f64]) -> Vec<usize> {
    debug_assert!(n <= m && cost.len() == n * m);
    let mut x = vec![NONE; n];
    let mut y = vec![NONE; m];
    let mut v = vec![0.0f64; m];
    let mut xcost = vec![0.0f64; n];
    let mut free: Vec<usize>;
    if n == m {
        // Column reduction, read row by row (the matrix is row-major): ties go to the first row.
        let mut argmin = vec![0usize; m];
        v.fill(f64::INFINITY);
        for i in 0..n {
            let row = &cost[i * m..(i + 1) * m];
            for ((vj, a), &c) in v.iter_mut().zip(&mut argmin).zip(row) {
                if c < *vj {
                    *vj = c;
                    *a = i;
                }
            }
        }
        let mut matches = vec![0u32; n];
        for j in (0..m).rev() {
            let i = argmin[j];
            matches[i] += 1;
            if matches[i] == 1 {
                x[i] = j;
                y[j] = i;
            } else if v[j] < v[x[i]] {
                y[x[i]] = NONE;
                x[i] = j;
                y[j] = i;
            }
        }
        // Reduction transfer: a row that got exactly one column hands its slack to it.
        free = Vec::new();
        for i in 0..n {
            match matches[i] {
                0 => free.push(i),
                1 => {
                    let j1 = x[i];
                    let row = &cost[i * m..(i + 1) * m];
                    let mut second = f64::INFINITY;
                    for (j, (&c, &vj)) in row.iter().zip(&v).enumerate() {
                        if j != j1 && c - vj < second {
                            second = c - vj;
                        }
                    }
                    if second.is_finite() {
                        v[j1] -= second;
                    }
                }
                _ => {}
            }
        }
    } else {
        free = (0..n).collect();
    }

    for _ in 0..2 {
        free = reduce_rows(&mut free, &mut x, &mut y, &mut v, &mut xcost, 2, |i, v| {
            let mut two = TwoCheapest::new();
            for (j, (&c, &vj)) in cost[i * m..(i + 1) * m].iter().zip(v).enumerate() {
                two.offer(c - vj, j, c);
            }
            two
        });
    }

    // Shortest augmenting paths for the rows still free.
    let mut d = vec![0.0f64; m];
    let mut pred = vec![0usize; m];
    let mut cols: Vec<usize> = (0..m).collect();
    for &f in &free {
        let row = &cost[f * m..(f + 1) * m];
        for (j, ((col, dj), (pj, (&c, &vj)))) in cols
            .iter_mut()
            .zip(&mut d)
            .zip(pred.iter_mut().zip(row.iter().zip(&v)))
            .enumerate()
        {
            *col = j;
            *dj = c - vj;
            *pj = f;
        }
        // cols[..lo]: done (distance final, row scanned); cols[lo..up]: at distance `min`, not
        // yet scanned; cols[up..]: the rest.
        let (mut lo, mut up) = (0, 0);
        let mut min = 0.0;
        let sink = 'search: loop {
            if lo == up {
                // Gather every column at the next shortest distance.
                min = f64::INFINITY;
                // (`up` grows inside; the loop goes on from where it started.)
                let from = up;
                for k in from..m {
                    let j = cols[k];
                    let h = d[j];
                    if h <= min {
                        if h < min {
                            up = lo;
                            min = h;
                        }
                        cols.swap(k, up);
                        up += 1;
                    }
                }
                for &j in &cols[lo..up] {
                    if y[j] == NONE {
                        break 'search j;
                    }
                }
            }
            let j1 = cols[lo];
            lo += 1;
            let i = y[j1];
            let row = &cost[i * m..(i + 1) * m];
            let h = row[j1] - v[j1] - min;
            let from = up;
            for k in from..m {
                let j = cols[k];
                let r = row[j] - v[j] - h;
                if r < d[j] {
                    pred[j] = i;
                    if r <= min {
                        // (`<` only by rounding: a reduced cost is never negative.)
                        d[j] = min;
                        if y[j] == NONE {
                            break 'search j;
                        }
                        cols.swap(k, up);
                        up += 1;
                    } else {
                        d[j] = r;
                    }
                }
            }
        };
        for &j in &cols[..lo] {
            v[j] += d[j] - min;
        }
        augment(f, sink, &pred, &mut x, &mut y, |_, _| {});
    }
    x
}

/// Minimum-cost assignment of `n` rows on sparse rows (row r's columns `col[start[r]..start[r +
/// 1]]` among `m`, costs alike, never positive), where each row may instead take its own
/// "unpaired" column at cost 0. Returns each row's column, or `NONE` where it stays unpaired.
///
/// The same method as `dense_lap` (prices, augmenting row reduction from prices 0, then
/// shortest augmenting paths), with row i's unpaired column numbered `m + i`; the search is
/// Dijkstra with a binary heap over the columns it reaches. An unpaired column is reachable only
/// from its own row: a search from another row ends at the latest where it meets a row that
/// would as soon be unpaired, and a row once unpaired stays so (nothing can be better for it).
fn sparse_lap(n: usize, m: usize, start: &[usize], col: &[usize], cost: &[f64]) -> Vec<usize> {
    let all = m + n;
    let mut x = vec![NONE; n];
    let mut y = vec![NONE; all];
    let mut v = vec![0.0f64; all];
    // The cost of each row's assigned pair.
    let mut xcost = vec![0.0f64; n];
    let options = |i: usize| {
        let e = start[i]..start[i + 1];
        col[e.clone()].iter().copied().zip(cost[e].iter().copied())
    };

    let mut free: Vec<usize> = (0..n).collect();
    for _ in 0..2 {
        free = reduce_rows(&mut free, &mut x, &mut y, &mut v, &mut xcost, 8, |i, v| {
            let mut two = TwoCheapest::new();
            for (j, c) in options(i) {
                two.offer(c - v[j], j, c);
            }
            two.offer(-v[m + i], m + i, 0.0);
            two
        });
    }

    let mut s = SparseSearch::new(all);
    for &f in &free {
        for (j, c) in options(f) {
            s.offer(f, j, c, c - v[j], f64::NEG_INFINITY);
        }
        s.offer(f, m + f, 0.0, -v[m + f], f64::NEG_INFINITY);
        let mut found = None;
        while let Some(Nearest(dist, j)) = s.heap.pop() {
            if s.done[j] || dist > s.d[j] {
                continue; // an older, longer offer
            }
            if y[j] == NONE {
                found = Some((j, dist));
                break;
            }
            s.done[j] = true;
            s.scanned.push(j);
            let i = y[j];
            // Row i's price, so that its own pair has reduced cost 0 at distance `dist`.
            let h = xcost[i] - v[j] - dist;
            for (k, c) in options(i).chain(std::iter::once((m + i, 0.0))) {
                if !s.done[k]
                    && s.offer(i, k, c, c - v[k] - h, dist)
                    && y[k] == NONE
                    && s.d[k] <= dist
                {
                    // A free column as near as can be: nothing shorter is left.
                    found = Some((k, dist));
                    break;
                }
            }
            if found.is_some() {
                break;
            }
        }
        // Row f's own unpaired column is always reachable.
        let (sink, min) = found.expect("a free column");
        for &j in &s.scanned {
            v[j] += s.d[j] - min;
        }
        let (pred, pcost) = (&s.pred, &s.pcost);
        augment(f, sink, pred, &mut x, &mut y, |i, j| xcost[i] = pcost[j]);
        s.reset();
    }
    x.into_iter()
        .map(|j| if j < m { j } else { NONE })
        .collect()
}

/// The working memory of one sparse search, reset between searches in time proportional to what
/// it touched.
struct SparseSearch {
    /// Shortest distance found so far; infinite where not reached.
    d: Vec<f64>,
    /// Distance final and the column's row scanned.
    done: Vec<bool>,
    pred: Vec<usize>,
    /// The cost of the pair (pred[j], j).
    pcost: Vec<f64>,
    touched: Vec<usize>,
    scanned: Vec<usize>,
    heap: std::collections::BinaryHeap<Nearest>,
}

impl SparseSearch {
    fn new(columns: usize) -> Self {
        SparseSearch {
            d: vec![f64::INFINITY; columns],
            done: vec![false; columns],
            pred: vec![NONE; columns],
            pcost: vec![0.0; columns],
            touched: Vec::new(),
            scanned: Vec::new(),
            heap: std::collections::BinaryHeap::new(),
        }
    }

    /// Offers column `j` the path through row `i` (pair cost `c`) at distance `r`, raised to
    /// `floor` (only rounding can make it lower). True when that is shorter than before.
    fn offer(&mut self, i: usize, j: usize, c: f64, r: f64, floor: f64) -> bool {
        let r = r.max(floor);
        if r < self.d[j] {
            if self.d[j] == f64::INFINITY {
                self.touched.push(j);
            }
            self.d[j] = r;
            self.pred[j] = i;
            self.pcost[j] = c;
            self.heap.push(Nearest(r, j));
            true
        } else {
            false
        }
    }

    fn reset(&mut self) {
        for &j in &self.touched {
            self.d[j] = f64::INFINITY;
            self.done[j] = false;
        }
        self.touched.clear();
        self.scanned.clear();
        self.heap.clear();
    }
}

/// A column and its distance in the search's heap, nearest first (ties: lower column first).
struct Nearest(f64, usize);

impl Ord for Nearest {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        other.0.total_cmp(&self.0).then(other.1.cmp(&self.1))
    }
}

impl PartialOrd for Nearest {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Nearest {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Nearest {}

/// Augmenting row reduction (one pass): each free row takes its cheapest column at the current
/// prices; if that column is strictly cheaper than the row's second choice, its price drops by
/// the difference (the row stays indifferent between the two, so the invariant holds) and the
/// row it displaces tries again at once; on a tie the row takes its second choice instead.
/// Returns the rows still (or again) free, for the next pass or the searches.
///
/// `cheapest(i, v)` finds row i's two cheapest columns at prices `v`. The immediate retries are
/// capped at `retries` per row on average: with real-valued costs the price drops can be tiny,
/// and past a point a search is cheaper than more retries (measured: about 2 on a dense matrix,
/// where a retry reads a whole row, 8 on a sparse one); the searches finish any row left.
fn reduce_rows(
    free: &mut [usize],
    x: &mut [usize],
    y: &mut [usize],
    v: &mut [f64],
    xcost: &mut [f64],
    retries: usize,
    cheapest: impl Fn(usize, &[f64]) -> TwoCheapest,
) -> Vec<usize> {
    let mut still_free = Vec::new();
    let mut budget = retries * x.len() + 64;
    let mut k = 0;
    while k < free.len() {
        let i = free[k];
        k += 1;
        let TwoCheapest {
            first: (u1, mut j1, mut c1),
            second: (u2, j2, c2),
        } = cheapest(i, v);
        debug_assert!(j1 != NONE, "row {i} has no column");
        let mut i0 = y[j1];
        let strict = u1 < u2 && u2.is_finite();
        if strict {
            v[j1] -= u2 - u1;
        } else if i0 != NONE && j2 != NONE {
            (j1, c1) = (j2, c2);
            i0 = y[j1];
        }
        x[i] = j1;
        xcost[i] = c1;
        y[j1] = i;
        if i0 != NONE {
            x[i0] = NONE;
            if strict && budget > 0 {
                budget -= 1;
                k -= 1;
                free[k] = i0;
            } else {
                still_free.push(i0);
            }
        }
    }
    still_free
}

/// A row's cheapest and second cheapest columns at the current prices, each as (cost minus
/// price, column, cost).
struct TwoCheapest {
    first: (f64, usize, f64),
    second: (f64, usize, f64),
}

impl TwoCheapest {
    fn new() -> Self {
        TwoCheapest {
            first: (f64::INFINITY, NONE, 0.0),
            second: (f64::INFINITY, NONE, 0.0),
        }
    }

    #[inline(always)]
    fn offer(&mut self, h: f64, j: usize, c: f64) {
        if h < self.second.0 {
            if h >= self.first.0 {
                self.second = (h, j, c);
            } else {
                self.second = self.first;
                self.first = (h, j, c);
            }
        }
    }
}

/// Flips the path found by a search: from the free column `sink` back to the free row `f`,
/// each column takes the row before it. `assigned(i, j)` hears of each new pair.
fn augment(
    f: usize,
    sink: usize,
    pred: &[usize],
    x: &mut [usize],
    y: &mut [usize],
    mut assigned: impl FnMut(usize, usize),
) {
    let mut j = sink;
    loop {
        let i = pred[j];
        y[j] = i;
        assigned(i, j);
        let previous = x[i];
        x[i] = j;
        if i == f {
            break;
        }
        j = previous;
    }
}

/// Proposes the set of pairs with the highest total score over all allowed pairs, after
/// pairing as many of those whose long wait gives priority as can be (`matching::priority`).
pub fn propose(
    participants: &[ParticipantCandidate],
    buddies: &[BuddyCandidate],
    ctx: &Context,
) -> Proposal {
    let scores: Vec<Vec<Option<f64>>> = participants
        .iter()
        .map(|p| buddies.iter().map(|b| allowed_score(p, b, ctx)).collect())
        .collect();
    let capacity: Vec<u32> = buddies.iter().map(BuddyCandidate::free_places).collect();
    // A long wait goes first (`matching::priority`): each of their pairs counts more than all
    // ordinary pairs and all the longer waits together can add, and a longer wait more.
    let longest = participants
        .iter()
        .filter_map(|p| p.priority_days(ctx))
        .max()
        .unwrap_or(0);
    let places = participants
        .len()
        .min(capacity.iter().sum::<u32>() as usize);
    let bonus = 100.0 * (places + 1) as f64 + f64::from(longest);
    let counted: Vec<Vec<Option<f64>>> = participants
        .iter()
        .zip(&scores)
        .map(|(p, row)| match p.priority_days(ctx) {
            Some(days) => row
                .iter()
                .map(|s| s.map(|s| s + bonus + f64::from(days)))
                .collect(),
            None => row.clone(),
        })
        .collect();
    let chosen = max_weight_assignment(&counted, &capacity);

    let mut pairs: Vec<ProposedPair> = chosen
        .iter()
        .filter_map(|&(i, j)| {
            Some(ProposedPair {
                participant_id: participants[i].id,
                buddy_id: buddies[j].id,
                score: scores[i][j]?,
            })
        })
        .collect();
    pairs.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.participant_id.cmp(&b.participant_id))
    });
    let total = pairs.iter().map(|p| p.score).sum();

    let reason = |allowed: usize| match allowed {
        0 => UnpairedReason::NoAllowedPartner,
        n => UnpairedReason::PartnersTaken { allowed: n as u32 },
    };
    let unpaired_participants = participants
        .iter()
        .enumerate()
        .filter(|(i, _)| !chosen.iter().any(|c| c.0 == *i))
        .map(|(i, p)| UnpairedParticipant {
            participant_id: p.id,
            reason: reason(scores[i].iter().flatten().count()),
        })
        .collect();
    let unused_buddies = buddies
        .iter()
        .enumerate()
        .filter_map(|(j, b)| {
            let used = chosen.iter().filter(|c| c.1 == j).count() as u32;
            let free = capacity[j].saturating_sub(used);
            (free > 0).then(|| UnusedBuddy {
                buddy_id: b.id,
                free_places: free,
                reason: reason(scores.iter().filter(|row| row[j].is_some()).count()),
            })
        })
        .collect();
    Proposal {
        pairs,
        total,
        unpaired_participants,
        unused_buddies,
    }
}

/// The previous solver, kept for the tests as an independent oracle: maximum-weight assignment
/// of rows to columns on integer weights, where column `j` takes at most `capacity[j]` rows and
/// `None` marks a forbidden pair, by the Hungarian algorithm. Returns (row, column).
#[cfg(test)]
pub(crate) fn best_assignment(
    weights: &[Vec<Option<i64>>],
    capacity: &[u32],
) -> Vec<(usize, usize)> {
    // Only rows with some allowed pair take part, and a buddy never needs more places than
    // it has allowed participants: this keeps the matrix small.
    let rows: Vec<usize> = (0..weights.len())
        .filter(|&i| {
            weights[i]
                .iter()
                .enumerate()
                .any(|(j, w)| w.is_some() && capacity[j] > 0)
        })
        .collect();
    let mut slots: Vec<usize> = Vec::new();
    for (j, &cap) in capacity.iter().enumerate() {
        let allowed = rows.iter().filter(|&&i| weights[i][j].is_some()).count();
        slots.extend(std::iter::repeat_n(j, (cap as usize).min(allowed)));
    }
    if rows.is_empty() || slots.is_empty() {
        return Vec::new();
    }
    // A forbidden pair costs 0, the same as staying unpaired, so it is never preferred to an
    // allowed one; allowed pairs cost minus their weight (weights are never negative).
    let cost = |r: usize, s: usize| weights[rows[r]][slots[s]].map_or(0, |w| -w.max(0));
    let pairs: Vec<(usize, usize)> = if rows.len() <= slots.len() {
        hungarian(rows.len(), slots.len(), cost)
    } else {
        hungarian(slots.len(), rows.len(), |s, r| cost(r, s))
            .into_iter()
            .map(|(s, r)| (r, s))
            .collect()
    };
    pairs
        .into_iter()
        .map(|(r, s)| (rows[r], slots[s]))
        .filter(|&(i, j)| weights[i][j].is_some())
        .collect()
}

/// Minimum-cost assignment of each of `n` rows to a distinct one of `m >= n` columns
/// (Hungarian algorithm with potentials, O(n²·m)). Returns (row, column) pairs.
#[cfg(test)]
fn hungarian(n: usize, m: usize, cost: impl Fn(usize, usize) -> i64) -> Vec<(usize, usize)> {
    debug_assert!(n <= m);
    const INF: i64 = i64::MAX / 4;
    // 1-based, index 0 is the virtual start; p[j] = row matched to column j.
    let mut u = vec![0i64; n + 1];
    let mut v = vec![0i64; m + 1];
    let mut p = vec![0usize; m + 1];
    let mut way = vec![0usize; m + 1];
    for i in 1..=n {
        p[0] = i;
        let mut j0 = 0;
        let mut minv = vec![INF; m + 1];
        let mut used = vec![false; m + 1];
        loop {
            used[j0] = true;
            let i0 = p[j0];
            let mut delta = INF;
            let mut j1 = 0;
            for j in 1..=m {
                if !used[j] {
                    let cur = cost(i0 - 1, j - 1) - u[i0] - v[j];
                    if cur < minv[j] {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if minv[j] < delta {
                        delta = minv[j];
                        j1 = j;
                    }
                }
            }
            for j in 0..=m {
                if used[j] {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if p[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    (1..=m)
        .filter(|&j| p[j] != 0)
        .map(|j| (p[j] - 1, j - 1))
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::profile::Gender;
    use crate::matching::assess::tests::{buddy, ctx, participant, profile};
    use crate::matching::rng::SplitMix64;
    use proptest::collection::vec;
    use proptest::option;
    use proptest::prelude::*;

    fn total(weights: &[Vec<Option<i64>>], pairs: &[(usize, usize)]) -> i64 {
        pairs.iter().map(|&(i, j)| weights[i][j].unwrap()).sum()
    }

    /// Tries every assignment: each participant unpaired or with a buddy that has room.
    pub(crate) fn brute_force(weights: &[Vec<Option<i64>>], capacity: &mut [u32], i: usize) -> i64 {
        if i == weights.len() {
            return 0;
        }
        let mut best = brute_force(weights, capacity, i + 1);
        for j in 0..capacity.len() {
            if let Some(w) = weights[i][j]
                && capacity[j] > 0
            {
                capacity[j] -= 1;
                best = best.max(w + brute_force(weights, capacity, i + 1));
                capacity[j] += 1;
            }
        }
        best
    }

    pub(crate) fn valid(weights: &[Vec<Option<i64>>], capacity: &[u32], pairs: &[(usize, usize)]) {
        for i in 0..weights.len() {
            assert!(
                pairs.iter().filter(|p| p.0 == i).count() <= 1,
                "row {i} twice"
            );
        }
        for (j, &cap) in capacity.iter().enumerate() {
            assert!(
                pairs.iter().filter(|p| p.1 == j).count() as u32 <= cap,
                "column {j} over capacity"
            );
        }
        for &(i, j) in pairs {
            assert!(weights[i][j].is_some(), "forbidden pair ({i}, {j})");
        }
    }

    #[test]
    fn the_best_total_beats_the_greedy_choice() {
        // Greedy takes the best pair (P0–B0, 90) and leaves P1 alone: 90 in total.
        // Better: P0–B1 (80) and P1–B0 (85): 165.
        let weights = vec![vec![Some(90), Some(80)], vec![Some(85), None]];
        let pairs = best_assignment(&weights, &[1, 1]);
        let mut sorted = pairs.clone();
        sorted.sort();
        assert_eq!(sorted, vec![(0, 1), (1, 0)]);
        assert_eq!(total(&weights, &pairs), 165);
    }

    #[test]
    fn capacity_lets_one_buddy_take_several_participants() {
        let weights = vec![
            vec![Some(50), Some(10)],
            vec![Some(60), Some(20)],
            vec![Some(70), None],
        ];
        let pairs = best_assignment(&weights, &[2, 1]);
        valid(&weights, &[2, 1], &pairs);
        assert_eq!(total(&weights, &pairs), 70 + 60 + 10);
        assert!(best_assignment(&weights, &[0, 0]).is_empty());
        assert!(best_assignment(&[], &[1]).is_empty());
    }

    #[test]
    fn random_small_instances_match_brute_force() {
        let mut rng = SplitMix64::new(2026);
        for round in 0..400 {
            let n = 1 + rng.below(6);
            let m = 1 + rng.below(4);
            let capacity: Vec<u32> = (0..m).map(|_| rng.below(3) as u32).collect();
            let weights: Vec<Vec<Option<i64>>> = (0..n)
                .map(|_| {
                    (0..m)
                        .map(|_| (rng.below(4) > 0).then(|| rng.below(100_001) as i64))
                        .collect()
                })
                .collect();
            let pairs = best_assignment(&weights, &capacity);
            valid(&weights, &capacity, &pairs);
            let expected = brute_force(&weights, &mut capacity.clone(), 0);
            assert_eq!(
                total(&weights, &pairs),
                expected,
                "round {round}: {weights:?} {capacity:?}"
            );
        }
    }

    /// Integer weights as the solver's float scores.
    fn as_scores(weights: &[Vec<Option<i64>>]) -> Vec<Vec<Option<f64>>> {
        weights
            .iter()
            .map(|row| row.iter().map(|w| w.map(|w| w as f64)).collect())
            .collect()
    }

    fn float_total(scores: &[Vec<Option<f64>>], pairs: &[(usize, usize)]) -> f64 {
        pairs.iter().map(|&(i, j)| scores[i][j].unwrap()).sum()
    }

    /// As `brute_force`, on float scores.
    fn brute_force_f64(scores: &[Vec<Option<f64>>], capacity: &mut [u32], i: usize) -> f64 {
        if i == scores.len() {
            return 0.0;
        }
        let mut best = brute_force_f64(scores, capacity, i + 1);
        for j in 0..capacity.len() {
            if let Some(w) = scores[i][j]
                && capacity[j] > 0
            {
                capacity[j] -= 1;
                best = best.max(w + brute_force_f64(scores, capacity, i + 1));
                capacity[j] += 1;
            }
        }
        best
    }

    /// Checks pairs as `valid` does, with float scores.
    fn valid_f64(scores: &[Vec<Option<f64>>], capacity: &[u32], pairs: &[(usize, usize)]) {
        assert!(pairs.windows(2).all(|p| p[0].0 < p[1].0), "not by row");
        for (j, &cap) in capacity.iter().enumerate() {
            assert!(pairs.iter().filter(|p| p.1 == j).count() as u32 <= cap);
        }
        for &(i, j) in pairs {
            assert!(scores[i][j].is_some(), "forbidden pair ({i}, {j})");
        }
    }

    const LAYOUTS: [Layout; 3] = [Layout::Auto, Layout::Dense, Layout::Sparse];

    #[test]
    fn the_solver_beats_the_greedy_choice_in_both_layouts() {
        let scores = vec![vec![Some(90.0), Some(80.0)], vec![Some(85.0), None]];
        for layout in LAYOUTS {
            assert_eq!(assign(&scores, &[1, 1], layout), vec![(0, 1), (1, 0)]);
        }
        assert_eq!(max_weight_matching(&scores), (165.0, vec![(0, 1), (1, 0)]));
        // Short rows, empty input, no room anywhere.
        assert_eq!(
            max_weight_matching(&[vec![Some(1.0)], vec![None, Some(2.0)]]),
            (3.0, vec![(0, 0), (1, 1)])
        );
        let (total, pairs) = max_weight_matching(&[]);
        assert!(total == 0.0 && total.is_sign_positive() && pairs.is_empty());
        assert!(max_weight_assignment(&scores, &[0, 0]).is_empty());
        // Odd scores count within 0..=MAX_SCORE.
        let odd = vec![
            vec![Some(f64::NAN), Some(-1.0)],
            vec![Some(f64::INFINITY), None],
        ];
        let (total, pairs) = max_weight_matching(&odd);
        assert_eq!(total, MAX_SCORE);
        assert!(pairs.contains(&(1, 0)));
    }

    #[test]
    fn real_valued_scores_match_brute_force_in_both_layouts() {
        let mut rng = SplitMix64::new(22);
        for round in 0..600 {
            let n = 1 + rng.below(6);
            let m = 1 + rng.below(5);
            let capacity: Vec<u32> = (0..m).map(|_| rng.below(3) as u32).collect();
            let allowed = 1 + rng.below(4);
            let scores: Vec<Vec<Option<f64>>> = (0..n)
                .map(|_| {
                    (0..m)
                        // Uniform in (0, 100], every bit of the fraction used.
                        .map(|_| (rng.below(4) < allowed).then(|| 100.0 - 100.0 * rng.next_f64()))
                        .collect()
                })
                .collect();
            let best = brute_force_f64(&scores, &mut capacity.clone(), 0);
            for layout in LAYOUTS {
                let pairs = assign(&scores, &capacity, layout);
                valid_f64(&scores, &capacity, &pairs);
                let got = float_total(&scores, &pairs);
                assert!(
                    (got - best).abs() <= 1e-9 * best.max(1.0),
                    "round {round}, {layout:?}: {got} against {best}, {scores:?} {capacity:?}"
                );
            }
        }
    }

    #[test]
    fn both_layouts_agree_with_the_hungarian_on_larger_real_valued_matrices() {
        let mut rng = SplitMix64::new(2027);
        for (n, m, allowed) in [
            (120, 120, 1.0),
            (150, 150, 0.7),
            (150, 150, 0.1),
            (80, 200, 0.5),
            (200, 60, 0.3),
            (100, 100, 0.02),
        ] {
            let scores: Vec<Vec<Option<f64>>> = (0..n)
                .map(|_| {
                    (0..m)
                        .map(|_| (rng.next_f64() < allowed).then(|| 100.0 - 100.0 * rng.next_f64()))
                        .collect()
                })
                .collect();
            // The oracle in integers: scores scaled by 10^9 stay exact in i64.
            let weights: Vec<Vec<Option<i64>>> = scores
                .iter()
                .map(|row| {
                    row.iter()
                        .map(|s| s.map(|s| (s * 1e9).round() as i64))
                        .collect()
                })
                .collect();
            let ones = vec![1; m];
            let expected = total(&weights, &best_assignment(&weights, &ones)) as f64 / 1e9;
            for layout in LAYOUTS {
                let pairs = assign(&scores, &ones, layout);
                valid_f64(&scores, &ones, &pairs);
                let got = float_total(&scores, &pairs);
                // Rounding the oracle's weights moves its total by at most n / 2 · 10^-9.
                assert!(
                    (got - expected).abs() <= 1e-6,
                    "{n}×{m} at {allowed}, {layout:?}: {got} against {expected}"
                );
            }
        }
    }

    /// Integer scores from a small range (many ties), forbidden pairs and capacities.
    fn instance() -> impl Strategy<Value = (Vec<Vec<Option<i64>>>, Vec<u32>)> {
        (0..=60usize, 0..=60usize, 0.02..=1.0f64, 1..=6i64).prop_flat_map(
            |(rows, columns, allowed, top)| {
                (
                    vec(vec(option::weighted(allowed, 0..=top), columns), rows),
                    vec(0..=3u32, columns),
                )
            },
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(192))]

        /// The new solver against the Hungarian, in every layout: the same total, no forbidden
        /// pair, no column over its capacity, each row at most once, pairs by row.
        #[test]
        fn the_solver_matches_the_hungarian_on_ties_and_capacities((weights, capacity) in instance()) {
            let expected = total(&weights, &best_assignment(&weights, &capacity));
            let scores = as_scores(&weights);
            for layout in LAYOUTS {
                let pairs = assign(&scores, &capacity, layout);
                valid(&weights, &capacity, &pairs);
                prop_assert!(pairs.windows(2).all(|p| p[0].0 < p[1].0), "not by row: {:?}", pairs);
                prop_assert_eq!(total(&weights, &pairs), expected, "{:?}", layout);
            }
        }
    }

    #[test]
    fn the_proposal_pairs_everyone_it_can_and_says_why_not_the_others() {
        let c = ctx();
        // P1 fits both buddies, P2 only buddy 10 (wants a woman); buddy 11 is a man.
        let mut man = profile();
        man.gender = Gender::Man;
        let mut wants_woman = profile();
        wants_woman.wish_genders = [Gender::Woman].into();
        let mut wants_man = profile();
        wants_man.wish_genders = [Gender::Man].into();
        wants_man.interests = vec![4];
        let mut unscreened = buddy(12, profile());
        unscreened.screening_approved = false;
        let mut two_places = buddy(10, profile());
        two_places.max_duos = 3;
        two_places.open_duos = 1;
        let participants = vec![
            participant(1, profile()),
            participant(2, wants_woman),
            participant(3, wants_man.clone()),
            participant(4, wants_man),
        ];
        let p = propose(&participants, &[two_places, buddy(11, man), unscreened], &c);
        let got: Vec<(i64, i64)> = p
            .pairs
            .iter()
            .map(|x| (x.participant_id, x.buddy_id))
            .collect();
        assert_eq!(p.pairs.len(), 3);
        assert!(got.contains(&(1, 10)) && got.contains(&(2, 10)), "{got:?}");
        assert!(got.contains(&(3, 11)) || got.contains(&(4, 11)), "{got:?}");
        assert!((p.total - p.pairs.iter().map(|x| x.score).sum::<f64>()).abs() < 1e-9);
        assert_eq!(p.unpaired_participants.len(), 1);
        assert_eq!(
            p.unpaired_participants[0].reason,
            UnpairedReason::PartnersTaken { allowed: 1 }
        );
        assert_eq!(
            p.unused_buddies,
            vec![UnusedBuddy {
                buddy_id: 12,
                free_places: 1,
                reason: UnpairedReason::NoAllowedPartner
            }]
        );
    }
}
