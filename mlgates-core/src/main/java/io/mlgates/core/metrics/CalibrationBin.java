package io.mlgates.core.metrics;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One equal-width bin of the reliability diagram: the rows whose score falls in [low, high) (the last bin includes
 * 1), their mean score and the weighted fraction of them that are positive. A bin whose rows weigh nothing (no rows,
 * or rows of weight 0) has neither: both are undefined (0/0), not 0.
 *
 * @param low lower edge, in [0, 1)
 * @param high upper edge, above {@code low}, at most 1
 * @param rows rows in the bin
 * @param weight their summed weight
 * @param meanScore weighted mean score of the rows; empty exactly when {@code weight} is 0
 * @param positiveRate weighted fraction of positives among the rows; empty exactly when {@code weight} is 0
 */
public record CalibrationBin(double low, double high, long rows, double weight, OptionalDouble meanScore,
                             OptionalDouble positiveRate) {
    public CalibrationBin {
        Objects.requireNonNull(meanScore, "meanScore");
        Objects.requireNonNull(positiveRate, "positiveRate");
        if (!(low >= 0 && low < high && high <= 1)) {
            throw new IllegalArgumentException("bin edges must satisfy 0 <= low < high <= 1: [" + low + ", " + high + ")");
        }
        if (rows < 0 || !(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("rows and weight must be non-negative and finite");
        }
        if (rows == 0 && weight > 0) {
            throw new IllegalArgumentException("a bin without rows weighs nothing");
        }
        boolean empty = weight == 0;
        if (meanScore.isPresent() == empty || positiveRate.isPresent() == empty) {
            throw new IllegalArgumentException("a bin has a mean score and a positive rate exactly when it has weight");
        }
        if (!empty && !(inUnit(meanScore.getAsDouble()) && inUnit(positiveRate.getAsDouble()))) {
            throw new IllegalArgumentException("mean score and positive rate must lie in [0, 1]");
        }
    }

    private static boolean inUnit(double v) {
        return v >= 0 && v <= 1;
    }
}
