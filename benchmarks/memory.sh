#!/usr/bin/env bash
# One whole-process run of `mlgates validate` or `mlgates ethics` with a given heap, for the figures of
# benchmarks/RESULTS.md, "Exact ranks in bounded memory". Prints one tab-separated line: gate, rows, heap, wall s,
# CPU s (user + sys), peak RSS MiB, peak temporary disk MiB (the spilled runs), runs left behind, load average before
# and after, exit code, roc_auc.
#
# Usage (from the project root, after mvn -B -q package -DskipTests):
#   bash benchmarks/memory.sh validate|ethics DIR HEAP [JVM OPTION...]
# MLGATES_BIN chooses another build's bin/mlgates. DIR holds mlgates.yaml (benchmarks/policies/*.yaml concatenated) and eval/predictions.csv
# (java benchmarks/GeneratePredictions.java ROWS DIR/eval/predictions.csv DECIMALS).
set -euo pipefail
gate=$1 dir=$2 heap=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)
mlgates=${MLGATES_BIN:-"$here/../mlgates-cli/target/mlgates/bin/mlgates"}
spill="$dir/spill-tmp"
rm -rf "$spill" "$dir/out-$gate"
mkdir -p "$spill"
load() { cut -d' ' -f1-3 /proc/loadavg; }
before=$(load)
# the temporary folder's size, sampled while the gate runs
( set +e; peak=0; while :; do s=$(du -sb "$spill" 2>/dev/null | cut -f1); [ "${s:-0}" -gt "$peak" ] && peak=$s
  echo "$peak" > "$dir/spill-peak"; sleep 0.2; done ) &
poller=$!
args=(--policy "$dir/mlgates.yaml" --out "$dir/out-$gate")
[ "$gate" = ethics ] && args+=(--sensitive 'region,age_band,region&age_band')
set +e
MLGATES_OPTS="-Xmx$heap -Djava.io.tmpdir=$spill $*" /usr/bin/time -v "$mlgates" "$gate" "${args[@]}" \
  > "$dir/$gate.out" 2> "$dir/$gate.time"
code=$?
set -e
kill "$poller" 2>/dev/null || true; wait "$poller" 2>/dev/null || true
after=$(load)
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$dir/$gate.time")
cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.2f", u + s }' "$dir/$gate.time")
rss=$(awk -F': ' '/Maximum resident/ { printf "%d", $2 / 1024 }' "$dir/$gate.time")
rows=$(($(wc -l < "$dir/eval/predictions.csv") - 1))
auc=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["metrics"]["roc_auc"].get("value"))' \
  "$dir/out-$gate/$gate.json" 2>/dev/null || echo -)
left=$(find "$spill" -mindepth 1 | wc -l)
printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$gate" "$rows" "$heap" "$wall" "$cpu" "$rss" \
  "$(( $(cat "$dir/spill-peak") / 1048576 ))" "$left" "$before" "$after" "$code" "$auc"
rm -rf "$spill"
