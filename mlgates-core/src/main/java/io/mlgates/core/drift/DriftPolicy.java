package io.mlgates.core.drift;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * What the policy says about drift: the share of drifted columns that makes the data set drifted, and per column
 * a method and threshold in place of Evidently's automatic choice and defaults.
 *
 * @param share data-set drift when the share of drifted columns reaches this (Evidently's default 0.5)
 * @param columns per-column requests, by column name
 */
public record DriftPolicy(double share, Map<String, ColumnRequest> columns) {
    /** Evidently's default share of drifted columns for data-set drift. */
    public static final double DEFAULT_SHARE = 0.5;

    public DriftPolicy {
        checkShare(share);
        columns = Map.copyOf(new TreeMap<>(Objects.requireNonNull(columns, "columns")));
    }

    /** Evidently's defaults: automatic choice per column, share 0.5. */
    public static DriftPolicy defaults() {
        return new DriftPolicy(DEFAULT_SHARE, Map.of());
    }

    /** The request for a column: the policy's, or the automatic choice with its default threshold. */
    public ColumnRequest request(String column) {
        return columns.getOrDefault(column, ColumnRequest.AUTOMATIC);
    }

    static void checkShare(double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("the drift share must be in (0, 1], got " + share);
        }
    }

    /**
     * A column's method and threshold, each empty for Evidently's choice.
     *
     * @param method the method to apply; empty for the automatic choice
     * @param threshold the threshold; empty for the chosen method's default
     */
    public record ColumnRequest(Optional<DriftMethod> method, OptionalDouble threshold) {
        /** Evidently's automatic choice and default threshold. */
        public static final ColumnRequest AUTOMATIC = new ColumnRequest(Optional.empty(), OptionalDouble.empty());

        public ColumnRequest {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(threshold, "threshold");
            if (threshold.isPresent() && !(Double.isFinite(threshold.getAsDouble())
                    && threshold.getAsDouble() >= 0)) {
                throw new IllegalArgumentException("a drift threshold must be finite and >= 0");
            }
        }
    }
}
