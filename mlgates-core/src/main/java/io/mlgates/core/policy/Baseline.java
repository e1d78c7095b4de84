package io.mlgates.core.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The model to compare with: a metrics file (name to value, or an earlier gate result), or the metrics the registry
 * recorded for the version now in a stage ({@code from: production}); and the comparisons.
 *
 * @param path metrics file relative to the model repository, when the baseline is a file
 * @param stage the stage whose version's recorded metrics are the baseline, when it is not a file
 * @param comparisons what may move how far; none means the default comparison (every metric of known direction at
 *     {@code maxDrop: 0}, as a warning)
 */
public record Baseline(Optional<String> path, Optional<String> stage, List<BaselineComparison> comparisons) {
    public Baseline {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(stage, "stage");
        comparisons = List.copyOf(comparisons);
        if (path.isPresent() == stage.isPresent()) {
            throw new IllegalArgumentException("a baseline is a file (path) or a stage (from), exactly one");
        }
    }

    /** A baseline metrics file. */
    public Baseline(String path, List<BaselineComparison> comparisons) {
        this(Optional.of(path), Optional.empty(), comparisons);
    }
}
