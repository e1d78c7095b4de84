package io.mlgates.core.metrics;

import java.util.Optional;

/**
 * Exact ROC AUC and average precision from the scores of the positives and the negatives, in one pass over the
 * distinct scores from the highest down; and, for unit weights, DeLong's interval for the AUC from the same pass.
 * Scores tie only where their doubles are equal, as in scikit-learn.
 *
 * <p>The pass sees, at each distinct score, each class's rows there and the exact sum of their weights, rounded once
 * ({@link ScoreGroups}): nothing in it depends on the order in which rows arrived or stores were merged, so that the
 * rank metrics of shards merged in any order are the same bit for bit. Each class's weights are scaled by the power
 * of two that brings its exact total to [1, 2): sums of them cannot overflow, and the AUC's products of a positive's
 * and a negative's weight are taken as products of fractions of each class's total, which can neither overflow nor
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
     * One walk from the highest score down. At each distinct score s, with weights p and n of the positives and
     * negatives scoring exactly s, TP and FP the weights scoring above s and TP' = TP + p, FP' = FP + n: the AUC
     * gains (n / N) (TP + TP') / (2 P), the trapezoid scikit-learn integrates; average precision gains
     * ((TP' - TP) / P) TP' / (TP' + FP'), scikit-learn's (R_k - R_k-1) P_k.
     */
    static RankMetrics of(ScoreGroups groups) {
        Scale scale = groups.scale();
        boolean withDeLong = groups.unitWeights() && groups.positiveRows() >= 2 && groups.negativeRows() >= 2;
        DeLong deLong = withDeLong ? new DeLong(groups.positiveRows(), groups.negativeRows()) : null;

        CompensatedSum auc = new CompensatedSum();
        CompensatedSum ap = new CompensatedSum();
        long[] rowsAbove = new long[2];
        groups.walk((s, pRows, nRows, tpAbove, tpAt, fpAbove, fpAt, last) -> {
            if (nRows > 0 && scale.positives > 0 && scale.negatives > 0) {
                auc.add((fpAt - fpAbove) / scale.negatives * ((tpAbove + tpAt) / (2 * scale.positives)));
            }
            if (pRows > 0 && scale.positives > 0) {
                ap.add((tpAt - tpAbove) / scale.positives * scale.precision(tpAt, fpAt));
            }
            if (deLong != null) {
                deLong.group(pRows, nRows, rowsAbove[0], rowsAbove[1]);
            }
            rowsAbove[0] += pRows;
            rowsAbove[1] += nRows;
        });
        return new RankMetrics(scale, auc.value(), ap.value(), deLong);
    }

    /** One distinct score in {@link ScoreGroups#walk}; weights are scaled as {@link Scale} says. */
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
         * @param last whether this is the lowest score
         */
        void group(double score, long pRows, long nRows, double tpAbove, double tpAt, double fpAbove, double fpAt,
                   boolean last);
    }

    /**
     * The power-of-two scale of each class's weights and the scaled totals: a weight w of the positives is
     * w * 2^-positiveExponent in the walk, and their total lies in [1, 2).
     */
    static final class Scale {
        final int positiveExponent;
        final int negativeExponent;
        final double positives;
        final double negatives;

        Scale(ExactSum.Exact positiveTotal, ExactSum.Exact negativeTotal) {
            positiveExponent = exponent(positiveTotal);
            negativeExponent = exponent(negativeTotal);
            this.positives = positiveTotal.scale(-positiveExponent).toDouble();
            this.negatives = negativeTotal.scale(-negativeExponent).toDouble();
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

        /** The exponent of the leading bit: the total scaled by its inverse lies in [1, 2). */
        private static int exponent(ExactSum.Exact total) {
            return total.signum() > 0 ? total.exponent() + total.mantissa().bitLength() - 1 : 0;
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
