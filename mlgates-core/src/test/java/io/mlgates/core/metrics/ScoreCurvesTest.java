package io.mlgates.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ScoreCurvesTest {
    private static final double EXACT = 1e-15;

    /** The nine rows of BinaryAccumulatorTest: positives 0.9, 0.8, 0.4, 0.35; negatives 0.8, 0.3, 0.2, 0.1, 0.05. */
    private static BinaryAccumulator nineRows() {
        BinaryAccumulator acc = new BinaryAccumulator(true, true, 10);
        for (double s : new double[] {0.9, 0.8, 0.4, 0.35}) {
            acc.add(true, s >= 0.5, s, 1);
        }
        for (double s : new double[] {0.8, 0.3, 0.2, 0.1, 0.05}) {
            acc.add(false, s >= 0.5, s, 1);
        }
        return acc;
    }

    /** Trapezoidal area under the ROC curve from (0, 0) through the points. */
    private static double area(List<OperatingPoint> points) {
        double area = 0;
        double x = 0;
        double y = 0;
        for (OperatingPoint p : points) {
            area += (p.falsePositiveRate() - x) * (p.truePositiveRate() + y) / 2;
            x = p.falsePositiveRate();
            y = p.truePositiveRate();
        }
        return area;
    }

    @Test
    @DisplayName("each distinct score is an operating point with its rates and precision, the tied score once")
    void operatingPointsOfNineRows() {
        List<OperatingPoint> points = nineRows().curves().orElseThrow().operatingPoints();
        double[][] expected = { // threshold, tpr, fpr, precision; checked by hand
            {0.9, 0.25, 0, 1}, {0.8, 0.5, 0.2, 2.0 / 3}, {0.4, 0.75, 0.2, 0.75}, {0.35, 1, 0.2, 0.8},
            {0.3, 1, 0.4, 4.0 / 6}, {0.2, 1, 0.6, 4.0 / 7}, {0.1, 1, 0.8, 0.5}, {0.05, 1, 1, 4.0 / 9}};
        assertThat(points).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            OperatingPoint p = points.get(i);
            assertThat(p.threshold()).isEqualTo(expected[i][0]); // the score itself, at full precision
            assertThat(p.truePositiveRate()).isCloseTo(expected[i][1], within(EXACT));
            assertThat(p.falsePositiveRate()).isCloseTo(expected[i][2], within(EXACT));
            assertThat(p.precision()).isCloseTo(expected[i][3], within(EXACT));
        }
    }

    @Test
    @DisplayName("recall and false positive rate never go down, though cumulative real-valued weights round")
    void ratesNeverDecreaseWithRealValuedWeights() {
        // The shape that once failed: scores tied at two decimals, weights that do not add exactly, and scores held
        // only by negatives, where the recall of the score before had been rounded one unit in the last place up.
        for (long seed = 0; seed < 10; seed++) {
            Random random = new Random(seed);
            BinaryAccumulator acc = new BinaryAccumulator(true, true, 10);
            for (int i = 0; i < 20_000; i++) {
                boolean positive = random.nextDouble() < 0.3;
                double s = Math.round(Math.min(1, Math.max(0, (positive ? 0.7 : 0.3) + 0.2 * random.nextGaussian()))
                        * 100) / 100.0;
                acc.add(positive, s >= 0.5, s, Math.exp(random.nextGaussian()));
            }
            List<OperatingPoint> points = acc.curves().orElseThrow().operatingPoints();
            for (int i = 1; i < points.size(); i++) {
                assertThat(points.get(i).truePositiveRate()).isGreaterThanOrEqualTo(points.get(i - 1).truePositiveRate());
                assertThat(points.get(i).falsePositiveRate())
                        .isGreaterThanOrEqualTo(points.get(i - 1).falsePositiveRate());
            }
        }
    }

    @Test
    @DisplayName("the area under the stored ROC curve is roc_auc when no point had to be dropped")
    void areaIsRocAuc() {
        BinaryAccumulator acc = nineRows();
        double auc = acc.compute(MetricOptions.DEFAULTS).get("roc_auc").value().getAsDouble();
        assertThat(area(acc.curves().orElseThrow().operatingPoints())).isCloseTo(auc, within(1e-12));
    }

    @Test
    @DisplayName("calibration bins hold rows, mean score and rate of positives; an empty bin has neither, not 0")
    void calibrationBinsOfNineRows() {
        List<CalibrationBin> bins = nineRows().curves().orElseThrow().calibration();
        assertThat(bins).hasSize(10);
        assertThat(bins.get(8)).isEqualTo(new CalibrationBin(0.8, 0.9, 2, 2, OptionalDouble.of(0.8),
                OptionalDouble.of(0.5)));
        assertThat(bins.get(3).rows()).isEqualTo(2);
        assertThat(bins.get(3).meanScore().getAsDouble()).isCloseTo(0.325, within(EXACT));
        assertThat(bins.get(9).positiveRate()).hasValue(1.0);
        for (int empty : new int[] {5, 6, 7}) {
            assertThat(bins.get(empty).rows()).isZero();
            assertThat(bins.get(empty).meanScore()).isEmpty();
            assertThat(bins.get(empty).positiveRate()).isEmpty();
        }
        assertThat(bins.get(0).low()).isZero();
        assertThat(bins.get(9).high()).isEqualTo(1.0);
    }

    @Test
    @DisplayName("a hundred thousand rows keep at most 200 points, ordered, ending at (1, 1), close to the exact AUC")
    void boundedWhateverTheRowCount() {
        BinaryAccumulator acc = new BinaryAccumulator(true, true, 10);
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            boolean positive = random.nextDouble() < 0.3;
            double score = Math.min(1, Math.max(0, (positive ? 0.6 : 0.4) + 0.2 * random.nextGaussian()));
            acc.add(positive, score >= 0.5, score, 1 + random.nextInt(3));
        }
        ScoreCurves curves = acc.curves().orElseThrow();
        List<OperatingPoint> points = curves.operatingPoints();
        assertThat(points).hasSizeBetween(100, ScoreCurves.MAX_POINTS);
        OperatingPoint last = points.get(points.size() - 1);
        assertThat(last.truePositiveRate()).isEqualTo(1.0);
        assertThat(last.falsePositiveRate()).isEqualTo(1.0);
        double auc = acc.compute(MetricOptions.DEFAULTS).get("roc_auc").value().getAsDouble();
        // Between kept points the curve moves less than 2/199 in tpr + fpr, so the area can differ by at most that.
        assertThat(area(points)).isCloseTo(auc, within(2.0 / 199));
    }

    @Test
    @DisplayName("the downsampling keeps no more points than asked, for any bound, and always the last")
    void samplerHonoursItsBound() {
        ScoreBudget budget = ScoreBudget.defaults();
        ScoreStore positives = new ScoreStore(budget);
        ScoreStore negatives = new ScoreStore(budget);
        for (int i = 0; i < 1000; i++) {
            (i % 2 == 0 ? positives : negatives).add(i / 1000.0, 1);
        }
        for (int max : new int[] {2, 3, 10, 200}) {
            List<OperatingPoint> points = OperatingPoints.sample(ScoreGroups.of(positives, negatives, true), max);
            assertThat(points).hasSizeLessThanOrEqualTo(max);
            assertThat(points.get(points.size() - 1).threshold()).isZero();
        }
    }

    @Test
    @DisplayName("a single class, no rows, or no stored scores leave the curves undefined with the reason; bins stay")
    void undefinedCurvesSayWhy() {
        BinaryAccumulator negativesOnly = new BinaryAccumulator(true, true, 4);
        negativesOnly.add(false, false, 0.2, 1);
        ScoreCurves curves = negativesOnly.curves().orElseThrow();
        assertThat(curves.operatingPoints()).isEmpty();
        assertThat(curves.undefinedReason()).hasValue(
                "no positive labels: the ROC and precision-recall curves need both classes");
        assertThat(curves.calibration()).hasSize(4);

        assertThat(new BinaryAccumulator(true, true, 4).curves().orElseThrow().undefinedReason()).hasValue("no rows");
        BinaryAccumulator noRanks = new BinaryAccumulator(true, false, 4);
        noRanks.add(true, true, 0.9, 1);
        noRanks.add(false, false, 0.1, 1);
        assertThat(noRanks.curves().orElseThrow().undefinedReason()).hasValue("rank metrics not requested");
        assertThat(new BinaryAccumulator(false, true, 4).curves()).isEmpty();
    }

    @Test
    @DisplayName("merged halves give the curves of one accumulator over all rows")
    void mergeable() {
        BinaryAccumulator whole = new BinaryAccumulator(true, true, 10);
        BinaryAccumulator first = new BinaryAccumulator(true, true, 10);
        BinaryAccumulator second = new BinaryAccumulator(true, true, 10);
        Random random = new Random(3);
        for (int i = 0; i < 2000; i++) {
            boolean positive = random.nextBoolean();
            double score = random.nextInt(1000) / 1000.0;
            whole.add(positive, score >= 0.5, score, 1);
            (i < 1000 ? first : second).add(positive, score >= 0.5, score, 1);
        }
        first.merge(second);
        assertThat(first.curves()).isEqualTo(whole.curves());
    }

    @Test
    @DisplayName("curves reject points out of order, too many points, and a missing reason")
    void validatingConstructor() {
        OperatingPoint high = new OperatingPoint(0.9, 0.5, 0.1, 0.8);
        OperatingPoint low = new OperatingPoint(0.1, 1, 1, 0.5);
        CalibrationBin bin = new CalibrationBin(0, 1, 0, 0, OptionalDouble.empty(), OptionalDouble.empty());
        assertThat(new ScoreCurves(List.of(high, low), Optional.empty(), List.of(bin)).operatingPoints()).hasSize(2);
        assertThatThrownBy(() -> new ScoreCurves(List.of(low, high), Optional.empty(), List.of(bin)))
                .hasMessageContaining("highest threshold down");
        assertThatThrownBy(() -> new ScoreCurves(List.of(), Optional.empty(), List.of(bin)))
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> new CalibrationBin(0, 1, 0, 0, OptionalDouble.of(0.5), OptionalDouble.empty()))
                .hasMessageContaining("exactly when it has weight");
        assertThat(new CalibrationBin(0, 1, 3, 0, OptionalDouble.empty(), OptionalDouble.empty()).meanScore())
                .as("rows of weight 0 have no mean").isEmpty();
        assertThatThrownBy(() -> new CalibrationBin(0, 1, 0, 1, OptionalDouble.of(0.5), OptionalDouble.of(0.5)))
                .hasMessageContaining("without rows weighs nothing");
        assertThatThrownBy(() -> new OperatingPoint(0.5, 1.5, 0, 0)).hasMessageContaining("truePositiveRate");
    }
}
