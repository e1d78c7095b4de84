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
}
