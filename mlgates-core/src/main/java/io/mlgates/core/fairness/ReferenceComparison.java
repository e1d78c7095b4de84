package io.mlgates.core.fairness;

import io.mlgates.core.metrics.MetricValue;
import java.util.Objects;

/**
 * One group against the attribute's reference group: the ratio of their rates of the favourable outcome (AIF360's
 * disparate impact), for the four-fifths rule, with the test of whether the rates differ.
 *
 * @param group the group compared
 * @param ratio favourable rate of the group over that of the reference, with its log-method interval
 * @param test the significance test and its two-sided p-value
 */
public record ReferenceComparison(String group, MetricValue ratio, Significance.Test test) {
    public ReferenceComparison {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(ratio, "ratio");
        Objects.requireNonNull(test, "test");
    }
}
