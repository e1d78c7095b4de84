package io.mlgates.core.drift;

import java.util.Arrays;

/**
 * Every distinct finite value of a numeric column, ascending, with its count: what the exact tests (KS on a small
 * reference, chi-square over few values) need. Immutable. {@code -0.0} is kept as {@code 0.0}, as numpy compares.
 */
public final class ExactValues implements NumericDistribution {
    private static final ExactValues EMPTY = new ExactValues(new double[0], new long[0]);

    private final double[] values;
    private final long[] counts;
    /** cumulative[i] = counts[0] + … + counts[i]. */
    private final long[] cumulative;
    private final double mean;
    private final double m2;

    private ExactValues(double[] values, long[] counts) {
        this.values = values;
        this.counts = counts;
        this.cumulative = new long[counts.length];
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            sum = Math.addExact(sum, counts[i]);
            cumulative[i] = sum;
        }
        double total = 0;
        for (int i = 0; i < values.length; i++) {
            total += values[i] * counts[i];
        }
        this.mean = sum == 0 ? Double.NaN : total / sum;
        double squares = 0;
        for (int i = 0; i < values.length; i++) {
            double d = values[i] - mean;
            squares += d * d * counts[i];
        }
        this.m2 = squares;
    }

    /** No values: a column with only nulls. */
    public static ExactValues empty() {
        return EMPTY;
    }

    /**
     * @param values distinct finite values, strictly ascending
     * @param counts the count of each, positive
     */
    public static ExactValues of(double[] values, long[] counts) {
        if (values.length != counts.length) {
            throw new IllegalArgumentException(values.length + " values but " + counts.length + " counts");
        }
        double[] v = values.clone();
        long[] c = counts.clone();
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException("value " + i + " is " + v[i] + "; only finite values are kept");
            }
            v[i] = v[i] + 0.0; // -0.0 becomes 0.0
            if (i > 0 && !(v[i - 1] < v[i])) {
                throw new IllegalArgumentException("values must be strictly ascending: " + v[i - 1] + " then "
                        + v[i] + " at " + i);
            }
            if (c[i] <= 0) {
                throw new IllegalArgumentException("value " + v[i] + " has count " + c[i] + "; counts are positive");
            }
        }
        return new ExactValues(v, c);
    }

    /** Trusted constructor for arrays this package built and no longer touches. */
    static ExactValues wrap(double[] values, long[] counts) {
        return values.length == 0 ? EMPTY : new ExactValues(values, counts);
    }

    /** Distinct values. */
    public int size() {
        return values.length;
    }

    /** The i-th smallest distinct value. */
    public double value(int i) {
        return values[i];
    }

    /** The count of the i-th smallest distinct value. */
    public long countOf(int i) {
        return counts[i];
    }

    @Override
    public long count() {
        return cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
    }

    /** Values at most x. */
    public long countAtMost(double x) {
        int i = Arrays.binarySearch(values, x + 0.0);
        int last = i >= 0 ? i : -i - 2;
        return last < 0 ? 0 : cumulative[last];
    }

    /** Values strictly below x. */
    public long countBelow(double x) {
        int i = Arrays.binarySearch(values, x + 0.0);
        int last = i >= 0 ? i - 1 : -i - 2;
        return last < 0 ? 0 : cumulative[last];
    }

    @Override
    public double min() {
        requireValues();
        return values[0];
    }

    @Override
    public double max() {
        requireValues();
        return values[values.length - 1];
    }

    @Override
    public double mean() {
        requireValues();
        return mean;
    }

    @Override
    public double m2() {
        requireValues();
        return m2;
    }

    private void requireValues() {
        if (values.length == 0) {
            throw new IllegalStateException("no values");
        }
    }

    @Override
    public NumericDistribution merge(NumericDistribution other, SketchSettings settings) {
        if (other instanceof QuantileSketch sketch) {
            return sketch.merge(this, settings);
        }
        ExactValues that = (ExactValues) other;
        double[] v = new double[values.length + that.values.length];
        long[] c = new long[v.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < values.length || j < that.values.length) {
            if (j == that.values.length || (i < values.length && values[i] < that.values[j])) {
                v[n] = values[i];
                c[n++] = counts[i++];
            } else if (i == values.length || that.values[j] < values[i]) {
                v[n] = that.values[j];
                c[n++] = that.counts[j++];
            } else {
                v[n] = values[i];
                c[n++] = Math.addExact(counts[i++], that.counts[j++]);
            }
        }
        ExactValues merged = wrap(Arrays.copyOf(v, n), Arrays.copyOf(c, n));
        return n > settings.distinctCap() ? QuantileSketch.of(merged, settings) : merged;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExactValues that && Arrays.equals(values, that.values)
                && Arrays.equals(counts, that.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "ExactValues[" + values.length + " distinct, " + count() + " values]";
    }
}
