#!/usr/bin/env bash
# Whole-process benchmark of `mlgates ethics` on a generated file of N rows (default 10 million) with two
# sensitive columns (region: 5 groups, age_band: 4) and their intersection (20 groups): rows per second, MB per
# second, peak live heap (largest heap after a GC, from the JVM's GC log) and peak RSS.
# Run from the project root after `mvn -B -q package -DskipTests`. Slow: not part of the test run.
#   bash benchmarks/ethics-10m.sh [ROWS] [MAX_HEAP]
set -euo pipefail
rows=${1:-10000000}
heap=${2:-512m}
here=$(cd "$(dirname "$0")" && pwd)
work="$here/data/ethics-$rows"
mkdir -p "$work/model" "$work/eval"
if [ ! -f "$work/eval/predictions.csv" ]; then
  shared="$here/data/validate-$rows/eval/predictions.csv"
  # the same generator and seed as validate-10m.sh: reuse its file when it is there
  if [ -f "$shared" ]; then
    ln "$shared" "$work/eval/predictions.csv" 2>/dev/null || cp "$shared" "$work/eval/predictions.csv"
  else
    java "$here/GeneratePredictions.java" "$rows" "$work/eval/predictions.csv"
  fi
fi
echo "benchmark model file" > "$work/model/model.bin"
cp "$here/policies/ethics.yaml" "$work/mlgates.yaml"
# shellcheck source=measure.sh
. "$here/measure.sh"
measure ethics "$work" "$rows" "$heap"
