"""Reference fixtures for app/src/stats: Kaplan-Meier curves, their 95% bands, percentiles
and log-rank tests as computed by lifelines (the versions pinned in requirements.txt).

Run from the repository root:

    python3 -m venv /tmp/st && /tmp/st/bin/pip install -r bench/stats/requirements.txt \
        && /tmp/st/bin/python bench/stats/make_fixtures.py

It writes app/src/stats/fixtures/kaplan_meier.json and app/src/stats/fixtures/log_rank.json,
which app/src/stats/reference.rs compares with the Rust code (`cargo test -p app --lib
stats::reference`). The random cases come from a seeded generator: running it again gives
the same files byte for byte.

What is taken from lifelines, and how its conventions map onto the Rust API:

- Durations are whole days (`Observation { days: u32, ended: bool }`); every case here has
  integer durations (the Waltons data set has only whole numbers).
- Steps: lifelines' `event_table` rows where someone leaves (`removed > 0`; lifelines adds a
  row at t = 0 that nobody leaves), with `survival_function_` and `confidence_interval_`
  (its default band is the exponential Greenwood one, "log-log" in R).
- Percentiles: the p-th percentile of the duration is the first time S(t) <= 1 - p, which is
  lifelines' `percentile(1 - p)` / `qth_survival_times(1 - p, ...)`; the limits are the same
  first crossing of the lower and the upper band column. The median (p = 0.5) is
  `kmf.median_survival_time_` and `median_survival_times(kmf.confidence_interval_)`.
  Infinity ("never reached") is written as null.
- Log-rank: `logrank_test` for two groups, `multivariate_logrank_test` for more.
"""

import json
import math
import warnings
from importlib.metadata import version
from pathlib import Path

import numpy as np
from lifelines import KaplanMeierFitter
from lifelines.datasets import load_waltons
from lifelines.statistics import logrank_test, multivariate_logrank_test
from lifelines.utils import median_survival_times, qth_survival_times

# lifelines warns that percentiles are read off the step function: that is what we want.
warnings.simplefilter("ignore")

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "app" / "src" / "stats" / "fixtures"
SEED = 19_2026
PERCENTILES = [0.2, 0.5, 0.8]

# Freireich's leukaemia trial (Gehan 1965), weeks in remission; the same data as
# survival.rs's tests.
SIX_MP_ENDED = [6, 6, 6, 7, 10, 13, 16, 22, 23]
SIX_MP_CENSORED = [6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35]
CONTROL = [1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23]


def six_mp():
    return [(d, True) for d in SIX_MP_ENDED] + [(d, False) for d in SIX_MP_CENSORED]


def control():
    return [(d, True) for d in CONTROL]


def waltons():
    """lifelines' Waltons data set per group, as (days, ended) lists, groups sorted by name."""
    df = load_waltons()
    assert (df["T"] % 1 == 0).all(), "the Waltons durations are expected to be whole days"
    groups = {}
    for name, part in sorted(df.groupby("group"), key=lambda item: item[0]):
        groups[name] = [(int(t), bool(e)) for t, e in zip(part["T"], part["E"])]
    return groups


def none_if_inf(x):
    x = float(x)
    if math.isinf(x):
        return None
    assert x == int(x), x
    return int(x)


def kaplan_meier(name, source, observations):
    days = np.array([d for d, _ in observations], dtype=float)
    ended = np.array([e for _, e in observations], dtype=int)
    kmf = KaplanMeierFitter().fit(days, ended)
    table = kmf.event_table
    survival = kmf.survival_function_.iloc[:, 0]
    lower = kmf.confidence_interval_.iloc[:, 0]
    upper = kmf.confidence_interval_.iloc[:, 1]
    steps = []
    for t in table.index:
        row = table.loc[t]
        if row["removed"] == 0:
            continue
        values = [float(survival.loc[t]), float(lower.loc[t]), float(upper.loc[t])]
        assert all(math.isfinite(v) for v in values), (name, t, values)
        steps.append(
            [int(t), int(row["at_risk"]), int(row["observed"]), int(row["censored"]), *values]
        )
    percentiles = []
    for p in PERCENTILES:
        level = 1.0 - p
        if p == 0.5:
            days_p = kmf.median_survival_time_
            limits = median_survival_times(kmf.confidence_interval_)
        else:
            days_p = kmf.percentile(level)
            limits = qth_survival_times(level, kmf.confidence_interval_)
        percentiles.append(
            {
                "p": p,
                "days": none_if_inf(days_p),
                "lower": none_if_inf(limits.iloc[0, 0]),
                "upper": none_if_inf(limits.iloc[0, 1]),
            }
        )
    return {
        "name": name,
        "source": source,
        "observations": [[d, e] for d, e in observations],
        "steps": steps,
        "percentiles": percentiles,
    }


def random_observations(rng, n, max_day, censoring):
    days = rng.integers(0, max_day + 1, size=n)
    ended = rng.random(n) >= censoring
    return [(int(d), bool(e)) for d, e in zip(days, ended)]


def censored_with_events(rng, n, max_day):
    """About half events; each event day also gets a censored observation."""
    obs = []
    while len(obs) < n:
        d = int(rng.integers(0, max_day + 1))
        obs.append((d, True))
        if len(obs) < n:
            obs.append((d, False))
    rng.shuffle(obs)
    return [(int(d), bool(e)) for d, e in obs]


def kaplan_meier_cases(rng):
    cases = [
        kaplan_meier("6-MP", "Freireich's leukaemia trial, 6-MP arm (Gehan 1965)", six_mp()),
        kaplan_meier("control", "Freireich's leukaemia trial, control arm (Gehan 1965)", control()),
    ]
    for group, obs in waltons().items():
        cases.append(kaplan_meier(f"waltons {group}", "lifelines.datasets.load_waltons()", obs))
    random = []
    for n in [1, 2, 5, 30, 200, 1000]:
        random.append((f"ties n={n}", random_observations(rng, n, 8, 0.3)))
    for n in [2, 30, 1000]:
        random.append((f"no censoring n={n}", random_observations(rng, n, 20, 0.0)))
    for n in [1, 5, 200]:
        random.append((f"all censored n={n}", random_observations(rng, n, 20, 1.0)))
    for n in [5, 30, 200, 1000]:
        random.append((f"spread n={n}", random_observations(rng, n, 365, 0.5)))
    for n in [5, 30, 200]:
        random.append((f"censored on event days n={n}", censored_with_events(rng, n, 10)))
    for name, obs in random:
        cases.append(kaplan_meier(f"random {name}", f"numpy default_rng({SEED})", obs))
    return cases


def log_rank(name, source, groups):
    flat = [(d, e, j) for j, g in enumerate(groups) for d, e in g]
    days = np.array([d for d, _, _ in flat], dtype=float)
    ended = np.array([e for _, e, _ in flat], dtype=int)
    labels = np.array([j for _, _, j in flat])
    if len(groups) == 2:
        a, b = labels == 0, labels == 1
        result = logrank_test(days[a], days[b], event_observed_A=ended[a], event_observed_B=ended[b])
        function = "logrank_test"
        check = multivariate_logrank_test(days, labels, ended)
        assert math.isclose(check.test_statistic, result.test_statistic, rel_tol=1e-12)
    else:
        result = multivariate_logrank_test(days, labels, ended)
        function = "multivariate_logrank_test"
    chi2, p = float(result.test_statistic), float(result.p_value)
    assert math.isfinite(chi2) and math.isfinite(p), (name, chi2, p)
    return {
        "name": name,
        "source": source,
        "function": function,
        "groups": [[[d, e] for d, e in g] for g in groups],
        "chi2": chi2,
        "df": int(result.degrees_of_freedom),
        "p_value": p,
    }


def well_conditioned(groups):
    """Whether the k-1 by k-1 log-rank covariance matrix is clearly invertible (the Rust code
    refuses singular ones; lifelines uses a pseudo-inverse there, a different statistic)."""
    k = len(groups)
    times = sorted({d for g in groups for d, e in g if e})
    v = np.zeros((k, k))
    for t in times:
        n_j = np.array([sum(1 for d, _ in g if d >= t) for g in groups], dtype=float)
        d_j = np.array([sum(1 for d, e in g if d == t and e) for g in groups], dtype=float)
        n, d = n_j.sum(), d_j.sum()
        if n > 1:
            v += d * (n - d) / (n * n * (n - 1)) * (np.diag(n_j) * n - np.outer(n_j, n_j))
    return np.linalg.cond(v[:-1, :-1]) < 1e8


def log_rank_cases(rng):
    cases = [
        log_rank(
            "6-MP vs control",
            "Freireich's leukaemia trial (Gehan 1965); published chi2 16.79 on 1 df",
            [six_mp(), control()],
        )
    ]
    w = waltons()
    cases.append(log_rank("waltons " + " vs ".join(w), "lifelines.datasets.load_waltons()", list(w.values())))
    for k in [2, 3, 4]:
        for i in range(5):
            while True:
                sizes = rng.integers(3, 80, size=k)
                max_day = int(rng.choice([6, 15, 60]))
                censoring = float(rng.choice([0.0, 0.2, 0.5]))
                # Sometimes shift a group's durations so that the groups do differ (small p).
                shifts = rng.integers(0, max_day // 2 + 1, size=k) if i % 2 else np.zeros(k, dtype=int)
                groups = [
                    [(d + int(s), e) for d, e in random_observations(rng, int(m), max_day, censoring)]
                    for m, s in zip(sizes, shifts)
                ]
                if well_conditioned(groups):
                    break
            cases.append(log_rank(f"random k={k} #{i + 1}", f"numpy default_rng({SEED})", groups))
    return cases


def compact(value):
    return json.dumps(value, separators=(",", ":"))


def rows(values, indent, per_line):
    """A JSON list spread over lines, `per_line` items to a line."""
    if not values:
        return "[]"
    pad = " " * indent
    lines = [
        ",".join(compact(v) for v in values[i : i + per_line])
        for i in range(0, len(values), per_line)
    ]
    return "[\n" + ",\n".join(pad + "  " + line for line in lines) + "\n" + pad + "]"


def value_text(key, value, indent):
    if key in ("observations",):
        return rows(value, indent, 16)
    if key == "steps":
        return rows(value, indent, 1)
    if key == "groups":
        pad = " " * (indent + 2)
        inner = ",\n".join(pad + rows(g, indent + 2, 16) for g in value)
        return "[\n" + inner + "\n" + " " * indent + "]"
    return compact(value)


def dump(header, cases):
    """JSON with one step, or 16 observations, to a line: diffable, and still plain JSON."""
    out = ["{"]
    for key, value in header.items():
        out.append(f"  {json.dumps(key)}: {json.dumps(value)},")
    out.append('  "cases": [')
    for ci, case in enumerate(cases):
        fields = [f"      {json.dumps(k)}: {value_text(k, v, 6)}" for k, v in case.items()]
        out.append("    {\n" + ",\n".join(fields) + "\n    }" + ("," if ci < len(cases) - 1 else ""))
    out.append("  ]")
    out.append("}")
    text = "\n".join(out) + "\n"
    assert json.loads(text)["cases"] == json.loads(json.dumps(cases))
    return text


def main():
    rng = np.random.default_rng(SEED)
    versions = {name: version(name) for name in ["lifelines", "numpy", "pandas", "scipy"]}
    generator = "bench/stats/make_fixtures.py"

    km = kaplan_meier_cases(rng)
    # Published values: S(6) = 0.857 and the median 23 weeks for 6-MP; 8 weeks for control.
    assert abs(km[0]["steps"][0][4] - 18 / 21) < 1e-12 and km[0]["percentiles"][1]["days"] == 23
    assert km[1]["percentiles"][1]["days"] == 8
    header = {
        "generator": generator,
        "versions": versions,
        "observations": "[days, ended] pairs",
        "steps": "[days, at_risk, events, censored, survival, lower_0.95, upper_0.95]",
        "percentiles": "p-th percentile of the duration: first time S <= 1 - p; null = never",
    }
    (OUT / "kaplan_meier.json").write_text(dump(header, km))

    lr = log_rank_cases(rng)
    assert round(lr[0]["chi2"], 2) == 16.79 and lr[0]["df"] == 1
    header = {
        "generator": generator,
        "versions": versions,
        "groups": "per group, [days, ended] pairs",
    }
    (OUT / "log_rank.json").write_text(dump(header, lr))
    print(f"{len(km)} Kaplan-Meier cases, {len(lr)} log-rank cases written to {OUT}")


if __name__ == "__main__":
    main()
