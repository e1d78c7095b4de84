package io.mlgates.core.policy;

import java.util.List;
import java.util.Objects;

/**
 * Limits that apply to each value of a slice column separately (each region, each product line).
 *
 * @param column the column whose values define the slices
 * @param minSize slices with fewer rows are SKIPPED, with their size stated
 * @param limits limits applied within every slice
 */
public record SliceRule(String column, int minSize, List<MetricLimit> limits) {
    public static final int DEFAULT_MIN_SIZE = 30;

    public SliceRule {
        Objects.requireNonNull(column, "column");
        limits = List.copyOf(limits);
        if (minSize < 1) {
            throw new IllegalArgumentException("minSize of slice " + column + " must be at least 1");
        }
        if (limits.isEmpty()) {
            throw new IllegalArgumentException("slice " + column + " needs at least one limit");
        }
    }
}
