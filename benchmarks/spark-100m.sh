#!/usr/bin/env bash
# Statistics of ROWS rows (default 100 million) computed by mlgates-spark in local mode, then judged by mlgates
# validate and ethics --stats (benchmarks/RESULTS.md, "Statistics by Spark in local mode"). Run from the project
# root after `mvn -B -q package -DskipTests`. The table is made once, in benchmarks/data/spark-ROWS/.
set -euo pipefail
rows=${1:-100000000}
dir=benchmarks/data/spark-$rows
mkdir -p "$dir/repo/model"
# A copy of the launcher and of the jars the build makes, so that a build during a long run cannot replace them
home=$dir/dist
rm -rf "$home" && cp -r mlgates-spark/target/mlgates-spark "$home"
core=$(tr ':' '\n' < mlgates-spark/target/mlgates-spark/lib/classpath.txt | grep '/mlgates-core/target/')
cp "$core" "$home/lib/mlgates-core.jar"
tr ':' '\n' < mlgates-spark/target/mlgates-spark/lib/classpath.txt | sed "s#^$core\$#$PWD/$home/lib/mlgates-core.jar#" \
  | paste -sd ':' > "$home/lib/classpath.txt"
rm -rf "$dir/mlgates" && cp -r mlgates-cli/target/mlgates "$dir/mlgates"
if [ ! -f "$dir/table.parquet/_SUCCESS" ]; then
  echo "generating $rows rows in $dir/table.parquet"
  /usr/bin/time -f "generated in %e s" java @"$home/lib/jvm.options" -Dlog4j2.configurationFile="$home/lib/log4j2.properties" \
    -cp "$(cat "$home/lib/classpath.txt")" benchmarks/GenerateSparkTable.java "$rows" "$dir/table.parquet"
fi
cp benchmarks/policies/spark.yaml "$dir/repo/mlgates.yaml"
echo "a model" > "$dir/repo/model/model.bin"
du -sh "$dir/table.parquet"
echo "load average before: $(cut -d ' ' -f 1-3 /proc/loadavg)"
/usr/bin/time -f "mlgates-spark: %e s wall, %U+%S s cpu, %M KB peak RSS" \
  "$home/bin/mlgates-spark" --policy "$dir/repo/mlgates.yaml" --input "$dir/table.parquet" --out "$dir/stats.json"
echo "load average after: $(cut -d ' ' -f 1-3 /proc/loadavg)"
ls -l "$dir/stats.json"
for gate in validate ethics; do
  /usr/bin/time -f "mlgates $gate --stats: %e s wall, %U+%S s cpu, %M KB peak RSS" \
    "$dir/mlgates/bin/mlgates" "$gate" --policy "$dir/repo/mlgates.yaml" --stats "$dir/stats.json" \
    --out "$dir/results" > "$dir/$gate.txt" || true
  grep -E "^data|verdict|roc_auc" "$dir/$gate.txt" | head -5 || true
done
