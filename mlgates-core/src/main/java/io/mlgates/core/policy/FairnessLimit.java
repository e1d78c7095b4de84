package io.mlgates.core.policy;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A limit on one disparity metric ("demographic_parity_ratio at least 0.8").
 *
 * @param metric disparity metric name, as in results (for example {@code equalized_odds_difference})
 * @param attributes the attributes it applies to (an intersection by its {@code a&b} name); empty means every one
 * @param min lowest acceptable value, inclusive
 * @param max highest acceptable value, inclusive
 * @param severity what breaking it means
 * @param judge point estimate or whole interval
 */
public record FairnessLimit(String metric, List<String> attributes, OptionalDouble min, OptionalDouble max,
                            Severity severity, FairnessJudge judge) {
    public FairnessLimit {
        Objects.requireNonNull(metric, "metric");
        attributes = List.copyOf(attributes);
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(judge, "judge");
        if (min.isEmpty() && max.isEmpty()) {
            throw new IllegalArgumentException("fairness limit on " + metric + " needs min or max");
        }
        if (min.isPresent() && max.isPresent() && min.getAsDouble() > max.getAsDouble()) {
            throw new IllegalArgumentException("fairness limit on " + metric + " has min above max");
        }
    }

    /** Whether the limit applies to the attribute of this name. */
    public boolean appliesTo(String attribute) {
        return attributes.isEmpty() || attributes.contains(attribute);
    }
}
