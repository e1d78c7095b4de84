package io.mlgates.core.fairness;

import io.mlgates.core.metrics.WeightTally;

/**
 * Rows, weight sum and Kish's effective sample size of one set of rows: the metrics package's {@link WeightTally},
 * whose scaled sums keep weights of 1e160 and 1e-200 inside double's range. Mergeable; not thread-safe.
 */
final class Tally {
    private final WeightTally tally = new WeightTally();

    void add(double w) {
        tally.add(w);
    }

    void merge(Tally other) {
        tally.merge(other.tally);
    }

    long rows() {
        return tally.rows();
    }

    double weight() {
        return tally.weight();
    }

    boolean unitWeights() {
        return tally.unitWeights();
    }

    /** Kish's effective sample size (sum w)^2 / sum w^2; the row count itself for unit weights. */
    double effectiveRows() {
        return tally.effectiveRows();
    }

    static Tally union(Tally... parts) {
        Tally all = new Tally();
        for (Tally part : parts) {
            all.merge(part);
        }
        return all;
    }
}
