//! The maximum-weight matching of a score matrix, found by the engine's own solver (the one
//! behind `propose`), e.g. to check it against another solver.
//!
//! ```sh
//! cargo run --release -p app --example assign -- FILE
//! cargo run --release -p app --example assign -- --time 5 FILE
//! ```
//!
//! FILE: `ROWS COLS` on the first line, then ROWS lines of COLS whitespace-separated scores,
//! higher is better, `x` for a forbidden pair. Scores are positive real numbers, at most
//! `assign::MAX_SCORE`, with any number of decimals (or an exponent); the solver works on them
//! as they are. Blank lines are skipped.
//!
//! Prints the total score (the float sum of the chosen scores, in the shortest form that reads
//! back the same), then one `row col` line per pair (0-based), by row. Unusable input gives a
//! one-line message on stderr and exit code 2.
//!
//! `--time RUNS` solves the matrix RUNS times and adds one line on stderr,
//! `solve: median 12.345 ms over 5 runs`: the solver alone, without reading the file or
//! printing (`bench/assign/assign_vs_scipy.py` reads it).

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use app::matching::assign::{MAX_SCORE, max_weight_matching};

/// Exit code for unusable arguments or input.
const BAD_INPUT: u8 = 2;

fn main() -> ExitCode {
    let Some((runs, path)) = arguments(std::env::args_os().skip(1).collect()) else {
        eprintln!("usage: assign [--time RUNS] FILE");
        return ExitCode::from(BAD_INPUT);
    };
    let output = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))
        .and_then(|text| parse(&text))
        .map(|matrix| match runs {
            None => solve(&matrix),
            Some(runs) => {
                let (text, millis) = timed(&matrix, runs);
                eprintln!("solve: median {millis:.3} ms over {runs} runs");
                text
            }
        });
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

/// `FILE` or `--time RUNS FILE` (RUNS at least 1): the number of timed runs, if any, and the
/// file.
fn arguments(args: Vec<std::ffi::OsString>) -> Option<(Option<u32>, PathBuf)> {
    match &args[..] {
        [path] if path != "--time" => Some((None, PathBuf::from(path))),
        [flag, runs, path] if flag == "--time" => {
            let runs = runs.to_str()?.parse::<u32>().ok().filter(|&r| r > 0)?;
            Some((Some(runs), PathBuf::from(path)))
        }
        _ => None,
    }
}

/// The whole output for a matrix: the total, then `row col` per pair.
fn solve(matrix: &[Vec<Option<f64>>]) -> String {
    let (total, pairs) = max_weight_matching(matrix);
    // `Display` gives the shortest text that reads back as the same float (165, not 165.0).
    let mut out = format!("{total}\n");
    for (row, col) in pairs {
        let _ = writeln!(out, "{row} {col}");
    }
    out
}

/// Solves `runs` times: the output of the last run and the median time of the solver alone
/// (the output is written after the clock stops), in milliseconds.
fn timed(matrix: &[Vec<Option<f64>>], runs: u32) -> (String, f64) {
    let mut millis = Vec::new();
    let mut result = (0.0, Vec::new());
    for _ in 0..runs {
        let started = Instant::now();
        result = max_weight_matching(std::hint::black_box(matrix));
        millis.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    millis.sort_by(f64::total_cmp);
    let middle = millis.len() / 2;
    let median = if millis.len() % 2 == 1 {
        millis[middle]
    } else {
        (millis[middle - 1] + millis[middle]) / 2.0
    };
    let (total, pairs) = result;
    let mut out = format!("{total}\n");
    for (row, col) in pairs {
        let _ = writeln!(out, "{row} {col}");
    }
    (out, median)
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
    fn reads_real_valued_scores_with_any_number_of_decimals() {
        assert_eq!(score("0.0001"), Ok(Some(0.0001)));
        assert_eq!(score("37.123456789012"), Ok(Some(37.123456789012)));
        assert_eq!(score("2.5e-3"), Ok(Some(0.0025)));
        assert_eq!(score("1e9"), Ok(Some(MAX_SCORE)));
    }

    #[test]
    fn reads_the_arguments() {
        let args = |a: &[&str]| arguments(a.iter().map(Into::into).collect());
        assert_eq!(args(&["m.txt"]), Some((None, PathBuf::from("m.txt"))));
        assert_eq!(
            args(&["--time", "5", "m.txt"]),
            Some((Some(5), PathBuf::from("m.txt")))
        );
        assert_eq!(args(&[]), None);
        assert_eq!(args(&["--time"]), None);
        assert_eq!(args(&["--time", "0", "m.txt"]), None);
        assert_eq!(args(&["--time", "five", "m.txt"]), None);
        assert_eq!(args(&["a", "b"]), None);
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
    }

    #[test]
    fn prints_the_total_then_the_pairs_by_row() {
        let solve = |text: &str| parse(text).map(|m| solve(&m));
        // Greedy would take 90 alone; the best is 80 + 85.
        assert_eq!(solve("2 2\n90 80\n85 x\n"), Ok("165\n0 1\n1 0\n".into()));
        assert_eq!(solve("1 2\n0.1 0.2\n"), Ok("0.2\n0 1\n".into()));
        assert_eq!(solve("2 1\n0.1\nx\n"), Ok("0.1\n0 0\n".into()));
        assert_eq!(solve("0 0\n"), Ok("0\n".into()));
        // Real-valued: no rounding to thousandths (each of these would have counted as 0).
        assert_eq!(
            solve("2 2\n0.0004 0.0002\n0.0003 x\n"),
            Ok(format!("{}\n0 1\n1 0\n", 0.0002 + 0.0003))
        );
        assert_eq!(
            solve("1 2\n1.23456789 1.23456788\n"),
            Ok("1.23456789\n0 0\n".into())
        );
    }

    #[test]
    fn the_timed_run_gives_the_same_output() {
        let matrix = parse("2 2\n90 80\n85 x\n").unwrap();
        let (text, millis) = timed(&matrix, 3);
        assert_eq!(text, solve(&matrix));
        assert!(millis >= 0.0);
    }
}
