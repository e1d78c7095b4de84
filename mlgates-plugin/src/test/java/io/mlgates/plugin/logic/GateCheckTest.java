package io.mlgates.plugin.logic;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.gate.Status;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A result as a check on the pull request: conclusion from the status, a short text, a link. */
class GateCheckTest {
    private static ResultSummary summary(Status status) {
        return ResultSummary.of("churn", Results.of("m", List.of(Results.check("limit:accuracy:min", status,
                "accuracy", 0.85))), 0, List.of());
    }

    @ParameterizedTest
    @CsvSource({"PASS, SUCCESS", "WARN, NEUTRAL", "SKIPPED, NEUTRAL", "FAIL, FAILURE",
        "ERROR, FAILURE"})
    void theConclusionFollowsTheStatus(Status status, GateCheck.Conclusion conclusion) {
        assertThat(GateCheck.of(summary(status), "job/x/1/mlgates/churn/").conclusion()).isEqualTo(conclusion);
    }

    @Test
    void namesTheResultSaysTheVerdictListsWhatNeedsAttentionAndLinks() {
        GateCheck check = GateCheck.of(summary(Status.WARN), "job/x/1/mlgates/churn/");

        assertThat(check.name()).isEqualTo("ML gate: churn");
        assertThat(check.title()).isEqualTo("validate gate 'churn': WARN, 1 check: 1 WARN");
        assertThat(check.summary()).isEqualTo("- **WARN** `limit:accuracy:min`: WARN limit:accuracy:min");
        assertThat(check.text()).isEqualTo("| metric | value |\n| --- | --- |\n| `accuracy` | 0.85 |");
        assertThat(check.url()).isEqualTo("job/x/1/mlgates/churn/");
        assertThat(GateCheck.of(summary(Status.PASS), "u").summary()).isEqualTo("Every check passed.");
    }

    @Test
    void aHostileMessageCannotLinkOrFormat() {
        ResultSummary hostile = ResultSummary.of("h", Results.of("m", List.of(new io.mlgates.core.gate.CheckResult(
                "a`b", Status.FAIL, java.util.Optional.empty(), java.util.OptionalDouble.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.OptionalDouble.empty(),
                java.util.Optional.empty(), "[click](http://evil) <img src=x>\n# head"))), 0, List.of());

        assertThat(GateCheck.of(hostile, "u").summary()).isEqualTo(
                "- **FAIL** `a'b`: \\[click\\]\\(http://evil\\) \\<img src=x\\> \\# head");
    }
}
