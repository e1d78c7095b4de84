package io.mlgates.core.fairness;

import io.mlgates.core.metrics.MetricValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The disparities of an attribute over the groups large enough to judge (at least {@code minGroupSize} rows): the
 * values the policy's limits and the four-fifths rule are judged on.
 *
 * @param groups the groups judged, sorted
 * @param leftOut the groups present but too small to judge, sorted
 * @param values each disparity of {@link Disparity} by name over {@code groups}, or undefined with the reason
 */
public record JudgedDisparities(List<String> groups, List<String> leftOut, Map<String, MetricValue> values) {
    /** The simultaneous interval method of the between-groups intervals, as results name it. */
    public static final String INTERVAL_METHOD = "bonferroni";

    public JudgedDisparities {
        groups = List.copyOf(groups);
        leftOut = List.copyOf(leftOut);
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The pairs of groups judged, k(k-1)/2, among which the between-groups intervals share their error rate. */
    public long pairs() {
        return Disparity.IntervalMethod.PAIRS.comparisons(groups.size());
    }

    public MetricValue value(String disparity) {
        MetricValue v = values.get(disparity);
        if (v == null) {
            throw new IllegalArgumentException("no disparity named " + disparity);
        }
        return v;
    }
}
