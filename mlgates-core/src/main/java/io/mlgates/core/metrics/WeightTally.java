package io.mlgates.core.metrics;

import java.math.BigInteger;

/**
 * Rows, weight sum and sum of squared weights of one set of rows (a confusion cell, a class, a bin): enough for a
 * weighted proportion and for Kish's effective sample size. Mergeable, exactly: the sums are {@link ExactSum}s (the
 * squares too, taken without rounding), so tallies merged in any order are equal bit for bit, and their ratios are
 * computed from the exact sums, so that weights of 1e160 neither overflow nor those of 1e-200 underflow. Not
 * thread-safe.
 */
public final class WeightTally {
    private long rows;
    /** Rows of weight exactly 1, counted apart: the common case costs an increment. */
    private long unitRows;
    private final ExactSum otherWeight = new ExactSum();
    private final ExactSum otherSquaredWeight = new ExactSum();

    public void add(double w) {
        rows++;
        if (w == 1.0) {
            unitRows++;
            return;
        }
        otherWeight.add(w);
        otherSquaredWeight.addProduct(w, w);
    }

    /** Adds {@code n} rows of weight 1. */
    void addUnits(long n) {
        rows = Math.addExact(rows, n);
        unitRows += n;
    }

    public void merge(WeightTally other) {
        // read first: other may be this
        long otherRows = other.rows;
        long otherUnitRows = other.unitRows;
        otherWeight.add(other.otherWeight);
        otherSquaredWeight.add(other.otherSquaredWeight);
        rows += otherRows;
        unitRows += otherUnitRows;
    }

    /** Adds rows read from a statistics file: their count, how many weigh exactly 1, and the others' exact sums. */
    public void add(long rows, long unitRows, ExactSum.Exact weight, ExactSum.Exact squaredWeight) {
        if (rows < 0 || unitRows < 0 || unitRows > rows) {
            throw new IllegalArgumentException("rows " + rows + ", unit rows " + unitRows);
        }
        this.rows = Math.addExact(this.rows, rows);
        this.unitRows += unitRows;
        otherWeight.add(weight);
        otherSquaredWeight.add(squaredWeight);
    }

    public long rows() {
        return rows;
    }

    /** Rows whose weight is exactly 1. */
    public long unitRows() {
        return unitRows;
    }

    /** The exact sum of the weights other than 1. */
    public ExactSum.Exact otherWeight() {
        return otherWeight.exact();
    }

    /** The exact sum of the squares of the weights other than 1. */
    public ExactSum.Exact otherSquaredWeight() {
        return otherSquaredWeight.exact();
    }

    /** The exact sum of all the weights. */
    ExactSum.Exact exactWeight() {
        return otherWeight.exact().add(ExactSum.Exact.of(BigInteger.valueOf(unitRows), 0));
    }

    /** The sum of the weights, correctly rounded; infinite only where it exceeds double's range. */
    public double weight() {
        return exactWeight().toDouble();
    }

    /** This tally's weight over {@code whole}'s, from the exact sums: no overflow whatever the weights. */
    public double fractionOf(WeightTally whole) {
        return exactWeight().divide(whole.exactWeight());
    }

    public boolean unitWeights() {
        return unitRows == rows;
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
     * Kish's effective sample size (sum w)^2 / sum w^2, from the exact sums: the row count itself when every weight
     * is 1 (where the formula equals it), so that unit weights give exactly n however large n is; 0 when every
     * weight is 0.
     */
    public double effectiveRows() {
        if (unitWeights()) {
            return rows;
        }
        ExactSum.Exact units = ExactSum.Exact.of(BigInteger.valueOf(unitRows), 0);
        ExactSum.Exact w2 = otherSquaredWeight.exact().add(units);
        if (w2.signum() == 0) {
            return 0;
        }
        ExactSum.Exact w = otherWeight.exact().add(units);
        return w.multiply(w).divide(w2);
    }
}
