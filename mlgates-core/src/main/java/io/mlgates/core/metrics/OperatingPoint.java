package io.mlgates.core.metrics;

/**
 * One operating point of a binary model with scores: the rule "positive when the score is at least
 * {@code threshold}", and what it catches. A point of the ROC curve (false positive rate, true positive rate) and of
 * the precision-recall curve (recall = true positive rate, precision) at once. Rates are weighted.
 *
 * @param threshold a score the model gave, in [0, 1]; at this threshold at least one row is predicted positive, so
 *        precision is always defined
 * @param truePositiveRate recall: weight of the positives scoring at least {@code threshold} over all positives
 * @param falsePositiveRate weight of the negatives scoring at least {@code threshold} over all negatives
 * @param precision weight of the positives over all rows scoring at least {@code threshold}
 */
public record OperatingPoint(double threshold, double truePositiveRate, double falsePositiveRate, double precision) {
    public OperatingPoint {
        check("threshold", threshold);
        check("truePositiveRate", truePositiveRate);
        check("falsePositiveRate", falsePositiveRate);
        check("precision", precision);
    }

    private static void check(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must lie in [0, 1]: " + v);
        }
    }
}
