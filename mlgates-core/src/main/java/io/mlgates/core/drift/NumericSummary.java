package io.mlgates.core.drift;

import java.util.Objects;

/**
 * A numeric column: its row and null counts, and its finite values, exactly or as a quantile sketch.
 *
 * @param rows rows read
 * @param nulls rows without a finite value
 * @param distribution the finite values; its count is {@code rows - nulls}
 */
public record NumericSummary(long rows, long nulls, NumericDistribution distribution) implements ColumnSummary {
    public NumericSummary {
        Objects.requireNonNull(distribution, "distribution");
        if (nulls < 0 || rows < nulls) {
            throw new IllegalArgumentException("need 0 <= nulls <= rows, got nulls " + nulls + " of " + rows);
        }
        if (distribution.count() != rows - nulls) {
            throw new IllegalArgumentException("the distribution holds " + distribution.count()
                    + " values, but " + rows + " rows less " + nulls + " nulls leave " + (rows - nulls));
        }
    }

    /** The summary of both parts' rows; exact while the distinct values stay within the tally's cap. */
    public NumericSummary merge(NumericSummary other, SketchSettings settings) {
        return new NumericSummary(Math.addExact(rows, other.rows), Math.addExact(nulls, other.nulls),
                distribution.merge(other.distribution, settings));
    }
}
