package io.mlgates.plugin.logic;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.plugin.logic.attest.Signing;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the engine says about a prediction file reaches the step's failure, and so the build log, word for word. */
class PredictionFileMessagesTest {
    @TempDir
    Path work;

    private final Fakes.Build build = new Fakes.Build();
    private final Fakes.Log log = new Fakes.Log();

    private Completion validate(String predictions) throws Exception {
        Repos.binary(work, Repos.PASS);
        Files.writeString(work.resolve("eval/predictions.csv"), predictions);
        return new GateCall("mlValidate", new ValidateTask(null, null, null), StepOptions.defaults(),
                Signing.none())
                .run(new Fakes.Workspace(work, AgentRun.MAX_RESULT_CHARS, log), build, log);
    }

    @Test
    @DisplayName("yes/no labels: the step fails with the labels found and the line predictions.positive: yes")
    void yesNoLabels() throws Exception {
        Completion done = validate("label,score\nno,0.2\nyes,0.9\n");

        assertThat(done.failure()).isEqualTo("mlValidate: no verdict: eval/predictions.csv: column 'label': the labels"
                + " found are 'no', 'yes', and none is the positive class '1' (predictions.positive, by default 1); a"
                + " binary model needs to know which label is the positive class.\nIf 'yes' is the positive class,"
                + " add to the policy:\npredictions:\n  positive: yes");
        assertThat(build.attached).isEmpty();
    }

    @Test
    @DisplayName("y_true and y_prob: the step fails with one message holding both mappings")
    void notebookColumnNames() throws Exception {
        Completion done = validate("y_true,y_prob\n1,0.9\n0,0.2\n");

        assertThat(done.failure()).isEqualTo("mlValidate: no verdict: eval/predictions.csv:1: no columns 'label' for"
                + " the true label; 'score' or 'prediction' for the model's answer (a binary model needs a score or a"
                + " predicted class). The file has: y_true, y_prob\nTo read it, add to the policy:\npredictions:\n"
                + "  columns:\n    label: y_true\n    score: y_prob\n"
                + "(or on the command line: --label-column y_true --score-column y_prob)");
    }

    @Test
    @DisplayName("an unclosed quote: the step fails naming the line where the quoted field opens")
    void unclosedQuote() throws Exception {
        Completion done = validate("label,score\n1,0.9\n0,\"0.2\n1,0.7\n0,0.1\n");

        assertThat(done.failure()).startsWith("mlValidate: no verdict: eval/predictions.csv:3:3: unclosed quote");
    }
}
