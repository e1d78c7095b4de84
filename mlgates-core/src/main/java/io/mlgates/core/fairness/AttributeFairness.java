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
 * @param groups each group value (an intersection's values joined with {@code &}) to its figures, sorted; rows with
 *     no value form the group {@link FairnessAccumulator#MISSING} unless they are excluded
 * @param disparities each disparity of {@link Disparity} by name over every group present, as Fairlearn and AIF360
 *     compute it, or undefined with the reason
 * @param judged the disparities over the groups large enough to judge, which the checks use
 * @param reference the declared reference group, when there is one
 * @param comparedWith the group the comparisons are against: the declared reference, or else the judged group with
 *     the highest favourable rate; empty when fewer than two groups are judged or the reference is not among them
 * @param comparisons each other judged group against {@code comparedWith}
 * @param missingExcluded rows left out because they have no value of the attribute ({@code missing: exclude})
 */
public record AttributeFairness(String attribute, Map<String, GroupFairness> groups,
                                Map<String, MetricValue> disparities, JudgedDisparities judged,
                                Optional<String> reference, Optional<String> comparedWith,
                                List<ReferenceComparison> comparisons, long missingExcluded) {
    public AttributeFairness {
        Objects.requireNonNull(attribute, "attribute");
        groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        disparities = Collections.unmodifiableMap(new LinkedHashMap<>(disparities));
        Objects.requireNonNull(judged, "judged");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(comparedWith, "comparedWith");
        comparisons = List.copyOf(comparisons);
        if (missingExcluded < 0) {
            throw new IllegalArgumentException("missingExcluded must not be negative");
        }
    }

}
