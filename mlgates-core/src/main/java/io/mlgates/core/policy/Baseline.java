package io.mlgates.core.policy;

import java.util.List;
import java.util.Objects;

/**
 * The model to compare with: a metrics file (name to value, or an earlier gate result) and the comparisons.
 *
 * @param path metrics file relative to the model repository
 * @param comparisons what may move how far
 */
public record Baseline(String path, List<BaselineComparison> comparisons) {
    public Baseline {
        Objects.requireNonNull(path, "path");
        comparisons = List.copyOf(comparisons);
    }
}
