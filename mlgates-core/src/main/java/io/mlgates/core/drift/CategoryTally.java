package io.mlgates.core.drift;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Accumulates one categorical column in a streaming pass: the count of each category, and the rows without one.
 * Tallies of parts of a file merge. Mutable and not thread-safe.
 */
public final class CategoryTally {
    private final Map<String, long[]> counts = new HashMap<>();
    private long rows;
    private long nulls;

    /** One row's category. */
    public void add(String category) {
        rows++;
        counts.computeIfAbsent(Objects.requireNonNull(category, "category"), k -> new long[1])[0]++;
    }

    /** One row without a category. */
    public void addNull() {
        rows++;
        nulls++;
    }

    public void merge(CategoryTally other) {
        rows = Math.addExact(rows, other.rows);
        nulls = Math.addExact(nulls, other.nulls);
        other.counts.forEach((k, v) -> counts.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
    }

    public CategoricalSummary summary() {
        Map<String, Long> plain = new HashMap<>();
        counts.forEach((k, v) -> plain.put(k, v[0]));
        return new CategoricalSummary(rows, nulls, plain);
    }
}
