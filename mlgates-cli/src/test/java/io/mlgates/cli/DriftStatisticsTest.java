package io.mlgates.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgates.core.testing.SameDrift;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drift judged on statistics: with {@code data.reference} and no {@code data.current}, {@code mlgates stats} keeps
 * the input columns' profiles, and {@code validate --stats} judges the drift checks the rows give, statistic by
 * statistic, whole or from shards; statistics without the profiles are refused. The repository is
 * DataDriftGateTest's (200 reference rows, 100 held-out rows 15 years older), whose age statistics come from scipy
 * (tools/drift_gate_expected.py).
 */
class DriftStatisticsTest {
    /** scipy.stats.ks_2samp of the ages (tools/drift_gate_expected.py). */
    private static final double AGE_KS = 0.365;
    private static final double AGE_P = 2.4702345059774793e-08;
    private static final String POLICY = "model:\n  artifacts: model\npredictions:\n  positive: \"1\"\n"
            + "  classes: [\"0\", \"1\"]\nlimits:\n  - metric: roc_auc\n    min: 0.1\ndata:\n"
            + "  reference: data/reference.csv\n";

    @TempDir
    Path repo;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(TestEnvironment.FIXED, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @BeforeEach
    void repository() throws Exception {
        StringBuilder reference = new StringBuilder("age,purpose,score,income\n");
        for (int i = 0; i < 200; i++) {
            reference.append(20 + (i * 7) % 41).append(',').append(i % 2 == 0 ? "car" : "radio").append(',')
                    .append(score(i)).append(',').append(1000 + i).append('\n');
        }
        StringBuilder predictions = new StringBuilder("label,score,age,purpose\n");
        for (int i = 0; i < 100; i++) {
            predictions.append(i % 2).append(',').append(score(i)).append(',')
                    // ages written as integers or decimals alike: the same numbers
                    .append(35 + (i * 7) % 41).append(i % 3 == 0 ? ".0" : "").append(',')
                    .append(i % 2 == 0 ? "car" : "radio").append('\n');
        }
        Files.createDirectories(repo.resolve("eval"));
        Files.createDirectories(repo.resolve("data"));
        Files.createDirectories(repo.resolve("model"));
        Files.writeString(repo.resolve("model/model.bin"), "a model\n");
        Files.writeString(repo.resolve("data/reference.csv"), reference);
        Files.writeString(repo.resolve("eval/predictions.csv"), predictions);
        Files.writeString(repo.resolve("mlgates.yaml"), POLICY);
    }

    private static String score(int i) {
        return Double.toString(((i * 37) % 100 + 0.5) / 100);
    }

    private JsonNode validate(String folder, String... stats) throws Exception {
        List<String> args = new ArrayList<>(List.of("validate", "--policy", repo.resolve("mlgates.yaml").toString(),
                "--out", repo.resolve(folder).toString()));
        for (String s : stats) {
            args.add("--stats");
            args.add(s);
        }
        assertThat(run(args.toArray(new String[0]))).as(err.toString()).isLessThan(2);
        return new ObjectMapper().readTree(repo.resolve(folder + "/validate.json").toFile());
    }

    private String stats(Path predictions, String name) {
        String file = repo.resolve(name).toString();
        assertThat(run("stats", predictions.toString(), "--policy", repo.resolve("mlgates.yaml").toString(), "--out",
                file)).as(err.toString()).isZero();
        return file;
    }

    @Test
    @DisplayName("validate --stats judges drift from the statistics' profiles as validate does from the rows: the"
            + " input columns (scipy's KS on the ages), the model's score and decisions, the data set")
    void statisticsCarryTheDriftOfTheRows() throws Exception {
        JsonNode rows = validate("rows");
        String stats = stats(repo.resolve("eval/predictions.csv"), "stats.json");
        assertThat(out.toString()).contains("with the profiles of 2 input columns for the drift checks");
        JsonNode fromStats = validate("stats", stats);

        SameDrift.assertSame(rows, fromStats);
        assertThat(fromStats.get("metrics")).as("the statistics read with the profiles").isEqualTo(rows.get("metrics"));
        List<String> ids = SameDrift.checks(fromStats).stream().map(c -> c.get("id").asText()).toList();
        assertThat(ids).containsExactly("drift:age", "drift:purpose", "drift:score", "drift:prediction",
                "drift:dataset");
        JsonNode age = fromStats.at("/drift/columns/age");
        assertThat(age.at("/statistic").asDouble()).isCloseTo(AGE_KS, within(1e-12));
        assertThat(age.at("/pValue").asDouble()).isCloseTo(AGE_P, within(AGE_P * 1e-6));
        assertThat(fromStats.at("/data/source").asText()).isEqualTo("statistics");
    }

    @Test
    @DisplayName("statistics of shards of the rows, merged, judge the same drift")
    void shardsJudgeTheSameDrift() throws Exception {
        List<String> lines = Files.readAllLines(repo.resolve("eval/predictions.csv"));
        List<String> files = new ArrayList<>();
        int[] cuts = {1, 38, 39, 101};
        for (int i = 0; i + 1 < cuts.length; i++) {
            Path shard = repo.resolve("shard-" + i + ".csv");
            List<String> part = new ArrayList<>(List.of(lines.get(0)));
            part.addAll(lines.subList(cuts[i], cuts[i + 1]));
            Files.write(shard, part);
            files.add(stats(shard, "shard-" + i + ".json"));
        }
        JsonNode rows = validate("rows");
        SameDrift.assertSame(rows, validate("shards", files.get(2), files.get(0), files.get(1)));
    }

    @Test
    @DisplayName("statistics without the input columns' profiles are refused under a policy with drift checks,"
            + " naming the file and what to do; a file with them does not merge with one without")
    void statisticsWithoutProfilesAreRefused() throws Exception {
        Files.writeString(repo.resolve("mlgates.yaml"), POLICY.substring(0, POLICY.indexOf("data:")));
        String plain = stats(repo.resolve("eval/predictions.csv"), "plain.json");
        assertThat(new ObjectMapper().readTree(Path.of(plain).toFile()).has("profile")).isFalse();
        Files.writeString(repo.resolve("mlgates.yaml"), POLICY);

        assertThat(run("validate", "--policy", repo.resolve("mlgates.yaml").toString(), "--stats", plain, "--out",
                repo.resolve("refused").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("plain.json:1:").contains("at /profile: expected the current data's"
                + " column profiles (\"profile\"), which the policy's drift checks need").contains("mlgates stats");

        String profiled = stats(repo.resolve("eval/predictions.csv"), "profiled.json");
        assertThat(run("validate", "--policy", repo.resolve("mlgates.yaml").toString(), "--stats", profiled,
                "--stats", plain, "--out", repo.resolve("refused").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("plain.json:1: cannot merge with profiled.json: this file holds no"
                + " column profiles of the current data");
    }
}
