#!/usr/bin/python3
"""Writes the credit-risk example's input data for its drift checks, from files the example already has.

- examples/credit-risk/data/train.csv: the 700 rows of the training part (the rows of data/credit-g.arff whose id,
  the 1-based row number, is not among the held-out rows of eval/predictions.csv), their 20 inputs and class;
- examples/credit-risk/eval/features.csv: the 20 inputs of the 300 held-out rows, in the order of
  eval/predictions.csv (data.current: the same rows as the predictions).

train/Train.java made the split; its held-out ids are in eval/predictions.csv, so no retraining is needed. The
reference profile is then made with the engine itself:

    /usr/bin/python3 tools/credit_risk_inputs.py
    mlgates profile --data examples/credit-risk/data/train.csv --out examples/credit-risk/data/reference-profile.json
"""
import csv
import io
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "credit-risk"


def arff_rows(path):
    names = []
    rows = []
    data = False
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("%"):
            continue
        if data:
            rows.append(next(csv.reader([stripped], quotechar="'", skipinitialspace=True)))
        elif stripped.lower().startswith("@attribute"):
            names.append(stripped.split()[1])
        elif stripped.lower() == "@data":
            data = True
    return names, rows


def write(path, header, rows):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


names, rows = arff_rows(EXAMPLE / "data" / "credit-g.arff")
assert len(rows) == 1000 and all(len(r) == len(names) for r in rows)
with open(EXAMPLE / "eval" / "predictions.csv", encoding="utf-8") as f:
    held_out = [int(r["id"]) for r in csv.DictReader(f)]
assert len(held_out) == 300 == len(set(held_out))
inputs = names[:-1]
write(EXAMPLE / "data" / "train.csv", names, [r for i, r in enumerate(rows, 1) if i not in set(held_out)])
write(EXAMPLE / "eval" / "features.csv", inputs, [rows[i - 1][:-1] for i in held_out])
print(f"train.csv: {1000 - len(held_out)} rows; features.csv: {len(held_out)} rows; {len(inputs)} inputs")
