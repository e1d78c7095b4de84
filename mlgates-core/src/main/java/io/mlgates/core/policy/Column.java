package io.mlgates.core.policy;

import java.util.Objects;

/**
 * A column of the prediction file. A column named in the policy must exist; a column known only by its
 * conventional name is used when the file has it.
 *
 * @param name column name in the file's header (CSV) or key (JSON Lines)
 * @param explicit whether the policy named it (then a missing column is an error)
 */
public record Column(String name, boolean explicit) {
    public Column {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("column name must not be empty");
        }
    }

    public static Column byConvention(String name) {
        return new Column(name, false);
    }

    public static Column named(String name) {
        return new Column(name, true);
    }

    /** The record's generated text, written out, as {@link PredictionSource#toString} is and for the same reason. */
    @Override
    public String toString() {
        return "Column[name=" + name + ", explicit=" + explicit + "]";
    }
}
