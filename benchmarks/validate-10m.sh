#!/usr/bin/env bash
# Whole-process benchmark of `mlgates validate` on a generated file of N rows (default 10 million):
# rows per second, MB per second, peak live heap (largest heap after a GC, from the JVM's GC log) and peak RSS.
# Run from the project root after `mvn -B -q package -DskipTests`. Slow: not part of the test run.
#   bash benchmarks/validate-10m.sh [ROWS] [MAX_HEAP]
set -euo pipefail
rows=${1:-10000000}
heap=${2:-512m}
here=$(cd "$(dirname "$0")" && pwd)
work="$here/data/validate-$rows"
mkdir -p "$work/model"
if [ ! -f "$work/eval/predictions.csv" ]; then
  mkdir -p "$work/eval"
  java "$here/GeneratePredictions.java" "$rows" "$work/eval/predictions.csv"
fi
echo "benchmark model file" > "$work/model/model.bin"
cp "$here/policies/validate.yaml" "$work/mlgates.yaml"
# shellcheck source=measure.sh
. "$here/measure.sh"
measure validate "$work" "$rows" "$heap"
