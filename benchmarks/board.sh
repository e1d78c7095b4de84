#!/usr/bin/env bash
# The release-train board's facts for MODELS models and BUILDS builds (defaults 500 and 50,000), from generated job
# folders (trend indexes, policy copies, waiting promotions) and a generated embedded SQLite registry, without
# Jenkins: time to build them cold and warm, after a change, the heap they hold, and the whole process's peak RSS.
# Run from the project root. Generates benchmarks/data/board-MODELS-BUILDS once. Not part of the test run.
#   bash benchmarks/board.sh [MODELS] [BUILDS] [MAX_HEAP]
set -euo pipefail
models=${1:-500}
builds=${2:-50000}
heap=${3:-256m}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
work="$here/data/board-$models-$builds"
mkdir -p "$work"
cp_file="$work/classpath.txt"
# compiles the plugin's tests (the benchmark is among them) and writes their class path, without installing anything
mvn -B -q -f "$root/pom.xml" -pl mlgates-plugin -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" > "$work/mvn.log" 2>&1
classpath="$root/mlgates-plugin/target/test-classes:$root/mlgates-plugin/target/classes:$(cat "$cp_file")"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -v java -Xmx"$heap" -Xlog:gc:file="$work/gc.log" -cp "$classpath" \
  io.mlgates.plugin.logic.board.BoardBenchmark "$work" "$models" "$builds" 2> "$work/time.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "peak RSS: $(( $(grep 'Maximum resident set size' "$work/time.txt" | awk '{print $NF}') / 1024 )) MiB," \
  "peak live heap (largest after a GC): $(grep -oE '[0-9]+M->[0-9]+M' "$work/gc.log" \
  | sed -E 's/.*->([0-9]+)M/\1/' | sort -n | tail -1) MiB (-Xmx$heap)," \
  "wall $(grep 'Elapsed (wall clock)' "$work/time.txt" | awk '{print $NF}')"
