package io.mlgates.core.drift;

import java.util.Objects;
import java.util.Optional;

/**
 * The drift of one column.
 *
 * @param method the test or distance applied (Evidently's automatic choice unless the policy named one)
 * @param statistic the test statistic (KS D, chi-square, z) or the distance
 * @param pValue the test's p-value; empty for a distance
 * @param threshold the threshold the score was compared with
 * @param drifted whether the column drifted; empty when the score is undefined
 * @param referenceRows reference rows with a value (nulls, NaN and infinities excluded, as Evidently drops them)
 * @param currentRows current rows with a value
 * @param errorBound present when a side was summarised by a quantile sketch rather than exactly
 * @param distribution both sides' counts for a chart, when both have values of the same kind
 */
public record ColumnDrift(DriftMethod method, DriftValue statistic, Optional<DriftValue> pValue, double threshold,
                          Optional<Boolean> drifted, long referenceRows, long currentRows,
                          Optional<ErrorBound> errorBound, Optional<ColumnDistribution> distribution) {
    public ColumnDrift {
        Objects.requireNonNull(distribution, "distribution");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(statistic, "statistic");
        Objects.requireNonNull(pValue, "pValue");
        Objects.requireNonNull(drifted, "drifted");
        Objects.requireNonNull(errorBound, "errorBound");
        if (method.isTest() != pValue.isPresent()) {
            throw new IllegalArgumentException(method.id() + (method.isTest()
                    ? " is a test and needs a p-value" : " is a distance and has no p-value"));
        }
        if (!Double.isFinite(threshold) || threshold < 0) {
            throw new IllegalArgumentException("threshold must be finite and >= 0, got " + threshold);
        }
        if (drifted.isPresent() != score(method, statistic, pValue).isDefined()) {
            throw new IllegalArgumentException("drifted is decided exactly when the score is defined");
        }
        if (referenceRows < 0 || currentRows < 0) {
            throw new IllegalArgumentException("row counts must be >= 0");
        }
    }

    /** Without the counts for a chart. */
    public ColumnDrift(DriftMethod method, DriftValue statistic, Optional<DriftValue> pValue, double threshold,
                       Optional<Boolean> drifted, long referenceRows, long currentRows,
                       Optional<ErrorBound> errorBound) {
        this(method, statistic, pValue, threshold, drifted, referenceRows, currentRows, errorBound, Optional.empty());
    }

    /** The value compared with the threshold: the p-value of a test, else the distance. */
    public DriftValue score() {
        return score(method, statistic, pValue);
    }

    private static DriftValue score(DriftMethod method, DriftValue statistic, Optional<DriftValue> pValue) {
        return method.isTest() ? pValue.orElseThrow() : statistic;
    }
}
