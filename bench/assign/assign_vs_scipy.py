#!/usr/bin/env python3
"""Klik's matching solver against scipy's linear_sum_assignment, on the same matrices.

One command, from the repository root, runs everything (a venv with the pinned numpy and
scipy, the release build of the `assign` example, every size and share of forbidden pairs):

    python3 -m venv /tmp/sp && /tmp/sp/bin/pip install -r bench/assign/requirements.txt \
        && /tmp/sp/bin/python bench/assign/assign_vs_scipy.py

(about a minute on 2 cores once the example's release build is there, which takes minutes
more when it is not; `--sizes 100,500 --forbidden 0,90 --repeats 3` for less).

For each size n (100, 250, 500, 1000, 2000, 4000) and share of forbidden pairs (0, 30 and 90 %)
it makes one dense n x n matrix of real-valued scores, uniform in (0, 100] with nine decimals
(k / 10^9 for a random integer k in 1..=10^11), and forbids exactly that share of the pairs,
chosen at random (fixed seeds: every run measures the same matrices). Then:

- Klik: the matrix is written as the example's text file (`x` for a forbidden pair); the
  example (`cargo run --release -p app --example assign -- --time R FILE`) reads it, solves it
  R times in-process and reports the median time of the solver alone (no reading, no
  printing) on stderr, and the total and pairs of its solution on stdout.
- scipy: `linear_sum_assignment` in-process on the same values, median of the same R runs.
  The problem is "maximise the sum of allowed scores; anyone may stay unpaired". Scores are
  positive, so scipy gets cost = -score and 0 for a forbidden pair (such a pair is never better
  than leaving both unpaired), and only allowed pairs count in its total.

The values are the same on both sides: the text has the nine decimals exactly, and both
Rust's parser and numpy's k / 1e9 give the float nearest to k / 10^9. Klik's pairs are checked
(allowed, each row and column at most once, their sum equal to its total), and both totals must
agree within a relative 1e-9; any failure is reported and the exit code is 1.

Prints a Markdown table: size, forbidden %, Klik ms, scipy ms, ratio (Klik / scipy), totals.
"""

import argparse
import json
import math
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import scipy
from scipy.optimize import linear_sum_assignment

REPO = Path(__file__).resolve().parents[2]
SIZES = [100, 250, 500, 1000, 2000, 4000]
FORBIDDEN = [0, 30, 90]
SEED = 22


def build_example() -> Path:
    """Builds the `assign` example in release mode and returns the path of its executable."""
    out = subprocess.run(
        ["cargo", "build", "--release", "-p", "app", "--example", "assign",
         "--message-format=json-render-diagnostics"],
        cwd=REPO, check=True, stdout=subprocess.PIPE, text=True,
    ).stdout
    for line in out.splitlines():
        message = json.loads(line)
        if (message.get("reason") == "compiler-artifact"
                and message["target"]["name"] == "assign"
                and "example" in message["target"]["kind"]
                and message.get("executable")):
            return Path(message["executable"])
    sys.exit("cargo built no `assign` example executable")


def matrix(n: int, forbidden_percent: int):
    """The scores (n x n floats) and the forbidden mask of one case; the same on every run."""
    rng = np.random.default_rng([SEED, n, forbidden_percent])
    k = rng.integers(1, 10**11, size=(n, n), endpoint=True)
    scores = k / 1e9
    forbidden = np.zeros(n * n, dtype=bool)
    forbidden[rng.permutation(n * n)[: round(n * n * forbidden_percent / 100)]] = True
    return scores, forbidden.reshape(n, n)


def write_matrix(path: Path, scores, forbidden) -> None:
    """The example's text format: `ROWS COLS`, then the scores, `x` where forbidden."""
    n, m = scores.shape
    with open(path, "w") as f:
        f.write(f"{n} {m}\n")
        for row, banned in zip(scores.tolist(), forbidden.tolist()):
            f.write(" ".join("x" if b else "%.9f" % s for s, b in zip(row, banned)))
            f.write("\n")


def run_klik(executable: Path, path: Path, repeats: int, scores, forbidden):
    """Klik's median solve time (ms) and total, after checking its pairs."""
    done = subprocess.run(
        [str(executable), "--time", str(repeats), str(path)],
        check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    found = re.search(r"solve: median ([0-9.]+) ms over (\d+) runs", done.stderr)
    if not found or int(found.group(2)) != repeats:
        sys.exit(f"no timing line from the example: {done.stderr!r}")
    lines = done.stdout.splitlines()
    total = float(lines[0])
    pairs = [tuple(map(int, line.split())) for line in lines[1:]]
    problems = []
    rows = [r for r, _ in pairs]
    cols = [c for _, c in pairs]
    if len(set(rows)) != len(rows) or len(set(cols)) != len(cols):
        problems.append("a row or column used twice")
    if any(forbidden[r, c] for r, c in pairs):
        problems.append("a forbidden pair")
    paired_sum = math.fsum(scores[r, c] for r, c in pairs)
    if not math.isclose(paired_sum, total, rel_tol=1e-9, abs_tol=1e-9):
        problems.append(f"its pairs sum to {paired_sum!r}, not {total!r}")
    return float(found.group(1)), total, problems


def run_scipy(repeats: int, scores, forbidden):
    """scipy's median solve time (ms) and the total of allowed pairs in its solution."""
    cost = np.where(forbidden, 0.0, -scores)
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        rows, cols = linear_sum_assignment(cost)
        times.append((time.perf_counter() - started) * 1000.0)
    allowed = ~forbidden[rows, cols]
    total = math.fsum(scores[rows[allowed], cols[allowed]].tolist())
    return statistics.median(times), total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--forbidden", default=",".join(map(str, FORBIDDEN)),
                        help="shares of forbidden pairs, in percent")
    parser.add_argument("--repeats", type=int, default=0,
                        help="runs per solver and case (default: 5, 3 from n = 2000 up)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    shares = [int(s) for s in args.forbidden.split(",")]

    executable = build_example()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, {platform.machine()}, "
          f"{os.cpu_count()} cores, load {load} (1, 5, 15 min); Python "
          f"{platform.python_version()}, numpy {np.__version__}, scipy {scipy.__version__}")
    print()
    print("| size | forbidden | Klik ms | scipy ms | Klik / scipy | totals (Klik = scipy) |")
    print("|---:|---:|---:|---:|---:|---|")
    failures = 0
    with tempfile.TemporaryDirectory(prefix="assign-vs-scipy-") as tmp:
        for n in sizes:
            repeats = args.repeats or (5 if n < 2000 else 3)
            for share in shares:
                scores, forbidden = matrix(n, share)
                path = Path(tmp) / f"m{n}-{share}.txt"
                write_matrix(path, scores, forbidden)
                klik_ms, klik_total, problems = run_klik(executable, path, repeats,
                                                         scores, forbidden)
                path.unlink()
                scipy_ms, scipy_total = run_scipy(repeats, scores, forbidden)
                if not math.isclose(klik_total, scipy_total, rel_tol=1e-9):
                    problems.append(f"totals differ: {klik_total!r} against {scipy_total!r}")
                verdict = f"{scipy_total:.6f}" if not problems else "**" + "; ".join(problems) + "**"
                failures += bool(problems)
                print(f"| {n} | {share} % | {klik_ms:.2f} | {scipy_ms:.2f} | "
                      f"{klik_ms / scipy_ms:.2f} | {verdict} |", flush=True)
    print()
    print(f"median of {args.repeats or '5 (3 from n = 2000 up)'} runs per solver and case; "
          f"load after: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if failures:
        print(f"{failures} case(s) failed the checks", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
