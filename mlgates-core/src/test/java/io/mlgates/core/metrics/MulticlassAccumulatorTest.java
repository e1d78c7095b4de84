package io.mlgates.core.metrics;

import static io.mlgates.core.metrics.Metrics.assertSameMetrics;
import static io.mlgates.core.metrics.Metrics.interval;
import static io.mlgates.core.metrics.Metrics.reason;
import static io.mlgates.core.metrics.Metrics.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MulticlassAccumulatorTest {
    private static final MetricOptions OPTIONS = MetricOptions.DEFAULTS;
    private static final List<String> ABCD = List.of("a", "b", "c", "d");
    private static final double EXACT = 1e-15;

    /**
     * Nine rows over classes a, b, c, d (hand-checked, per-class values also with scikit-learn 1.2):
     * actual a: predicted a, a, a, b; actual b: b, b, a; actual c: a, b. Class c is never predicted and d never
     * occurs. TP a 3, b 2, c 0; predicted a 5, b 4, c 0; support a 4, b 3, c 2, d 0.
     */
    private static MulticlassAccumulator nineRows() {
        MulticlassAccumulator acc = new MulticlassAccumulator();
        int[][] rows = {{0, 0}, {0, 0}, {0, 0}, {0, 1}, {1, 1}, {1, 1}, {1, 0}, {2, 0}, {2, 1}};
        for (int[] row : rows) {
            acc.add(row[0], row[1], 1);
        }
        return acc;
    }

    @Nested
    class OnNineHandCheckedRows {
        private final Map<String, MetricValue> m = nineRows().compute(ABCD, OPTIONS);

        @Test
        void theAveragesComeInCatalogOrderThenRecallPerClassInListOrder() {
            List<String> expected = new ArrayList<>(Metric.names(TaskType.MULTICLASS));
            expected.addAll(List.of("recall[a]", "recall[b]", "recall[c]", "recall[d]"));
            assertThat(m.keySet()).containsExactlyElementsOf(expected);
        }

        @Test
        void accuracyAndEveryMicroAverageAreTheShareOfCorrectRows() {
            for (String name : List.of("accuracy", "precision_micro", "recall_micro", "f1_micro")) {
                assertThat(value(m, name)).as(name).isCloseTo(5.0 / 9, within(EXACT));
            }
            assertThat(interval(m, "accuracy")).isEqualTo(Intervals.wilson(5.0 / 9, 9, 0.95).orElseThrow());
        }

        @Test
        void macroPrecisionLeavesOutTheClassesNeverPredicted() {
            // a 3/5, b 2/4; c and d are 0/0
            assertThat(value(m, "precision_macro")).isCloseTo((0.6 + 0.5) / 2, within(EXACT));
        }

        @Test
        void weightedPrecisionWeighsTheDefinedClassesBySupport() {
            assertThat(value(m, "precision_weighted")).isCloseTo((4 * 0.6 + 3 * 0.5) / 7, within(EXACT));
        }

        @Test
        void macroRecallKeepsTheClassNeverPredictedAndLeavesOutTheClassThatNeverOccurs() {
            // a 3/4, b 2/3, c 0/2 = 0; d is 0/0
            assertThat(value(m, "recall_macro")).isCloseTo((0.75 + 2.0 / 3 + 0) / 3, within(EXACT));
            assertThat(value(m, "recall_weighted")).isCloseTo(5.0 / 9, within(EXACT));
        }

        @Test
        void f1PerClassIsTwiceTpOverSupportPlusPredicted() {
            // a 6/9, b 4/7, c 0/2; d is 0/0
            double a = 6.0 / 9;
            double b = 4.0 / 7;
            assertThat(value(m, "f1_macro")).isCloseTo((a + b + 0) / 3, within(EXACT));
            assertThat(value(m, "f1_weighted")).isCloseTo((4 * a + 3 * b + 2 * 0) / 9, within(EXACT));
        }

        @Test
        void recallPerClassCarriesAWilsonIntervalOverThatClassRows() {
            assertThat(value(m, "recall[a]")).isCloseTo(0.75, within(EXACT));
            assertThat(interval(m, "recall[a]")).isEqualTo(Intervals.wilson(0.75, 4, 0.95).orElseThrow());
            assertThat(value(m, "recall[c]")).isEqualTo(0.0);
            assertThat(interval(m, "recall[c]")).isEqualTo(Intervals.wilson(0, 2, 0.95).orElseThrow());
            assertThat(reason(m, "recall[d]")).isEqualTo("no rows of class d: its recall is 0/0");
        }

        @Test
        void onlyAccuracyAndPerClassRecallCarryIntervals() {
            for (String name : Metric.names(TaskType.MULTICLASS)) {
                if (!name.equals("accuracy")) {
                    assertThat(m.get(name).ci()).as(name).isEmpty();
                }
            }
        }
    }

    @Test
    void noRowsLeavesEveryMetricUndefined() {
        Map<String, MetricValue> m = new MulticlassAccumulator().compute(ABCD, OPTIONS);
        for (String name : Metric.names(TaskType.MULTICLASS)) {
            assertThat(reason(m, name)).as(name).isEqualTo("no rows");
        }
        assertThat(reason(m, "recall[a]")).isEqualTo("no rows");
    }

    @Test
    void whenEveryPredictedClassHasNoSupportWeightedPrecisionFallsBackToThePlainMeanAsScikitLearnDoes() {
        // every row is a, predicted b: precision a is 0/0, b is 0/1 with support 0 -> sklearn's _nanaverage
        // catches the zero weight sum and returns the plain mean of the defined values, 0
        MulticlassAccumulator acc = new MulticlassAccumulator();
        acc.add(0, 1, 1);
        acc.add(0, 1, 1);
        Map<String, MetricValue> m = acc.compute(List.of("a", "b"), OPTIONS);
        assertThat(value(m, "precision_weighted")).isEqualTo(0.0);
        assertThat(value(m, "precision_macro")).isEqualTo(0.0);
        assertThat(value(m, "recall_macro")).isEqualTo(0.0);
        assertThat(reason(m, "recall[b]")).startsWith("no rows of class b");
        assertThat(value(m, "accuracy")).isEqualTo(0.0);
    }

    @Test
    void aSingleRowOfASingleClassIsPerfect() {
        MulticlassAccumulator acc = new MulticlassAccumulator();
        acc.add(1, 1, 1);
        Map<String, MetricValue> m = acc.compute(List.of("x", "y"), OPTIONS);
        for (String name : Metric.names(TaskType.MULTICLASS)) {
            assertThat(value(m, name)).as(name).isEqualTo(1.0);
        }
        assertThat(reason(m, "recall[x]")).startsWith("no rows of class x");
    }

    @Test
    void weightsActAsSupportAndAsRowCounts() {
        // a->a w 3, a->b w 1, b->b w 2: precision a 3/3, b 2/3; support a 4, b 2
        MulticlassAccumulator acc = new MulticlassAccumulator();
        acc.add(0, 0, 3);
        acc.add(0, 1, 1);
        acc.add(1, 1, 2);
        Map<String, MetricValue> m = acc.compute(List.of("a", "b"), OPTIONS);
        assertThat(value(m, "accuracy")).isCloseTo(5.0 / 6, within(EXACT));
        assertThat(value(m, "precision_weighted")).isCloseTo((4 * 1.0 + 2 * (2.0 / 3)) / 6, within(EXACT));
        assertThat(value(m, "recall[a]")).isCloseTo(0.75, within(EXACT));
        // Kish: (3 + 1)^2 / (9 + 1)
        assertThat(interval(m, "recall[a]")).isEqualTo(Intervals.wilson(0.75, 1.6, 0.95).orElseThrow());
        assertThat(interval(m, "accuracy")).isEqualTo(Intervals.wilson(5.0 / 6, 36.0 / 14, 0.95).orElseThrow());
    }

    @Test
    void mergingSplitRowsGivesTheSameMetricsAsOneAccumulator() {
        Random random = new Random(3);
        List<String> classes = List.of("k0", "k1", "k2", "k3", "k4", "k5");
        MulticlassAccumulator whole = new MulticlassAccumulator();
        MulticlassAccumulator left = new MulticlassAccumulator();
        MulticlassAccumulator right = new MulticlassAccumulator();
        for (int i = 0; i < 2000; i++) {
            // the left part sees only small indices, so merging must grow its matrix
            int actual = random.nextInt(6);
            int predicted = random.nextDouble() < 0.6 ? actual : random.nextInt(5);
            double w = 0.5 + random.nextInt(3);
            whole.add(actual, predicted, w);
            (actual < 2 && predicted < 2 ? left : right).add(actual, predicted, w);
        }
        left.merge(right);
        assertThat(left.rows()).isEqualTo(2000);
        assertSameMetrics(left.compute(classes, OPTIONS), whole.compute(classes, OPTIONS), 1e-12);
    }

    @Test
    void mergingAnAccumulatorIntoItselfDoublesItsRows() {
        MulticlassAccumulator a = nineRows();
        MulticlassAccumulator twice = nineRows();
        twice.merge(nineRows());
        a.merge(a);
        assertThat(a.rows()).isEqualTo(18);
        assertSameMetrics(a.compute(ABCD, OPTIONS), twice.compute(ABCD, OPTIONS), 1e-15);
    }

    @Test
    void aClassIndexBeyondTheClassListIsRefused() {
        MulticlassAccumulator acc = nineRows();
        assertThatThrownBy(() -> acc.compute(List.of("a", "b"), OPTIONS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("class index 2");
    }

    @Test
    void repeatedClassNamesAreRefused() {
        assertThatThrownBy(() -> nineRows().compute(List.of("a", "b", "a"), OPTIONS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "actual {0}, predicted {1}, weight {2} is rejected")
    @CsvSource({"-1, 0, 1", "0, -1, 1", "0, 0, -1", "0, 0, NaN", "0, 0, Infinity"})
    void invalidRowsAreRejected(int actual, int predicted, double weight) {
        MulticlassAccumulator acc = new MulticlassAccumulator();
        assertThatThrownBy(() -> acc.add(actual, predicted, weight)).isInstanceOf(IllegalArgumentException.class);
        assertThat(acc.rows()).isZero();
    }
}
