package io.mlgates.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A prediction file as a notebook writes it, judged by {@code mlgates validate} and {@code ethics}: what is wrong with
 * it reaches the user on standard error with exit code 2, and says what to change.
 */
class PredictionFileMessagesTest {
    @TempDir
    Path tmp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path repo;
    private Path policy;

    @BeforeEach
    void repository() throws IOException {
        repo = Files.createDirectories(tmp.resolve("model-repo"));
        Files.createDirectories(repo.resolve("model"));
        Files.writeString(repo.resolve("model/m.bin"), "model");
        Files.createDirectories(repo.resolve("eval"));
        policy = repo.resolve("mlgates.yaml");
        Files.writeString(policy, "model:\n  name: m\nlimits:\n  - metric: accuracy\n    min: 0.5\n");
    }

    private int run(String... args) {
        return Main.execute(TestEnvironment.FIXED, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private void predictions(String csv) throws IOException {
        Files.writeString(repo.resolve("eval/predictions.csv"), csv, StandardCharsets.UTF_8);
    }

    private int validate(String... more) {
        String[] args = new String[more.length + 3];
        args[0] = "validate";
        args[1] = "--policy";
        args[2] = policy.toString();
        System.arraycopy(more, 0, args, 3, more.length);
        return run(args);
    }

    @ParameterizedTest(name = "invalidRows: {0}")
    @ValueSource(strings = {"error", "drop"})
    @DisplayName("yes/no labels: exit 2 and a message that names the labels and the line predictions.positive: yes")
    void yesNoLabels(String invalidRows) throws Exception {
        Files.writeString(policy, Files.readString(policy) + "predictions:\n  invalidRows: " + invalidRows + "\n");
        predictions("label,score\nno,0.2\nyes,0.9\nno,0.4\nyes,0.6\n");
        assertThat(validate()).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("mlgates: eval/predictions.csv: column 'label': the labels found are"
                + " 'no', 'yes', and none is the positive class '1' (predictions.positive, by default 1); a binary"
                + " model needs to know which label is the positive class.\nIf 'yes' is the positive class, add to"
                + " the policy:\npredictions:\n  positive: yes\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    @DisplayName("the line the message names, added to the policy, makes the file judge")
    void theSuggestedLineWorks() throws Exception {
        predictions("label,score\nno,0.2\nyes,0.9\nno,0.4\nyes,0.6\n");
        Files.writeString(policy, Files.readString(policy) + "predictions:\n  positive: yes\n");
        assertThat(validate()).isZero();
        assertThat(out.toString()).contains("limit:accuracy:min");
    }

    @Test
    @DisplayName("y_true and y_prob: one message with both mappings, and the options it names judge the file")
    void notebookColumnNames() throws Exception {
        predictions("y_true,y_prob\n1,0.9\n0,0.2\n1,0.7\n0,0.4\n");
        assertThat(validate()).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("mlgates: eval/predictions.csv:1: no columns 'label' for the true"
                + " label; 'score' or 'prediction' for the model's answer (a binary model needs a score or a predicted"
                + " class). The file has: y_true, y_prob\nTo read it, add to the policy:\npredictions:\n  columns:\n"
                + "    label: y_true\n    score: y_prob\n"
                + "(or on the command line: --label-column y_true --score-column y_prob)\n");

        err.getBuffer().setLength(0);
        assertThat(validate("--label-column", "y_true", "--score-column", "y_prob", "--format", "json")).isZero();
        JsonNode result = new ObjectMapper().readTree(out.toString());
        assertThat(result.get("data").get("rows").asInt()).isEqualTo(4);
        assertThat(result.get("metrics").get("accuracy").get("value").asDouble()).isEqualTo(1.0);
        assertThat(result.get("overrides").get("columns.label").asText()).isEqualTo("y_true");
        assertThat(result.get("overrides").get("columns.score").asText()).isEqualTo("y_prob");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    @DisplayName("the column options override the policy's mapping in ethics too, weights included")
    void columnOptionsInEthics() throws Exception {
        Files.writeString(policy, Files.readString(policy)
                + "predictions:\n  columns:\n    label: truth\nethics:\n  fairness:\n    sensitive: [sex]\n");
        predictions("target,pred,w,sex\n1,1,1,f\n0,0,2,m\n1,1,1,m\n0,1,1,f\n");
        assertThat(run("ethics", "--policy", policy.toString(), "--label-column", "target", "--prediction-column",
                "pred", "--weight-column", "w", "--format", "json")).isIn(0, 1);
        JsonNode result = new ObjectMapper().readTree(out.toString());
        assertThat(result.get("overrides").get("columns.label").asText()).isEqualTo("target");
        assertThat(result.get("overrides").get("columns.prediction").asText()).isEqualTo("pred");
        assertThat(result.get("overrides").get("columns.weight").asText()).isEqualTo("w");
        assertThat(result.get("data").get("rows").asInt()).isEqualTo(4);
    }

    @Test
    @DisplayName("a column option naming a column the file lacks exits 2 naming it; an empty one is refused")
    void columnOptionsMustName() throws Exception {
        predictions("label,score\n1,0.9\n0,0.2\n");
        assertThat(validate("--weight-column", "w")).isEqualTo(2);
        assertThat(err.toString()).startsWith("mlgates: eval/predictions.csv:1: no column 'w' for a sample weight.");
        err.getBuffer().setLength(0);
        assertThat(validate("--label-column", " ")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("mlgates: --label-column: expected the name of a column of the"
                + " prediction file\n");
    }

    @Test
    @DisplayName("a drop that removes every positive row: the gate errs (data:dropped_rows ERROR), exit 1, within any"
            + " share")
    void dropEmptyingAClass() throws Exception {
        Files.writeString(policy, Files.readString(policy)
                + "predictions:\n  invalidRows: drop\n  maxDroppedShare: 1.0\n");
        predictions("label,score,weight\n1,0.9,x\n0,0.2,1\n1,0.8,-1\n0,0.3,1\n0,0.6,1\n");
        assertThat(validate("--format", "json")).isEqualTo(1);
        JsonNode result = new ObjectMapper().readTree(out.toString());
        assertThat(result.get("status").asText()).isEqualTo("ERROR");
        JsonNode dropped = null;
        for (JsonNode check : result.get("checks")) {
            if (check.get("id").asText().equals("data:dropped_rows")) {
                dropped = check;
            }
        }
        assertThat(dropped).isNotNull();
        assertThat(dropped.get("status").asText()).isEqualTo("ERROR");
        assertThat(dropped.get("message").asText()).startsWith("2 invalid rows dropped, among them every row of"
                + " class '1': no row of that class is left to judge");
    }

    @Test
    @DisplayName("scores on a 0-100 scale: exit 2, said once, with the scale")
    void percentScores() throws Exception {
        predictions("label,score\n1,93\n0,12\n0,31\n1,78\n");
        assertThat(validate()).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("mlgates: eval/predictions.csv: column 'score': 4 scores lie outside"
                + " [0, 1] (from 12 to 93) and none strictly between 0 and 1, so the column holds no probability;"
                + " expected the probability of the positive class. The scores look like percentages (a 0-100 scale):"
                + " divide them by 100 (73 becomes 0.73).\n");
    }

    @Test
    @DisplayName("a semicolon header: exit 2 and predictions.delimiter")
    void semicolonHeader() throws Exception {
        predictions("label;score\n1;0,9\n0;0,2\n");
        assertThat(validate()).isEqualTo(2);
        assertThat(err.toString()).contains("The file has: label;score\nThe header is one column holding ';': the"
                + " file looks semicolon-separated, while the policy reads it with ',' (predictions.delimiter).\n"
                + "To read it, add to the policy:\npredictions:\n  delimiter: \";\"\n");
    }

    @Test
    @DisplayName("an unclosed quote at line 3 of a 5-line file: exit 2 naming line 3")
    void unclosedQuoteShortFile() throws Exception {
        predictions("label,score\n1,0.9\n0,\"0.2\n1,0.7\n0,0.1\n");
        assertThat(validate()).isEqualTo(2);
        assertThat(err.toString()).startsWith("mlgates: eval/predictions.csv:3:3: unclosed quote: the quoted field"
                + " that opens here has no closing quote before the end of the file");
    }

    @Test
    @DisplayName("an unclosed quote at line 12 of a 100,001-line file: exit 2 naming line 12")
    void unclosedQuoteLongFile() throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(repo.resolve("eval/predictions.csv"))) {
            w.write("label,score\n");
            for (int line = 2; line <= 100_001; line++) {
                w.write(line == 12 ? "0,\"0.5\n" : (line % 2 == 0 ? "1,0.75\n" : "0,0.25\n"));
            }
        }
        assertThat(run("ethics", "--policy", policy.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("mlgates: eval/predictions.csv:12:3: unclosed quote");
    }
}
