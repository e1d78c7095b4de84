package io.mlgates.core.policy;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A business threshold on one metric ("recall at least 0.6").
 *
 * @param metric metric name, as in results
 * @param min lowest acceptable value, inclusive
 * @param max highest acceptable value, inclusive
 * @param severity what breaking it means
 * @param judge point estimate or confidence bound
 */
public record MetricLimit(String metric, OptionalDouble min, OptionalDouble max, Severity severity, Judge judge) {
    public MetricLimit {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(judge, "judge");
        if (min.isEmpty() && max.isEmpty()) {
            throw new IllegalArgumentException("limit on " + metric + " needs min or max");
        }
        if (min.isPresent() && max.isPresent() && min.getAsDouble() > max.getAsDouble()) {
            throw new IllegalArgumentException("limit on " + metric + " has min above max");
        }
    }
}
