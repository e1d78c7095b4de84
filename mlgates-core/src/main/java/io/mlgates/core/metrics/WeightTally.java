package io.mlgates.core.metrics;

/**
 * Rows, weight sum and sum of squared weights of one set of rows (a confusion cell, a class, a bin): enough for a
 * weighted proportion and for Kish's effective sample size. Mergeable. Not thread-safe.
 */
public final class WeightTally {
    private long rows;
    private final CompensatedSum weight = new CompensatedSum();
    private final CompensatedSum squaredWeight = new CompensatedSum();
    private boolean unitWeights = true;

    public void add(double w) {
        rows++;
        weight.add(w);
        squaredWeight.add(w * w);
        if (w != 1.0) {
            unitWeights = false;
        }
    }

    public void merge(WeightTally other) {
        rows += other.rows;
        weight.add(other.weight);
        squaredWeight.add(other.squaredWeight);
        unitWeights &= other.unitWeights;
    }

    public long rows() {
        return rows;
    }

    public double weight() {
        return weight.value();
    }

    double squaredWeight() {
        return squaredWeight.value();
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
     * formula equals it), so that unit weights give exactly n however large n is.
     */
    public double effectiveRows() {
        if (unitWeights) {
            return rows;
        }
        double w2 = squaredWeight();
        if (w2 == 0) {
            return 0;
        }
        double w = weight();
        return w * w / w2;
    }
}
