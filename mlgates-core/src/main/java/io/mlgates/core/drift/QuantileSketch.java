package io.mlgates.core.drift;

import java.util.Arrays;

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
        int distinct = 0;
        for (int i = 0; i < ends.length; i++) {
            if (distinct == 0 || ends[distinct - 1] != ends[i]) {
                ends[distinct++] = ends[i];
            }
        }
        this.knots = Arrays.copyOf(ends, distinct);
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
        // The mean is checked against the range only loosely: a merged mean may round just past an end.
        double slack = 1e-9 * Math.max(1, Math.max(Math.abs(min), Math.abs(max)));
        if (!(mean >= min - slack && mean <= max + slack) || !(m2 >= 0) || !Double.isFinite(m2)) {
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

    /** Buckets in order of lower then upper end, merged greedily while each stays within about count / buckets. */
    private static QuantileSketch compact(double[] lo, double[] hi, long[] c, long total, double mean, double m2,
                                          SketchSettings settings) {
        long budget = Math.max(1, (total + settings.sketchBuckets() - 1) / settings.sketchBuckets());
        double[] outLo = new double[lo.length];
        double[] outHi = new double[lo.length];
        long[] outC = new long[lo.length];
        int n = 0;
        for (int i = 0; i < lo.length; i++) {
            // A bucket inside the group's range joins it up to twice the budget: the range does not grow, so no
            // point gains a straddling bucket. Otherwise it joins while the group stays within the budget.
            boolean inside = n > 0 && hi[i] <= outHi[n - 1] && outC[n - 1] + c[i] <= 2 * budget;
            if (inside || (n > 0 && outC[n - 1] + c[i] <= budget)) {
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
        // Per knot: what starts there, what ends there (ranges), and the single values there.
        int k = knots.length;
        double[] startSlope = new double[k];
        long[] startCount = new long[k];
        double[] endSlope = new double[k];
        long[] endCount = new long[k];
        long[] pointCount = new long[k];
        for (int b = 0; b < lower.length; b++) {
            int lo = Arrays.binarySearch(knots, lower[b]);
            if (lower[b] == upper[b]) {
                pointCount[lo] += counts[b];
            } else {
                int hi = Arrays.binarySearch(knots, upper[b]);
                double slope = counts[b] / (upper[b] - lower[b]);
                startSlope[lo] += slope;
                startCount[lo] += counts[b];
                endSlope[hi] += slope;
                endCount[hi] += counts[b];
            }
        }
        double completed = 0;
        double partial = 0;
        double slope = 0;
        long straddling = 0;
        long worst = 0;
        for (int i = 0; i < k; i++) {
            if (i > 0) {
                partial += slope * (knots[i] - knots[i - 1]);
            }
            countBelowKnot[i] = completed + partial;
            partial -= endCount[i];
            completed += endCount[i] + pointCount[i];
            slope += startSlope[i] - endSlope[i];
            straddling += startCount[i] - endCount[i];
            // Only ranges that start at a knot are open there; their share of the knot itself is estimated as 0.
            partial = Math.max(partial, 0);
            countAtKnot[i] = completed + partial;
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
        double[] otherLower;
        double[] otherUpper;
        long[] otherCounts;
        if (other instanceof QuantileSketch that) {
            otherLower = that.lower;
            otherUpper = that.upper;
            otherCounts = that.counts;
        } else {
            ExactValues that = (ExactValues) other;
            otherLower = new double[that.size()];
            otherCounts = new long[that.size()];
            for (int i = 0; i < otherLower.length; i++) {
                otherLower[i] = that.value(i);
                otherCounts[i] = that.countOf(i);
            }
            otherUpper = otherLower;
        }
        // Both lists are ordered by lower then upper end: merge them in one pass.
        int size = lower.length + otherLower.length;
        double[] slo = new double[size];
        double[] shi = new double[size];
        long[] sc = new long[size];
        int i = 0;
        int j = 0;
        for (int n = 0; n < size; n++) {
            boolean mine = j == otherLower.length || (i < lower.length && (lower[i] < otherLower[j]
                    || (lower[i] == otherLower[j] && upper[i] <= otherUpper[j])));
            if (mine) {
                slo[n] = lower[i];
                shi[n] = upper[i];
                sc[n] = counts[i++];
            } else {
                slo[n] = otherLower[j];
                shi[n] = otherUpper[j];
                sc[n] = otherCounts[j++];
            }
        }
        // Chan, Golub and LeVeque's pairwise update of the mean and the sum of squared deviations.
        long total = Math.addExact(count, other.count());
        double delta = other.mean() - mean;
        double mergedMean = mean + delta * other.count() / total;
        double mergedM2 = m2 + other.m2() + delta * delta * ((double) count * other.count() / total);
        return compact(slo, shi, sc, total, mergedMean, mergedM2, settings);
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
