package io.mlgates.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgates.core.policy.Policy;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.report.AtomicFiles;
import io.mlgates.core.testing.FixedClock;
import io.mlgates.spark.GeneratedPredictions;
import io.mlgates.spark.LocalSparkTest;
import io.mlgates.spark.SparkStatistics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.mllib.evaluation.BinaryClassificationMetrics;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Tuple3;

/**
 * The Must-show of the Spark job: a generated Parquet table (weights, ties, two sensitive columns and their
 * intersection, a slice column) summarised by Spark in local mode is judged by {@code mlgates validate|ethics --stats}
 * exactly as {@code mlgates} judges the same rows as CSV, check by check and metric by metric; and its ROC AUC is
 * Spark MLlib's exact one. In the CLI's package, to run its commands in this JVM with a fixed clock.
 */
class SparkStatisticsJudgedTest extends LocalSparkTest {
    private static final String POLICY = """
            model:
              name: spark-equivalence
              artifacts: model
            task: binary
            predictions:
              path: eval/predictions.csv
              positive: bad
              classes: [good, bad]
            limits:
              - metric: roc_auc
                min: 0.70
                judge: bound
              - metric: recall
                min: 0.50
              - metric: average_precision
                min: 0.40
              - metric: log_loss
                max: 0.60
                severity: warn
            slices:
              - column: region
                minSize: 30
                limits:
                  - metric: roc_auc
                    min: 0.60
                  - metric: recall
                    min: 0.40
            ethics:
              fairness:
                sensitive: [sex, age_band]
                intersections:
                  - [sex, age_band]
                favourable: negative
                minGroupSize: 30
                reference:
                  sex: male
                  age_band: 25-39
                limits:
                  - metric: demographic_parity_difference
                    max: 0.10
                    judge: interval
                  - metric: equal_opportunity_difference
                    max: 0.20
            """;

    @TempDir
    Path tmp;

    private int run(StringWriter err, String... args) {
        Environment env = new Environment("tester", Map.of(), FixedClock.CLOCK);
        return Main.execute(env, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
    }

    @Test
    @DisplayName("validate and ethics judge Spark's statistics of a Parquet table as they judge its rows as CSV: every"
            + " check's status and value, every metric and interval to 1e-12; the results say Spark computed them")
    void sparkStatisticsAreJudgedAsTheRows() throws Exception {
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo.resolve("model"));
        Files.writeString(repo.resolve("model/model.bin"), "a model\n");
        Files.writeString(repo.resolve("mlgates.yaml"), POLICY);
        GeneratedPredictions rows = GeneratedPredictions.of(17, 3000);
        rows.writeCsv(repo.resolve("eval/predictions.csv"));
        Path table = tmp.resolve("table.parquet");
        rows.writeParquet(spark, table, 5);

        Policy policy = new PolicyLoader().load(repo.resolve("mlgates.yaml"), "mlgates.yaml", "repo").policy();
        Path stats = tmp.resolve("stats.json");
        try (SparkStatistics.Summary summary = SparkStatistics.summarise(spark.read().parquet(table.toString()),
                policy, "table.parquet", "parquet")) {
            AtomicFiles.write(stats, summary.statistics()::write);
        }
        JsonNode written = new ObjectMapper().readTree(stats.toFile());
        assertThat(written.path("origin").path("engine").asText()).isEqualTo("spark");
        assertThat(written.path("origin").path("rows").asLong()).isEqualTo(3000);
        long partitions = spark.read().parquet(table.toString()).rdd().getNumPartitions();
        assertThat(partitions).as("rows merged from several partitions").isGreaterThan(2);
        assertThat(written.path("origin").path("partitions").asLong()).isEqualTo(partitions);

        String yaml = repo.resolve("mlgates.yaml").toString();
        for (String gate : List.of("validate", "ethics")) {
            StringWriter err = new StringWriter();
            int fromRows = run(err, gate, "--policy", yaml, "--out", tmp.resolve("rows").toString());
            int fromStats = run(err, gate, "--policy", yaml, "--stats", stats.toString(), "--out",
                    tmp.resolve("stats").toString());
            assertThat(fromStats).as(err.toString()).isEqualTo(fromRows).isLessThan(2);
            JsonNode a = read(tmp.resolve("rows/" + gate + ".json"));
            JsonNode b = read(tmp.resolve("stats/" + gate + ".json"));
            assertThat(b.at("/status").asText()).isEqualTo(a.at("/status").asText());
            List<String> differences = new ArrayList<>();
            compare("", a.get("metrics"), b.get("metrics"), differences);
            compare("", a.get("checks"), b.get("checks"), differences);
            assertThat(differences).as(gate).allMatch(d -> d.startsWith("/0/message"), "only the data:rows message");
            assertThat(a.at("/checks/0/id").asText()).isEqualTo("data:rows");
            assertThat(b.at("/data/source").asText()).isEqualTo("statistics");
            assertThat(b.at("/data/origins/0/engine").asText()).isEqualTo("spark");
            assertThat(b.at("/data/origins/0/partitions").asLong()).isEqualTo(partitions);
            assertThat(b.at("/data/origins/0/rows").asLong()).isEqualTo(3000);
            assertThat(b.at("/checks/0/message").asText()).contains("computed by spark");
            List<String> ids = new ArrayList<>();
            a.get("checks").forEach(c -> ids.add(c.get("id").asText()));
            assertThat(ids).as("what the comparison covered").contains(gate.equals("validate")
                    ? "slice:region=north:roc_auc:min" : "fairness:sex&age_band:demographic_parity_difference:max");
        }

        // Spark MLlib's own exact ROC AUC (numBins 0: no down-sampling of the curve), weighted, on the same rows
        Dataset<Row> frame = spark.read().parquet(table.toString());
        JavaRDD<Tuple3<Object, Object, Object>> scored = frame.toJavaRDD().map(r -> new Tuple3<>(
                (Object) r.getDouble(r.fieldIndex("score")), (Object) (r.getString(r.fieldIndex("label"))
                .equals("bad") ? 1.0 : 0.0), (Object) r.getDouble(r.fieldIndex("weight"))));
        double mllib = new BinaryClassificationMetrics(scored.rdd(), 0).areaUnderROC();
        double ours = read(tmp.resolve("stats/validate.json")).at("/metrics/roc_auc/value").asDouble();
        assertThat(ours).isCloseTo(mllib, within(1e-12));
    }

    private static JsonNode read(Path file) throws Exception {
        return new ObjectMapper().readTree(file.toFile());
    }

    /** Where two results differ: numbers by more than 1e-12 (relative to 1), anything else at all. */
    private static void compare(String at, JsonNode a, JsonNode b, List<String> differences) {
        if (a == null || b == null || a.getNodeType() != b.getNodeType()) {
            differences.add(at + ": " + a + " / " + b);
            return;
        }
        if (a.isNumber()) {
            if (Math.abs(a.asDouble() - b.asDouble()) > 1e-12 * Math.max(1, Math.abs(a.asDouble()))) {
                differences.add(at + ": " + a + " / " + b);
            }
        } else if (a.isObject()) {
            List<String> names = new ArrayList<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(n -> {
                if (!names.contains(n)) {
                    names.add(n);
                }
            });
            for (String n : names) {
                compare(at + "/" + n, a.get(n), b.get(n), differences);
            }
        } else if (a.isArray()) {
            if (a.size() != b.size()) {
                differences.add(at + ": " + a.size() + " / " + b.size() + " entries");
                return;
            }
            Iterator<JsonNode> i = a.elements();
            Iterator<JsonNode> j = b.elements();
            int k = 0;
            while (i.hasNext()) {
                compare(at + "/" + k++, i.next(), j.next(), differences);
            }
        } else if (!a.equals(b)) {
            differences.add(at + ": " + a + " / " + b);
        }
    }
}
