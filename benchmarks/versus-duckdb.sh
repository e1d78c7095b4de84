#!/usr/bin/env bash
# The gates against DuckDB on the gates' own work, whole processes, alternating, medians of three.
# For each size (rows; 1M, 10M and 100M are accepted) it generates benchmarks/data/versus-ROWS/ once (label, score with
# 4 decimals so that many rows tie, region, age_band; GeneratePredictions.java, fixed seed) and runs, three rounds of
#   duckdb  DuckDB through JDBC, 2 threads: load the file (read_csv, explicit types), the per-group counts (grouping
#           sets over each group column, their intersection and all) and the exact ROC AUC (duckdb/)
#   gates   bin/mlgates validate, then bin/mlgates ethics --sensitive 'region,age_band,region&age_band' (two
#           processes: wall times summed, peak RSS the larger), as a user runs them: the second judges the
#           statistics the first kept (docs/cli.md, shared reads); the script stops if it did not
#   apart   the same two processes with MLGATES_SHARED_READS=off: each reads the rows
#   run     bin/mlgates run --no-promote (both gates and the report, from one command)
# each under /usr/bin/time -v. After every round the AUC in each validate.json must equal DuckDB's to 1e-9 and every
# group's counts in each ethics.json must equal DuckDB's, or the script stops with exit 1.
# Prints a markdown table (also written to benchmarks/data/versus-duckdb-TIME.md) for benchmarks/RESULTS.md.
# Run from anywhere after `mvn -B -q package -DskipTests`. Slow: not part of the test run.
#   bash benchmarks/versus-duckdb.sh [SIZES...]        # default: 1M 10M
#   MLGATES=/path/to/mlgates/bin/mlgates MLGATES_LABEL=before bash benchmarks/versus-duckdb.sh 10M  # another build
#   MLGATES_OPTS=-Xmx256m bash benchmarks/versus-duckdb.sh 100M    # the launcher's JVM options, recorded in the table
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
# MLGATES names another unpacked distribution's launcher (an earlier build kept for a before/after comparison)
mlgates=${MLGATES:-"$root/mlgates-cli/target/mlgates/bin/mlgates"}
rounds=${ROUNDS:-3}
threshold=0.5 # the policy's predictions.threshold (the default), used by DuckDB for the predicted positives
[ $# -gt 0 ] || set -- 1M 10M
[ -x "$mlgates" ] || { echo "no $mlgates: run mvn -B -q package -DskipTests first" >&2; exit 2; }

# The DuckDB side, outside the product's build: its own pom, whose test checks that the comparison can fail.
mvn -B -q -f "$here/duckdb/pom.xml" package
duck_cp="$here/duckdb/target/classes:$(cat "$here/duckdb/target/classpath.txt")"

rows_of() {
  case $1 in
    *[Mm]) echo $(( ${1%[Mm]} * 1000000 )) ;;
    *[Kk]) echo $(( ${1%[Kk]} * 1000 )) ;;
    *[!0-9]* | '') echo "not a size: $1 (a number of rows, or 1M, 10M, 100M)" >&2; exit 2 ;;
    *) echo "$1" ;;
  esac
}

prepare() { # WORK ROWS: the repository the gates judge, made once
  local work=$1 rows=$2 need free
  mkdir -p "$work/model" "$work/eval"
  if [ ! -f "$work/eval/predictions.csv" ]; then
    need=$(( rows * 22 / 1024 + 1048576 )) # KiB: about 20 bytes a row, and 1 GiB to spare
    free=$(df -Pk "$here/data" | awk 'NR == 2 { print $4 }')
    if [ "$free" -lt "$need" ]; then
      echo "not enough free disk for $rows rows: $free KiB free, $need KiB needed" >&2
      exit 2
    fi
    java "$here/GeneratePredictions.java" "$rows" "$work/eval/predictions.csv.part" 4
    mv "$work/eval/predictions.csv.part" "$work/eval/predictions.csv"
  fi
  echo "benchmark model file" > "$work/model/model.bin"
  # validate-10m.sh's policy (AUC, per-slice recall on both group columns) and ethics-10m.sh's (both columns and
  # their intersection), so that the figures of all three scripts are of the same judgement
  cat "$here/policies/validate.yaml" "$here/policies/ethics.yaml" > "$work/mlgates.yaml"
}

timed() { # LOG COMMAND...: runs it under /usr/bin/time -v, writes "WALL_S RSS_KIB CPU_S" to LOG.result; stops the
  # script if it fails (called directly, never in a subshell, so that its exit is the script's)
  local log=$1 start end status=0
  shift
  start=$(date +%s.%N)
  /usr/bin/time -v -o "$log.time" "$@" > "$log" 2>&1 || status=$?
  end=$(date +%s.%N)
  if [ "$status" -ne 0 ]; then
    echo "FAILED (exit $status): $*" >&2
    tail -20 "$log" >&2
    exit 1
  fi
  awk -v s="$start" -v e="$end" '/Maximum resident set size/ { rss = $NF } /(User|System) time/ { cpu += $NF }
    END { printf "%.3f %d %.2f\n", e - s, rss, cpu }' \
    "$log.time" > "$log.result"
}

agree() { # DUCK.json VALIDATE.json ETHICS.json: stops the script, loudly, when the gates and DuckDB disagree
  if ! java -cp "$duck_cp" io.mlgates.benchmarks.duckdb.Agreement "$@"; then
    echo "the gates and DuckDB disagree: not a benchmark of the same work; stopping" >&2
    exit 1
  fi
}

load() { cut -d' ' -f1-3 /proc/loadavg; }

two_gates() { # NAME OUT: validate, then ethics, as two processes; one line of results named NAME
  timed "$work/validate.log" "$mlgates" validate --policy "$work/mlgates.yaml" --out "$work/$2"
  read -r wall_v rss_v cpu_v < "$work/validate.log.result"
  timed "$work/ethics.log" "$mlgates" ethics --policy "$work/mlgates.yaml" \
    --sensitive 'region,age_band,region&age_band' --out "$work/$2"
  read -r wall_e rss_e cpu_e < "$work/ethics.log.result"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$rows" "$1" "$round" \
    "$(awk -v a="$wall_v" -v b="$wall_e" 'BEGIN { printf "%.3f", a + b }')" "$(( rss_v > rss_e ? rss_v : rss_e ))" \
    "$(awk -v a="$cpu_v" -v b="$cpu_e" 'BEGIN { printf "%.2f", a + b }')" "$wall_v" "$wall_e" >> "$results"
}

if [ -n "${MLGATES:-}" ]; then
  build="(${MLGATES_LABEL:-another build})"
else
  build="built from commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
fi
[ -z "${MLGATES_OPTS:-}" ] || build="$build, MLGATES_OPTS=$MLGATES_OPTS"
mkdir -p "$here/data"
# The launcher's class-data archive and the gates' shared reads go to a cache of the benchmark's own, not the user's.
export XDG_CACHE_HOME="$here/data/cache"
results="$here/data/versus-duckdb-$(date -u +%Y%m%dT%H%M%S).tsv"
: > "$results"
# The launcher writes its class-data sharing archive on its first gate run: make it before measuring.
prepare "$here/data/versus-warmup" 1000
# A run of both gates with their result files, so that the archive holds what every measured command loads (the
# archive is made once, by the first gate command, whichever it is).
# Its verdict on the 1,000 rows does not matter (exit 1 is a FAIL); bad input or an internal error (2, 3) does.
status=0
"$mlgates" run "$here/data/versus-warmup" --no-promote > /dev/null 2>&1 || status=$?
[ "$status" -le 1 ] || { echo "the warm-up run failed with exit $status" >&2; exit 1; }

for size in "$@"; do
  rows=$(rows_of "$size")
  work="$here/data/versus-$rows"
  prepare "$work" "$rows"
  csv="$work/eval/predictions.csv"
  cat "$csv" > /dev/null # every contender reads from the page cache
  before=$(load)
  for round in $(seq "$rounds"); do
    timed "$work/duck.log" java -cp "$duck_cp" io.mlgates.benchmarks.duckdb.DuckDbGates \
      "$csv" "$work/duck.json" 2 "$threshold"
    read -r wall rss cpu < "$work/duck.log.result"
    printf '%s\tduckdb\t%s\t%s\t%s\t%s\n' "$rows" "$round" "$wall" "$rss" "$cpu" >> "$results"
    two_gates gates out-gates
    if ! grep -q 'was not read again' "$work/ethics.log"; then
      echo "the ethics gate read the rows again instead of judging the statistics validate kept:" >&2
      tail -5 "$work/ethics.log" >&2
      exit 1
    fi
    MLGATES_SHARED_READS=off two_gates apart out-apart
    timed "$work/run.log" "$mlgates" run "$work" --no-promote
    read -r wall rss cpu < "$work/run.log.result"
    printf '%s\trun\t%s\t%s\t%s\t%s\n' "$rows" "$round" "$wall" "$rss" "$cpu" >> "$results"
    agree "$work/duck.json" "$work/out-gates/validate.json" "$work/out-gates/ethics.json"
    agree "$work/duck.json" "$work/out-apart/validate.json" "$work/out-apart/ethics.json"
    agree "$work/duck.json" "$work/.mlgates/results/validate.json" "$work/.mlgates/results/ethics.json"
    tail -4 "$results" >&2
  done
  printf '%s\tload\t%s\t%s\t%s\n' "$rows" "$before" "$(load)" "$(stat -c %s "$csv")" >> "$results"
done

python3 - "$results" "${results%.tsv}.md" "$*" \
  "$(grep -m1 engineVersion "$work/out-gates/validate.json" | cut -d'"' -f4) ${build}" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)" \
  "$(nproc)" "$(java -version 2>&1 | head -1)" "$(grep -m1 duckdbVersion "$work/duck.json" | cut -d'"' -f4)" <<'PY'
import datetime, statistics, sys
results, out, sizes, launcher, cpu, cores, java, duckdb = sys.argv[1:]
runs, loads = {}, {}
for line in open(results):
    f = line.rstrip("\n").split("\t")
    if f[1] == "load":
        loads[int(f[0])] = (f[2], f[3], int(f[4]))
    else:
        runs.setdefault((int(f[0]), f[1]), []).append((float(f[3]), int(f[4]), float(f[5]), f[6:]))
lines = [
    f"Command: `bash benchmarks/versus-duckdb.sh {sizes}`, "
    f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC. Machine: {cores} cores ({cpu.strip()}), "
    f"{java}, DuckDB {duckdb} (JDBC, 2 threads). Medians of three alternating rounds (the three in brackets). "
    f"Engine: mlgates {launcher}, through `bin/mlgates`.",
    "",
    "| rows | file | load average (1, 5, 15 min) before → after | contender | wall | rows/s | peak RSS | CPU (user + sys) | time ÷ DuckDB's |",
    "| ---: | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |",
]
names = {"gates": "`validate` + `ethics` (2 processes; the second judges the statistics the first kept)",
         "apart": "`validate` + `ethics` (2 processes, each reading the rows: `MLGATES_SHARED_READS=off`)",
         "run": "`run --no-promote`", "duckdb": "DuckDB (JDBC)"}
for rows in sorted(loads):
    before, after, size = loads[rows]
    duck = statistics.median(w for w, _, _, _ in runs[(rows, "duckdb")])
    for who in ("gates", "apart", "run", "duckdb"):
        r = runs[(rows, who)]
        wall = statistics.median(w for w, _, _, _ in r)
        rss = statistics.median(m for _, m, _, _ in r)
        cpu = statistics.median(c for _, _, c, _ in r)
        walls = " / ".join(f"{w:.2f}" for w, _, _, _ in r)
        rsss = " / ".join(f"{m / 1024:.0f}" for _, m, _, _ in r)
        first = who == "gates"
        lines.append(f"| {f'{rows:,}' if first else ''} | {f'{size / 1e6:.1f} MB' if first else ''} "
                     f"| {f'{before} → {after}' if first else ''} | {names[who]} | {wall:.2f} s ({walls}) "
                     f"| {rows / wall:,.0f} | {rss / 1024:.0f} MiB ({rsss}) | {cpu:.1f} s | {wall / duck:.2f} |")
    for who in ("gates", "apart"):
        lines.append(f"| | | | of which validate + ethics ({who}) | "
                     + " ; ".join(f"{float(v):.2f} + {float(e):.2f} s" for _, _, _, (v, e) in runs[(rows, who)])
                     + " | | | | |")
open(out, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
