package io.mlgates.core.fairness;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Group figures and disparities of every judged attribute.
 *
 * @param overall the figures of all rows
 * @param attributes each attribute, in the order they were asked for
 */
public record FairnessResult(GroupFairness overall, Map<String, AttributeFairness> attributes) {
    public FairnessResult {
        Objects.requireNonNull(overall, "overall");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}
