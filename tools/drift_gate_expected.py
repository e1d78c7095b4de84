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
