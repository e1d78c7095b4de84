package io.mlgates.plugin.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgates.core.gate.CheckResult;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.Status;
import io.mlgates.core.report.GateResultJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The result kept with a build stays within its bound and keeps the status and the checks that matter. */
class BoundedResultTest {
    private static GateResult read(BoundedResult bounded) throws Exception {
        return new GateResultJson().read(bounded.json().getBytes(StandardCharsets.UTF_8), "r.json");
    }

    @Test
    void aResultWithinTheBoundIsKeptWhole() throws Exception {
        GateResult result = Results.everyStatus("m", 3);

        BoundedResult bounded = BoundedResult.of(result, 1_000_000);

        assertThat(bounded.omittedChecks()).isZero();
        assertThat(bounded.json()).isEqualTo(new GateResultJson().toJson(result));
    }

    @Test
    void aLargeResultKeepsItsWorstChecksInPolicyOrderAndItsStatus() throws Exception {
        GateResult result = Results.everyStatus("m", 2000);
        int bound = new GateResultJson().toJson(result).length() / 10;

        BoundedResult bounded = BoundedResult.of(result, bound);
        GateResult kept = read(bounded);

        assertThat(bounded.json().length()).isLessThanOrEqualTo(bound);
        assertThat(bounded.omittedChecks()).isEqualTo(result.checks().size() - kept.checks().size()).isPositive();
        assertThat(kept.status()).isEqualTo(Status.ERROR);
        assertThat(kept.checks()).extracting(CheckResult::id).startsWith("data:rows", "limit:accuracy:min",
                "limit:roc_auc:min", "limit:recall:min");
        assertThat(kept.checks()).extracting(CheckResult::status).doesNotContain(Status.SKIPPED);
        assertThat(kept.metrics()).isEqualTo(result.metrics());
    }

    @Test
    void whenEvenTheWorstCheckDoesNotFitBesideEveryMetricOnlyTheMetricsOfTheKeptChecksStay() throws Exception {
        GateResult result = Results.of("m", List.of(Results.check("limit:recall:min", Status.FAIL, "recall", 0.8),
                Results.check("data:rows", Status.PASS, null, 20)));
        int withoutOtherMetrics = new GateResultJson().toJson(Results.of("m", List.of(result.checks().get(0))))
                .length() - 200;

        GateResult kept = read(BoundedResult.of(result, withoutOtherMetrics));

        assertThat(kept.checks()).extracting(CheckResult::id).containsExactly("limit:recall:min");
        assertThat(kept.metrics()).containsOnlyKeys("recall");
    }

    @Test
    void aBoundTooSmallForAnyVerdictIsRefused() {
        assertThatThrownBy(() -> BoundedResult.of(Results.everyStatus("m", 0), 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("worst check alone");
    }

    @Test
    void onlySkippedChecksStaySkipped() throws Exception {
        GateResult result = Results.of("m", List.of(Results.sliceCheck("a", Status.SKIPPED),
                Results.sliceCheck("b", Status.SKIPPED)));

        assertThat(read(BoundedResult.of(result, 1_000_000)).status()).isEqualTo(Status.SKIPPED);
    }
}
