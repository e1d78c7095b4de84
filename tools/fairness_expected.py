#!/usr/bin/env python3
"""Generate the independent fairness expectations of the ethics gate.

Writes mlgates-core/src/test/resources/io/mlgates/core/fairness/fairness-expected.json: small data sets (label,
prediction, group per row) and, for each, the value of every disparity as Fairlearn and AIF360 define it, the
simultaneous intervals of docs/fairness.md, and the four-fifths comparisons with their p-values. The Java test
FairnessExpectedTest reads it. The output is committed; run this again only to change the examples:

    python3 tools/fairness_expected.py

It needs numpy and scipy (on Debian: python3-scipy). Nothing here comes from the Java code:
  * group rates and disparities: Fairlearn's published definitions (selection_rate, MetricFrame.difference() and
    .ratio() with method "between_groups" and "to_overall", demographic_parity_*, equalized_odds_*,
    equal_opportunity_difference) and AIF360's (ClassificationMetric.disparate_impact, average_odds_difference,
    theil_index, between_group_theil_index), written in numpy; Fairlearn and AIF360 themselves are not packaged
    for Debian;
  * Wilson and Newcombe intervals from their formulas with z = scipy.stats.norm.ppf, ratio intervals from
    scipy.stats.contingency.relative_risk(...).confidence_interval (Katz's log method), the MOVER interval of Zou
    and Donner, and the Bonferroni construction of docs/fairness.md over every pair;
  * Fisher's exact test from scipy.stats.fisher_exact (two-sided).

The first examples are in the style of Fairlearn's user guide: groups of 2 to 10 rows, among them the guide's own
16-row example (user_guide/assessment), where every disparity is defined and the gate must say that the groups are
too small to judge. The later ones are larger, with a group under minGroupSize, so that the judged values and the
intervals are exercised.
"""

import itertools
import json
import math
from pathlib import Path

import numpy as np
import scipy
from scipy.stats import fisher_exact, norm
from scipy.stats.contingency import relative_risk

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "mlgates-core" / "src" / "test" / "resources" / "io" / "mlgates" / "core" / "fairness"
LEVEL = 0.95
ALPHA = 1 - LEVEL

DISPARITIES = [
    "demographic_parity_difference", "demographic_parity_difference_to_overall",
    "demographic_parity_ratio", "demographic_parity_ratio_to_overall",
    "equalized_odds_difference", "equalized_odds_difference_to_overall",
    "equalized_odds_ratio", "equalized_odds_ratio_to_overall",
    "equal_opportunity_difference", "equal_opportunity_difference_to_overall",
    "average_odds_difference", "average_odds_difference_to_overall",
    "predictive_parity_difference", "predictive_parity_difference_to_overall",
    "disparate_impact", "disparate_impact_to_overall",
    "theil_index", "between_group_theil_index",
]


# ---------------------------------------------------------------- rates (Fairlearn's base metrics)

def rates(y, p):
    """selection_rate, tpr, fpr, ppv of label array y and prediction array p; None where 0/0."""
    y = np.asarray(y, dtype=bool)
    p = np.asarray(p, dtype=bool)

    def ratio(num, den):
        return None if den == 0 else num / den

    return {
        "selection_rate": ratio(np.sum(p), len(p)),
        "tpr": ratio(np.sum(p & y), np.sum(y)),
        "fpr": ratio(np.sum(p & ~y), np.sum(~y)),
        "ppv": ratio(np.sum(p & y), np.sum(p)),
    }


def trials(y, p, rate):
    y = np.asarray(y, dtype=bool)
    p = np.asarray(p, dtype=bool)
    return {"selection_rate": len(p), "tpr": int(np.sum(y)), "fpr": int(np.sum(~y)), "ppv": int(np.sum(p))}[rate]


def successes(y, p, rate):
    y = np.asarray(y, dtype=bool)
    p = np.asarray(p, dtype=bool)
    return {"selection_rate": int(np.sum(p)), "tpr": int(np.sum(p & y)), "fpr": int(np.sum(p & ~y)),
            "ppv": int(np.sum(p & y))}[rate]


# ---------------------------------------------------------------- intervals

def wilson(x, n, level):
    z = norm.ppf(1 - (1 - level) / 2)
    q = x / n
    centre = (q + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(q * (1 - q) / n + z * z / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


def mover(c, p, ci):
    """Zou and Donner's MOVER for sum c_i p_i of independent proportions with intervals ci."""
    theta = sum(ci_ * pi for ci_, pi in zip(c, p))
    below = sum((ck * pk - min(ck * l, ck * u)) ** 2 for ck, pk, (l, u) in zip(c, p, ci))
    above = sum((max(ck * l, ck * u) - ck * pk) ** 2 for ck, pk, (l, u) in zip(c, p, ci))
    bound = sum(abs(ck) for ck in c)
    return max(-bound, theta - math.sqrt(below)), min(bound, theta + math.sqrt(above))


def pair_level(m):
    return 1 - ALPHA / max(1, m)


def simultaneous_difference(groups, rate, m):
    """Bounds of max - min over the pairs' Newcombe intervals at level 1 - alpha/m, in both orders."""
    level = pair_level(m)
    low, high = 0.0, 0.0
    for (yi, pi), (yj, pj) in itertools.combinations(groups, 2):
        xi, ni = successes(yi, pi, rate), trials(yi, pi, rate)
        xj, nj = successes(yj, pj, rate), trials(yj, pj, rate)
        lo, hi = mover([1, -1], [xi / ni, xj / nj], [wilson(xi, ni, level), wilson(xj, nj, level)])
        low = max(low, lo, -hi)
        high = max(high, hi, -lo)
    return low, high


def simultaneous_ratio(groups, rate, m):
    """Bounds of min / max over the pairs' log-method intervals (scipy's relative_risk) at level 1 - alpha/m."""
    level = pair_level(m)
    low, high = 1.0, 1.0
    for (yi, pi), (yj, pj) in itertools.combinations(groups, 2):
        xi, ni = successes(yi, pi, rate), trials(yi, pi, rate)
        xj, nj = successes(yj, pj, rate), trials(yj, pj, rate)
        if xi == 0 or xj == 0:
            return None
        ci = relative_risk(xi, ni, xj, nj).confidence_interval(confidence_level=level)
        low = min(low, ci.low, 1 / ci.high)
        high = min(high, ci.high, 1 / ci.low)
    return low, high


def simultaneous_average_odds(groups, m):
    level = pair_level(m)
    low, high = 0.0, 0.0
    for (yi, pi), (yj, pj) in itertools.combinations(groups, 2):
        parts = []
        for (y, p) in ((yi, pi), (yj, pj)):
            for rate in ("tpr", "fpr"):
                x, n = successes(y, p, rate), trials(y, p, rate)
                parts.append((x / n, wilson(x, n, level)))
        lo, hi = mover([0.5, 0.5, -0.5, -0.5], [v for v, _ in parts], [c for _, c in parts])
        low = max(low, lo, -hi)
        high = max(high, hi, -lo)
    return low, high


# ---------------------------------------------------------------- disparities

def theil(benefits):
    """AIF360's generalized entropy index with alpha = 1 of the benefits, 0 ln 0 = 0."""
    b = np.asarray(benefits, dtype=float)
    mu = b.mean()
    x = b / mu
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(x > 0, x * np.log(np.where(x > 0, x, 1)), 0.0)
    return max(0.0, float(terms.mean()))


def disparities(by_group, all_y, all_p, reference, with_intervals):
    """Every disparity over the groups of by_group {name: (y, p)}; None where undefined."""
    names = sorted(by_group)
    groups = [by_group[g] for g in names]
    k = len(groups)
    out = {}
    cis = {}
    overall = rates(all_y, all_p)
    benefits = np.asarray(all_p, dtype=float) - np.asarray(all_y, dtype=float) + 1
    if k < 2:
        for d in DISPARITIES:
            out[d] = None
        out["theil_index"] = theil(benefits)
        return out, cis
    per = {g: rates(*by_group[g]) for g in names}

    def column(rate):
        values = [per[g][rate] for g in names]
        return None if any(v is None for v in values) else np.array(values)

    def between(rate):
        v = column(rate)
        if v is None:
            return None, None
        diff = float(v.max() - v.min())
        ratio = None if v.max() == 0 else float(v.min() / v.max())
        return diff, ratio

    def to_overall(rate):
        v = column(rate)
        if v is None or overall[rate] is None:
            return None, None
        o = overall[rate]
        diff = float(np.max(np.abs(v - o)))
        if o == 0:
            return diff, None
        tmp = v / o
        with np.errstate(divide="ignore"):
            ratio = float(np.min(np.minimum(tmp, np.where(tmp > 0, 1 / np.where(tmp > 0, tmp, 1), 0))))
        return diff, ratio

    sr_d, sr_r = between("selection_rate")
    out["demographic_parity_difference"], out["demographic_parity_ratio"] = sr_d, sr_r
    out["demographic_parity_difference_to_overall"], out["demographic_parity_ratio_to_overall"] = \
        to_overall("selection_rate")
    tpr_d, tpr_r = between("tpr")
    fpr_d, fpr_r = between("fpr")
    out["equalized_odds_difference"] = None if tpr_d is None or fpr_d is None else max(tpr_d, fpr_d)
    out["equalized_odds_ratio"] = None if tpr_r is None or fpr_r is None else min(tpr_r, fpr_r)
    to_tpr = to_overall("tpr")
    to_fpr = to_overall("fpr")
    out["equalized_odds_difference_to_overall"] = None if to_tpr[0] is None or to_fpr[0] is None \
        else max(to_tpr[0], to_fpr[0])
    out["equalized_odds_ratio_to_overall"] = None if to_tpr[1] is None or to_fpr[1] is None \
        else min(to_tpr[1], to_fpr[1])
    out["equal_opportunity_difference"] = tpr_d
    out["equal_opportunity_difference_to_overall"] = to_tpr[0]
    t, f = column("tpr"), column("fpr")
    if t is None or f is None:
        out["average_odds_difference"] = out["average_odds_difference_to_overall"] = None
    else:
        a = (t + f) / 2
        out["average_odds_difference"] = float(a.max() - a.min())
        out["average_odds_difference_to_overall"] = float(np.max(np.abs(a - (overall["tpr"] + overall["fpr"]) / 2)))
    out["predictive_parity_difference"] = between("ppv")[0]
    out["predictive_parity_difference_to_overall"] = to_overall("ppv")[0]
    # AIF360: favourable label 1 (the positive prediction), privileged group = the declared reference
    if reference is None or reference not in per or per[reference]["selection_rate"] == 0:
        out["disparate_impact"] = None
    else:
        out["disparate_impact"] = float(min(per[g]["selection_rate"] / per[reference]["selection_rate"]
                                            for g in names if g != reference))
    out["disparate_impact_to_overall"] = None if overall["selection_rate"] == 0 else float(
        column("selection_rate").min() / overall["selection_rate"])
    out["theil_index"] = theil(benefits)
    # AIF360's between-group index: every row's benefit replaced by its group's mean benefit
    group_benefits = []
    for y, p in groups:
        b = np.asarray(p, dtype=float) - np.asarray(y, dtype=float) + 1
        group_benefits.extend([b.mean()] * len(b))
    out["between_group_theil_index"] = theil(group_benefits)

    if with_intervals:
        pairs = k * (k - 1) // 2
        if out["demographic_parity_difference"] is not None:
            cis["demographic_parity_difference"] = simultaneous_difference(groups, "selection_rate", pairs)
        if out["demographic_parity_ratio"] is not None:
            cis["demographic_parity_ratio"] = simultaneous_ratio(groups, "selection_rate", pairs)
        if out["equal_opportunity_difference"] is not None:
            cis["equal_opportunity_difference"] = simultaneous_difference(groups, "tpr", pairs)
        if out["predictive_parity_difference"] is not None:
            cis["predictive_parity_difference"] = simultaneous_difference(groups, "ppv", pairs)
        if out["equalized_odds_difference"] is not None:
            lt = simultaneous_difference(groups, "tpr", 2 * pairs)
            lf = simultaneous_difference(groups, "fpr", 2 * pairs)
            cis["equalized_odds_difference"] = (max(lt[0], lf[0]), max(lt[1], lf[1]))
        if out["average_odds_difference"] is not None:
            cis["average_odds_difference"] = simultaneous_average_odds(groups, pairs)
        cis = {d: v for d, v in cis.items() if v is not None}
    return out, cis


def comparisons(by_group, reference):
    """Four-fifths comparisons of each group with the reference, or the most favoured group when none is declared."""
    names = sorted(by_group)
    if len(names) < 2:
        return None, []
    per = {g: rates(*by_group[g])["selection_rate"] for g in names}
    against = reference if reference is not None else max(names, key=lambda g: (per[g], -names.index(g)))
    if against not in per:
        return None, []
    out = []
    yr, pr = by_group[against]
    for g in names:
        if g == against:
            continue
        y, p = by_group[g]
        a, n1, b, n2 = int(np.sum(p)), len(p), int(np.sum(pr)), len(pr)
        entry = {"group": g, "ratio": None if b == 0 else (a / n1) / (b / n2)}
        if a > 0 and b > 0:
            ci = relative_risk(a, n1, b, n2).confidence_interval(confidence_level=LEVEL)
            entry["ci"] = [float(ci.low), float(ci.high)]
        entry["pValue"] = float(fisher_exact([[a, n1 - a], [b, n2 - b]], alternative="two-sided")[1])
        out.append(entry)
    return against, out


# ---------------------------------------------------------------- examples

def seeded(seed, sizes, rates_by_group, base_rate=0.4):
    rng = np.random.default_rng(seed)
    rows = []
    for name, size in sizes.items():
        for _ in range(size):
            y = int(rng.random() < base_rate)
            p = int(rng.random() < rates_by_group[name])
            rows.append((y, p, name))
    return rows


def examples():
    # Fairlearn's user guide (user_guide/assessment): 16 rows in groups a (2), b (4), c (7), d (3)
    y_true = [0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0, 0, 1, 1, 1, 1]
    y_pred = [0, 0, 1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1]
    groups = ['d', 'a', 'c', 'b', 'b', 'c', 'c', 'c', 'b', 'd', 'c', 'a', 'b', 'd', 'c', 'c']
    yield {"name": "fairlearn-user-guide", "minGroupSize": 30, "reference": None,
           "rows": list(zip(y_true, y_pred, groups))}
    # 20 rows in groups of 4, 6 and 10, in the user guide's style
    yield {"name": "small-three-groups", "minGroupSize": 30, "reference": "f",
           "rows": [(1, 1, "f"), (0, 1, "f"), (1, 0, "f"), (0, 0, "f"), (1, 1, "f"), (0, 1, "f"),
                    (1, 1, "m"), (0, 1, "m"), (1, 1, "m"), (0, 0, "m"),
                    (1, 1, "x"), (0, 0, "x"), (1, 0, "x"), (0, 0, "x"), (1, 1, "x"), (0, 1, "x"), (1, 0, "x"),
                    (0, 0, "x"), (1, 1, "x"), (0, 0, "x")]}
    yield {"name": "small-two-groups", "minGroupSize": 30, "reference": None,
           "rows": [(1, 1, "p"), (1, 1, "p"), (0, 1, "p"), (0, 0, "p"), (1, 0, "p"), (0, 1, "p"), (1, 1, "p"),
                    (0, 0, "p"),
                    (1, 0, "q"), (1, 1, "q"), (0, 0, "q"), (0, 1, "q"), (1, 0, "q"), (0, 0, "q"), (1, 1, "q"),
                    (0, 0, "q"), (1, 0, "q"), (0, 0, "q"), (1, 1, "q"), (0, 0, "q")]}
    yield {"name": "three-groups-one-small", "minGroupSize": 30, "reference": "a",
           "rows": seeded(11, {"a": 120, "b": 80, "c": 12}, {"a": 0.55, "b": 0.35, "c": 0.2})}
    yield {"name": "five-groups", "minGroupSize": 30, "reference": None,
           "rows": seeded(12, {"g1": 60, "g2": 75, "g3": 90, "g4": 45, "g5": 150},
                          {"g1": 0.3, "g2": 0.32, "g3": 0.28, "g4": 0.5, "g5": 0.3})}


def as_json(value):
    return None if value is None else float(value)


def main():
    cases = []
    for ex in examples():
        rows = ex["rows"]
        y = np.array([r[0] for r in rows])
        p = np.array([r[1] for r in rows])
        by_group = {}
        for yy, pp, g in rows:
            by_group.setdefault(g, ([], []))
            by_group[g][0].append(yy)
            by_group[g][1].append(pp)
        by_group = {g: (np.array(a), np.array(b)) for g, (a, b) in by_group.items()}
        judged = {g: v for g, v in by_group.items() if len(v[0]) >= ex["minGroupSize"]}
        reported, reported_ci = disparities(by_group, y, p, ex["reference"], True)
        judged_values, judged_ci = disparities(judged, y, p, ex["reference"], True)
        against, comps = comparisons(judged, ex["reference"])
        cases.append({
            "name": ex["name"],
            "minGroupSize": ex["minGroupSize"],
            "reference": ex["reference"],
            "rows": [[int(a), int(b), g] for a, b, g in rows],
            "reported": {d: as_json(reported[d]) for d in DISPARITIES},
            "reportedIntervals": {d: [float(lo), float(hi)] for d, (lo, hi) in reported_ci.items()},
            "judgedGroups": sorted(judged),
            "leftOut": sorted(set(by_group) - set(judged)),
            "judged": {d: as_json(judged_values[d]) for d in DISPARITIES},
            "judgedIntervals": {d: [float(lo), float(hi)] for d, (lo, hi) in judged_ci.items()},
            "comparedWith": against,
            "comparisons": comps,
        })
    doc = {"generator": "tools/fairness_expected.py", "numpy": np.__version__, "scipy": scipy.__version__,
           "level": LEVEL, "cases": cases}
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "fairness-expected.json"
    path.write_text(json.dumps(doc, indent=1) + "\n")
    # the user guide's own figures, as its doctest prints them: recall by group a 0.0, b 0.5, c 0.75, d 0.0
    y_true, y_pred, groups = zip(*[(r[0], r[1], r[2]) for r in cases[0]["rows"]])
    for g, recall in {"a": 0.0, "b": 0.5, "c": 0.75, "d": 0.0}.items():
        rows = [i for i, x in enumerate(groups) if x == g]
        assert rates([y_true[i] for i in rows], [y_pred[i] for i in rows])["tpr"] == recall, g
    print(f"wrote {path.relative_to(ROOT)}: {len(cases)} cases")


if __name__ == "__main__":
    main()
