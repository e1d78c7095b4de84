#!/usr/bin/env bash
# Whole-process benchmark of the drift checks: `mlgates validate` over N rows (default 10 million) with 20 input
# columns, judged against a saved reference profile (`mlgates profile`, made once from 1 million reference rows and
# not timed): rows per second, peak live heap and peak RSS.
# Run from the project root after `mvn -B -q package -DskipTests`. Slow: not part of the test run.
#   bash benchmarks/drift.sh [ROWS] [MAX_HEAP]
set -euo pipefail
rows=${1:-10000000}
heap=${2:-512m}
here=$(cd "$(dirname "$0")" && pwd)
work="$here/data/drift-$rows"
jar="$here/../mlgates-cli/target/mlgates.jar"
mkdir -p "$work/model" "$work/eval" "$work/data"
if [ ! -f "$work/eval/predictions.csv" ]; then
  java "$here/GenerateFeatures.java" "$rows" "$work/eval/predictions.csv" 0.1 20261204
fi
if [ ! -f "$work/data/reference-profile.json" ]; then
  java "$here/GenerateFeatures.java" 1000000 "$work/data/reference.csv" 0 20261203
  java -jar "$jar" profile --data "$work/data/reference.csv" --out "$work/data/reference-profile.json"
fi
echo "benchmark model file" > "$work/model/model.bin"
cp "$here/policies/drift.yaml" "$work/mlgates.yaml"
# shellcheck source=measure.sh
. "$here/measure.sh"
measure validate "$work" "$rows" "$heap"
