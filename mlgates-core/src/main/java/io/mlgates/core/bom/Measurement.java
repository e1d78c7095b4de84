package io.mlgates.core.bom;

import io.mlgates.core.metrics.Interval;
import io.mlgates.core.metrics.MetricValue;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One figure of a gate result as the ML-BOM lists it: a metric, overall or on a slice or group, with its interval, or
 * undefined with the reason (never 0).
 *
 * @param type the metric's name as the results name it ({@code recall}, {@code demographic_parity_difference})
 * @param slice the slice or group ({@code age_band=<25}), or the attribute a disparity is taken across; empty overall
 * @param value the value, empty when the data leave it undefined
 * @param ci its confidence interval, when the result has one
 * @param undefinedReason why it is undefined; present exactly when {@code value} is empty
 * @param gate the gate whose result holds it
 */
public record Measurement(String type, Optional<String> slice, OptionalDouble value, Optional<Interval> ci,
                          Optional<String> undefinedReason, String gate) {
    public Measurement {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(slice, "slice");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(ci, "ci");
        Objects.requireNonNull(undefinedReason, "undefinedReason");
        Objects.requireNonNull(gate, "gate");
        if (value.isPresent() == undefinedReason.isPresent()) {
            throw new IllegalArgumentException(type + ": a value or the reason it is undefined, not both or neither");
        }
        if (value.isEmpty() && ci.isPresent()) {
            throw new IllegalArgumentException(type + ": an undefined value has no interval");
        }
    }

    static Measurement of(MetricValue metric, Optional<String> slice, String gate) {
        return new Measurement(metric.name(), slice, metric.value(), metric.ci(), metric.undefinedReason(), gate);
    }

    /** Where it was measured, as the BOM's {@code slice} and the undefined list name it. */
    String where() {
        return type + slice.map(s -> " [" + s + "]").orElse("");
    }
}
