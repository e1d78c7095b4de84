#!/usr/bin/env bash
# Whole-process cost of the second gate step of a Jenkins build (mlEthicsGate after mlValidate) on a generated file
# of N rows (default 1 million): judging the statistics the first step kept (the plugin's one parse for both gates)
# against reading the rows again. The first step (validate, which reads the rows and keeps the statistics) runs
# once; then the second step runs with and without the kept statistics, alternating, three times each, each under
# /usr/bin/time -v. FIRST=ethics runs the other order (mlValidate second); DECIMALS rounds the scores (default 6:
# nearly a distinct score per row; 2: 101 distinct scores). Run from the project root after
# `mvn -B -q package -DskipTests`. Not part of the test run.
#   bash benchmarks/shared-step.sh [ROWS] [MAX_HEAP] [FIRST] [DECIMALS]
set -euo pipefail
rows=${1:-1000000}
heap=${2:-512m}
first=${3:-validate}
decimals=${4:-6}
second=$([ "$first" = validate ] && echo ethics || echo validate)
here=$(cd "$(dirname "$0")" && pwd)
lib="$here/../mlgates-cli/target/mlgates/lib/*"
work="$here/data/shared-$rows-$decimals"
mkdir -p "$work/repo/model" "$work/repo/eval" "$work/classes"
if [ ! -f "$work/repo/eval/predictions.csv" ]; then
  java "$here/GeneratePredictions.java" "$rows" "$work/repo/eval/predictions.csv" "$decimals"
fi
echo "benchmark model file" > "$work/repo/model/model.bin"
# both gates' policies: slices by region and age_band, fairness by both and their intersection
cat "$here/policies/validate.yaml" "$here/policies/ethics.yaml" > "$work/repo/mlgates.yaml"
javac -cp "$lib" -d "$work/classes" "$here/SharedStep.java"
folder="$work/repo@tmp/mlgates/bench-1"
rm -rf "$work/repo@tmp"
step() {
  local gate=$1 where=$2 label=$3 timing="$work/time.txt" out
  out=$(/usr/bin/time -v java -Xmx"$heap" -cp "$work/classes:$lib" SharedStep "$gate" "$work/repo" "$where" \
    2> "$timing")
  printf '%-22s wall=%s user=%ss sys=%ss peak_rss=%s MiB  %s\n' "$label" \
    "$(grep 'Elapsed (wall clock)' "$timing" | awk '{print $NF}')" \
    "$(grep 'User time' "$timing" | awk '{print $NF}')" "$(grep 'System time' "$timing" | awk '{print $NF}')" \
    "$(( $(grep 'Maximum resident set size' "$timing" | awk '{print $NF}') / 1024 ))" "$(echo "$out" | tr '\n' ' ')"
}
step "$first" "$folder" "first step (keeps)"
ls -l "$folder"
for i in 1 2 3; do
  step "$second" "$folder" "second, reused"
  step "$second" none "second, rows read"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
