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
cat > "$work/mlgates.yaml" <<'YAML'
ethics:
  fairness:
    sensitive: [region, age_band]
    intersections: [[region, age_band]]
    reference: {region: north, age_band: 25-39}
    limits:
      - metric: demographic_parity_difference
        max: 0.05
        judge: interval
      - metric: equalized_odds_difference
        max: 0.05
YAML
jar="$here/../mlgates-cli/target/mlgates.jar"
bytes=$(stat -c %s "$work/eval/predictions.csv")
log="$work/gc.log"
timing="$work/time.txt"
start=$(date +%s.%N)
/usr/bin/time -v java -Xmx"$heap" -Xlog:gc:file="$log" -jar "$jar" ethics --policy "$work/mlgates.yaml" \
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
