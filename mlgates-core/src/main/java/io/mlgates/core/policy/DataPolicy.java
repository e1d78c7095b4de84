package io.mlgates.core.policy;

import io.mlgates.core.drift.DriftPolicy;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The model's input data judged for drift ({@code data} and {@code drift} in the policy): where the reference and the
 * current rows are, which columns, and how drift is judged.
 *
 * @param reference the reference rows, relative to the repository
 * @param profile a saved reference profile, relative to the repository; exclusive with {@code reference}
 * @param current a feature file with the same rows as the predictions; else the prediction file's input columns
 * @param columns the columns to judge; empty means every column both sides share
 * @param drift the share of drifted columns that makes the data set drift, and per column a method and threshold
 * @param severity the status of a drifted column and of a drifted data set ({@code drift.severity})
 */
public record DataPolicy(Optional<String> reference, Optional<String> profile, Optional<String> current,
                         List<String> columns, DriftPolicy drift, Severity severity) {
    /** Drift warns unless the policy says otherwise. */
    public static final Severity DEFAULT_SEVERITY = Severity.WARN;

    public DataPolicy {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(current, "current");
        columns = List.copyOf(columns);
        Objects.requireNonNull(drift, "drift");
        Objects.requireNonNull(severity, "severity");
        if (reference.isPresent() && profile.isPresent()) {
            throw new IllegalArgumentException("the reference is rows or a profile, not both");
        }
        if (reference.isEmpty() && profile.isEmpty() && (current.isPresent() || !columns.isEmpty())) {
            throw new IllegalArgumentException("current data or columns without a reference");
        }
    }

    /** No data judged: the policy names no reference. */
    public static DataPolicy none() {
        return new DataPolicy(Optional.empty(), Optional.empty(), Optional.empty(), List.of(), DriftPolicy.defaults(),
                DEFAULT_SEVERITY);
    }

    /** Whether drift is judged: the policy names reference rows or a profile. */
    public boolean judged() {
        return reference.isPresent() || profile.isPresent();
    }
}
