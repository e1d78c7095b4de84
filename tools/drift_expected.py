#!/usr/bin/env python3
"""Generate the independent drift expectations of the validation gate's drift checks.

Writes mlgates-core/src/test/resources/io/mlgates/core/drift/drift-expected.json: small reference and current
columns and, for each, what Evidently's data-drift computation gives: its automatic choice of method, the statistic,
the p-value of a test and the drift decision at the default threshold, and on request PSI, KL divergence,
Hellinger and Jensen-Shannon. It also lists scipy's one-sample Kolmogorov survival function (kstwo.sf) over a grid,
which the large-sample KS p-value uses. The Java test DriftExpectedTest reads it. The output is committed; run
this again only to change the examples:

    python3 tools/drift_expected.py

It needs numpy and scipy (on Debian: python3-scipy). Nothing here comes from the Java code. Evidently is not
packaged for Debian, so its stattests (evidently/legacy/calculations/stattests: ks_stattest, chisquare_stattest,
z_stattest, wasserstein_distance_norm, jensenshannon, psi, kl_div, hellinger_distance, utils.get_binned_data, and
registry._get_default_stattest) are restated below on numpy arrays in place of pandas series, calling the same
scipy functions they call: scipy.stats.ks_2samp, chisquare, wasserstein_distance, entropy, norm, and
scipy.spatial.distance.jensenshannon.
"""

import json
from pathlib import Path

import numpy as np
import scipy
from scipy import stats
from scipy.spatial import distance

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "mlgates-core" / "src" / "test" / "resources" / "io" / "mlgates" / "core" / "drift"

NUM = "numeric"
CAT = "categorical"


# ---- Evidently's stattests, restated on numpy arrays ----

def value_counts(a):
    keys, counts = np.unique(a, return_counts=True)
    return {k.item() if hasattr(k, "item") else k: int(c) for k, c in zip(keys, counts)}


def union_keys(ref, cur):
    return list(set(np.unique(ref).tolist()) | set(np.unique(cur).tolist()))


def default_stattest(ref, cur, kind):
    """registry._get_default_stattest"""
    n_values = len(set(np.unique(ref).tolist()) | set(np.unique(cur).tolist()))
    if len(ref) <= 1000:
        if kind == NUM:
            if n_values <= 5:
                return "chisquare" if n_values > 2 else "z"
            return "ks"
        return "chisquare" if n_values > 2 else "z"
    if kind == NUM:
        return "jensenshannon" if n_values <= 5 else "wasserstein"
    return "jensenshannon"


def get_binned_data(ref, cur, kind, feel_zeroes=True):
    """utils.get_binned_data"""
    n_vals = len(np.unique(ref))
    if kind == NUM and n_vals > 20:
        combined = np.concatenate([ref, cur])
        bins = np.histogram_bin_edges(combined, bins="sturges")
        ref_p = np.histogram(ref, bins)[0] / len(ref)
        cur_p = np.histogram(cur, bins)[0] / len(cur)
    else:
        keys = union_keys(ref, cur)
        rc, cc = value_counts(ref), value_counts(cur)
        ref_p = np.array([rc.get(k, 0) / len(ref) for k in keys])
        cur_p = np.array([cc.get(k, 0) / len(cur) for k in keys])
    if feel_zeroes:
        for p in (ref_p, cur_p):
            smallest = min(p[p != 0])
            np.place(p, p == 0, smallest / 10**6 if smallest <= 0.0001 else 0.0001)
    return ref_p, cur_p


def ks(ref, cur, kind):
    r = stats.ks_2samp(ref, cur)
    return float(r.statistic), float(r.pvalue)


def chisquare(ref, cur, kind):
    keys = union_keys(ref, cur)
    rc, cc = value_counts(ref), value_counts(cur)
    k_norm = cur.shape[0] / ref.shape[0]
    f_exp = [rc.get(k, 0) * k_norm for k in keys]
    f_obs = [cc.get(k, 0) for k in keys]
    with np.errstate(divide="ignore", invalid="ignore"):
        r = stats.chisquare(f_obs, f_exp)
    statistic = float(r.statistic)
    return (statistic if np.isfinite(statistic) else None), float(r.pvalue)


def z(ref, cur, kind):
    if len(np.unique(ref)) == 1 and len(np.unique(cur)) == 1 and np.unique(ref)[0] == np.unique(cur)[0]:
        return None, 1.0  # Evidently's p = 1; the gate reports the 0/0 statistic undefined instead
    keys = sorted(union_keys(ref, cur))
    r01 = np.where(ref == keys[0], 0, 1)
    c01 = np.where(cur == keys[0], 0, 1)
    n1, n2 = len(r01), len(c01)
    p1, p2 = float(sum(r01)) / n1, float(sum(c01)) / n2
    big_p = float(p1 * n1 + p2 * n2) / (n1 + n2)
    zstat = (p1 - p2) / np.sqrt(big_p * (1 - big_p) * (1.0 / n1 + 1.0 / n2))
    return float(zstat), float(2 * (1 - stats.norm.cdf(np.abs(zstat))))


def wasserstein(ref, cur, kind):
    norm = max(float(np.std(ref)), 0.001)
    return float(stats.wasserstein_distance(ref, cur) / norm), None


def jensenshannon(ref, cur, kind):
    r, c = get_binned_data(ref, cur, kind, False)
    return float(distance.jensenshannon(r, c)), None


def psi(ref, cur, kind):
    r, c = get_binned_data(ref, cur, kind)
    return float(np.sum((r - c) * np.log(r / c))), None


def kl_div(ref, cur, kind):
    r, c = get_binned_data(ref, cur, kind)
    return float(stats.entropy(r, c)), None


def hellinger(ref, cur, kind):
    keys = list(set(np.unique(ref).tolist()) | set(np.unique(cur).tolist()))
    if kind == CAT:
        rc, cc = value_counts(ref), value_counts(cur)
        h = sum(np.sqrt(rc.get(k, 0) / len(ref) * cc.get(k, 0) / len(cur)) for k in keys)
    else:
        bins = np.histogram_bin_edges(keys, bins="sturges")
        h1 = np.histogram(ref, bins=bins, density=True)[0]
        h2 = np.histogram(cur, bins=bins, density=True)[0]
        width = (max(bins) - min(bins)) / (len(bins) - 1)
        h = sum(np.sqrt(h1[i] * h2[i]) * width for i in range(len(h1)))
    return float(np.sqrt(1 - np.clip(h, 0, 1))), None


METHODS = {"ks": (ks, 0.05, lambda p, t: p <= t), "chisquare": (chisquare, 0.05, lambda p, t: p < t),
           "z": (z, 0.05, lambda p, t: p < t), "wasserstein": (wasserstein, 0.1, lambda d, t: d >= t),
           "jensenshannon": (jensenshannon, 0.1, lambda d, t: d >= t), "psi": (psi, 0.1, lambda d, t: d >= t),
           "kl_div": (kl_div, 0.1, lambda d, t: d >= t), "hellinger": (hellinger, 0.1, lambda d, t: d >= t)}
TESTS = {"ks", "chisquare", "z"}
ON_REQUEST = ["psi", "kl_div", "hellinger", "jensenshannon"]


def judge(name, ref, cur, kind, methods=None):
    ref = np.asarray(ref, dtype=float if kind == NUM else object)
    cur = np.asarray(cur, dtype=float if kind == NUM else object)
    if kind == CAT:
        ref, cur = ref.astype(str), cur.astype(str)
    automatic = default_stattest(ref, cur, kind)
    results = []
    for method in [automatic] + (methods or []):
        func, threshold, rule = METHODS[method]
        statistic, pvalue = func(ref, cur, kind)
        if method in TESTS:
            score = pvalue
        else:
            statistic, pvalue, score = statistic, None, statistic
        result = {"method": method, "statistic": statistic, "pValue": pvalue, "threshold": threshold,
                  "drifted": bool(rule(score, threshold))}
        # Where Evidently puts a number on a value the data leaves undefined, the gate reports it undefined:
        # the z-test's 0/0 with one value on both sides (Evidently: p = 1), and the Wasserstein distance normed
        # by a reference standard deviation of 0 (Evidently: divides by 0.001).
        if (method == "z" and statistic is None) or (method == "wasserstein" and len(np.unique(ref)) == 1):
            result["undefinedInGate"] = True
        results.append(result)
    return {"name": name, "kind": kind, "reference": summary(ref), "current": summary(cur),
            "automatic": automatic, "results": results}


def summary(a):
    """The column as the gate's summaries hold it: each distinct value with its count."""
    keys, counts = np.unique(a, return_counts=True)
    return {"values": keys.tolist(), "counts": counts.tolist()}


def formula(n, multiplier, modulus, divisor, scale):
    """Value i = ((i * multiplier) mod modulus) / divisor * scale, for i < n; and its parameters."""
    values = (np.arange(n, dtype=np.int64) * multiplier) % modulus / divisor * scale
    return values, {"n": n, "multiplier": multiplier, "modulus": modulus, "divisor": divisor, "scale": scale}


def main():
    rng = np.random.default_rng(20261203)
    cases = []

    def normal(n, loc=0.0, scale=1.0, digits=2):
        return np.round(rng.normal(loc, scale, n), digits)

    # KS, exact path: unequal sizes, equal sizes, ties, a shift; then the asymptotic path (a side > 10 000).
    cases.append(judge("ks unequal sizes", normal(40), normal(55, 0.3), NUM, ON_REQUEST))
    cases.append(judge("ks equal sizes", normal(60), normal(60, 0.5), NUM))
    cases.append(judge("ks ties", rng.integers(0, 9, 80), rng.integers(1, 10, 70), NUM, ON_REQUEST))
    cases.append(judge("ks no drift", normal(300), normal(700), NUM))
    base = normal(1000)
    cases.append(judge("ks large current, same values", base, np.concatenate([np.tile(base, 12), base[:37]]), NUM))
    cases.append(judge("ks large current, same law", base, normal(12000), NUM))
    cases.append(judge("ks large current, small shift", base, normal(12000, 0.08), NUM))
    cases.append(judge("ks large current, shift", base, normal(12000, 0.4), NUM))
    small = normal(100)
    cases.append(judge("ks n<=140 asymptotic, same values", small, np.concatenate([np.tile(small, 100), small[:3]]),
                       NUM))
    cases.append(judge("ks n<=140 asymptotic, same law", small, normal(10050), NUM))
    cases.append(judge("ks n<=140 asymptotic, shift", small, normal(10050, 0.35), NUM))
    cases.append(judge("ks n<=140 asymptotic, large shift", small, normal(10050, 1.5), NUM))
    cases.append(judge("ks single value on both sides", [2.5] * 30, [2.5] * 40 + [2.5], NUM))

    # Chi-square and z over categories and over few numeric values.
    cases.append(judge("chisquare categories", rng.choice(list("abcd"), 200, p=[.4, .3, .2, .1]),
                       rng.choice(list("abcd"), 150, p=[.25, .25, .25, .25]), CAT, ON_REQUEST))
    cases.append(judge("chisquare category absent from current", rng.choice(list("abc"), 120),
                       rng.choice(list("ab"), 90), CAT, ON_REQUEST))
    cases.append(judge("chisquare new category in current", rng.choice(list("abc"), 120),
                       rng.choice(list("abcd"), 90), CAT, ON_REQUEST))
    cases.append(judge("z two categories", rng.choice(["no", "yes"], 300, p=[.7, .3]),
                       rng.choice(["no", "yes"], 200, p=[.6, .4]), CAT, ON_REQUEST))
    cases.append(judge("z one category each side", ["x"] * 40, ["y"] * 30, CAT))

    # The automatic choice at its boundaries: 1000/1001 reference values, 2/3/5/6 distinct values.
    for n_ref in (1000, 1001):
        for distinct in (2, 3, 5, 6):
            values = np.arange(distinct) * 1.5
            ref = values[np.arange(n_ref) % distinct]
            cur = values[(np.arange(400) * 7) % distinct][:-(distinct - 1)] if distinct > 1 else values
            cur = np.concatenate([cur, values[:1].repeat(25)])
            cases.append(judge(f"numeric {n_ref} reference rows, {distinct} distinct", ref, cur, NUM))
            cats = np.array([f"c{i}" for i in range(distinct)])
            cases.append(judge(f"categorical {n_ref} reference rows, {distinct} distinct",
                               cats[np.arange(n_ref) % distinct], cats[(np.arange(350) * 3) % distinct], CAT))

    # Large reference: Wasserstein (normed) and Jensen-Shannon; the binned methods with empty bins.
    cases.append(judge("wasserstein shift", normal(1500), normal(800, 0.2, 1.3), NUM, ON_REQUEST))
    cases.append(judge("wasserstein tiny spread", normal(1200, 5.0, 0.0004, 5), normal(600, 5.0, 0.0004, 5), NUM))
    gap_ref = np.concatenate([normal(1100, -4), normal(900, 4)])
    gap_cur = np.concatenate([normal(300, -4), normal(500, 4), normal(50, 0)])
    cases.append(judge("binned with empty bins", gap_ref, gap_cur, NUM, ON_REQUEST))
    cases.append(judge("jensenshannon categories", rng.choice(list("pqrst"), 2500),
                       rng.choice(list("pqrsu"), 900), CAT, ON_REQUEST))
    cases.append(judge("jensenshannon few numeric values", rng.integers(0, 4, 1800) * 1.0,
                       rng.integers(1, 5, 700) * 1.0, NUM, ON_REQUEST))
    cases.append(judge("twenty distinct values, taken as categories", rng.integers(0, 20, 1500) * 0.5,
                       rng.integers(0, 22, 600) * 0.5, NUM, ON_REQUEST))
    cases.append(judge("single value reference", [3.0] * 1200, normal(400), NUM, ["jensenshannon", "hellinger"]))

    # scipy's kstwo.sf over the regions of Simard and L'Ecuyer's choice of method.
    grid = []
    for n in (5, 30, 100, 140, 141, 500, 923, 5000, 120000):
        for x in (0.001, 0.004, 0.01, 0.02, 0.03, 0.05, 0.08, 0.12, 0.2, 0.35, 0.5, 0.7, 0.95):
            grid.append({"n": n, "x": x, "sf": float(stats.kstwo.sf(x, n))})
        grid.append({"n": n, "x": 0.75 / n, "sf": float(stats.kstwo.sf(0.75 / n, n))})
        grid.append({"n": n, "x": 1 - 0.5 / n, "sf": float(stats.kstwo.sf(1 - 0.5 / n, n))})

    # Columns too large to list, past the summaries' cap of distinct values: values by a formula the test repeats
    # (integer arithmetic and one division, exact in IEEE doubles), compared with what a quantile sketch estimates.
    sketched = []
    for name, (ref, ref_params), (cur, cur_params) in [
            ("ks against a sketched current", formula(1000, 104729, 1009, 101.0, 1.0),
             formula(300000, 7919, 100003, 9973.0, 1.0)),
            ("ks against a shifted sketched current", formula(1000, 104729, 1009, 101.0, 1.0),
             formula(300000, 7919, 100003, 9973.0, 1.04)),
            ("wasserstein of two sketches", formula(150000, 7907, 100019, 10007.0, 1.0),
             formula(300000, 7919, 100003, 9973.0, 1.1))]:
        d = stats.ks_2samp(ref, cur)
        sketched.append({"name": name, "reference": ref_params, "current": cur_params,
                         "ks": float(d.statistic), "ksPValue": float(d.pvalue),
                         "wasserstein": float(stats.wasserstein_distance(ref, cur) / max(float(np.std(ref)), 0.001))})

    OUT.mkdir(parents=True, exist_ok=True)
    out = {"generator": "tools/drift_expected.py", "scipy": scipy.__version__, "numpy": np.__version__,
           "cases": cases, "kstwoSf": grid, "sketched": sketched}
    (OUT / "drift-expected.json").write_text(json.dumps(out, separators=(",", ":")) + "\n")
    print(f"{len(cases)} cases, {len(grid)} kstwo points")


if __name__ == "__main__":
    main()
