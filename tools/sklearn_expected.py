#!/usr/bin/env python3
"""Generate the scikit-learn agreement fixtures of the metrics package.

Writes fixed-seed data sets as CSV and the metric values that scikit-learn computes on them as JSON, next to each
other, under mlgates-core/src/test/resources/io/mlgates/core/metrics/sklearn/. The Java test
SklearnAgreementTest reads both and asserts agreement within 1e-9. The output is committed; run this again only
to change the data sets (then commit the new files):

    python3 tools/sklearn_expected.py

It needs numpy, scipy and scikit-learn (on Debian: python3-sklearn). Values that scikit-learn does not compute
are computed here by their definition, independently of the Java code, and labelled so in the JSON:
  * ece (expected calibration error, docs/metrics.md);
  * Wilson intervals (formula of Wilson 1927, z from scipy.stats.norm.ppf, Kish effective sample size);
  * DeLong intervals (placement values from a comparison of every positive with every negative);
  * macro and weighted averages of per-class values that are 0/0: scikit-learn >= 1.3 leaves them out with
    zero_division=np.nan (its _nanaverage). Older versions lack that option, so the per-class values come from
    scikit-learn, a class whose value changes between zero_division=0 and zero_division=1 is 0/0, and the
    averages are taken as _nanaverage does. Where np.nan is accepted, scikit-learn's own averages are checked
    against these.

Numbers are written at full double precision (Python's shortest repr, which Java's Double.parseDouble reads back
to the same double). The binary sets include saturated scores (within 1e-8 of 0 and 1) and pairs of scores that
differ only past single precision, which must not tie; a confident model of 5,000 rows; the four rows where 0.3 and
0.30000001 must not tie; rows of weight 0 (scikit-learn ignores them in the curves and counts them for nothing);
and 20,000 weighted rows with tied scores and real-valued weights, whose cumulative weights once made the curves
fail. For the binary sets the JSON also holds the operating points of every distinct score (with nonzero weight)
from scikit-learn's _binary_clf_curve, the function beneath roc_curve and precision_recall_curve.
"""

import csv
import json
import math
from pathlib import Path

import numpy as np
import scipy
import sklearn
from scipy.stats import norm
from scipy.special import expit
from sklearn import metrics
from sklearn.metrics._ranking import _binary_clf_curve

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "mlgates-core" / "src" / "test" / "resources" / "io" / "mlgates" / "core" / "metrics" / "sklearn"
LEVEL = 0.95
BINS = 10


def fmt(x):
    """The shortest text that reads back to the same double."""
    return repr(float(x))


def write_csv(name, header, rows):
    path = OUT / name
    with path.open("w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    return path


def read_csv(path):
    with path.open() as f:
        return list(csv.DictReader(f))


def wilson(p, n):
    if n == 0:
        return None
    z = norm.ppf((1 + LEVEL) / 2)
    d = 1 + z * z / n
    center = (p + z * z / (2 * n)) / d
    half = z / d * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    low = 0.0 if p == 0 else max(0.0, center - half)
    high = 1.0 if p == 1 else min(1.0, center + half)
    return [low, high]


def kish(w):
    w = np.asarray(w, dtype=float)
    return float(w.sum() ** 2 / (w * w).sum()) if len(w) else 0.0


def delong(y, s):
    pos = s[y == 1]
    neg = s[y == 0]
    psi = (pos[:, None] > neg[None, :]) + 0.5 * (pos[:, None] == neg[None, :])
    auc = psi.mean()
    se = math.sqrt(psi.mean(axis=1).var(ddof=1) / len(pos) + psi.mean(axis=0).var(ddof=1) / len(neg))
    z = norm.ppf((1 + LEVEL) / 2)
    return [max(0.0, auc - z * se), min(1.0, auc + z * se)]


def ece(y, p, w):
    b = np.minimum(np.floor(p * BINS), BINS - 1).astype(int)
    total = w.sum()
    out = 0.0
    for k in range(BINS):
        m = b == k
        wb = w[m].sum()
        if wb > 0:
            out += wb / total * abs(np.average(y[m], weights=w[m]) - np.average(p[m], weights=w[m]))
    return out


def nanaverage(values, weights=None):
    """scikit-learn's sklearn.utils.extmath._nanaverage."""
    a = np.asarray(values, dtype=float)
    mask = np.isnan(a)
    if len(a) == 0 or mask.all():
        return None
    if weights is None:
        return float(np.mean(a[~mask]))
    wts = np.asarray(weights, dtype=float)[~mask]
    try:
        return float(np.average(a[~mask], weights=wts))
    except ZeroDivisionError:
        return float(np.mean(a[~mask]))


def as_json(x):
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else float(x)


def binary_expected(y, yp, s, sw, with_curve):
    """Metrics and intervals of one binary case, and its operating points if asked; sw None for unit weights."""
    ww = np.ones(len(y)) if sw is None else sw
    m = {
        "accuracy": metrics.accuracy_score(y, yp, sample_weight=sw),
        "balanced_accuracy": metrics.balanced_accuracy_score(y, yp, sample_weight=sw),
        "precision": metrics.precision_score(y, yp, sample_weight=sw),
        "recall": metrics.recall_score(y, yp, sample_weight=sw),
        "specificity": metrics.recall_score(y, yp, pos_label=0, sample_weight=sw),
        "f1": metrics.f1_score(y, yp, sample_weight=sw),
        "roc_auc": metrics.roc_auc_score(y, s, sample_weight=sw),
        "average_precision": metrics.average_precision_score(y, s, sample_weight=sw),
        "log_loss": metrics.log_loss(y, s, sample_weight=sw),
        "brier": metrics.brier_score_loss(y, s, sample_weight=sw),
        "ece": ece(y, s, ww),
    }
    intervals = {
        "accuracy": wilson(m["accuracy"], kish(ww)),
        "precision": wilson(m["precision"], kish(ww[yp == 1])),
        "recall": wilson(m["recall"], kish(ww[y == 1])),
        "specificity": wilson(m["specificity"], kish(ww[y == 0])),
        "roc_auc": delong(y, s) if sw is None else None,
    }
    out = {"metrics": {k: as_json(v) for k, v in m.items()}, "intervals": intervals}
    if not with_curve:
        return out
    fps, tps, thresholds = _binary_clf_curve(y, s, sample_weight=sw)
    out["curve"] = {
        "threshold": thresholds.tolist(),
        "tpr": (tps / tps[-1]).tolist(),
        "fpr": (fps / fps[-1]).tolist(),
        "precision": (tps / (tps + fps)).tolist(),
    }
    return out


def binary_file(name, y, predicted, score, weight, cases=("unweighted", "weighted"), with_curve=True):
    """Writes a binary set, reads it back as the Java test will, and computes each case on what was read."""
    path = write_csv(name + ".csv", ["actual", "predicted", "score", "weight"],
                     [[a, p, fmt(s), fmt(w)] for a, p, s, w in zip(y, predicted, score, weight)])
    rows = read_csv(path)
    y = np.array([int(r["actual"]) for r in rows])
    yp = np.array([int(r["predicted"]) for r in rows])
    s = np.array([float(r["score"]) for r in rows])
    w = np.array([float(r["weight"]) for r in rows])
    assert np.array_equal(s, np.asarray(score, dtype=float)), "the CSV must hold the scores exactly"
    return {
        "data": name + ".csv",
        "options": {"confidence_level": LEVEL, "calibration_bins": BINS},
        "computed_here_not_by_sklearn": ["ece", "intervals"],
        "cases": {case: binary_expected(y, yp, s, None if case == "unweighted" else w, with_curve) for case in cases},
    }


def binary():
    rng = np.random.default_rng(20240611)
    n = 600
    y = (rng.random(n) < 0.35).astype(int)
    raw = np.where(y == 1, rng.beta(4, 2, n), rng.beta(2, 4, n))
    coarse = rng.random(n) < 0.4  # two decimals: many ties, within and across classes
    score = np.where(coarse, np.round(raw, 2), raw)  # the others at full precision
    score[:6] = [0.0, 1.0, 0.0, 1.0, 0.5, 0.5]  # certain scores, right and wrong, exercise log loss clipping
    y[:6] = [0, 1, 1, 0, 1, 0]
    # saturated scores, and pairs apart by less than single precision resolves: neither may tie
    score[6:12] = [1 - 1e-9, 1 - 2e-9, 1e-10, 3e-10, 0.7 + 1e-12, 0.7]
    y[6:12] = [1, 0, 1, 0, 1, 0]
    predicted = (score >= 0.5).astype(int)
    flip = rng.random(n) < 0.05
    predicted[flip] = 1 - predicted[flip]
    weight = rng.choice([0.5, 1, 1.5, 2, 3.25], n)
    assert len(np.unique(score)) > len(np.unique(score.astype(np.float32))), "single precision would merge scores"
    return binary_file("binary", y, predicted, score, weight)


def confident():
    """A confident model: most scores within 1e-8 of 0 or 1, where single precision rounds them to 0 and 1."""
    rng = np.random.default_rng(20240614)
    n = 5000
    y = (rng.random(n) < 0.3).astype(int)
    sign = np.where(y == 1, 1, -1)
    # one negative in twenty scored confidently wrong, though below most positives: single precision ties them all
    wrong = (rng.random(n) < 0.05) & (y == 0)
    logit = np.where(wrong, rng.normal(18.5, 0.8, n), sign * rng.normal(24, 4, n))
    score = expit(logit)
    predicted = (score >= 0.5).astype(int)
    near = (score > 1 - 1e-8) | (score < 1e-8)
    assert near.mean() > 0.5, near.mean()
    as_float = score.astype(np.float32).astype(float)
    assert metrics.average_precision_score(y, score) - metrics.average_precision_score(y, as_float) > 0.05
    print("confident: share within 1e-8 of 0 or 1 %.3f; roc_auc %.4f (as float32 %.4f); AP %.4f (as float32 %.4f)" % (
        near.mean(), metrics.roc_auc_score(y, score), metrics.roc_auc_score(y, as_float),
        metrics.average_precision_score(y, score), metrics.average_precision_score(y, as_float)))
    # its 4,000 distinct scores would make a large curve file; the other sets check the curves
    return binary_file("confident", y, predicted, score, np.ones(n), cases=("unweighted",), with_curve=False)


def four_rows():
    """0.30000001 and 0.3 are distinct doubles and must not tie (they do as floats)."""
    score = np.array([0.30000001, 0.3, 0.5, 0.2])
    y = np.array([1, 0, 0, 1])
    assert np.float32(score[0]) == np.float32(score[1])
    return binary_file("four-rows", y, (score >= 0.5).astype(int), score, np.ones(4), cases=("unweighted",))


def weight_zero():
    """Rows of weight 0 are read and weigh nothing; some scores are held only by such rows."""
    rng = np.random.default_rng(20240615)
    n = 800
    y = (rng.random(n) < 0.4).astype(int)
    score = np.where(y == 1, rng.beta(4, 2, n), rng.beta(2, 4, n))
    score = np.where(rng.random(n) < 0.5, np.round(score, 1), score)  # ties across weights 0 and not
    weight = rng.choice([0.0, 0.5, 1.0, 2.5], n, p=[0.25, 0.25, 0.25, 0.25])
    score[:4] = [0.999, 0.001, 0.999, 0.001]  # the highest and lowest scores weigh nothing
    weight[:4] = 0.0
    y[:4] = [0, 1, 1, 0]
    predicted = (score >= 0.5).astype(int)
    return binary_file("weight-zero", y, predicted, score, weight, cases=("weighted",))


def weighted_20k():
    """20,000 rows, scores tied at two decimals, real-valued weights: the shape whose cumulative weights rounded
    so that a recall went down by one unit in the last place and the curves refused it."""
    rng = np.random.default_rng(1)
    n = 20000
    y = (rng.random(n) < 0.3).astype(int)
    score = np.round(np.clip(rng.normal(0.3 + 0.4 * y, 0.2), 0, 1), 2)
    weight = rng.lognormal(0, 1, n)
    predicted = (score >= 0.5).astype(int)
    return binary_file("weighted-20k", y, predicted, score, weight)


def per_class(y, yp, labels, sw):
    """Per-class precision, recall, f1 (nan where 0/0) and support, from scikit-learn."""
    r0 = metrics.precision_recall_fscore_support(y, yp, labels=labels, average=None, sample_weight=sw,
                                                 zero_division=0)
    r1 = metrics.precision_recall_fscore_support(y, yp, labels=labels, average=None, sample_weight=sw,
                                                 zero_division=1)
    out = []
    for v0, v1 in zip(r0[:3], r1[:3]):
        v = np.array(v0, dtype=float)
        v[np.asarray(v0) != np.asarray(v1)] = np.nan
        out.append(v)
    return out[0], out[1], out[2], np.asarray(r0[3], dtype=float)


def multiclass():
    rng = np.random.default_rng(20240612)
    labels = ["cat", "dog", "bird", "fish", "lynx"]  # fish is never predicted; lynx never occurs
    n = 500
    y = rng.choice(4, n, p=[0.4, 0.3, 0.2, 0.1])
    yp = np.where(rng.random(n) < 0.7, y, rng.choice(3, n))
    yp[yp == 3] = rng.choice(3, int((yp == 3).sum()))
    weight = rng.choice([0.0, 0.25, 1, 2, 4.5], n)  # 0: counted, weighs nothing
    path = write_csv("multiclass.csv", ["actual", "predicted", "weight"],
                     [[labels[a], labels[p], fmt(w)] for a, p, w in zip(y, yp, weight)])

    rows = read_csv(path)
    y = np.array([r["actual"] for r in rows])
    yp = np.array([r["predicted"] for r in rows])
    w = np.array([float(r["weight"]) for r in rows])
    assert "fish" not in set(yp) and "fish" in set(y) and "lynx" not in set(y) | set(yp)

    cases = {}
    for case, sw in (("unweighted", None), ("weighted", w)):
        ww = np.ones(len(y)) if sw is None else w
        p, r, f, support = per_class(y, yp, labels, sw)
        m = {"accuracy": metrics.accuracy_score(y, yp, sample_weight=sw)}
        for name, values in (("precision", p), ("recall", r), ("f1", f)):
            m[name + "_macro"] = nanaverage(values)
            m[name + "_micro"] = metrics.precision_recall_fscore_support(
                y, yp, labels=labels, average="micro", sample_weight=sw)[("precision", "recall", "f1").index(name)]
            m[name + "_weighted"] = nanaverage(values, support)
        try:  # scikit-learn >= 1.3: check the averages against its own zero_division=np.nan
            for avg in ("macro", "weighted"):
                own = metrics.precision_recall_fscore_support(y, yp, labels=labels, average=avg, sample_weight=sw,
                                                              zero_division=np.nan)
                for i, name in enumerate(("precision", "recall", "f1")):
                    assert math.isclose(own[i], m[f"{name}_{avg}"], rel_tol=0, abs_tol=1e-12), (name, avg)
        except (ValueError, TypeError) as e:
            if "zero_division" not in str(e):
                raise
        intervals = {"accuracy": wilson(m["accuracy"], kish(ww))}
        for label, value in zip(labels, r):
            m[f"recall[{label}]"] = value
            intervals[f"recall[{label}]"] = None if np.isnan(value) else wilson(value, kish(ww[y == label]))
        cases[case] = {"metrics": {k: as_json(v) for k, v in m.items()}, "intervals": intervals}
    return {
        "data": "multiclass.csv",
        "classes": labels,
        "options": {"confidence_level": LEVEL, "calibration_bins": BINS},
        "computed_here_not_by_sklearn": ["macro and weighted averages over per-class values from sklearn",
                                         "intervals"],
        "cases": cases,
    }


def regression():
    rng = np.random.default_rng(20240613)
    n = 400
    target = np.round(rng.normal(50, 20, n), 3)
    target[rng.choice(n, 12, replace=False)] = 0.0  # skipped by mape, counted in mape_zero_targets
    predicted = np.round(target + rng.normal(0, 6, n), 3)
    weight = rng.choice([0.0, 0.5, 1, 1.25, 3], n)  # 0: counted, weighs nothing
    path = write_csv("regression.csv", ["target", "predicted", "weight"],
                     [[fmt(t), fmt(p), fmt(w)] for t, p, w in zip(target, predicted, weight)])

    rows = read_csv(path)
    t = np.array([float(r["target"]) for r in rows])
    p = np.array([float(r["predicted"]) for r in rows])
    w = np.array([float(r["weight"]) for r in rows])
    nz = t != 0

    cases = {}
    for case, sw in (("unweighted", None), ("weighted", w)):
        swnz = None if sw is None else sw[nz]
        m = {
            "mae": metrics.mean_absolute_error(t, p, sample_weight=sw),
            "rmse": math.sqrt(metrics.mean_squared_error(t, p, sample_weight=sw)),
            "r2": metrics.r2_score(t, p, sample_weight=sw),
            # on rows whose target is not 0, where it is our definition exactly
            "mape": metrics.mean_absolute_percentage_error(t[nz], p[nz], sample_weight=swnz),
            "mape_zero_targets": int((~nz).sum()),
        }
        cases[case] = {"metrics": {k: as_json(v) for k, v in m.items()}, "intervals": {}}
    return {
        "data": "regression.csv",
        "options": {"confidence_level": LEVEL, "calibration_bins": BINS},
        "computed_here_not_by_sklearn": ["mape_zero_targets"],
        "cases": cases,
    }


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    versions = {"sklearn": sklearn.__version__, "numpy": np.__version__, "scipy": scipy.__version__}
    for name, build in (("binary", binary), ("confident", confident), ("four-rows", four_rows),
                        ("weight-zero", weight_zero), ("weighted-20k", weighted_20k),
                        ("multiclass", multiclass), ("regression", regression)):
        doc = {"generator": "tools/sklearn_expected.py", "versions": versions}
        doc.update(build())
        with (OUT / f"{name}.json").open("w") as f:
            json.dump(doc, f, indent=2, allow_nan=False)
            f.write("\n")


if __name__ == "__main__":
    main()
