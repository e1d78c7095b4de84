package io.mlgates.core.metrics;

import static io.mlgates.core.metrics.Metrics.assertSameMetrics;
import static io.mlgates.core.metrics.Metrics.reason;
import static io.mlgates.core.metrics.Metrics.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegressionAccumulatorTest {
    private static final MetricOptions OPTIONS = MetricOptions.DEFAULTS;
    private static final double EXACT = 1e-15;

    /** (target, predicted): (2, 3), (4, 4), (6, 4), (0, 1), with the given weights. */
    private static RegressionAccumulator fourRows(double... weights) {
        RegressionAccumulator acc = new RegressionAccumulator();
        acc.add(2, 3, weights[0]);
        acc.add(4, 4, weights[1]);
        acc.add(6, 4, weights[2]);
        acc.add(0, 1, weights[3]);
        return acc;
    }

    @Test
    void metricsComeInCatalogOrderThenTheCountOfZeroTargets() {
        assertThat(fourRows(1, 1, 1, 1).compute(OPTIONS).keySet())
                .containsExactly("mae", "rmse", "r2", "mape", "mape_zero_targets");
    }

    @Test
    void unweightedErrorsAreHandChecked() {
        // errors 1, 0, 2, 1; mean target 3, squared deviations 1 + 1 + 9 + 9 = 20
        Map<String, MetricValue> m = fourRows(1, 1, 1, 1).compute(OPTIONS);
        assertThat(value(m, "mae")).isCloseTo(1.0, within(EXACT));
        assertThat(value(m, "rmse")).isCloseTo(Math.sqrt(6.0 / 4), within(EXACT));
        assertThat(value(m, "r2")).isCloseTo(1 - 6.0 / 20, within(EXACT));
        // the zero target is skipped: (1/2 + 0 + 2/6) / 3
        assertThat(value(m, "mape")).isCloseTo((0.5 + 0 + 2.0 / 6) / 3, within(EXACT));
        assertThat(value(m, "mape_zero_targets")).isEqualTo(1.0);
    }

    @Test
    void weightedErrorsAreHandChecked() {
        // weights 1, 1, 2, 1 (sum 5): weighted mean target 18/5 = 3.6,
        // squared deviations 1.6^2 + 0.4^2 + 2 * 2.4^2 + 3.6^2 = 27.2; weighted squared errors 1 + 0 + 8 + 1 = 10
        Map<String, MetricValue> m = fourRows(1, 1, 2, 1).compute(OPTIONS);
        assertThat(value(m, "mae")).isCloseTo(6.0 / 5, within(EXACT));
        assertThat(value(m, "rmse")).isCloseTo(Math.sqrt(2), within(EXACT));
        assertThat(value(m, "r2")).isCloseTo(1 - 10 / 27.2, within(1e-14));
        assertThat(value(m, "mape")).isCloseTo((0.5 + 0 + 2 * (2.0 / 6)) / 4, within(EXACT));
        assertThat(m.values()).allSatisfy(v -> assertThat(v.ci()).isEmpty());
    }

    @Test
    void noRowsLeavesEveryMetricUndefinedAndCountsNoZeroTargets() {
        Map<String, MetricValue> m = new RegressionAccumulator().compute(OPTIONS);
        for (String name : List.of("mae", "rmse", "r2", "mape")) {
            assertThat(reason(m, name)).as(name).isEqualTo("no rows");
        }
        assertThat(value(m, "mape_zero_targets")).isZero();
    }

    @Test
    void constantTargetsLeaveR2UndefinedAndTheErrorsDefined() {
        RegressionAccumulator acc = new RegressionAccumulator();
        acc.add(0.1, 0.3, 1);
        acc.add(0.1, 0.0, 2.5);
        acc.add(0.1, 0.1, 0.7);
        Map<String, MetricValue> m = acc.compute(OPTIONS);
        assertThat(reason(m, "r2")).isEqualTo("all targets are equal: r2 divides by their variance, which is 0");
        assertThat(value(m, "mae")).isPositive();
    }

    @Test
    void aSingleRowLeavesR2Undefined() {
        RegressionAccumulator acc = new RegressionAccumulator();
        acc.add(5, 4, 1);
        Map<String, MetricValue> m = acc.compute(OPTIONS);
        assertThat(reason(m, "r2")).startsWith("a single row");
        assertThat(value(m, "mae")).isEqualTo(1.0);
        assertThat(value(m, "rmse")).isEqualTo(1.0);
        assertThat(value(m, "mape")).isCloseTo(0.2, within(EXACT));
    }

    @Test
    void onlyZeroTargetsLeaveMapeUndefinedAndCountThem() {
        RegressionAccumulator acc = new RegressionAccumulator();
        acc.add(0, 1, 1);
        acc.add(0, -1, 1);
        Map<String, MetricValue> m = acc.compute(OPTIONS);
        assertThat(reason(m, "mape")).isEqualTo("every target is 0: mape divides by the target");
        assertThat(value(m, "mape_zero_targets")).isEqualTo(2.0);
        assertThat(value(m, "mae")).isEqualTo(1.0);
    }

    @Test
    void aPerfectModelHasR2OfOneAndNoError() {
        RegressionAccumulator acc = new RegressionAccumulator();
        for (int i = 1; i <= 10; i++) {
            acc.add(i, i, 1);
        }
        Map<String, MetricValue> m = acc.compute(OPTIONS);
        assertThat(value(m, "r2")).isEqualTo(1.0);
        assertThat(value(m, "mae")).isZero();
        assertThat(value(m, "mape")).isZero();
    }

    @Test
    void tenMillionRowsAroundALargeMeanKeepR2Exact() {
        // targets alternate 1e9 and 1e9 + 1 (variance 1/4 a row); every prediction is 1e9 + 0.5 (squared error
        // 1/4 a row), so r2 is exactly 0. The textbook sum of squares minus squared sum loses every digit here.
        RegressionAccumulator acc = new RegressionAccumulator();
        for (int i = 0; i < 10_000_000; i++) {
            acc.add(1e9 + (i & 1), 1e9 + 0.5, 1);
        }
        Map<String, MetricValue> m = acc.compute(OPTIONS);
        assertThat(value(m, "r2")).isCloseTo(0.0, within(1e-9));
        assertThat(value(m, "mae")).isEqualTo(0.5);
    }

    @Test
    void tenMillionSmallErrorsSumWithoutDrift() {
        // plain summation of 0.1 ten million times ends near 999999.99984 (relative error 1.6e-10);
        // compensated summation gives 0.1 to the last place
        RegressionAccumulator acc = new RegressionAccumulator();
        for (int i = 0; i < 10_000_000; i++) {
            acc.add(0.1, 0.0, 1);
        }
        Map<String, MetricValue> m = acc.compute(OPTIONS);
        assertThat(value(m, "mae")).isCloseTo(0.1, within(1e-16));
        assertThat(value(m, "rmse")).isCloseTo(0.1, within(1e-16));
        assertThat(value(m, "mape")).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void mergingSplitRowsGivesTheSameMetricsAsOneAccumulator() {
        Random random = new Random(17);
        RegressionAccumulator whole = new RegressionAccumulator();
        RegressionAccumulator low = new RegressionAccumulator();
        RegressionAccumulator high = new RegressionAccumulator();
        for (int i = 0; i < 5000; i++) {
            // two parts with far-apart means exercise the merge's correction term
            boolean first = random.nextBoolean();
            double target = (first ? 10 : 1000) + random.nextGaussian() * 5;
            double predicted = target + random.nextGaussian();
            double w = 0.25 + random.nextInt(8) * 0.5;
            whole.add(target, predicted, w);
            (first ? low : high).add(target, predicted, w);
        }
        RegressionAccumulator empty = new RegressionAccumulator();
        empty.merge(low);
        empty.merge(high);
        assertThat(empty.rows()).isEqualTo(5000);
        assertThat(empty.weightSum()).isCloseTo(whole.weightSum(), within(1e-9));
        assertSameMetrics(empty.compute(OPTIONS), whole.compute(OPTIONS), 1e-10);
    }

    @Test
    void mergingAnAccumulatorIntoItselfDoublesItsRows() {
        RegressionAccumulator a = fourRows(1, 1, 2, 1);
        RegressionAccumulator twice = fourRows(1, 1, 2, 1);
        twice.merge(fourRows(1, 1, 2, 1));
        a.merge(a);
        assertThat(a.rows()).isEqualTo(8);
        assertSameMetrics(a.compute(OPTIONS), twice.compute(OPTIONS), 1e-14);
    }

    @Test
    void anIntegerWeightCountsLikeRepeatedRows() {
        Random random = new Random(23);
        RegressionAccumulator weighted = new RegressionAccumulator();
        RegressionAccumulator repeated = new RegressionAccumulator();
        for (int i = 0; i < 500; i++) {
            double target = random.nextInt(4) == 0 ? 0 : random.nextGaussian() * 10;
            double predicted = target + random.nextGaussian();
            int w = 1 + random.nextInt(4);
            weighted.add(target, predicted, w);
            for (int r = 0; r < w; r++) {
                repeated.add(target, predicted, 1);
            }
        }
        Map<String, MetricValue> a = weighted.compute(OPTIONS);
        Map<String, MetricValue> b = repeated.compute(OPTIONS);
        for (String name : List.of("mae", "rmse", "r2", "mape")) {
            assertThat(value(a, name)).as(name).isCloseTo(value(b, name), within(1e-12));
        }
        // a count of rows, not a weight
        assertThat(value(a, "mape_zero_targets")).isLessThan(value(b, "mape_zero_targets"));
    }

    @ParameterizedTest(name = "target {0}, prediction {1}, weight {2} is rejected")
    @CsvSource({"NaN, 1, 1", "1, Infinity, 1", "1, 1, -1e-300", "1, 1, -2", "1, 1, NaN"})
    void invalidRowsAreRejected(double target, double predicted, double weight) {
        RegressionAccumulator acc = new RegressionAccumulator();
        assertThatThrownBy(() -> acc.add(target, predicted, weight)).isInstanceOf(IllegalArgumentException.class);
        assertThat(acc.rows()).isZero();
    }

    @Test
    void valuesOfPlusAndMinus1e308AreComputedRight() {
        // errors 2e308, 2e308 and 0 (beyond double's range one by one, not on average); by hand:
        // mae 4e308 / 3; rmse sqrt(8e616 / 3); targets' mean 1e308 / 3, SST (4 + 16 + 4) / 9 e616, so r2 = 1 - 8 / (24 / 9)
        RegressionAccumulator acc = new RegressionAccumulator();
        acc.add(1e308, -1e308, 1);
        acc.add(-1e308, 1e308, 1);
        acc.add(1e308, 1e308, 1);
        Map<String, MetricValue> m = acc.compute(OPTIONS);
        assertThat(value(m, "mae")).isCloseTo(4.0 / 3 * 1e308, within(1e296));
        assertThat(value(m, "rmse")).isCloseTo(2 * Math.sqrt(2.0 / 3) * 1e308, within(1e296));
        assertThat(value(m, "r2")).isCloseTo(-2, within(1e-12));
        assertThat(value(m, "mape")).isCloseTo(4.0 / 3, within(1e-12));
    }

    @Test
    void aMeanErrorBeyondDoublesRangeIsUndefinedWithTheReason() {
        RegressionAccumulator acc = new RegressionAccumulator();
        acc.add(1.7e308, -1.7e308, 1);
        acc.add(-1.7e308, 1.7e308, 1);
        Map<String, MetricValue> m = acc.compute(OPTIONS);
        assertThat(reason(m, "mae")).isEqualTo("mae is beyond double precision's range (about 1.8e308)");
        assertThat(reason(m, "rmse")).startsWith("rmse is beyond");
        assertThat(value(m, "r2")).isCloseTo(-3, within(1e-12)); // SSE 2 (3.4e308)^2 = 8 (1.7e308)^2, SST 2 (1.7e308)^2
        assertThat(value(m, "mape")).isCloseTo(2, within(1e-12));
    }

    @ParameterizedTest(name = "weights times {0} give the same metrics")
    @CsvSource({"1e160", "1e-200", "1e300", "4.9e-324"})
    void extremeWeightsGiveTheMetricsOfTheirRatios(double scale) {
        // every metric is a ratio of weighted sums: multiplying every weight by a constant changes none of them
        Random random = new Random(7);
        RegressionAccumulator plain = new RegressionAccumulator();
        RegressionAccumulator scaled = new RegressionAccumulator();
        for (int i = 0; i < 500; i++) {
            double t = random.nextGaussian() * 10;
            double p = t + random.nextGaussian();
            int w = 1 + random.nextInt(4);
            plain.add(t, p, w);
            scaled.add(t, p, w * scale);
        }
        assertSameMetrics(scaled.compute(OPTIONS), plain.compute(OPTIONS), 1e-12);
    }

    @Test
    void tinyValuesKeepTheirDigits() {
        // values of 1e-300: their squared errors would underflow without scaling
        RegressionAccumulator tiny = new RegressionAccumulator();
        RegressionAccumulator unit = new RegressionAccumulator();
        double[][] rows = {{1, 1.5}, {2, 1.5}, {3, 4}, {-1, 0}};
        for (double[] r : rows) {
            tiny.add(r[0] * 1e-300, r[1] * 1e-300, 1);
            unit.add(r[0], r[1], 1);
        }
        Map<String, MetricValue> t = tiny.compute(OPTIONS);
        Map<String, MetricValue> u = unit.compute(OPTIONS);
        assertThat(value(t, "mae")).isCloseTo(value(u, "mae") * 1e-300, within(1e-312));
        assertThat(value(t, "rmse")).isCloseTo(value(u, "rmse") * 1e-300, within(1e-312));
        assertThat(value(t, "r2")).isCloseTo(value(u, "r2"), within(1e-12));
        assertThat(value(t, "mape")).isCloseTo(value(u, "mape"), within(1e-12));
    }
}
