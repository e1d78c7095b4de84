package io.mlgates.core.drift;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A drift statistic or p-value, or the reason why the data leaves it undefined (no values on one side, a single
 * value on both sides for the z-test). Never NaN or infinite; an undefined value is never replaced by 0 or 1.
 *
 * @param value the value, empty when undefined
 * @param undefinedReason why it is undefined; present exactly when {@code value} is empty
 */
public record DriftValue(OptionalDouble value, Optional<String> undefinedReason) {
    public DriftValue {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(undefinedReason, "undefinedReason");
        if (value.isPresent() == undefinedReason.isPresent()) {
            throw new IllegalArgumentException("a drift value needs either a value or the reason it is undefined");
        }
        if (value.isPresent() && !Double.isFinite(value.getAsDouble())) {
            throw new IllegalArgumentException("a drift value must be finite, got " + value.getAsDouble());
        }
        if (undefinedReason.isPresent() && undefinedReason.get().isBlank()) {
            throw new IllegalArgumentException("the reason for an undefined drift value must not be blank");
        }
    }

    public static DriftValue of(double value) {
        return new DriftValue(OptionalDouble.of(value), Optional.empty());
    }

    public static DriftValue undefined(String reason) {
        return new DriftValue(OptionalDouble.empty(), Optional.of(reason));
    }

    public boolean isDefined() {
        return value.isPresent();
    }
}
