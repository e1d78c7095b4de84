package io.mlgates.core.fairness;

import io.mlgates.core.metrics.MetricValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The groups of one sensitive attribute (or intersection of attributes) and the disparities between them.
 *
 * @param attribute the column's name, or an intersection's names joined with {@code &}
 * @param groups each group value (an intersection's values joined with {@code &}) to its figures, sorted
 * @param disparities each disparity metric of {@link Disparities#NAMES} by name, value or reason and interval
 * @param reference the declared reference group, when there is one
 * @param comparisons each included group against the reference, when one is declared and included
 */
public record AttributeFairness(String attribute, Map<String, GroupFairness> groups,
                                Map<String, MetricValue> disparities, Optional<String> reference,
                                List<ReferenceComparison> comparisons) {
    public AttributeFairness {
        Objects.requireNonNull(attribute, "attribute");
        groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        disparities = Collections.unmodifiableMap(new LinkedHashMap<>(disparities));
        Objects.requireNonNull(reference, "reference");
        comparisons = List.copyOf(comparisons);
    }
}
