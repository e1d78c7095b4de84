#!/usr/bin/env bash
# Whole-process cost of the mlgates launcher's JVM options: the bundled example judged by `run` (start-up bound) and
# `validate` on a generated file of ROWS rows (throughput bound), each under /usr/bin/time -v, with
#   plain    java -jar lib/mlgates.jar                      (the JVM's defaults: G1, a quarter of the memory)
#   options  java @lib/jvm.options -jar lib/mlgates.jar      (the launcher's collector and heap, no CDS)
#   launcher bin/mlgates                                     (the same, with its class-data sharing archive)
# and, for the large file, the parallel collector. Prints one line per run: wall s, CPU (user+sys) s, peak RSS MiB.
# Run from the project root after `mvn -B -q package -DskipTests`. Slow: not part of the test run.
#   bash benchmarks/launcher.sh [RUNS] [ROWS]      # defaults: 5 1000000
set -euo pipefail
runs=${1:-5}
rows=${2:-1000000}
here=$(cd "$(dirname "$0")" && pwd)
dist="$here/../mlgates-cli/target/mlgates"
work="$here/data/launcher"
export XDG_CACHE_HOME="$work/cache"
rm -rf "$work/example" "$XDG_CACHE_HOME"
mkdir -p "$work"
cp -r "$here/../examples/credit-risk" "$work/example"
big="$here/data/validate-$rows"
if [ ! -f "$big/eval/predictions.csv" ]; then
  mkdir -p "$big/eval" "$big/model"
  java "$here/GeneratePredictions.java" "$rows" "$big/eval/predictions.csv"
fi
echo "benchmark model file" > "$big/model/model.bin"
printf 'limits:\n  - metric: roc_auc\n    min: 0.7\n' > "$big/mlgates.yaml"

measure() { # LABEL COMMAND...
  local label=$1 t
  shift
  t=$(mktemp)
  /usr/bin/time -v "$@" > /dev/null 2> "$t" || true
  awk -v label="$label" -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = (n == 3 ? p[1] * 3600 + p[2] * 60 + p[3] : p[1] * 60 + p[2]) }
    /User time/ { cpu += $2 } /System time/ { cpu += $2 } /Maximum resident/ { rss = $2 / 1024 }
    END { printf "%-22s wall %6.2f s  cpu %6.2f s  rss %5.0f MiB\n", label, wall, cpu, rss }' "$t"
  rm -f "$t"
}

jar="$dist/lib/mlgates.jar"
# The launcher writes its archive on its first gate run: make it before measuring.
rm -rf "$work/example/.mlgates"
"$dist/bin/mlgates" run "$work/example" > /dev/null 2>&1 || true
for i in $(seq "$runs"); do
  for variant in plain options launcher; do
    rm -rf "$work/example/.mlgates"
    case $variant in
      plain) measure "run example: $variant" java -jar "$jar" run "$work/example" ;;
      options) measure "run example: $variant" java @"$dist/lib/jvm.options" -jar "$jar" run "$work/example" ;;
      launcher) measure "run example: $variant" "$dist/bin/mlgates" run "$work/example" ;;
    esac
  done
done
for i in $(seq "$runs"); do
  measure "validate $rows: plain" java -jar "$jar" validate --policy "$big/mlgates.yaml" --format json
  measure "validate $rows: parallel" java @"$dist/lib/jvm.options" -XX:-UseSerialGC -XX:+UseParallelGC \
    -jar "$jar" validate --policy "$big/mlgates.yaml" --format json
  measure "validate $rows: launcher" "$dist/bin/mlgates" validate --policy "$big/mlgates.yaml" --format json
done
