//! Small-cell suppression for figures that leave the programme (funders' reports): counts
//! of 1 to 4 could point at a person, so they are shown as "< 5", and a row with a shown
//! total hides one more cell so that the small one cannot be worked out by subtraction.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The usual threshold: counts from 1 up to (not including) 5 are hidden.
pub const MIN_CELL: u32 = 5;

/// One figure as it may be published.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cell {
    /// Shown as is.
    Count(u32),
    /// Primary suppression: more than 0 and fewer than the limit; shows "< limit".
    Fewer(u32),
    /// Secondary suppression: hidden only to protect a small cell in the same row; shows
    /// "x" (showing "< 5" would be untrue).
    Hidden,
}

impl fmt::Display for Cell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cell::Count(n) => write!(f, "{n}"),
            Cell::Fewer(limit) => write!(f, "< {limit}"),
            Cell::Hidden => f.write_str("x"),
        }
    }
}

/// A count as it may be published: 0 and counts of at least `min` are shown, the rest are
/// `Fewer(min)`.
pub fn suppress(n: u32, min: u32) -> Cell {
    if n == 0 || n >= min {
        Cell::Count(n)
    } else {
        Cell::Fewer(min)
    }
}

/// A row of counts as it may be published. When the row's total is shown and exactly one
/// cell was suppressed, the smallest other non-zero cell (the first on ties) is hidden too.
/// Without such a cell (e.g. `[3, 0, 0]`) the total itself gives the count away: then the
/// caller should not show the total.
pub fn suppress_row(counts: &[u32], total_shown: bool, min: u32) -> Vec<Cell> {
    let mut row: Vec<Cell> = counts.iter().map(|&n| suppress(n, min)).collect();
    let suppressed = row.iter().filter(|c| matches!(c, Cell::Fewer(_))).count();
    if total_shown
        && suppressed == 1
        && let Some(i) = smallest_shown_non_zero(&row)
    {
        row[i] = Cell::Hidden;
    }
    row
}

/// The index of the smallest shown count above zero, the first of equals.
fn smallest_shown_non_zero(row: &[Cell]) -> Option<usize> {
    row.iter()
        .enumerate()
        .filter_map(|(i, cell)| match cell {
            Cell::Count(n) if *n > 0 => Some((*n, i)),
            _ => None,
        })
        .min()
        .map(|(_, i)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_counts_are_suppressed() {
        assert_eq!(suppress(0, MIN_CELL), Cell::Count(0));
        assert_eq!(suppress(1, MIN_CELL), Cell::Fewer(5));
        assert_eq!(suppress(4, MIN_CELL), Cell::Fewer(5));
        assert_eq!(suppress(5, MIN_CELL), Cell::Count(5));
        assert_eq!(suppress(120, MIN_CELL), Cell::Count(120));
        assert_eq!(suppress(2, 3), Cell::Fewer(3));
        assert_eq!(suppress(1, 0), Cell::Count(1));
    }

    #[test]
    fn cells_display() {
        assert_eq!(Cell::Count(12).to_string(), "12");
        assert_eq!(Cell::Fewer(5).to_string(), "< 5");
        assert_eq!(Cell::Hidden.to_string(), "x");
    }

    #[test]
    fn one_small_cell_with_a_total_hides_the_next_smallest() {
        use Cell::*;
        let row = suppress_row(&[12, 3, 0, 7, 9], true, MIN_CELL);
        assert_eq!(row, [Count(12), Fewer(5), Count(0), Hidden, Count(9)]);
        // Ties: the first of the smallest.
        let row = suppress_row(&[8, 2, 8], true, MIN_CELL);
        assert_eq!(row, [Hidden, Fewer(5), Count(8)]);
    }

    #[test]
    fn no_secondary_suppression_when_not_needed() {
        use Cell::*;
        // No total shown.
        let row = suppress_row(&[12, 3, 7], false, MIN_CELL);
        assert_eq!(row, [Count(12), Fewer(5), Count(7)]);
        // Two small cells already protect each other.
        let row = suppress_row(&[12, 3, 1, 7], true, MIN_CELL);
        assert_eq!(row, [Count(12), Fewer(5), Fewer(5), Count(7)]);
        // Nothing small.
        let row = suppress_row(&[12, 0, 7], true, MIN_CELL);
        assert_eq!(row, [Count(12), Count(0), Count(7)]);
        assert!(suppress_row(&[], true, MIN_CELL).is_empty());
    }

    #[test]
    fn nothing_left_to_hide() {
        use Cell::*;
        // Only zeros beside the small cell: the caller must drop the total.
        let row = suppress_row(&[3, 0, 0], true, MIN_CELL);
        assert_eq!(row, [Fewer(5), Count(0), Count(0)]);
    }
}
