package io.mlgates.core.drift;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * A numeric column past its cap of distinct values: buckets {@code [lower, upper]} with the number of values in
 * each, plus the exact mean and sum of squared deviations. A bucket with {@code lower == upper} is one value and
 * exact; a wider bucket's values are known only to lie within it, so the count of values at most x is uncertain by
 * the counts of the buckets with {@code lower <= x < upper}. The largest such sum over all x is the sketch's
 * {@link #rankError() rank error}, computed from the buckets themselves, so it holds after any merge. Estimates
 * spread each wide bucket's values evenly over it. Immutable.
 */
public final class QuantileSketch implements NumericDistribution {
    private final double[] lower;
    private final double[] upper;
    private final long[] counts;
    private final long count;
    private final double mean;
    private final double m2;
    private final long rankError;
    /** Distinct bucket ends ascending, with the estimated count below each and at most each. */
    private final double[] knots;
    private final double[] countBelowKnot;
    private final double[] countAtKnot;

    private QuantileSketch(double[] lower, double[] upper, long[] counts, double mean, double m2) {
        this.lower = lower;
        this.upper = upper;
        this.counts = counts;
        long total = 0;
        for (long c : counts) {
            total = Math.addExact(total, c);
        }
        this.count = total;
        this.mean = mean;
        this.m2 = m2;
        double[] ends = new double[2 * lower.length];
        System.arraycopy(lower, 0, ends, 0, lower.length);
        System.arraycopy(upper, 0, ends, lower.length, upper.length);
        Arrays.sort(ends);
        this.knots = Arrays.stream(ends).distinct().toArray();
        this.countBelowKnot = new double[knots.length];
        this.countAtKnot = new double[knots.length];
        this.rankError = sweep();
    }

    /**
     * A sketch as a profile stores it.
     *
     * @param lower each bucket's smallest value, ascending (ties ordered by {@code upper})
     * @param upper each bucket's largest value, at least {@code lower}
     * @param counts values in each bucket, positive
     * @param mean the mean of all values
     * @param m2 the sum of squared deviations from the mean, at least 0
     */
    public static QuantileSketch of(double[] lower, double[] upper, long[] counts, double mean, double m2) {
        if (lower.length != upper.length || lower.length != counts.length || lower.length == 0) {
            throw new IllegalArgumentException("a sketch needs as many lower ends, upper ends and counts, at least one");
        }
        for (int i = 0; i < lower.length; i++) {
            if (!Double.isFinite(lower[i]) || !Double.isFinite(upper[i]) || lower[i] > upper[i]) {
                throw new IllegalArgumentException("bucket " + i + " [" + lower[i] + ", " + upper[i]
                        + "] must have finite ends, lower <= upper");
            }
            if (counts[i] <= 0) {
                throw new IllegalArgumentException("bucket " + i + " has count " + counts[i] + "; counts are positive");
            }
            if (i > 0 && (lower[i - 1] > lower[i] || (lower[i - 1] == lower[i] && upper[i - 1] > upper[i]))) {
                throw new IllegalArgumentException("buckets must be ordered by lower then upper end, at " + i);
            }
        }
        double min = lower[0];
        double max = Arrays.stream(upper).max().orElseThrow();
        if (!(mean >= min && mean <= max) || !(m2 >= 0) || !Double.isFinite(m2)) {
            throw new IllegalArgumentException("mean " + mean + " must lie in [" + min + ", " + max
                    + "] and m2 " + m2 + " must be finite and >= 0");
        }
        return new QuantileSketch(lower.clone(), upper.clone(), counts.clone(), mean, m2);
    }

    /** The sketch of exactly known values: each distinct value a bucket, then compacted to the settings' size. */
    static QuantileSketch of(ExactValues exact, SketchSettings settings) {
        int n = exact.size();
        double[] v = new double[n];
        long[] c = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = exact.value(i);
            c[i] = exact.countOf(i);
        }
        return compact(v, v, c, exact.count(), exact.mean(), exact.m2(), settings);
    }

    /** Buckets in order of lower then upper end, merged greedily while each stays within count / buckets. */
    private static QuantileSketch compact(double[] lo, double[] hi, long[] c, long total, double mean, double m2,
                                          SketchSettings settings) {
        long budget = Math.max(1, (total + settings.sketchBuckets() - 1) / settings.sketchBuckets());
        double[] outLo = new double[lo.length];
        double[] outHi = new double[lo.length];
        long[] outC = new long[lo.length];
        int n = 0;
        for (int i = 0; i < lo.length; i++) {
            if (n > 0 && outC[n - 1] + c[i] <= budget) {
                outHi[n - 1] = Math.max(outHi[n - 1], hi[i]);
                outC[n - 1] += c[i];
            } else {
                outLo[n] = lo[i];
                outHi[n] = hi[i];
                outC[n++] = c[i];
            }
        }
        return new QuantileSketch(Arrays.copyOf(outLo, n), Arrays.copyOf(outHi, n), Arrays.copyOf(outC, n), mean,
                m2);
    }

    /** Fills the knots' estimated counts and returns the largest uncertainty of a count-at-most. */
    private long sweep() {
        Integer[] byUpper = IntStream.range(0, lower.length).boxed().toArray(Integer[]::new);
        Arrays.sort(byUpper, Comparator.comparingDouble(i -> upper[i]));
        int nextStart = 0;
        int nextEnd = 0;
        double completed = 0;
        double partial = 0;
        double slope = 0;
        long straddling = 0;
        long worst = 0;
        double previous = knots.length == 0 ? 0 : knots[0];
        for (int k = 0; k < knots.length; k++) {
            double x = knots[k];
            partial += slope * (x - previous);
            previous = x;
            countBelowKnot[k] = completed + partial;
            while (nextEnd < byUpper.length && upper[byUpper[nextEnd]] == x) {
                int b = byUpper[nextEnd++];
                if (lower[b] < upper[b]) {
                    partial -= counts[b];
                    slope -= counts[b] / (upper[b] - lower[b]);
                    straddling -= counts[b];
                }
                completed += counts[b];
            }
            while (nextStart < lower.length && lower[nextStart] == x) {
                int b = nextStart++;
                if (lower[b] < upper[b]) {
                    slope += counts[b] / (upper[b] - lower[b]);
                    straddling += counts[b];
                }
            }
            // Only ranges that start at x remain open there; their share of x itself is estimated as 0.
            partial = Math.max(partial, 0);
            countAtKnot[k] = completed + partial;
            worst = Math.max(worst, straddling);
        }
        return worst;
    }

    /** Buckets. */
    public int size() {
        return lower.length;
    }

    public double lower(int i) {
        return lower[i];
    }

    public double upper(int i) {
        return upper[i];
    }

    public long countOf(int i) {
        return counts[i];
    }

    /** The largest error, in values, of the count of values at most any x. */
    public long rankError() {
        return rankError;
    }

    /** {@link #rankError()} as a share of the values. */
    public double rankErrorShare() {
        return (double) rankError / count;
    }

    /**
     * The largest error of the integral of the cumulative count over x: each wide bucket's count times its width.
     * Bounds the error of a Wasserstein distance (after dividing by the count).
     */
    double areaError() {
        double area = 0;
        for (int i = 0; i < lower.length; i++) {
            area += counts[i] * (upper[i] - lower[i]);
        }
        return area;
    }

    /** Bucket ends, ascending: between two of them the estimated count grows linearly. */
    double[] knots() {
        return knots;
    }

    /** Estimated values at most x. */
    double countAtMost(double x) {
        return estimate(x, countAtKnot);
    }

    /** Estimated values strictly below x. */
    double countBelow(double x) {
        return estimate(x, countBelowKnot);
    }

    private double estimate(double x, double[] atKnot) {
        int i = Arrays.binarySearch(knots, x);
        if (i >= 0) {
            return atKnot[i];
        }
        int right = -i - 1;
        if (right == 0) {
            return 0;
        }
        if (right == knots.length) {
            return count;
        }
        int left = right - 1;
        double from = countAtKnot[left];
        double to = countBelowKnot[right];
        return from + (to - from) * ((x - knots[left]) / (knots[right] - knots[left]));
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public double min() {
        return lower[0];
    }

    @Override
    public double max() {
        return knots[knots.length - 1];
    }

    @Override
    public double mean() {
        return mean;
    }

    @Override
    public double m2() {
        return m2;
    }

    @Override
    public QuantileSketch merge(NumericDistribution other, SketchSettings settings) {
        if (other.count() == 0) {
            return this;
        }
        double[] lo;
        double[] hi;
        long[] c;
        if (other instanceof QuantileSketch that) {
            lo = concat(lower, that.lower);
            hi = concat(upper, that.upper);
            c = concat(counts, that.counts);
        } else {
            ExactValues that = (ExactValues) other;
            double[] v = new double[that.size()];
            long[] vc = new long[that.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = that.value(i);
                vc[i] = that.countOf(i);
            }
            lo = concat(lower, v);
            hi = concat(upper, v);
            c = concat(counts, vc);
        }
        Integer[] order = IntStream.range(0, lo.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> lo[i]).thenComparingDouble(i -> hi[i]));
        double[] slo = new double[lo.length];
        double[] shi = new double[lo.length];
        long[] sc = new long[lo.length];
        for (int i = 0; i < order.length; i++) {
            slo[i] = lo[order[i]];
            shi[i] = hi[order[i]];
            sc[i] = c[order[i]];
        }
        // Chan, Golub and LeVeque's pairwise update of the mean and the sum of squared deviations.
        long total = Math.addExact(count, other.count());
        double delta = other.mean() - mean;
        double mergedMean = mean + delta * other.count() / total;
        double mergedM2 = m2 + other.m2() + delta * delta * ((double) count * other.count() / total);
        return compact(slo, shi, sc, total, mergedMean, mergedM2, settings);
    }

    private static double[] concat(double[] a, double[] b) {
        double[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static long[] concat(long[] a, long[] b) {
        long[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuantileSketch that && Arrays.equals(lower, that.lower) && Arrays.equals(upper, that.upper)
                && Arrays.equals(counts, that.counts) && Double.compare(mean, that.mean) == 0
                && Double.compare(m2, that.m2) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(lower) * 31 + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "QuantileSketch[" + lower.length + " buckets, " + count + " values, rank error " + rankError + "]";
    }
}
