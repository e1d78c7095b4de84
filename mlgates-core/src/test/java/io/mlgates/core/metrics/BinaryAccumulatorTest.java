package io.mlgates.core.metrics;

import static io.mlgates.core.metrics.Metrics.assertSameMetrics;
import static io.mlgates.core.metrics.Metrics.interval;
import static io.mlgates.core.metrics.Metrics.reason;
import static io.mlgates.core.metrics.Metrics.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BinaryAccumulatorTest {
    private static final MetricOptions OPTIONS = MetricOptions.DEFAULTS;
    private static final double EXACT = 1e-15;

    /**
     * Nine rows, hand-checked (and with scikit-learn 1.2): positives score 0.9, 0.8, 0.4, 0.35 and are predicted
     * P, P, N, N; negatives score 0.8, 0.3, 0.2, 0.1, 0.05 and are predicted P, N, N, N, N. So TP 2, FN 2, FP 1,
     * TN 4, and one positive ties one negative at 0.8.
     */
    private static BinaryAccumulator nineRows(int bins) {
        BinaryAccumulator acc = new BinaryAccumulator(true, true, bins);
        acc.add(true, true, 0.9, 1);
        acc.add(true, true, 0.8, 1);
        acc.add(true, false, 0.4, 1);
        acc.add(true, false, 0.35, 1);
        acc.add(false, true, 0.8, 1);
        acc.add(false, false, 0.3, 1);
        acc.add(false, false, 0.2, 1);
        acc.add(false, false, 0.1, 1);
        acc.add(false, false, 0.05, 1);
        return acc;
    }

    @Nested
    class OnNineHandCheckedRows {
        private final Map<String, MetricValue> m = nineRows(10).compute(OPTIONS);

        @Test
        void everyBinaryMetricIsReportedInCatalogOrder() {
            assertThat(m.keySet()).containsExactlyElementsOf(Metric.names(TaskType.BINARY));
        }

        @Test
        void confusionMetricsFollowFromTheFourCounts() {
            assertThat(value(m, "accuracy")).isCloseTo(6.0 / 9, within(EXACT));
            assertThat(value(m, "precision")).isCloseTo(2.0 / 3, within(EXACT));
            assertThat(value(m, "recall")).isCloseTo(2.0 / 4, within(EXACT));
            assertThat(value(m, "specificity")).isCloseTo(4.0 / 5, within(EXACT));
            assertThat(value(m, "balanced_accuracy")).isCloseTo((0.5 + 0.8) / 2, within(EXACT));
            assertThat(value(m, "f1")).isCloseTo(2.0 * 2 / (2 * 2 + 1 + 2), within(EXACT));
        }

        @Test
        void rocAucCountsTheTiedPairAsOneHalf() {
            // pairs won: 0.9 beats 5, 0.8 beats 4 and ties 1, 0.4 beats 4, 0.35 beats 4 -> 17.5 of 20
            assertThat(value(m, "roc_auc")).isCloseTo(17.5 / 20, within(EXACT));
        }

        @Test
        void averagePrecisionSumsRecallStepsTimesPrecision() {
            // thresholds 0.9, 0.8, 0.4, 0.35: each adds 1/4 of recall at precision 1, 2/3, 3/4, 4/5
            assertThat(value(m, "average_precision"))
                    .isCloseTo(0.25 * (1 + 2.0 / 3 + 3.0 / 4 + 4.0 / 5), within(EXACT));
        }

        @Test
        void brierIsTheMeanSquaredDistanceFromTheLabel() {
            double positives = 0.01 + 0.04 + 0.36 + 0.4225;
            double negatives = 0.64 + 0.09 + 0.04 + 0.01 + 0.0025;
            assertThat(value(m, "brier")).isCloseTo((positives + negatives) / 9, within(1e-15));
        }

        @Test
        void logLossIsTheMeanNegativeLogLikelihood() {
            double sum = Math.log(0.9) + Math.log(0.8) + Math.log(0.4) + Math.log(0.35)
                    + Math.log(0.2) + Math.log(0.7) + Math.log(0.8) + Math.log(0.9) + Math.log(0.95);
            assertThat(value(m, "log_loss")).isCloseTo(-sum / 9, within(1e-15));
        }

        @Test
        void proportionsCarryWilsonIntervalsOverTheirOwnDenominators() {
            assertThat(interval(m, "accuracy")).isEqualTo(Intervals.wilson(6.0 / 9, 9, 0.95).orElseThrow());
            assertThat(interval(m, "precision")).isEqualTo(Intervals.wilson(2.0 / 3, 3, 0.95).orElseThrow());
            assertThat(interval(m, "recall")).isEqualTo(Intervals.wilson(0.5, 4, 0.95).orElseThrow());
            assertThat(interval(m, "specificity")).isEqualTo(Intervals.wilson(0.8, 5, 0.95).orElseThrow());
        }

        @Test
        void rocAucCarriesADeLongIntervalAndTheOthersNone() {
            assertThat(interval(m, "roc_auc").method()).isEqualTo("delong");
            for (String name : new String[] {"balanced_accuracy", "f1", "average_precision", "log_loss", "brier",
                    "ece"}) {
                assertThat(m.get(name).ci()).as(name).isEmpty();
            }
        }
    }

    @Test
    void eceWithOneBinIsTheGapBetweenMeanLabelAndMeanScore() {
        Map<String, MetricValue> m = nineRows(1).compute(new MetricOptions(0.95, 1));
        double meanScore = (0.9 + 0.8 + 0.4 + 0.35 + 0.8 + 0.3 + 0.2 + 0.1 + 0.05) / 9;
        assertThat(value(m, "ece")).isCloseTo(Math.abs(4.0 / 9 - meanScore), within(1e-15));
    }

    @Test
    void eceWeighsEachBinsGapByItsShareOfRows() {
        // bin [0, .5): scores .3, .1, labels 1, 0 -> gap |.5 - .2| = .3, share 1/2
        // bin [.5, 1]: scores .8, .6, labels 1, 0 -> gap |.5 - .7| = .2, share 1/2
        BinaryAccumulator acc = new BinaryAccumulator(true, false, 2);
        acc.add(true, true, 0.8, 1);
        acc.add(false, true, 0.6, 1);
        acc.add(true, false, 0.3, 1);
        acc.add(false, false, 0.1, 1);
        assertThat(value(acc.compute(new MetricOptions(0.95, 2)), "ece")).isCloseTo(0.25, within(1e-15));
    }

    @Test
    void eceUsesWeightsForBinSharesAndBinMeans() {
        // the same rows, the first weighing 3: bin [.5, 1] has weight 4, mean label 3/4, mean score 3/4 -> gap 0;
        // bin [0, .5) has weight 2 of 6 and gap .3 -> ece .1
        BinaryAccumulator acc = new BinaryAccumulator(true, false, 2);
        acc.add(true, true, 0.8, 3);
        acc.add(false, true, 0.6, 1);
        acc.add(true, false, 0.3, 1);
        acc.add(false, false, 0.1, 1);
        assertThat(value(acc.compute(new MetricOptions(0.95, 2)), "ece")).isCloseTo(0.1, within(1e-15));
    }

    @Test
    void aScoreOfExactlyOneFallsInTheLastCalibrationBin() {
        // .5 * 2 = 1 and 1 * 2 = 2 -> both in bin 1: mean label .5, mean score .75
        BinaryAccumulator acc = new BinaryAccumulator(true, false, 2);
        acc.add(true, true, 1.0, 1);
        acc.add(false, true, 0.5, 1);
        assertThat(value(acc.compute(new MetricOptions(0.95, 2)), "ece")).isCloseTo(0.25, within(1e-15));
    }

    @Test
    void eceCountsOnlyTheBinsWhereLabelsAndScoresDisagree() {
        BinaryAccumulator acc = new BinaryAccumulator(true, false);
        acc.add(true, true, 0.55, 1);
        acc.add(false, true, 0.55, 1);
        for (int i = 0; i < 19; i++) {
            acc.add(false, false, 0.05, 1);
        }
        acc.add(true, false, 0.05, 1);
        // bin 5: labels 1, 0 at .55 -> gap .05 on 2 of 22 rows; bin 0: 1 positive in 20 at .05 -> gap 0
        assertThat(value(acc.compute(OPTIONS), "ece")).isCloseTo(2.0 / 22 * 0.05, within(1e-15));
    }

    @Test
    void perfectlyCalibratedScoresHaveAnEceOfZero() {
        BinaryAccumulator acc = new BinaryAccumulator(true, false);
        acc.add(true, true, 0.75, 1);
        acc.add(true, true, 0.75, 1);
        acc.add(true, true, 0.75, 1);
        acc.add(false, true, 0.75, 1);
        acc.add(false, false, 0.25, 1);
        acc.add(false, false, 0.25, 1);
        acc.add(false, false, 0.25, 1);
        acc.add(true, false, 0.25, 1);
        assertThat(value(acc.compute(OPTIONS), "ece")).isEqualTo(0.0);
    }

    @Test
    void computeRejectsOptionsWithAnotherNumberOfCalibrationBins() {
        BinaryAccumulator acc = new BinaryAccumulator(true, true);
        assertThat(acc.calibrationBins()).isEqualTo(10);
        assertThatThrownBy(() -> acc.compute(new MetricOptions(0.95, 15)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10 calibration bins");
    }

    @Test
    void withoutScoresTheNumberOfCalibrationBinsDoesNotMatter() {
        BinaryAccumulator acc = new BinaryAccumulator(false, false);
        acc.add(true, true, 0, 1);
        assertThat(value(acc.compute(new MetricOptions(0.95, 15)), "accuracy")).isEqualTo(1.0);
        acc.merge(new BinaryAccumulator(false, false, 15));
        assertThat(acc.rows()).isEqualTo(1);
    }

    @Test
    void logLossClipsCertainScoresAtMachineEpsilon() {
        BinaryAccumulator acc = new BinaryAccumulator(true, true);
        acc.add(true, false, 0.0, 1);  // certain and wrong: -log(eps)
        acc.add(false, false, 0.0, 1); // certain and right: -log(1 - eps)
        double eps = Math.ulp(1.0);
        assertThat(value(acc.compute(OPTIONS), "log_loss"))
                .isCloseTo((-Math.log(eps) - Math.log(1 - eps)) / 2, within(1e-15));
    }

    @Test
    void weightedRocAucWeighsEachPairByTheProductOfItsWeights() {
        // positives (.8, w 2), (.4, w 1); negatives (.8, w 1), (.3, w 3):
        // tie 2*1/2 + 2*3 + 0 + 1*3 = 10 of 3*4 = 12; also sklearn roc_auc_score with sample_weight
        BinaryAccumulator acc = new BinaryAccumulator(true, true);
        acc.add(true, true, 0.8, 2);
        acc.add(true, false, 0.4, 1);
        acc.add(false, true, 0.8, 1);
        acc.add(false, false, 0.3, 3);
        Map<String, MetricValue> m = acc.compute(OPTIONS);
        assertThat(value(m, "roc_auc")).isCloseTo(10.0 / 12, within(EXACT));
        // thresholds .8 (precision 2/3, recall 2/3) and .4 (precision 3/4, recall +1/3)
        assertThat(value(m, "average_precision")).isCloseTo(4.0 / 9 + 1.0 / 4, within(EXACT));
        assertThat(m.get("roc_auc").ci()).as("no DeLong interval with weights").isEmpty();
    }

    @Test
    void weightedProportionsUseKishEffectiveSampleSizeForWilson() {
        // actual positives: weights 3 (hit) and 1 (miss) -> recall 3/4, n_eff = 16 / 10
        BinaryAccumulator acc = new BinaryAccumulator(false, false);
        acc.add(true, true, 0, 3);
        acc.add(true, false, 0, 1);
        acc.add(false, false, 0, 2);
        Map<String, MetricValue> m = acc.compute(OPTIONS);
        assertThat(value(m, "recall")).isCloseTo(0.75, within(EXACT));
        assertThat(interval(m, "recall")).isEqualTo(Intervals.wilson(0.75, 1.6, 0.95).orElseThrow());
        // all rows: weights 3, 1, 2 -> accuracy 5/6, n_eff 36 / 14
        assertThat(interval(m, "accuracy")).isEqualTo(Intervals.wilson(5.0 / 6, 36.0 / 14, 0.95).orElseThrow());
    }

    @Test
    void anIntegerWeightCountsLikeRepeatedRows() {
        Random random = new Random(7);
        BinaryAccumulator weighted = new BinaryAccumulator(true, true);
        BinaryAccumulator repeated = new BinaryAccumulator(true, true);
        for (int i = 0; i < 300; i++) {
            boolean actual = random.nextInt(3) == 0;
            double score = Math.round(random.nextDouble() * 50) / 50.0;
            boolean predicted = score >= 0.5;
            int w = 1 + random.nextInt(3);
            weighted.add(actual, predicted, score, w);
            for (int r = 0; r < w; r++) {
                repeated.add(actual, predicted, score, 1);
            }
        }
        Map<String, MetricValue> a = weighted.compute(OPTIONS);
        Map<String, MetricValue> b = repeated.compute(OPTIONS);
        for (String name : Metric.names(TaskType.BINARY)) {
            assertThat(value(a, name)).as(name).isCloseTo(value(b, name), within(1e-12));
        }
    }

    @Nested
    class WhenTheDataLeavesAMetricUndefined {
        @Test
        void noRowsLeavesEveryMetricUndefinedForThatReason() {
            Map<String, MetricValue> m = new BinaryAccumulator(true, true).compute(OPTIONS);
            for (String name : Metric.names(TaskType.BINARY)) {
                assertThat(reason(m, name)).as(name).isEqualTo("no rows");
            }
        }

        @Test
        void onlyNegativeLabelsLeaveRecallAndTheRankMetricsUndefined() {
            BinaryAccumulator acc = new BinaryAccumulator(true, true);
            acc.add(false, false, 0.2, 1);
            acc.add(false, true, 0.7, 1);
            Map<String, MetricValue> m = acc.compute(OPTIONS);
            assertThat(reason(m, "recall")).isEqualTo("no positive labels: recall is 0/0");
            assertThat(reason(m, "balanced_accuracy")).startsWith("no positive labels");
            assertThat(reason(m, "roc_auc")).isEqualTo("no positive labels: roc_auc needs both classes");
            assertThat(reason(m, "average_precision")).isEqualTo("no positive labels: average_precision is 0/0");
            // defined all the same: a false positive makes precision and f1 zero, not undefined
            assertThat(value(m, "precision")).isEqualTo(0.0);
            assertThat(value(m, "f1")).isEqualTo(0.0);
            assertThat(value(m, "specificity")).isEqualTo(0.5);
            assertThat(value(m, "accuracy")).isEqualTo(0.5);
            assertThat(value(m, "brier")).isCloseTo((0.04 + 0.49) / 2, within(1e-15));
        }

        @Test
        void onlyNegativesPredictedNegativeLeavePrecisionAndF1Undefined() {
            BinaryAccumulator acc = new BinaryAccumulator(false, false);
            acc.add(false, false, 0, 1);
            Map<String, MetricValue> m = acc.compute(OPTIONS);
            assertThat(reason(m, "precision")).isEqualTo("no positive predictions: precision is 0/0");
            assertThat(reason(m, "f1")).isEqualTo("no positive labels and no positive predictions: f1 is 0/0");
            assertThat(value(m, "specificity")).isEqualTo(1.0);
            assertThat(value(m, "accuracy")).isEqualTo(1.0);
        }

        @Test
        void onlyPositiveLabelsLeaveSpecificityAndRocAucUndefinedButNotAveragePrecision() {
            BinaryAccumulator acc = new BinaryAccumulator(true, true);
            acc.add(true, true, 0.9, 1);
            acc.add(true, false, 0.1, 1);
            Map<String, MetricValue> m = acc.compute(OPTIONS);
            assertThat(reason(m, "specificity")).isEqualTo("no negative labels: specificity is 0/0");
            assertThat(reason(m, "balanced_accuracy")).startsWith("no negative labels");
            assertThat(reason(m, "roc_auc")).isEqualTo("no negative labels: roc_auc needs both classes");
            assertThat(value(m, "average_precision")).isEqualTo(1.0);
            assertThat(value(m, "recall")).isEqualTo(0.5);
            assertThat(value(m, "precision")).isEqualTo(1.0);
        }

        @Test
        void aSingleRowGivesDefinedProportionsWithWideIntervalsAndNoRocAuc() {
            BinaryAccumulator acc = new BinaryAccumulator(true, true);
            acc.add(true, true, 0.75, 1);
            Map<String, MetricValue> m = acc.compute(OPTIONS);
            assertThat(value(m, "accuracy")).isEqualTo(1.0);
            assertThat(interval(m, "accuracy").low()).isCloseTo(1 / (1 + Math.pow(Intervals.z(0.95), 2)),
                    within(1e-12));
            assertThat(reason(m, "roc_auc")).startsWith("no negative labels");
            assertThat(value(m, "log_loss")).isCloseTo(-Math.log(0.75), within(1e-15));
        }

        @Test
        void withoutAScoreColumnTheScoreMetricsSaySo() {
            BinaryAccumulator acc = new BinaryAccumulator(false, true);
            acc.add(true, true, Double.NaN, 1); // ignored without scores
            acc.add(false, false, 5, 1);
            Map<String, MetricValue> m = acc.compute(OPTIONS);
            for (String name : new String[] {"roc_auc", "average_precision", "log_loss", "brier", "ece"}) {
                assertThat(reason(m, name)).as(name).isEqualTo("no score column");
            }
            assertThat(value(m, "accuracy")).isEqualTo(1.0);
        }

        @Test
        void withoutAScoreColumnEvenAnEmptyAccumulatorBlamesTheMissingColumn() {
            Map<String, MetricValue> m = new BinaryAccumulator(false, false).compute(OPTIONS);
            assertThat(reason(m, "brier")).isEqualTo("no score column");
            assertThat(reason(m, "accuracy")).isEqualTo("no rows");
        }

        @Test
        void withoutRankMetricsRequestedOnlyRocAucAndAveragePrecisionAreMissing() {
            BinaryAccumulator acc = new BinaryAccumulator(true, false);
            acc.add(true, true, 0.8, 1);
            acc.add(false, false, 0.3, 1);
            Map<String, MetricValue> m = acc.compute(OPTIONS);
            assertThat(reason(m, "roc_auc")).isEqualTo("rank metrics not requested");
            assertThat(reason(m, "average_precision")).isEqualTo("rank metrics not requested");
            assertThat(value(m, "brier")).isCloseTo((0.04 + 0.09) / 2, within(1e-15));
        }
    }

    @Test
    void deLongNeedsTwoRowsInEachClass() {
        BinaryAccumulator acc = new BinaryAccumulator(true, true);
        acc.add(true, true, 0.9, 1);
        acc.add(false, false, 0.1, 1);
        acc.add(false, false, 0.2, 1);
        Map<String, MetricValue> m = acc.compute(OPTIONS);
        assertThat(value(m, "roc_auc")).isEqualTo(1.0);
        assertThat(m.get("roc_auc").ci()).isEmpty();
    }

    @Test
    void deLongOfPerfectSeparationCollapsesOnOne() {
        BinaryAccumulator acc = new BinaryAccumulator(true, true);
        acc.add(true, true, 0.9, 1);
        acc.add(true, true, 0.8, 1);
        acc.add(false, false, 0.1, 1);
        acc.add(false, false, 0.2, 1);
        Interval ci = interval(acc.compute(OPTIONS), "roc_auc");
        assertThat(ci.low()).isEqualTo(1.0);
        assertThat(ci.high()).isEqualTo(1.0);
    }

    /**
     * Hanley and McNeil (1982), Radiology 143:29-36, Table 1: CT ratings 1-5 of 58 normal and 51 abnormal cases;
     * they publish AUC 0.8932. The DeLong standard error and 95% interval are evaluated in Python from the
     * placement values by their definition (an O(m n) comparison of every pair, numpy 1.24, scipy 1.10 for z):
     * SE 0.030724408379381122, interval [0.8329523276581718, 0.9533897953979471].
     */
    @Test
    void deLongMatchesAnIndependentComputationOnHanleyAndMcNeilsRatings() {
        BinaryAccumulator acc = new BinaryAccumulator(true, true);
        int[] normals = {33, 6, 6, 11, 2};
        int[] abnormals = {3, 2, 2, 11, 33};
        for (int rating = 1; rating <= 5; rating++) {
            for (int i = 0; i < normals[rating - 1]; i++) {
                acc.add(false, rating >= 4, rating / 5.0, 1);
            }
            for (int i = 0; i < abnormals[rating - 1]; i++) {
                acc.add(true, rating >= 4, rating / 5.0, 1);
            }
        }
        Map<String, MetricValue> m = acc.compute(OPTIONS);
        assertThat(value(m, "roc_auc")).isCloseTo(0.8932, within(0.5e-4));
        assertThat(value(m, "roc_auc")).isCloseTo(0.8931710615280595, within(1e-12));
        Interval ci = interval(m, "roc_auc");
        assertThat(ci.low()).isCloseTo(0.8329523276581718, within(1e-12));
        assertThat(ci.high()).isCloseTo(0.9533897953979471, within(1e-12));
        assertThat(ci.level()).isEqualTo(0.95);
    }

    @Test
    void mergingTwoHalvesGivesTheSameMetricsAsOneAccumulator() {
        for (boolean weighted : new boolean[] {false, true}) {
            Random random = new Random(11);
            BinaryAccumulator whole = new BinaryAccumulator(true, true);
            BinaryAccumulator left = new BinaryAccumulator(true, true);
            BinaryAccumulator right = new BinaryAccumulator(true, true);
            for (int i = 0; i < 1000; i++) {
                boolean actual = random.nextDouble() < 0.3;
                double score = Math.round((actual ? 0.3 : 0) + random.nextDouble() * 0.7 * 1000) / 1000.0;
                boolean predicted = score > 0.5;
                double w = weighted ? 0.5 + random.nextInt(4) : 1;
                whole.add(actual, predicted, score, w);
                (random.nextBoolean() ? left : right).add(actual, predicted, score, w);
            }
            left.merge(right);
            assertThat(left.rows()).isEqualTo(1000);
            assertThat(left.weightSum()).isCloseTo(whole.weightSum(), within(1e-9));
            assertSameMetrics(left.compute(OPTIONS), whole.compute(OPTIONS), 1e-12);
        }
    }

    @Test
    void mergingLeavesTheOtherAccumulatorUnchanged() {
        BinaryAccumulator a = nineRows(10);
        BinaryAccumulator b = nineRows(10);
        Map<String, MetricValue> before = b.compute(OPTIONS);
        a.merge(b);
        assertSameMetrics(b.compute(OPTIONS), before, 0);
        assertThat(a.rows()).isEqualTo(18);
    }

    @Test
    void mergingAnAccumulatorIntoItselfDoublesItsRows() {
        BinaryAccumulator a = nineRows(10);
        BinaryAccumulator twice = nineRows(10);
        twice.merge(nineRows(10));
        a.merge(a);
        assertSameMetrics(a.compute(OPTIONS), twice.compute(OPTIONS), 1e-15);
    }

    @Test
    void mergingAccumulatorsBuiltDifferentlyIsRefused() {
        BinaryAccumulator withRank = new BinaryAccumulator(true, true);
        assertThatThrownBy(() -> withRank.merge(new BinaryAccumulator(true, false)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> withRank.merge(new BinaryAccumulator(false, true)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> withRank.merge(new BinaryAccumulator(true, true, 5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "weighted rows: {0}")
    @ValueSource(booleans = {false, true})
    void computeLeavesTheStateReadyForMoreRowsAndMerges(boolean weighted) {
        Random random = new Random(5);
        BinaryAccumulator incremental = new BinaryAccumulator(true, true);
        BinaryAccumulator fresh = new BinaryAccumulator(true, true);
        for (int round = 0; round < 3; round++) {
            BinaryAccumulator part = new BinaryAccumulator(true, true);
            for (int i = 0; i < 200; i++) {
                boolean actual = random.nextBoolean();
                double score = Math.round(((actual ? 0.2 : 0) + 0.8 * random.nextDouble()) * 100) / 100.0;
                double w = weighted ? 1 + random.nextInt(5) * 0.25 : 1;
                incremental.add(actual, score > 0.5, score, w);
                part.add(actual, score > 0.5, score, w);
            }
            part.compute(OPTIONS); // sorts part's scores in place before they are merged
            fresh.merge(part);
            incremental.compute(OPTIONS);
        }
        assertSameMetrics(incremental.compute(OPTIONS), fresh.compute(OPTIONS), 1e-12);
        assertSameMetrics(incremental.compute(OPTIONS), incremental.compute(OPTIONS), 0);
    }

    @Test
    void unitWeightsAllocateNoWeightStorageAndTheFirstOtherWeightDoes() {
        BinaryAccumulator acc = new BinaryAccumulator(true, true);
        for (int i = 0; i < 1000; i++) {
            acc.add(i % 2 == 0, i % 3 == 0, (i % 100) / 100.0, 1.0);
        }
        assertThat(acc.storesWeights()).isFalse();
        acc.add(true, true, 0.5, 2.0);
        assertThat(acc.storesWeights()).isTrue();
    }

    @Test
    void rowsOfWeightZeroAreCountedAndWeighNothing() {
        BinaryAccumulator withZeros = new BinaryAccumulator(true, true);
        BinaryAccumulator without = new BinaryAccumulator(true, true);
        double[][] rows = {{1, 0.9, 2}, {0, 0.8, 1.5}, {1, 0.4, 0.5}, {0, 0.3, 3}, {1, 0.6, 1}, {0, 0.1, 2}};
        for (double[] r : rows) {
            withZeros.add(r[0] == 1, r[1] >= 0.5, r[1], r[2]);
            without.add(r[0] == 1, r[1] >= 0.5, r[1], r[2]);
        }
        // the highest and the lowest score, and a tie with a weighted row, held only by rows that weigh nothing
        withZeros.add(false, true, 0.99, 0);
        withZeros.add(true, false, 0.01, 0);
        withZeros.add(true, false, 0.3, 0);
        assertThat(withZeros.rows()).isEqualTo(without.rows() + 3);
        assertThat(withZeros.storesWeights()).isTrue();
        assertSameMetrics(withZeros.compute(MetricOptions.DEFAULTS), without.compute(MetricOptions.DEFAULTS), 1e-15);
        assertThat(withZeros.curves().orElseThrow().operatingPoints())
                .isEqualTo(without.curves().orElseThrow().operatingPoints());
    }

    @Test
    void aClassWhoseRowsAllWeighZeroLeavesItsMetricsUndefined() {
        BinaryAccumulator acc = new BinaryAccumulator(true, true);
        acc.add(true, true, 0.9, 0);
        acc.add(true, false, 0.2, 0);
        acc.add(false, false, 0.3, 1);
        acc.add(false, true, 0.7, 2);
        Map<String, MetricValue> m = acc.compute(MetricOptions.DEFAULTS);
        assertThat(reason(m, "recall")).isEqualTo("the positive labels all have weight 0: recall is 0/0");
        assertThat(reason(m, "roc_auc")).isEqualTo("the positive labels all have weight 0: roc_auc needs both classes");
        assertThat(reason(m, "average_precision")).startsWith("the positive labels all have weight 0");
        assertThat(value(m, "precision")).isZero();
        assertThat(value(m, "specificity")).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(acc.curves().orElseThrow().undefinedReason()).hasValueSatisfying(r ->
                assertThat(r).startsWith("the positive labels all have weight 0"));
    }

    @Test
    void everyRowOfWeightZeroLeavesEveryMetricUndefined() {
        BinaryAccumulator acc = new BinaryAccumulator(true, true);
        acc.add(true, true, 0.9, 0);
        acc.add(false, false, 0.3, 0);
        Map<String, MetricValue> m = acc.compute(MetricOptions.DEFAULTS);
        for (String name : Metric.names(TaskType.BINARY)) {
            assertThat(m.get(name).isDefined()).as(name).isFalse();
        }
        assertThat(reason(m, "accuracy")).isEqualTo("every row has weight 0");
        assertThat(reason(m, "log_loss")).isEqualTo("every row has weight 0");
        assertThat(acc.rows()).isEqualTo(2);
    }

    @ParameterizedTest(name = "weights times {0} give the same metrics and intervals")
    @CsvSource({"1e160", "1e-200", "1e300", "4.9e-324"})
    void extremeWeightsGiveTheMetricsOfTheirRatios(double scale) {
        // every metric, Kish's effective size and the AUC are invariant when every weight is multiplied by a constant
        Random random = new Random(11);
        BinaryAccumulator plain = new BinaryAccumulator(true, true);
        BinaryAccumulator scaled = new BinaryAccumulator(true, true);
        for (int i = 0; i < 2000; i++) {
            boolean positive = random.nextDouble() < 0.3;
            double s = Math.min(1, Math.max(0, (positive ? 0.65 : 0.35) + 0.25 * random.nextGaussian()));
            int w = 1 + random.nextInt(4);
            plain.add(positive, s >= 0.5, s, w);
            scaled.add(positive, s >= 0.5, s, w * scale);
        }
        assertSameMetrics(scaled.compute(MetricOptions.DEFAULTS), plain.compute(MetricOptions.DEFAULTS), 1e-12);
        List<OperatingPoint> a = scaled.curves().orElseThrow().operatingPoints();
        List<OperatingPoint> b = plain.curves().orElseThrow().operatingPoints();
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).truePositiveRate()).isCloseTo(b.get(i).truePositiveRate(), within(1e-12));
            assertThat(a.get(i).precision()).isCloseTo(b.get(i).precision(), within(1e-12));
        }
    }

    @Test
    void classesWeighted1e160And1e200ApartKeepTheirAuc() {
        // the AUC does not change when one class's weights are multiplied by a constant (by its definition); the
        // products of a positive's and a negative's weight would be 1e-40 here, and 1e320 or 1e-400 one by one
        BinaryAccumulator apart = new BinaryAccumulator(true, true);
        BinaryAccumulator unit = new BinaryAccumulator(true, true);
        double[][] rows = {{1, 0.9, 1}, {1, 0.6, 3}, {1, 0.3, 2}, {0, 0.7, 1}, {0, 0.4, 2}, {0, 0.2, 5}};
        for (double[] r : rows) {
            boolean positive = r[0] == 1;
            apart.add(positive, r[1] >= 0.5, r[1], r[2] * (positive ? 1e160 : 1e-200));
            unit.add(positive, r[1] >= 0.5, r[1], r[2]);
        }
        Map<String, MetricValue> m = apart.compute(MetricOptions.DEFAULTS);
        assertThat(value(m, "roc_auc")).isCloseTo(value(unit.compute(MetricOptions.DEFAULTS), "roc_auc"), within(1e-15));
        // negatives weigh nothing next to the positives: precision is 1 wherever a positive is predicted
        assertThat(value(m, "precision")).isEqualTo(1.0);
        assertThat(value(m, "average_precision")).isCloseTo(1.0, within(1e-15));
        assertThat(value(m, "specificity")).isCloseTo(value(unit.compute(MetricOptions.DEFAULTS), "specificity"),
                within(1e-15));
    }

    @Test
    void weightsAddingUpBeyondDoublesRangeAreAnArithmeticError() {
        BinaryAccumulator acc = new BinaryAccumulator(true, true);
        acc.add(true, true, 0.9, 1e308);
        assertThatThrownBy(() -> acc.add(false, false, 0.1, 1e308)).isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("the weights add up to more than");
    }

    @ParameterizedTest(name = "score {0}, weight {1} is rejected")
    @CsvSource({"-0.01, 1", "1.01, 1", "NaN, 1", "0.5, -1e-300", "0.5, -1", "0.5, NaN", "0.5, Infinity"})
    void invalidScoresAndWeightsAreRejected(double score, double weight) {
        BinaryAccumulator acc = new BinaryAccumulator(true, true);
        assertThatThrownBy(() -> acc.add(true, true, score, weight)).isInstanceOf(IllegalArgumentException.class);
        assertThat(acc.rows()).isZero();
    }

    @Test
    void computedMapsCannotBeModified() {
        Map<String, MetricValue> m = nineRows(10).compute(OPTIONS);
        assertThatThrownBy(() -> m.remove("accuracy")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void withoutRanksHoldsWhatAnAccumulatorBuiltWithoutThemHolds() throws Exception {
        BinaryAccumulator ranked = new BinaryAccumulator(true, true, 5);
        BinaryAccumulator plain = new BinaryAccumulator(true, false, 5);
        Random random = new Random(3);
        for (int i = 0; i < 500; i++) {
            boolean actual = random.nextBoolean();
            double score = random.nextInt(100) / 99.0;
            double weight = 0.5 + random.nextInt(3);
            ranked.add(actual, score >= 0.5, score, weight);
            plain.add(actual, score >= 0.5, score, weight);
        }
        BinaryAccumulator copy = ranked.withoutRanks();

        assertThat(copy.hasRankMetrics()).isFalse();
        assertThat(copy.compute(new MetricOptions(0.95, 5))).isEqualTo(plain.compute(new MetricOptions(0.95, 5)));
        StringWriter copyState = new StringWriter();
        StringWriter plainState = new StringWriter();
        try (JsonGenerator a = new JsonFactory().createGenerator(copyState);
             JsonGenerator b = new JsonFactory().createGenerator(plainState)) {
            copy.writeState(a);
            plain.writeState(b);
        }
        assertThat(copyState.toString()).isEqualTo(plainState.toString());
    }
}
