package io.mlgates.core.policy;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * How drift is judged ({@code drift} in the policy).
 *
 * @param share the data set drifts when at least this share of the judged columns drifts
 * @param severity the status of a drifted column and of a drifted data set
 * @param overrides per column, a method instead of the automatic choice and its threshold
 */
public record DriftPolicy(double share, Severity severity, Map<String, ColumnMethod> overrides) {
    public static final double DEFAULT_SHARE = 0.5;

    public DriftPolicy {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share must lie in (0, 1]: " + share);
        }
        Objects.requireNonNull(severity, "severity");
        overrides = Map.copyOf(new TreeMap<>(overrides));
    }

    /** Evidently's defaults: half the columns, and a drift warns. */
    public static DriftPolicy defaults() {
        return new DriftPolicy(DEFAULT_SHARE, Severity.WARN, Map.of());
    }

    /**
     * One column's choice.
     *
     * @param method a method by Evidently's name ({@code psi}, {@code kl_div}, ...), else the automatic choice
     * @param threshold the threshold instead of the method's default
     */
    public record ColumnMethod(Optional<String> method, OptionalDouble threshold) {
        public ColumnMethod {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(threshold, "threshold");
        }
    }
}
