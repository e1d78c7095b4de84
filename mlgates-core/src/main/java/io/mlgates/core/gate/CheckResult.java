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
 * @param observed the metric's point estimate, when defined; without it a check on a metric is ERROR (or SKIPPED),
 *        never PASS, WARN or FAIL
 * @param ci the metric's confidence interval, when computed
 * @param limit the bound it was compared with, when the check has one
 * @param baseline the baseline's value, for a comparison with a baseline
 * @param slice the slice ({@code column=value}) the check applies to
 * @param message one sentence a reviewer can read without the rest
 * @param waiver the waiver that turned the check into WAIVED, with the status it had
 */
public record CheckResult(String id, Status status, Optional<String> metric, OptionalDouble observed,
                          Optional<Interval> ci, Optional<Limit> limit, OptionalDouble baseline,
                          Optional<String> slice, String message, Optional<WaiverNote> waiver) {
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
        Objects.requireNonNull(waiver, "waiver");
        if (id.isBlank()) {
            throw new IllegalArgumentException("check id must not be blank");
        }
        if ((status == Status.WAIVED) != waiver.isPresent()) {
            throw new IllegalArgumentException("a check is WAIVED exactly when it carries its waiver: " + id);
        }
        if (metric.isPresent() && observed.isEmpty()
                && (status == Status.PASS || status == Status.WARN || status == Status.FAIL)) {
            // an undefined (or unmeasured) metric cannot be judged: that is an ERROR with its reason, never a verdict
            throw new IllegalArgumentException("check " + id + " on " + metric.get() + " has no value, so it is"
                    + " ERROR or SKIPPED, not " + status);
        }
    }

    /** A check that no waiver touched. */
    public CheckResult(String id, Status status, Optional<String> metric, OptionalDouble observed,
                       Optional<Interval> ci, Optional<Limit> limit, OptionalDouble baseline, Optional<String> slice,
                       String message) {
        this(id, status, metric, observed, ci, limit, baseline, slice, message, Optional.empty());
    }

    /** A check about the input as a whole (rows read, rows dropped). */
    public static CheckResult ofInput(String id, Status status, long count, String message) {
        return new CheckResult(id, status, Optional.empty(), OptionalDouble.of(count), Optional.empty(),
                Optional.empty(), OptionalDouble.empty(), Optional.empty(), message);
    }

    /** This check as WAIVED by the given waiver; its message says so first. */
    CheckResult waivedBy(WaiverNote note) {
        return new CheckResult(id, Status.WAIVED, metric, observed, ci, limit, baseline, slice,
                "waived (was " + status + ") by " + note.approver() + " until " + note.expires() + ": "
                        + note.reason() + " | " + message, Optional.of(note));
    }

    /** This check with a note after its message. */
    CheckResult withNote(String note) {
        return new CheckResult(id, status, metric, observed, ci, limit, baseline, slice, message + " " + note, waiver);
    }

    CheckResult withId(String newId) {
        return new CheckResult(newId, status, metric, observed, ci, limit, baseline, slice, message, waiver);
    }
}
