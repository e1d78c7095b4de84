package io.mlgates.core.metrics;

import java.util.Optional;

/**
 * Exact ROC AUC and average precision from the sorted scores of the positives and the negatives, in one pass over
 * the distinct scores from the highest down; and, for unit weights, DeLong's interval for the AUC from the same pass.
 * Scores tie only where their doubles are equal, as in scikit-learn.
 *
 * <p>Each class's weights are scaled by a power of two that brings its largest weight to [1, 2) (exact, so the
 * values do not change): a sum of weights then cannot overflow, and the AUC's products of a positive's and a
 * negative's weight are taken as products of fractions of each class's total, which can neither overflow nor
 * underflow, whether the weights are 1e160 or 1e-200.
 */
final class RankMetrics {
    private final Scale scale;
    /** Sum over distinct scores of (n / N) (TP above + TP at) / (2 P): the trapezoids of the ROC curve. */
    private final double auc;
    private final double averagePrecision;
    private final DeLong deLong;

    private RankMetrics(Scale scale, double auc, double averagePrecision, DeLong deLong) {
        this.scale = scale;
        this.auc = auc;
        this.averagePrecision = averagePrecision;
        this.deLong = deLong;
    }

    /**
     * Walks both stores (sorting them in place first) from the highest score down. At each distinct score s, with
     * weights p and n of the positives and negatives scoring exactly s, TP and FP the weights scoring above s and
     * TP' = TP + p, FP' = FP + n: the AUC gains (n / N) (TP + TP') / (2 P), the trapezoid scikit-learn integrates;
     * average precision gains ((TP' - TP) / P) TP' / (TP' + FP'), scikit-learn's (R_k - R_k-1) P_k.
     *
     * @param unitWeights whether every weight is 1, so that DeLong's placement values apply
     */
    static RankMetrics of(ScoreStore positives, ScoreStore negatives, boolean unitWeights) {
        Scale scale = Scale.of(positives, negatives);
        boolean withDeLong = unitWeights && positives.size() >= 2 && negatives.size() >= 2;
        DeLong deLong = withDeLong ? new DeLong(positives.size(), negatives.size()) : null;

        CompensatedSum auc = new CompensatedSum();
        CompensatedSum ap = new CompensatedSum();
        walk(positives, negatives, scale, (s, pRows, nRows, tpAbove, tpAt, fpAbove, fpAt) -> {
            if (nRows > 0 && scale.positives > 0 && scale.negatives > 0) {
                auc.add((fpAt - fpAbove) / scale.negatives * ((tpAbove + tpAt) / (2 * scale.positives)));
            }
            if (pRows > 0 && scale.positives > 0) {
                ap.add((tpAt - tpAbove) / scale.positives * scale.precision(tpAt, fpAt));
            }
            if (deLong != null) {
                deLong.group(pRows, nRows, tpAbove, fpAbove);
            }
        });
        return new RankMetrics(scale, auc.value(), ap.value(), deLong);
    }

    /**
     * Visits each distinct score of both stores (sorted in place first) from the highest down, with the scaled
     * weights scoring above it and at or above it: the one walk that the rank metrics and the curves share. The
     * cumulative weights never decrease from one score to the next, whatever the rounding, so that the curves built
     * on them are monotone.
     */
    static void walk(ScoreStore positives, ScoreStore negatives, Scale scale, ScoreGroupVisitor visitor) {
        positives.sort();
        negatives.sort();
        CompensatedSum tpSum = new CompensatedSum();
        CompensatedSum fpSum = new CompensatedSum();
        double tpAbove = 0;
        double fpAbove = 0;
        int i = positives.size() - 1;
        int j = negatives.size() - 1;
        while (i >= 0 || j >= 0) {
            double s;
            if (i < 0) {
                s = negatives.score(j);
            } else if (j < 0) {
                s = positives.score(i);
            } else {
                s = Math.max(positives.score(i), negatives.score(j));
            }
            long pRows = 0;
            while (i >= 0 && positives.score(i) == s) {
                tpSum.add(Math.scalb(positives.weight(i), -scale.positiveExponent));
                pRows++;
                i--;
            }
            long nRows = 0;
            while (j >= 0 && negatives.score(j) == s) {
                fpSum.add(Math.scalb(negatives.weight(j), -scale.negativeExponent));
                nRows++;
                j--;
            }
            double tpAt = Math.max(tpAbove, tpSum.value());
            double fpAt = Math.max(fpAbove, fpSum.value());
            visitor.group(s, pRows, nRows, tpAbove, tpAt, fpAbove, fpAt);
            tpAbove = tpAt;
            fpAbove = fpAt;
        }
    }

    /** One distinct score in {@link #walk}; weights are scaled as {@link Scale} says. */
    @FunctionalInterface
    interface ScoreGroupVisitor {
        /**
         * @param score the score
         * @param pRows positives scoring exactly {@code score}
         * @param nRows negatives scoring exactly {@code score}
         * @param tpAbove weight of the positives scoring above it
         * @param tpAt weight of the positives scoring at least it
         * @param fpAbove weight of the negatives scoring above it
         * @param fpAt weight of the negatives scoring at least it
         */
        void group(double score, long pRows, long nRows, double tpAbove, double tpAt, double fpAbove, double fpAt);
    }

    /**
     * The power-of-two scale of each class's weights and the scaled totals: a weight w of the positives is
     * w * 2^-positiveExponent in the walk, whose largest is in [1, 2).
     */
    static final class Scale {
        final int positiveExponent;
        final int negativeExponent;
        final double positives;
        final double negatives;

        private Scale(ScoreStore positives, ScoreStore negatives) {
            positiveExponent = exponent(positives.maxWeight());
            negativeExponent = exponent(negatives.maxWeight());
            this.positives = total(positives, positiveExponent);
            this.negatives = total(negatives, negativeExponent);
        }

        static Scale of(ScoreStore positives, ScoreStore negatives) {
            return new Scale(positives, negatives);
        }

        /**
         * tp / (tp + fp) in the weights' own units, from scaled sums: 1 / (1 + (fp / tp) 2^(eN - eP)), which holds
         * when the classes' weights are hundreds of orders of magnitude apart; 0 without weight of positives.
         */
        double precision(double tp, double fp) {
            if (!(tp > 0)) {
                return 0;
            }
            return 1 / (1 + Math.scalb(fp / tp, negativeExponent - positiveExponent));
        }

        private static int exponent(double maxWeight) {
            return maxWeight > 0 ? Math.getExponent(maxWeight) : 0;
        }

        private static double total(ScoreStore store, int exponent) {
            CompensatedSum total = new CompensatedSum();
            for (int i = 0; i < store.size(); i++) {
                total.add(Math.scalb(store.weight(i), -exponent));
            }
            return total.value();
        }
    }

    /** Empty when either class has no weight. */
    Optional<Double> auc() {
        if (!(scale.positives > 0 && scale.negatives > 0)) {
            return Optional.empty();
        }
        return Optional.of(Intervals.clamp01(auc));
    }

    /** Empty when the positives have no weight. */
    Optional<Double> averagePrecision() {
        if (!(scale.positives > 0)) {
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
