#!/usr/bin/python3
"""Expected drift of DataDriftGateTest's small repository, from scipy (Debian's python3-scipy).

The test builds the same rows: a reference of 200 rows and 100 current rows whose ages are shifted by 15 years.
Run: /usr/bin/python3 tools/drift_gate_expected.py
"""
from scipy.stats import ks_2samp

reference_age = [20 + (i * 7) % 41 for i in range(200)]
current_age = [35 + (i * 7) % 41 for i in range(100)]
reference_score = [((i * 37) % 100 + 0.5) / 100 for i in range(200)]
current_score = [((i * 37) % 100 + 0.5) / 100 for i in range(100)]

age = ks_2samp(reference_age, current_age)  # two-sided, method 'auto', as Evidently calls it
score = ks_2samp(reference_score, current_score)
print(f"age: ks statistic {age.statistic!r}, p-value {age.pvalue!r}")
print(f"score: ks statistic {score.statistic!r}, p-value {score.pvalue!r}")

# The credit-risk example (CreditRiskExampleTest): credit_history, the training part against the held-out rows,
# chi-square with expected frequencies from the reference's proportions, as Evidently's chisquare_stattest.
import csv
from pathlib import Path
from scipy.stats import chisquare

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "credit-risk"
with open(EXAMPLE / "data" / "train.csv", encoding="utf-8") as f:
    reference = [r["credit_history"] for r in csv.DictReader(f)]
with open(EXAMPLE / "eval" / "features.csv", encoding="utf-8") as f:
    current = [r["credit_history"] for r in csv.DictReader(f)]
keys = sorted(set(reference) | set(current))
observed = [current.count(k) for k in keys]
expected = [reference.count(k) / len(reference) * len(current) for k in keys]
history = chisquare(observed, expected)
print(f"credit-risk credit_history: chisquare statistic {history.statistic!r}, p-value {history.pvalue!r}")
