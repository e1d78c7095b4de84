package io.mlgates.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgates.core.testing.FixedClock;
import io.mlgates.core.testing.SameDrift;
import io.mlgates.spark.LocalSparkTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drift with Spark: a policy whose drift checks read the input columns beside the predictions ({@code data.reference},
 * no {@code data.current}) judged on the rows as CSV, on {@code mlgates stats} of them, and on {@code mlgates-spark}
 * of the same rows as a typed Parquet table (integers, doubles, booleans, text with nulls) gives the same drift
 * checks, statistic by statistic. In the CLI's package, to run its commands in this JVM with a fixed clock.
 */
class SparkDriftJudgedTest extends LocalSparkTest {
    private static final String POLICY = """
            model:
              name: spark-drift
              artifacts: model
            task: binary
            predictions:
              path: eval/predictions.csv
              positive: bad
              classes: [good, bad]
            limits:
              - metric: roc_auc
                min: 0.5
            data:
              reference: data/reference.csv
            drift:
              overrides:
                months: {method: psi}
            """;
    private static final StructType SCHEMA = new StructType()
            .add("label", DataTypes.StringType, false)
            .add("score", DataTypes.DoubleType, false)
            .add("age", DataTypes.IntegerType, true)
            .add("income", DataTypes.DoubleType, true)
            .add("months", DataTypes.LongType, false)
            .add("purpose", DataTypes.StringType, true)
            .add("owner", DataTypes.BooleanType, false);
    private static final String[] PURPOSES = {"car", "radio", "education", "business"};

    @TempDir
    Path tmp;

    private int run(StringWriter err, String... args) {
        Environment env = new Environment("tester", Map.of(), FixedClock.CLOCK);
        return Main.execute(env, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
    }

    /** Rows of held-out predictions whose inputs drift from the reference's by {@code shift} (years of age). */
    private static List<Row> rows(long seed, int n, int shift) {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean bad = random.nextDouble() < 0.3;
            double score = Math.round(Math.min(1, Math.max(0, random.nextGaussian() * 0.2 + (bad ? 0.6 : 0.35)))
                    * 100) / 100.0;
            rows.add(RowFactory.create(bad ? "bad" : "good", score,
                    random.nextInt(20) == 0 ? null : 20 + shift + random.nextInt(45),
                    random.nextInt(50) == 0 ? null : Math.round(random.nextGaussian() * 8000 + 30000) / 4.0,
                    (long) (12 + 6 * random.nextInt(4)),
                    random.nextInt(25) == 0 ? null : PURPOSES[random.nextInt(PURPOSES.length)],
                    random.nextInt(3) == 0));
        }
        return rows;
    }

    /** The rows as CSV, each value as Java spells it (the text the job hands the core's reader); null as empty. */
    private static void writeCsv(List<Row> rows, Path file) throws Exception {
        StringBuilder csv = new StringBuilder(String.join(",", SCHEMA.fieldNames())).append('\n');
        for (Row r : rows) {
            for (int i = 0; i < r.size(); i++) {
                csv.append(i == 0 ? "" : ",").append(r.isNullAt(i) ? "" : String.valueOf(r.get(i)));
            }
            csv.append('\n');
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv);
    }

    private static JsonNode read(Path file) throws Exception {
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    @DisplayName("drift judged on the rows, on mlgates stats and on mlgates-spark of a Parquet table of the same rows:"
            + " the same columns, methods, statistics, p-values, checks and verdict")
    void sparkProfilesJudgeTheDriftOfTheRows() throws Exception {
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo.resolve("model"));
        Files.writeString(repo.resolve("model/model.bin"), "a model\n");
        Files.writeString(repo.resolve("mlgates.yaml"), POLICY);
        writeCsv(rows(3, 1500, 0), repo.resolve("data/reference.csv"));
        List<Row> heldOut = rows(11, 2000, 4);
        writeCsv(heldOut, repo.resolve("eval/predictions.csv"));
        Path table = tmp.resolve("table.parquet");
        spark.createDataFrame(heldOut, SCHEMA).repartition(5).write().parquet(table.toString());
        long partitions = spark.read().parquet(table.toString()).rdd().getNumPartitions();
        assertThat(partitions).as("profiles merged from several partitions").isGreaterThan(2);

        String yaml = repo.resolve("mlgates.yaml").toString();
        StringWriter err = new StringWriter();
        assertThat(run(err, "validate", "--policy", yaml, "--out", tmp.resolve("rows").toString())).as(err.toString())
                .isLessThan(2);
        Path cliStats = tmp.resolve("cli-stats.json");
        assertThat(run(err, "stats", "--policy", yaml, "--out", cliStats.toString())).as(err.toString()).isZero();
        // mlgates-spark itself, last: it stops the session when done
        Path sparkStats = tmp.resolve("spark-stats.json");
        ByteArrayOutputStream sparkErr = new ByteArrayOutputStream();
        int job = io.mlgates.spark.SparkJob.run(new String[] {"--policy", yaml, "--input", table.toString(),
                "--out", sparkStats.toString()}, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(sparkErr, true, StandardCharsets.UTF_8), Map.of());
        assertThat(job).as(sparkErr.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(read(sparkStats).at("/profile/rows").asLong()).isEqualTo(2000);
        assertThat(read(sparkStats).at("/origin/partitions").asLong()).isEqualTo(partitions);

        JsonNode rows = read(tmp.resolve("rows/validate.json"));
        List<String> ids = SameDrift.checks(rows).stream().map(c -> c.get("id").asText()).toList();
        assertThat(ids).as("what the comparison covers").containsExactly("drift:age", "drift:income", "drift:months",
                "drift:purpose", "drift:owner", "drift:score", "drift:prediction", "drift:dataset");
        for (Path stats : List.of(cliStats, sparkStats)) {
            String folder = tmp.resolve("judged-" + stats.getFileName()).toString();
            assertThat(run(err, "validate", "--policy", yaml, "--stats", stats.toString(), "--out", folder))
                    .as(err.toString()).isLessThan(2);
            SameDrift.assertSame(rows, read(Path.of(folder, "validate.json")));
        }
        assertThat(rows.at("/drift/columns/age/drifted").asBoolean()).as("the shifted ages drift").isTrue();
        assertThat(rows.at("/drift/columns/income/method").asText()).isEqualTo("wasserstein");
        assertThat(rows.at("/drift/columns/months/method").asText()).isEqualTo("psi");
    }
}
