package io.mlgates.core.gate;

import io.mlgates.core.metrics.Interval;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The outcome of one check.
 *
 * @param id stable identifier, unique within a gate result ({@code limit:roc_auc:min})
 * @param status outcome
 * @param metric the metric judged, when the check is about one
 * @param observed the metric's point estimate, when defined
 * @param ci the metric's confidence interval, when computed
 * @param limit the bound it was compared with, when the check has one
 * @param baseline the baseline's value, for a comparison with a baseline
 * @param slice the slice ({@code column=value}) the check applies to
 * @param message one sentence a reviewer can read without the rest
 */
public record CheckResult(String id, Status status, Optional<String> metric, OptionalDouble observed,
                          Optional<Interval> ci, Optional<Limit> limit, OptionalDouble baseline,
                          Optional<String> slice, String message) {
    public CheckResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(observed, "observed");
        Objects.requireNonNull(ci, "ci");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(slice, "slice");
        Objects.requireNonNull(message, "message");
        if (id.isBlank()) {
            throw new IllegalArgumentException("check id must not be blank");
        }
    }

    /** A check about the input as a whole (rows read, rows dropped). */
    public static CheckResult ofInput(String id, Status status, long count, String message) {
        return new CheckResult(id, status, Optional.empty(), OptionalDouble.of(count), Optional.empty(),
                Optional.empty(), OptionalDouble.empty(), Optional.empty(), message);
    }

    CheckResult withId(String newId) {
        return new CheckResult(newId, status, metric, observed, ci, limit, baseline, slice, message);
    }
}
