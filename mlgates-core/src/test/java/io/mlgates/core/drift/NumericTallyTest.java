package io.mlgates.core.drift;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The streaming tallies: merging parts equals one pass; past the cap, a sketch whose bound holds. */
class NumericTallyTest {
    private static final SketchSettings SMALL = new SketchSettings(1000, 100);

    @Test
    void mergedPartsEqualOnePassWhileExact() {
        NumericTally whole = new NumericTally(SketchSettings.DEFAULT);
        NumericTally left = new NumericTally(SketchSettings.DEFAULT);
        NumericTally right = new NumericTally(SketchSettings.DEFAULT);
        for (int i = 0; i < 5000; i++) {
            double v = (i * 37) % 101 / 4.0;
            whole.add(v);
            (i % 3 == 0 ? left : right).add(v);
        }
        left.addNull();
        whole.addNull();
        left.merge(right);

        NumericSummary merged = left.summary();
        assertThat(merged).isEqualTo(whole.summary());
        assertThat(merged.distribution()).isInstanceOf(ExactValues.class);
        ExactValues exact = (ExactValues) merged.distribution();
        assertThat(exact.size()).isEqualTo(101);
        assertThat(exact.count()).isEqualTo(5000);
        assertThat(merged.nulls()).isEqualTo(1);
    }

    @Test
    void minusZeroIsZero() {
        NumericTally tally = new NumericTally(SketchSettings.DEFAULT);
        tally.add(-0.0);
        tally.add(0.0);

        ExactValues exact = (ExactValues) tally.summary().distribution();
        assertThat(exact.size()).isEqualTo(1);
        assertThat(exact.countOf(0)).isEqualTo(2);
    }

    @Test
    void pastTheCapASketchKeepsCountMomentsAndAnHonestRankError() {
        NumericTally left = new NumericTally(SMALL);
        NumericTally right = new NumericTally(SMALL);
        int n = 50_000;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double v = (i * 7919L) % 20011 / 7.0;
            sum += v;
            (i % 2 == 0 ? left : right).add(v);
        }
        left.merge(right);
        NumericSummary summary = left.summary();

        QuantileSketch sketch = (QuantileSketch) summary.distribution();
        assertThat(sketch.count()).isEqualTo(n);
        assertThat(sketch.mean()).isCloseTo(sum / n, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(sketch.min()).isEqualTo(0.0);
        assertThat(sketch.max()).isEqualTo(20010 / 7.0);
        // The exact count at most x, against the estimate, at many points: never off by more than the bound.
        long[] sorted = new long[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = (i * 7919L) % 20011;
        }
        java.util.Arrays.sort(sorted);
        for (int k = -1; k <= 20011; k++) {
            for (double x : new double[] {k / 7.0, (k + 0.5) / 7.0}) {
                long atMost = upperBound(sorted, Math.floor(x * 7.0 + 1e-9));
                assertThat(Math.abs(sketch.countAtMost(x) - atMost)).as("count at most %s", x)
                        .isLessThanOrEqualTo(sketch.rankError());
            }
        }
        assertThat(sketch.rankErrorShare()).isLessThan(0.05);
    }

    private static long upperBound(long[] sorted, double key) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Test
    void aSketchsRankErrorIsTheLargestSumOfBucketsStraddlingAPoint() {
        // [0, 2] holds 5, [1, 3] holds 4, the point 2.5 holds 7: at x in [1, 2) both ranges straddle (9).
        QuantileSketch sketch = QuantileSketch.of(new double[] {0, 1, 2.5}, new double[] {2, 3, 2.5},
                new long[] {5, 4, 7}, 1.5, 10);

        assertThat(sketch.rankError()).isEqualTo(9);
        assertThat(sketch.countAtMost(2.5)).isEqualTo(5 + 4 * 0.75 + 7);
        assertThat(sketch.countBelow(2.5)).isEqualTo(5 + 4 * 0.75);
        assertThat(sketch.countAtMost(3)).isEqualTo(16);
        assertThat(sketch.countAtMost(-1)).isZero();
    }
}
