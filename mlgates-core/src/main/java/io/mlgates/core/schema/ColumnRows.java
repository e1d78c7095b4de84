package io.mlgates.core.schema;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What the evaluation data's values of one declared column were, against its declaration.
 *
 * @param column the declared column
 * @param rows rows whose value was read (null or not)
 * @param nulls null values (empty, white space, or absent)
 * @param type values not of the declared type
 * @param range values outside the declared range
 * @param category values outside the declared categories
 */
public record ColumnRows(SchemaColumn column, long rows, Offences nulls, Offences type, Offences range,
                         Offences category) {
    public ColumnRows {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(nulls, "nulls");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(category, "category");
        if (rows < nulls.count() + type.count() + range.count() + category.count()) {
            throw new IllegalArgumentException("more offences than rows in column " + column.name());
        }
    }

    /** The share of null values; undefined (empty) without rows. */
    public OptionalDouble nullShare() {
        return rows == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) nulls.count() / rows);
    }
}
