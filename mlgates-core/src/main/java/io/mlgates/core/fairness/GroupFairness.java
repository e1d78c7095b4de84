package io.mlgates.core.fairness;

import io.mlgates.core.metrics.MetricValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One group's figures.
 *
 * @param count rows in the group
 * @param weight sum of the rows' weights (the row count without weights)
 * @param rates {@code selection_rate}, {@code tpr}, {@code fpr}, {@code fnr}, {@code ppv}, {@code accuracy}, each with
 *     its Wilson interval or undefined with the reason
 * @param metrics the validation metrics of the group that need no per-row storage
 * @param excluded why the group is left out of the disparities (too few rows), when it is
 */
public record GroupFairness(long count, double weight, Map<String, MetricValue> rates,
                            Map<String, MetricValue> metrics, Optional<String> excluded) {
    public GroupFairness {
        rates = Collections.unmodifiableMap(new LinkedHashMap<>(rates));
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        Objects.requireNonNull(excluded, "excluded");
        if (count < 0 || !(weight >= 0)) {
            throw new IllegalArgumentException("count and weight must not be negative");
        }
    }

    public MetricValue rate(String name) {
        MetricValue value = rates.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no rate named " + name);
        }
        return value;
    }
}
