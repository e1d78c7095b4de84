package io.mlgates.core.metrics;

/**
 * DeLong, DeLong and Clarke-Pearson (1988), "Comparing the areas under two or more correlated receiver operating
 * characteristic curves: a nonparametric approach", Biometrics 44(3):837-845. For unit weights only.
 *
 * <p>With m positives X_i and n negatives Y_j and psi(x, y) = 1 if x > y, 1/2 if x == y, 0 otherwise, the placement
 * values are V10(X_i) = (1/n) sum_j psi(X_i, Y_j) and V01(Y_j) = (1/m) sum_i psi(X_i, Y_j); their means are the AUC.
 * S10 and S01 are their sample variances (denominators m - 1 and n - 1), and the standard error of the AUC is
 * sqrt(S10 / m + S01 / n). The interval is AUC +- z * SE, clipped to [0, 1].
 *
 * <p>All rows scoring the same share one placement value, so the variances are accumulated per distinct score with
 * a multiplicity (weighted Welford), in the same descending pass that computes the AUC.
 */
final class DeLong {
    private final double positives;
    private final double negatives;
    private final Welford v10 = new Welford();
    private final Welford v01 = new Welford();

    DeLong(long positives, long negatives) {
        this.positives = positives;
        this.negatives = negatives;
    }

    /**
     * One distinct score, with the rows of each class scoring exactly it and the rows scoring above it.
     */
    void group(long positivesHere, long negativesHere, double positivesAbove, double negativesAbove) {
        if (positivesHere > 0) {
            double negativesBelow = negatives - negativesAbove - negativesHere;
            v10.add((negativesBelow + negativesHere / 2.0) / negatives, positivesHere);
        }
        if (negativesHere > 0) {
            v01.add((positivesAbove + positivesHere / 2.0) / positives, negativesHere);
        }
    }

    double standardError() {
        double s10 = Math.max(0, v10.m2) / (positives - 1);
        double s01 = Math.max(0, v01.m2) / (negatives - 1);
        return Math.sqrt(s10 / positives + s01 / negatives);
    }

    Interval interval(double auc, double level) {
        double half = Intervals.z(level) * standardError();
        double low = Intervals.clamp01(auc - half);
        double high = Intervals.clamp01(auc + half);
        return new Interval(low, Math.max(low, high), level, Intervals.DELONG);
    }

    /** Mean and sum of squared deviations of values with multiplicities (West 1979). */
    private static final class Welford {
        private double count;
        private double mean;
        private double m2;

        void add(double value, double multiplicity) {
            count += multiplicity;
            double delta = value - mean;
            mean += delta * multiplicity / count;
            m2 += multiplicity * delta * (value - mean);
        }
    }
}
