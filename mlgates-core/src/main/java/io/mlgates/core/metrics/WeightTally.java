package io.mlgates.core.metrics;

/**
 * Rows, weight sum and sum of squared weights of one set of rows (a confusion cell, a class, a bin): enough for a
 * weighted proportion and for Kish's effective sample size. Mergeable. Not thread-safe.
 *
 * <p>The sums are kept in units of 2^e, e the binary exponent of the largest weight seen (raised, and the sums
 * rescaled exactly, when a larger weight arrives), so that the squares of weights of 1e160 do not overflow nor those
 * of 1e-200 underflow: Kish's (sum w)^2 / sum w^2 and every ratio of two tallies are computed on numbers near 1.
 */
public final class WeightTally {
    /** Below the exponent of any double: the scale of a tally that has seen no weight above 0. */
    private static final int NO_WEIGHT = -1100;

    private long rows;
    private int exponent = NO_WEIGHT;
    private final CompensatedSum weight = new CompensatedSum();
    private final CompensatedSum squaredWeight = new CompensatedSum();
    private boolean unitWeights = true;

    public void add(double w) {
        rows++;
        if (w != 1.0) {
            unitWeights = false;
        }
        if (w == 0) {
            return;
        }
        rescaleTo(Math.getExponent(w));
        double x = Math.scalb(w, -exponent);
        weight.add(x);
        squaredWeight.add(x * x);
    }

    public void merge(WeightTally other) {
        // read first: other may be this
        long otherRows = other.rows;
        int otherExponent = other.exponent;
        rescaleTo(otherExponent);
        int shift = otherExponent - exponent;
        weight.addScaled(other.weight, shift);
        squaredWeight.addScaled(other.squaredWeight, 2 * shift);
        rows += otherRows;
        unitWeights &= other.unitWeights;
    }

    private void rescaleTo(int newExponent) {
        if (newExponent > exponent) {
            int shift = exponent - newExponent;
            weight.scale(shift);
            squaredWeight.scale(2 * shift);
            exponent = newExponent;
        }
    }

    public long rows() {
        return rows;
    }

    /** The sum of the weights; infinite only where it exceeds double's range (weights near 1e308). */
    public double weight() {
        return Math.scalb(weight.value(), exponent);
    }

    /** This tally's weight over {@code whole}'s, computed on the scaled sums: no overflow whatever the weights. */
    public double fractionOf(WeightTally whole) {
        return Math.scalb(weight.value() / whole.weight.value(), exponent - whole.exponent);
    }

    public boolean unitWeights() {
        return unitWeights;
    }

    /** The tally of the union of several disjoint tallies. */
    public static WeightTally union(WeightTally... parts) {
        WeightTally all = new WeightTally();
        for (WeightTally part : parts) {
            all.merge(part);
        }
        return all;
    }

    /**
     * Kish's effective sample size (sum w)^2 / sum w^2: the row count itself when every weight is 1 (where the
     * formula equals it), so that unit weights give exactly n however large n is; 0 when every weight is 0.
     */
    public double effectiveRows() {
        if (unitWeights) {
            return rows;
        }
        double w2 = squaredWeight.value();
        if (w2 == 0) {
            return 0;
        }
        double w = weight.value();
        return w * w / w2;
    }
}
