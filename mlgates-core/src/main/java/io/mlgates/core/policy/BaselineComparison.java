package io.mlgates.core.policy;

import io.mlgates.core.metrics.Direction;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How far a metric may move against the baseline. Margins are non-negative and stated in the metric's
 * favourable direction; a relative margin is taken on the baseline's magnitude, so that a negative baseline
 * cannot let a regression through.
 *
 * @param metric metric name
 * @param maxDrop largest allowed worsening, absolute
 * @param maxRelativeDrop largest allowed worsening as a fraction of |baseline|
 * @param minGain smallest required improvement, absolute
 * @param minRelativeGain smallest required improvement as a fraction of |baseline|
 * @param direction the direction for a metric the engine does not know; empty means the catalogue's
 * @param severity what breaking it means
 */
public record BaselineComparison(String metric, OptionalDouble maxDrop, OptionalDouble maxRelativeDrop,
                                 OptionalDouble minGain, OptionalDouble minRelativeGain,
                                 Optional<Direction> direction, Severity severity) {
    public BaselineComparison {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(maxDrop, "maxDrop");
        Objects.requireNonNull(maxRelativeDrop, "maxRelativeDrop");
        Objects.requireNonNull(minGain, "minGain");
        Objects.requireNonNull(minRelativeGain, "minRelativeGain");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(severity, "severity");
        if (maxDrop.isEmpty() && maxRelativeDrop.isEmpty() && minGain.isEmpty() && minRelativeGain.isEmpty()) {
            throw new IllegalArgumentException("comparison of " + metric
                    + " needs maxDrop, maxRelativeDrop, minGain or minRelativeGain");
        }
        for (OptionalDouble margin : new OptionalDouble[] {maxDrop, maxRelativeDrop, minGain, minRelativeGain}) {
            if (margin.isPresent() && !(margin.getAsDouble() >= 0)) {
                throw new IllegalArgumentException("margins of " + metric + " must be non-negative");
            }
        }
    }
}
