package io.mlgates.core.metrics;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The value of one metric, or the reason why the data leaves it undefined (0/0, a single class, no rows).
 * An undefined value is never replaced by 0, 1 or NaN: a check on it cannot pass.
 *
 * @param name metric name as used in policies and results, for example {@code roc_auc}
 * @param value the value, empty when undefined; never NaN or infinite
 * @param undefinedReason why the value is undefined; present exactly when {@code value} is empty
 * @param ci confidence interval, when one is defined for this metric and computable
 * @param source computed from the predictions, or reported by the training job
 */
public record MetricValue(String name, OptionalDouble value, Optional<String> undefinedReason,
                          Optional<Interval> ci, MetricSource source) {
    public MetricValue {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(undefinedReason, "undefinedReason");
        Objects.requireNonNull(ci, "ci");
        Objects.requireNonNull(source, "source");
        if (name.isBlank()) {
            throw new IllegalArgumentException("metric name must not be blank");
        }
        if (value.isPresent() == undefinedReason.isPresent()) {
            throw new IllegalArgumentException("metric " + name + " needs either a value or the reason it is undefined");
        }
        if (value.isPresent() && !Double.isFinite(value.getAsDouble())) {
            throw new IllegalArgumentException("metric " + name + " must be finite, got " + value.getAsDouble());
        }
        if (value.isEmpty() && ci.isPresent()) {
            throw new IllegalArgumentException("undefined metric " + name + " cannot carry an interval");
        }
    }

    public static MetricValue of(String name, double value) {
        return new MetricValue(name, OptionalDouble.of(value), Optional.empty(), Optional.empty(), MetricSource.COMPUTED);
    }

    public static MetricValue of(String name, double value, Interval ci) {
        return new MetricValue(name, OptionalDouble.of(value), Optional.empty(), Optional.of(ci), MetricSource.COMPUTED);
    }

    public static MetricValue undefined(String name, String reason) {
        return new MetricValue(name, OptionalDouble.empty(), Optional.of(reason), Optional.empty(), MetricSource.COMPUTED);
    }

    public static MetricValue reported(String name, double value) {
        return new MetricValue(name, OptionalDouble.of(value), Optional.empty(), Optional.empty(), MetricSource.REPORTED);
    }

    /** A ratio num/den that is undefined when the denominator is zero, with the reason named. */
    public static MetricValue ratio(String name, double numerator, double denominator, String whatIsZero) {
        if (denominator == 0) {
            return undefined(name, whatIsZero + " (0/0)");
        }
        return of(name, numerator / denominator);
    }

    public boolean isDefined() {
        return value.isPresent();
    }

    public MetricValue withInterval(Interval interval) {
        if (value.isEmpty()) {
            return this;
        }
        return new MetricValue(name, value, undefinedReason, Optional.of(interval), source);
    }
}
