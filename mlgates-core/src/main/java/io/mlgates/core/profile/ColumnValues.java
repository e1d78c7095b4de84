package io.mlgates.core.profile;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A column's values as a profile keeps them: each distinct value with its count, exactly, up to
 * {@link ColumnAccumulator#MAX_EXACT_VALUES} distinct spellings; past it, a numeric column's values in buckets of a
 * stated relative width, and a categorical column only the fact that it has too many values to compare.
 */
public sealed interface ColumnValues {
    /** Every distinct number with its count. */
    record Numbers(SortedMap<Double, Long> counts) implements ColumnValues {
        public Numbers {
            counts = Collections.unmodifiableSortedMap(new TreeMap<>(counts));
        }
    }

    /**
     * The numbers in buckets: each key is a bucket's bound nearest 0, and every value {@code x} counted in it lies
     * between the bound and the bound times (1 + {@code relativeError}), on the bound's side of 0.
     */
    record Buckets(SortedMap<Double, Long> counts, double relativeError) implements ColumnValues {
        public Buckets {
            counts = Collections.unmodifiableSortedMap(new TreeMap<>(counts));
            if (!(relativeError > 0 && relativeError < 1)) {
                throw new IllegalArgumentException("relativeError must lie in (0, 1): " + relativeError);
            }
        }
    }

    /** Every distinct value, as written, with its count. */
    record Categories(SortedMap<String, Long> counts) implements ColumnValues {
        public Categories {
            counts = Collections.unmodifiableSortedMap(new TreeMap<>(counts));
        }
    }

    /** More distinct values than a profile counts, not all of them numbers: the values are not kept. */
    record TooMany(int limit) implements ColumnValues {
        public TooMany {
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be at least 1: " + limit);
            }
        }
    }
}
