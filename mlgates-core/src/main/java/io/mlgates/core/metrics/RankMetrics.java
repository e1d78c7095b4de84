package io.mlgates.core.metrics;

import java.util.Optional;

/**
 * Exact ROC AUC and average precision from the sorted scores of the positives and the negatives, in one pass over
 * the distinct scores from the highest down; and, for unit weights, DeLong's interval for the AUC from the same pass.
 */
final class RankMetrics {
    /** Sum over pairs (positive, negative) of w+ w- [s+ > s-] + w+ w- [s+ == s-] / 2. */
    private final double aucNumerator;
    private final double positiveWeight;
    private final double negativeWeight;
    private final double averagePrecision;
    private final DeLong deLong;

    private RankMetrics(double aucNumerator, double positiveWeight, double negativeWeight, double averagePrecision,
                        DeLong deLong) {
        this.aucNumerator = aucNumerator;
        this.positiveWeight = positiveWeight;
        this.negativeWeight = negativeWeight;
        this.averagePrecision = averagePrecision;
        this.deLong = deLong;
    }

    /**
     * Walks both stores (sorting them in place first) from the highest score down. At each distinct score s, with
     * weights p and n of the positives and negatives scoring exactly s, and TP, FP the weights scoring above s:
     * the AUC numerator gains n (TP + p / 2); average precision gains (p / P) (TP + p) / (TP + p + FP + n), which is
     * scikit-learn's sum of (R_k - R_k-1) P_k over thresholds.
     *
     * @param unitWeights whether every weight is 1, so that DeLong's placement values apply
     */
    static RankMetrics of(ScoreStore positives, ScoreStore negatives, boolean unitWeights) {
        double bigP = totalWeight(positives);
        double bigN = totalWeight(negatives);
        boolean withDeLong = unitWeights && positives.size() >= 2 && negatives.size() >= 2;
        DeLong deLong = withDeLong ? new DeLong(positives.size(), negatives.size()) : null;

        CompensatedSum auc = new CompensatedSum();
        CompensatedSum ap = new CompensatedSum();
        walk(positives, negatives, (s, pw, pRows, nw, nRows, tp, fp) -> {
            if (nRows > 0) {
                auc.add(nw * (tp + pw / 2));
            }
            if (pRows > 0 && bigP > 0) {
                double tpHere = tp + pw;
                ap.add(pw / bigP * (tpHere / (tpHere + fp + nw)));
            }
            if (deLong != null) {
                deLong.group(pRows, nRows, tp, fp);
            }
        });
        return new RankMetrics(auc.value(), bigP, bigN, ap.value(), deLong);
    }

    /** Sum of the weights of one class, compensated. */
    static double totalWeight(ScoreStore store) {
        CompensatedSum total = new CompensatedSum();
        for (int i = 0; i < store.size(); i++) {
            total.add(store.weight(i));
        }
        return total.value();
    }

    /**
     * Visits each distinct score of both stores (sorted in place first) from the highest down, with the weights
     * scoring exactly there and the weights scoring above it: the one walk that the rank metrics and the curves share.
     */
    static void walk(ScoreStore positives, ScoreStore negatives, ScoreGroupVisitor visitor) {
        positives.sort();
        negatives.sort();
        CompensatedSum tpAbove = new CompensatedSum();
        CompensatedSum fpAbove = new CompensatedSum();
        int i = positives.size() - 1;
        int j = negatives.size() - 1;
        while (i >= 0 || j >= 0) {
            float s;
            if (i < 0) {
                s = negatives.score(j);
            } else if (j < 0) {
                s = positives.score(i);
            } else {
                s = Math.max(positives.score(i), negatives.score(j));
            }
            double pw = 0;
            long pRows = 0;
            while (i >= 0 && positives.score(i) == s) {
                pw += positives.weight(i);
                pRows++;
                i--;
            }
            double nw = 0;
            long nRows = 0;
            while (j >= 0 && negatives.score(j) == s) {
                nw += negatives.weight(j);
                nRows++;
                j--;
            }
            visitor.group(s, pw, pRows, nw, nRows, tpAbove.value(), fpAbove.value());
            tpAbove.add(pw);
            fpAbove.add(nw);
        }
    }

    /** One distinct score in {@link #walk}. */
    @FunctionalInterface
    interface ScoreGroupVisitor {
        /**
         * @param score the score
         * @param pw weight of the positives scoring exactly {@code score}, {@code pRows} of them
         * @param nw weight of the negatives scoring exactly {@code score}, {@code nRows} of them
         * @param tpAbove weight of the positives scoring above it
         * @param fpAbove weight of the negatives scoring above it
         */
        void group(float score, double pw, long pRows, double nw, long nRows, double tpAbove, double fpAbove);
    }

    /** Empty when there are no positives or no negatives. */
    Optional<Double> auc() {
        if (positiveWeight == 0 || negativeWeight == 0) {
            return Optional.empty();
        }
        return Optional.of(Intervals.clamp01(aucNumerator / (positiveWeight * negativeWeight)));
    }

    /** Empty when there are no positives. */
    Optional<Double> averagePrecision() {
        if (positiveWeight == 0) {
            return Optional.empty();
        }
        return Optional.of(Intervals.clamp01(averagePrecision));
    }

    /** DeLong's interval, when the weights are all 1 and each class has at least two rows. */
    Optional<Interval> aucInterval(double level) {
        Optional<Double> auc = auc();
        if (deLong == null || auc.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(deLong.interval(auc.get(), level));
    }
}
