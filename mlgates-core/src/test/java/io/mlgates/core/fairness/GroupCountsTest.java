package io.mlgates.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.metrics.MetricOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The group rates of the fairness gate. */
class GroupCountsTest {
    @Test
    @DisplayName("a group rate is the ratio of the exact sums of weights, rounded once, as the validation metrics are")
    void ratesAreRatiosOfExactSums() {
        // given rows whose weights add up beyond double's precision: 1e16 + 1 rounds to 1e16 (ties to even)
        GroupCounts counts = new GroupCounts(false, 10);
        counts.add(true, true, 0, 1e16);
        counts.add(false, false, 0, 1);
        counts.add(false, true, 0, 1);

        // when the rates are computed, then accuracy is (1e16 + 1) / (1e16 + 2) rounded once
        double accuracy = counts.rates(0.95).get(GroupCounts.ACCURACY).p();

        assertThat(accuracy).isEqualTo(Math.nextDown(1.0));
        assertThat(accuracy).isEqualTo(counts.metrics(MetricOptions.DEFAULTS)
                .get("accuracy").value().getAsDouble());
    }
}
