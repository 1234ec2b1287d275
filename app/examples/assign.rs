//! The maximum-weight matching of a score matrix, found by the engine's own solver (the one
//! behind `propose`), e.g. to check it against another solver.
//!
//! ```sh
//! cargo run --release -p app --example assign -- FILE
//! ```
//!
//! FILE: `ROWS COLS` on the first line, then ROWS lines of COLS whitespace-separated scores,
//! higher is better, `x` for a forbidden pair. Scores are positive, at most
//! `assign::MAX_SCORE`, with at most three decimals (the solver counts in thousandths, so
//! finer ones would be rounded silently). Blank lines are skipped.
//!
//! Prints the total score, then one `row col` line per pair (0-based), by row. Unusable input
//! gives a one-line message on stderr and exit code 2.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use app::matching::assign::{MAX_SCORE, max_weight_matching};

/// Exit code for unusable arguments or input.
const BAD_INPUT: u8 = 2;

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let (Some(path), None) = (args.next(), args.next()) else {
        eprintln!("usage: assign FILE");
        return ExitCode::from(BAD_INPUT);
    };
    let path = PathBuf::from(path);
    let output = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))
        .and_then(|text| solve(&text));
    match output {
        Ok(text) => match std::io::stdout().lock().write_all(text.as_bytes()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("assign: cannot write the result: {e}");
                ExitCode::FAILURE
            }
        },
        Err(message) => {
            eprintln!("assign: {message}");
            ExitCode::from(BAD_INPUT)
        }
    }
}

/// The whole output for a file's text: the total, then `row col` per pair.
fn solve(text: &str) -> Result<String, String> {
    let (total, pairs) = max_weight_matching(&parse(text)?);
    // The total is summed in thousandths, so `Display` shows no float noise (165, not 165.0).
    let mut out = format!("{total}\n");
    for (row, col) in pairs {
        let _ = writeln!(out, "{row} {col}");
    }
    Ok(out)
}

/// Reads the matrix; a message names the (1-based) line that is wrong.
fn parse(text: &str) -> Result<Vec<Vec<Option<f64>>>, String> {
    let mut lines = (1..)
        .zip(text.lines())
        .filter(|(_, line)| !line.trim().is_empty());
    let Some((n, header)) = lines.next() else {
        return Err("the file is empty: expected `ROWS COLS` on the first line".into());
    };
    let [rows, cols] = header.split_whitespace().collect::<Vec<_>>()[..] else {
        return Err(format!(
            "line {n}: expected `ROWS COLS`, found `{}`",
            header.trim()
        ));
    };
    let count = |s: &str| {
        s.parse::<usize>()
            .map_err(|_| format!("line {n}: `{s}` is not a number of rows or columns"))
    };
    let (rows, cols) = (count(rows)?, count(cols)?);
    let mut matrix = Vec::new();
    for (n, line) in lines {
        if matrix.len() == rows {
            return Err(format!("line {n}: more rows than the {rows} announced"));
        }
        let tokens: Vec<&str> = line.split_whitespace().collect();
        if tokens.len() != cols {
            let scores = if cols == 1 { "score" } else { "scores" };
            return Err(format!(
                "line {n}: expected {cols} {scores}, found {}",
                tokens.len()
            ));
        }
        let row = tokens
            .into_iter()
            .map(|t| score(t).map_err(|e| format!("line {n}: {e}")))
            .collect::<Result<Vec<_>, _>>()?;
        matrix.push(row);
    }
    if matrix.len() < rows {
        return Err(format!(
            "expected {rows} rows of scores, found {}",
            matrix.len()
        ));
    }
    Ok(matrix)
}

/// One entry: `x` (forbidden) or a positive score.
fn score(token: &str) -> Result<Option<f64>, String> {
    if token.eq_ignore_ascii_case("x") {
        return Ok(None);
    }
    let value = token
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| format!("`{token}` is not a number or `x`"))?;
    if value <= 0.0 {
        return Err(format!(
            "score {token} is not positive (`x` marks a forbidden pair)"
        ));
    }
    if value > MAX_SCORE {
        return Err(format!(
            "score {token} is above the largest allowed, {MAX_SCORE}"
        ));
    }
    // Checked on the text: a float test of "whole thousandths" is unreliable near MAX_SCORE.
    let decimals = token
        .split_once('.')
        .map_or(0, |(_, d)| d.trim_end_matches('0').len());
    if decimals > 3 || token.contains(['e', 'E']) {
        return Err(format!(
            "score {token}: write it with at most three decimals"
        ));
    }
    Ok(Some(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_rectangular_matrix_with_forbidden_pairs() {
        let text = "2 3\r\n1 x 2.5\r\n\r\n  0.125 7 X  \r\n\n";
        assert_eq!(
            parse(text),
            Ok(vec![
                vec![Some(1.0), None, Some(2.5)],
                vec![Some(0.125), Some(7.0), None],
            ])
        );
        assert_eq!(parse("0 0\n"), Ok(vec![]));
        assert_eq!(score("1.5000"), Ok(Some(1.5)));
    }

    #[test]
    fn says_which_line_is_wrong() {
        let err = |text: &str| parse(text).unwrap_err();
        assert_eq!(
            err(""),
            "the file is empty: expected `ROWS COLS` on the first line"
        );
        assert_eq!(err("2\n"), "line 1: expected `ROWS COLS`, found `2`");
        assert_eq!(
            err("2 -1\n"),
            "line 1: `-1` is not a number of rows or columns"
        );
        assert_eq!(err("2 2\n1 2\n3\n"), "line 3: expected 2 scores, found 1");
        assert_eq!(err("1 1\n1 2\n"), "line 2: expected 1 score, found 2");
        assert_eq!(err("2 2\n1 2\n"), "expected 2 rows of scores, found 1");
        assert_eq!(
            err("1 2\n1 2\n\n3 4\n"),
            "line 4: more rows than the 1 announced"
        );
        assert_eq!(err("1 2\n1 two\n"), "line 2: `two` is not a number or `x`");
        assert_eq!(err("1 1\nNaN\n"), "line 2: `NaN` is not a number or `x`");
        assert_eq!(
            err("1 2\n0 1\n"),
            "line 2: score 0 is not positive (`x` marks a forbidden pair)"
        );
        assert_eq!(
            err("1 1\n-3\n"),
            "line 2: score -3 is not positive (`x` marks a forbidden pair)"
        );
        assert_eq!(
            err("1 1\n1e10\n"),
            "line 2: score 1e10 is above the largest allowed, 1000000000"
        );
        assert_eq!(
            err("1 1\n0.0001\n"),
            "line 2: score 0.0001: write it with at most three decimals"
        );
    }

    #[test]
    fn prints_the_total_then_the_pairs_by_row() {
        // Greedy would take 90 alone; the best is 80 + 85.
        assert_eq!(solve("2 2\n90 80\n85 x\n"), Ok("165\n0 1\n1 0\n".into()));
        assert_eq!(solve("1 2\n0.1 0.2\n"), Ok("0.2\n0 1\n".into()));
        assert_eq!(solve("2 1\n0.1\nx\n"), Ok("0.1\n0 0\n".into()));
        assert_eq!(solve("0 0\n"), Ok("0\n".into()));
    }
}
