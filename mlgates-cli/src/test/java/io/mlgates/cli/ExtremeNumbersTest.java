package io.mlgates.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inputs that are valid but extreme, which once ended in an internal error (exit 3): weights of 1e160 and 1e-200,
 * regression values of plus and minus 1e308, a confidence level of 0.9999999999999999. Each is now computed right
 * or reported undefined with the reason; weights that add up beyond double's range are bad input at their line.
 */
class ExtremeNumbersTest {
    private static final String BINARY_POLICY = """
            model: {name: m, artifacts: model}
            task: binary
            predictions: {path: eval/predictions.csv, positive: "1", classes: ["0", "1"], columns: {weight: weight}}
            metrics: {confidenceLevel: %s}
            limits:
              - {metric: roc_auc, min: 0.5, judge: bound}
              - {metric: recall, min: 0.5, judge: bound}
            ethics:
              fairness:
                sensitive: [g]
                limits:
                  - {metric: demographic_parity_difference, max: 0.9, judge: interval}
            """;

    @TempDir
    Path repo;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private void write(String policy, String predictions) throws IOException {
        Files.createDirectories(repo.resolve("model"));
        Files.writeString(repo.resolve("model/m.bin"), "model");
        Files.createDirectories(repo.resolve("eval"));
        Files.writeString(repo.resolve("eval/predictions.csv"), predictions);
        Files.writeString(repo.resolve("mlgates.yaml"), policy);
    }

    /** 400 binary rows with weights 1 to 4 times {@code scale}, two groups. */
    private static String binaryRows(double scale) {
        Random random = new Random(5);
        StringBuilder csv = new StringBuilder("label,score,weight,g\n");
        for (int i = 0; i < 400; i++) {
            boolean positive = random.nextDouble() < 0.4;
            double s = Math.min(1, Math.max(0, (positive ? 0.65 : 0.35) + 0.25 * random.nextGaussian()));
            csv.append(positive ? 1 : 0).append(',').append(s).append(',').append((1 + random.nextInt(4)) * scale)
                    .append(',').append(random.nextBoolean() ? "a" : "b").append('\n');
        }
        return csv.toString();
    }

    private JsonNode gate(String gate) throws IOException {
        out.getBuffer().setLength(0);
        int code = run(gate, "--policy", repo.resolve("mlgates.yaml").toString(), "--format", "json");
        assertThat(code).as("exit code of %s; stderr: %s", gate, err).isIn(0, 1);
        return new ObjectMapper().readTree(out.toString());
    }

    @ParameterizedTest(name = "weights times {0} give the metrics of unit-scale weights")
    @ValueSource(doubles = {1e160, 1e-200})
    void extremeWeights(double scale) throws IOException {
        write(BINARY_POLICY.formatted("0.95"), binaryRows(1));
        JsonNode plain = gate("validate").get("metrics");
        JsonNode plainEthics = gate("ethics");
        write(BINARY_POLICY.formatted("0.95"), binaryRows(scale));
        JsonNode scaled = gate("validate").get("metrics");
        for (String metric : new String[] {"accuracy", "recall", "roc_auc", "average_precision", "log_loss", "ece"}) {
            assertThat(scaled.get(metric).get("value").asDouble()).as(metric)
                    .isCloseTo(plain.get(metric).get("value").asDouble(), within(1e-12));
        }
        assertThat(scaled.get("recall").get("ci").get(0).asDouble()).as("Kish's effective size is unchanged")
                .isCloseTo(plain.get("recall").get("ci").get(0).asDouble(), within(1e-12));
        assertThat(gate("ethics").get("status").asText()).isEqualTo(plainEthics.get("status").asText());
    }

    @Test
    @DisplayName("the largest confidence level below 1 gives finite intervals in both gates")
    void confidenceLevelJustBelowOne() throws IOException {
        write(BINARY_POLICY.formatted("0.9999999999999999"), binaryRows(1));
        JsonNode recall = gate("validate").get("metrics").get("recall").get("ci");
        assertThat(recall.get(0).asDouble()).isGreaterThan(0).isLessThan(recall.get(1).asDouble());
        assertThat(gate("ethics").get("status").asText()).isNotEqualTo("ERROR");
    }

    @Test
    @DisplayName("regression values of plus and minus 1e308 are computed right")
    void regressionValuesNearDoublesLimit() throws IOException {
        write("""
                model: {name: m, artifacts: model}
                task: regression
                predictions: {path: eval/predictions.csv}
                limits:
                  - {metric: mae, max: 1.0e308}
                """, "label,prediction\n1e308,-1e308\n-1e308,1e308\n1e308,1e308\n");
        JsonNode metrics = gate("validate").get("metrics");
        // by hand: errors 2e308, 2e308, 0
        assertThat(metrics.get("mae").get("value").asDouble()).isCloseTo(4.0 / 3 * 1e308, within(1e296));
        assertThat(metrics.get("r2").get("value").asDouble()).isCloseTo(-2, within(1e-12));
        assertThat(metrics.get("mape").get("value").asDouble()).isCloseTo(4.0 / 3, within(1e-12));
    }

    @Test
    @DisplayName("weights adding up beyond double's range are bad input naming the file and line")
    void weightsBeyondDoublesRange() throws IOException {
        write(BINARY_POLICY.formatted("0.95"), "label,score,weight,g\n1,0.9,1e308,a\n0,0.2,1e308,b\n1,0.5,1,a\n");
        int code = run("validate", "--policy", repo.resolve("mlgates.yaml").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("eval/predictions.csv:3:").contains("the weights add up to more than");
    }
}
