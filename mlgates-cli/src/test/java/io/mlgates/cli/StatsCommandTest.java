package io.mlgates.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgates.core.metrics.BinaryAccumulator;
import io.mlgates.core.metrics.MetricOptions;
import io.mlgates.core.metrics.MetricValue;
import io.mlgates.core.metrics.ScoreBudget;
import io.mlgates.core.stats.Statistics;
import io.mlgates.core.stats.StatisticsFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsCommandTest {
    @TempDir
    Path tmp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(TestEnvironment.FIXED, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    @DisplayName("mlgates stats writes the example's statistics, and their metrics are the validation gate's, bit for bit")
    void statsOfTheExampleGiveTheGatesMetrics() throws Exception {
        Path repo = ExampleRepository.copyInto(tmp);
        Path results = tmp.resolve("results");
        Path stats = tmp.resolve("stats/example.json");
        assertThat(run("validate", "--policy", repo.resolve("mlgates.yaml").toString(), "--out",
                results.toString())).as(err.toString()).isZero();
        assertThat(run("stats", "--policy", repo.resolve("mlgates.yaml").toString(), "--out", stats.toString()))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("mlgates stats: 300 rows of");
        assertThat(Files.list(stats.getParent())).as("no temporary file left").hasSize(1);

        Statistics read = StatisticsFiles.readAll(List.of(stats), List.of("example.json"), ScoreBudget.defaults(),
                10_000, new java.util.ArrayList<>());
        assertThat(read.rows()).isEqualTo(300);
        assertThat(read.sliceColumns()).contains("age_band");
        assertThat(read.fairness()).isPresent();
        BinaryAccumulator overall = read.binary().orElseThrow();
        Map<String, MetricValue> metrics = overall.compute(new MetricOptions(0.95, overall.calibrationBins()));
        JsonNode gate = new ObjectMapper().readTree(results.resolve("validate.json").toFile()).get("metrics");
        for (String name : List.of("accuracy", "recall", "roc_auc", "average_precision", "log_loss", "brier", "ece")) {
            assertThat(metrics.get(name).value().getAsDouble()).as(name)
                    .isEqualTo(gate.get(name).get("value").asDouble());
        }
    }

    @Test
    @DisplayName("a bad prediction file is exit 2 with its file and line, and no statistics file is written")
    void badRowsAreBadInput() throws Exception {
        Path csv = tmp.resolve("p.csv");
        Files.writeString(csv, "label,score\n1,0.9\n0,oops\n");
        Files.writeString(tmp.resolve("mlgates.yaml"), "");
        Path stats = tmp.resolve("s.json");
        assertThat(run("stats", csv.toString(), "--policy", tmp.resolve("mlgates.yaml").toString(), "--out",
                stats.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("p.csv:3");
        assertThat(stats).doesNotExist();
    }

    @Test
    @DisplayName("validate --stats and ethics --stats judge shards of the example's statistics: the verdicts, metrics"
            + " and checks of the rows; the terminal, JSON and JUnit XML say statistics were judged")
    void gatesJudgeStatistics() throws Exception {
        Path repo = ExampleRepository.copyInto(tmp);
        String policy = repo.resolve("mlgates.yaml").toString();
        List<String> lines = Files.readAllLines(repo.resolve("eval/predictions.csv"));
        List<String> shards = new java.util.ArrayList<>();
        int[] bounds = {0, 120, 300};
        for (int i = 0; i < 2; i++) {
            Path csv = tmp.resolve("part-" + i + ".csv");
            List<String> part = new java.util.ArrayList<>(List.of(lines.get(0)));
            part.addAll(lines.subList(1 + bounds[i], 1 + bounds[i + 1]));
            Files.write(csv, part);
            Path stats = tmp.resolve("stats/part-" + i + ".json");
            assertThat(run("stats", csv.toString(), "--policy", policy, "--out", stats.toString()))
                    .as(err.toString()).isZero();
            shards.add(stats.toString());
        }
        for (String gate : List.of("validate", "ethics")) {
            Path rows = tmp.resolve("rows-" + gate);
            Path statistics = tmp.resolve("stats-" + gate);
            assertThat(run(gate, "--policy", policy, "--out", rows.toString())).as(err.toString()).isZero();
            out.getBuffer().setLength(0);
            List<String> args = new java.util.ArrayList<>(List.of(gate, "--policy", policy, "--out",
                    statistics.toString(), "--stats"));
            args.addAll(shards);
            assertThat(run(args.toArray(String[]::new))).as(err.toString()).isZero();
            assertThat(out.toString()).contains("statistics " + shards.get(0) + ", " + shards.get(1) + ": 300 rows");

            ObjectMapper json = new ObjectMapper();
            JsonNode fromRows = json.readTree(rows.resolve(gate + ".json").toFile());
            JsonNode fromStats = json.readTree(statistics.resolve(gate + ".json").toFile());
            assertThat(fromStats.get("status")).isEqualTo(fromRows.get("status"));
            assertThat(fromStats.get("metrics")).isEqualTo(fromRows.get("metrics"));
            assertThat(fromStats.get("candidate")).isEqualTo(fromRows.get("candidate"));
            assertThat(fromStats.get("fairness")).isEqualTo(fromRows.get("fairness"));
            assertThat(fromStats.at("/data/source").asText()).isEqualTo("statistics");
            assertThat(fromRows.at("/data/source").asText()).isEqualTo("rows");
            assertThat(fromStats.at("/inputs/0/role").asText()).isEqualTo("statistics");
            assertThat(fromStats.at("/inputs/1/role").asText()).isEqualTo("statistics");
            String junit = Files.readString(statistics.resolve("TEST-mlgates-" + gate + ".xml"));
            assertThat(junit).contains("<property name=\"statistics:" + shards.get(0) + "\" value=\"sha256:");
        }
    }

    @Test
    @DisplayName("--stats is exit 2 with --predictions, with a column option, and for statistics of other rules")
    void statisticsThatDoNotFitAreBadInput() throws Exception {
        Path repo = ExampleRepository.copyInto(tmp);
        String policy = repo.resolve("mlgates.yaml").toString();
        Path csv = repo.resolve("eval/predictions.csv");
        Path stats = tmp.resolve("s.json");
        Path lax = tmp.resolve("lax.yaml");
        Files.writeString(lax, Files.readString(repo.resolve("mlgates.yaml")).replaceAll("(?s)\nslices:.*?\nbaseline:",
                "\nbaseline:"));
        assertThat(run("stats", csv.toString(), "--policy", lax.toString(), "--out", stats.toString()))
                .as(err.toString()).isZero();
        assertThat(run("validate", "--policy", policy, "--stats", stats.toString())).isEqualTo(2);
        assertThat(err.toString()).containsPattern(java.util.regex.Pattern.quote(stats.toString())
                + ":1:[0-9]+: at /slices: expected the slice column 'age_band'");
        err.getBuffer().setLength(0);
        assertThat(run("validate", "--policy", policy, "--stats", stats.toString(), "--predictions", csv.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("give --stats or --predictions, not both");
        err.getBuffer().setLength(0);
        assertThat(run("ethics", "--policy", policy, "--stats", stats.toString(), "--label-column", "y")).isEqualTo(2);
        assertThat(err.toString()).contains("apply to a prediction file only");
    }
}
