package io.mlgates.core.fairness;

/**
 * Rows, weight sum and sum of squared weights of one set of rows, with Neumaier-compensated sums so that ten
 * million additions keep their digits. Enough for a weighted proportion and Kish's effective sample size.
 * Mergeable; not thread-safe.
 */
final class Tally {
    private long rows;
    private double weight;
    private double weightCompensation;
    private double squared;
    private double squaredCompensation;
    private boolean unitWeights = true;

    void add(double w) {
        rows++;
        double t = weight + w;
        weightCompensation += Math.abs(weight) >= Math.abs(w) ? (weight - t) + w : (w - t) + weight;
        weight = t;
        double w2 = w * w;
        double s = squared + w2;
        squaredCompensation += Math.abs(squared) >= Math.abs(w2) ? (squared - s) + w2 : (w2 - s) + squared;
        squared = s;
        if (w != 1.0) {
            unitWeights = false;
        }
    }

    void merge(Tally other) {
        rows += other.rows;
        double[] w = sum(weight, weightCompensation, other.weight + other.weightCompensation);
        weight = w[0];
        weightCompensation = w[1];
        double[] s = sum(squared, squaredCompensation, other.squared + other.squaredCompensation);
        squared = s[0];
        squaredCompensation = s[1];
        unitWeights &= other.unitWeights;
    }

    private static double[] sum(double sum, double compensation, double x) {
        double t = sum + x;
        compensation += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
        return new double[] {t, compensation};
    }

    long rows() {
        return rows;
    }

    double weight() {
        return unitWeights ? rows : weight + weightCompensation;
    }

    boolean unitWeights() {
        return unitWeights;
    }

    /** Kish's effective sample size (sum w)^2 / sum w^2; the row count itself for unit weights. */
    double effectiveRows() {
        if (unitWeights) {
            return rows;
        }
        double w2 = squared + squaredCompensation;
        double w = weight();
        return w2 == 0 ? 0 : w * w / w2;
    }

    static Tally union(Tally... parts) {
        Tally all = new Tally();
        for (Tally part : parts) {
            all.merge(part);
        }
        return all;
    }
}
