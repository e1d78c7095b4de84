#!/usr/bin/env python3
"""scikit-learn's values for the credit-risk example's held-out predictions.

Writes mlgates-core/src/test/resources/io/mlgates/core/gate/credit-risk-sklearn.json, which
CreditRiskExampleTest compares with what the validation gate computes on examples/credit-risk (within 1e-9).
The output is committed; run again only when the example's predictions change:

    /usr/bin/python3 tools/credit_risk_expected.py     # Debian's python3-sklearn

ece is not in scikit-learn: it is computed here by its definition in docs/metrics.md (10 equal-width bins).
"""

import csv
import json
from pathlib import Path

import numpy as np
import sklearn
from sklearn import metrics

ROOT = Path(__file__).resolve().parent.parent
PREDICTIONS = ROOT / "examples" / "credit-risk" / "eval" / "predictions.csv"
OUT = ROOT / "mlgates-core" / "src" / "test" / "resources" / "io" / "mlgates" / "core" / "gate" / "credit-risk-sklearn.json"

with PREDICTIONS.open(newline="") as f:
    rows = list(csv.DictReader(f))
y = np.array([1 if r["label"] == "bad" else 0 for r in rows])
p = np.array([float(r["score"]) for r in rows])
pred = np.array([1 if r["prediction"] == "bad" else 0 for r in rows])

bins = 10
idx = np.minimum(np.floor(p * bins).astype(int), bins - 1)
ece = sum((idx == b).sum() / len(p) * abs(y[idx == b].mean() - p[idx == b].mean())
          for b in range(bins) if (idx == b).any())

expected = {
    "generator": "tools/credit_risk_expected.py",
    "sklearn": sklearn.__version__,
    "rows": len(rows),
    "metrics": {
        "accuracy": metrics.accuracy_score(y, pred),
        "balanced_accuracy": metrics.balanced_accuracy_score(y, pred),
        "precision": metrics.precision_score(y, pred),
        "recall": metrics.recall_score(y, pred),
        "specificity": metrics.recall_score(y, pred, pos_label=0),
        "f1": metrics.f1_score(y, pred),
        "roc_auc": metrics.roc_auc_score(y, p),
        "average_precision": metrics.average_precision_score(y, p),
        "log_loss": metrics.log_loss(y, p),
        "brier": metrics.brier_score_loss(y, p),
        "ece": float(ece),
    },
}
OUT.parent.mkdir(parents=True, exist_ok=True)
OUT.write_text(json.dumps(expected, indent=2) + "\n")
print(json.dumps(expected["metrics"], indent=2))
