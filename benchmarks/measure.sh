# Sourced by the *-10m.sh benchmarks: runs one mlgates gate as a whole process and prints rows/s, MB/s, peak live
# heap (largest heap after a GC, from the JVM's GC log) and peak RSS (/usr/bin/time -v).
#   measure GATE WORK_DIR ROWS MAX_HEAP
measure() {
  local gate=$1 work=$2 rows=$3 heap=$4
  local jar="$here/../mlgates-cli/target/mlgates.jar"
  local bytes log timing start end status rss_kb peak_live
  bytes=$(stat -c %s "$work/eval/predictions.csv")
  log="$work/gc.log"
  timing="$work/time.txt"
  start=$(date +%s.%N)
  /usr/bin/time -v java -Xmx"$heap" -Xlog:gc:file="$log" -jar "$jar" "$gate" --policy "$work/mlgates.yaml" \
    --format json > "$work/result.json" 2> "$timing" || true
  end=$(date +%s.%N)
  status=$(grep -m1 '"status"' "$work/result.json" || echo "no result")
  rss_kb=$(grep 'Maximum resident set size' "$timing" | awk '{print $NF}')
  peak_live=$(grep -oE '[0-9]+M->[0-9]+M' "$log" | sed -E 's/.*->([0-9]+)M/\1/' | sort -n | tail -1)
  python3 - "$rows" "$bytes" "$start" "$end" "${rss_kb:-0}" "${peak_live:-0}" "$heap" "$status" <<'PY'
import sys
rows, size, start, end, rss, live, heap, status = sys.argv[1:]
secs = float(end) - float(start)
print(f"rows={int(rows):,} file={int(size)/1e6:.1f} MB wall={secs:.2f} s "
      f"rows/s={int(rows)/secs:,.0f} MB/s={int(size)/1e6/secs:.1f} "
      f"peak_live_heap={live} MiB (-Xmx{heap}) peak_rss={int(rss)/1024:.0f} MiB  {status.strip()}")
PY
}
