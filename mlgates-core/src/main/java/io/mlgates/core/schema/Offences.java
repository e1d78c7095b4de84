package io.mlgates.core.schema;

import java.util.List;
import java.util.Objects;

/**
 * The values of one column that broke one rule: how many, and the first ones in file order.
 *
 * @param count how many values
 * @param first the first {@link SchemaRows#FIRST_SHOWN} of them at most, in file order
 */
public record Offences(long count, List<Offence> first) {
    public Offences {
        first = List.copyOf(first);
        if (count < first.size()) {
            throw new IllegalArgumentException("fewer offences counted than shown: " + count);
        }
    }

    /** None. */
    public static final Offences NONE = new Offences(0, List.of());

    /**
     * One offending value.
     *
     * @param line the line of the file it is on (where its record starts)
     * @param value the value as the file spells it, clipped; empty for a null
     */
    public record Offence(long line, String value) {
        public Offence {
            Objects.requireNonNull(value, "value");
            if (line < 1) {
                throw new IllegalArgumentException("lines count from 1: " + line);
            }
        }
    }
}
