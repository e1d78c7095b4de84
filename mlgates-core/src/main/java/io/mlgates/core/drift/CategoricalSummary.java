package io.mlgates.core.drift;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A categorical column: the count of each category, and the rows without one.
 *
 * @param rows rows read
 * @param nulls rows without a category
 * @param counts rows per category, every count positive, summing to {@code rows - nulls}; sorted by category
 */
public record CategoricalSummary(long rows, long nulls, Map<String, Long> counts) implements ColumnSummary {
    public CategoricalSummary {
        Objects.requireNonNull(counts, "counts");
        if (nulls < 0 || rows < nulls) {
            throw new IllegalArgumentException("need 0 <= nulls <= rows, got nulls " + nulls + " of " + rows);
        }
        TreeMap<String, Long> sorted = new TreeMap<>();
        long total = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            String category = Objects.requireNonNull(e.getKey(), "category");
            long count = Objects.requireNonNull(e.getValue(), "count");
            if (count <= 0) {
                throw new IllegalArgumentException("category '" + category + "' has count " + count
                        + "; a listed category has at least one row");
            }
            sorted.put(category, count);
            total = Math.addExact(total, count);
        }
        if (total != rows - nulls) {
            throw new IllegalArgumentException("the categories hold " + total + " rows, but " + rows
                    + " rows less " + nulls + " nulls leave " + (rows - nulls));
        }
        counts = Collections.unmodifiableMap(sorted);
    }

    public CategoricalSummary merge(CategoricalSummary other) {
        TreeMap<String, Long> sum = new TreeMap<>(counts);
        other.counts.forEach((k, v) -> sum.merge(k, v, Math::addExact));
        return new CategoricalSummary(Math.addExact(rows, other.rows), Math.addExact(nulls, other.nulls), sum);
    }
}
