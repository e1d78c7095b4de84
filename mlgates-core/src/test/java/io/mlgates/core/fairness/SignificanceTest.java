package io.mlgates.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mlgates.core.metrics.Interval;
import io.mlgates.core.metrics.Intervals;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SignificanceTest {
    @Test
    @DisplayName("Fisher's exact test on the lady tasting tea (3 of 4 against 1 of 4): p = 0.4857, as R's fisher.test")
    void fisherTeaTasting() {
        assertThat(Significance.fisherExact(3, 4, 1, 4).pValue()).isCloseTo(34.0 / 70, within(1e-12));
    }

    @Test
    @DisplayName("Fisher's exact test: 1 of 10 against 9 of 10 is significant, equal rates give p = 1")
    void fisherExtremes() {
        // hypergeometric tables with margins 10, 10, 10: P(1) = P(9) = 100/184756, P(0) = P(10) = 1/184756
        assertThat(Significance.fisherExact(1, 10, 9, 10).pValue()).isCloseTo(202.0 / 184756, within(1e-12));
        assertThat(Significance.fisherExact(5, 10, 5, 10).pValue()).isCloseTo(1.0, within(1e-12));
        assertThat(Significance.fisherExact(0, 10, 0, 10).pValue()).isEqualTo(1.0);
    }

    @Test
    @DisplayName("the pooled two-proportion z-test equals its formula")
    void zTest() {
        double p1 = 0.55;
        double p2 = 0.60;
        double pooled = (0.55 * 2000 + 0.60 * 3000) / 5000;
        double z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1.0 / 2000 + 1.0 / 3000));
        double expected = 2 * new org.apache.commons.math3.distribution.NormalDistribution().cumulativeProbability(-Math.abs(z));
        assertThat(Significance.twoProportionZ(p1, 2000, p2, 3000).pValue()).isCloseTo(expected, within(1e-12));
        assertThat(Significance.twoProportionZ(0, 2000, 0, 3000).pValue()).isEqualTo(1.0);
    }

    @Test
    @DisplayName("Newcombe's method 10 reproduces his published example: 56/70 - 48/80 = 0.2, 95% CI [0.0524, 0.3339]")
    void newcombePublishedExample() {
        Interval a = Intervals.wilson(56.0 / 70, 70, 0.95).orElseThrow();
        Interval b = Intervals.wilson(48.0 / 80, 80, 0.95).orElseThrow();
        Interval d = DisparityIntervals.newcombe(56.0 / 70, a, 48.0 / 80, b);
        assertThat(d.low()).isCloseTo(0.0524, within(5e-5));
        assertThat(d.high()).isCloseTo(0.3339, within(5e-5));
    }

    @Test
    @DisplayName("the log-method ratio interval has no bounds when a rate is 0")
    void katzNeedsPositiveRates() {
        assertThat(DisparityIntervals.katzLog(0, 10, 0.5, 10, 0.95)).isEmpty();
        assertThat(DisparityIntervals.katzLog(0.5, 10, 0.5, 10, 0.95).orElseThrow().low()).isLessThan(1);
    }
}
