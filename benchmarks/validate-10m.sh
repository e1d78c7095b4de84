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
cat > "$work/mlgates.yaml" <<'YAML'
limits:
  - metric: roc_auc
    min: 0.7
slices:
  - column: region
    limits:
      - metric: recall
        min: 0.3
  - column: age_band
    limits:
      - metric: recall
        min: 0.3
YAML
jar="$here/../mlgates-cli/target/mlgates.jar"
bytes=$(stat -c %s "$work/eval/predictions.csv")
log="$work/gc.log"
timing="$work/time.txt"
start=$(date +%s.%N)
/usr/bin/time -v java -Xmx"$heap" -Xlog:gc:file="$log" -jar "$jar" validate --policy "$work/mlgates.yaml" \
  --format json > "$work/result.json" 2> "$timing" || true
end=$(date +%s.%N)
status=$(grep -m1 '"status"' "$work/result.json" || echo "no result")
rss_kb=$(grep 'Maximum resident set size' "$timing" | awk '{print $NF}')
peak_live=$(grep -oE '[0-9]+M->[0-9]+M' "$log" | sed -E 's/.*->([0-9]+)M/\1/' | sort -n | tail -1)
python3 - "$rows" "$bytes" "$start" "$end" "$rss_kb" "${peak_live:-0}" "$heap" "$status" <<'PY'
import sys
rows, size, start, end, rss, live, heap, status = sys.argv[1:]
secs = float(end) - float(start)
print(f"rows={int(rows):,} file={int(size)/1e6:.1f} MB wall={secs:.2f} s "
      f"rows/s={int(rows)/secs:,.0f} MB/s={int(size)/1e6/secs:.1f} "
      f"peak_live_heap={live} MiB (-Xmx{heap}) peak_rss={int(rss)/1024:.0f} MiB  {status.strip()}")
PY
