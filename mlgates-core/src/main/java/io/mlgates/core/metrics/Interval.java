package io.mlgates.core.metrics;

import java.util.Objects;

/**
 * A two-sided confidence interval for a metric.
 *
 * @param low lower bound, finite
 * @param high upper bound, finite and not below {@code low}
 * @param level confidence level in (0, 1), for example 0.95
 * @param method how it was computed ("wilson", "delong"), so that a reader can look the definition up
 */
public record Interval(double low, double high, double level, String method) {
    public Interval {
        Objects.requireNonNull(method, "method");
        if (!Double.isFinite(low) || !Double.isFinite(high) || low > high) {
            throw new IllegalArgumentException("interval bounds must be finite and ordered: [" + low + ", " + high + "]");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must lie in (0, 1): " + level);
        }
    }
}
