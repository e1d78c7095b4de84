package io.mlgates.core.profile;

import java.util.Collections;
import java.util.List;
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
     * The numbers in buckets, ascending: each bucket holds the values whose double has the same sign, exponent and
     * leading {@link ColumnAccumulator#BUCKET_BITS} mantissa bits, so its values differ by less than
     * 2^-{@value ColumnAccumulator#BUCKET_BITS} of their size; it keeps their count and the least and greatest.
     */
    record Buckets(List<Bucket> buckets) implements ColumnValues {
        public Buckets {
            buckets = List.copyOf(buckets);
            for (int i = 1; i < buckets.size(); i++) {
                if (!(buckets.get(i).lower() > buckets.get(i - 1).upper())) {
                    throw new IllegalArgumentException("buckets must be disjoint and ascending");
                }
            }
        }
    }

    /** A bucket: {@code count} values, the least {@code lower} and the greatest {@code upper}. */
    record Bucket(double lower, double upper, long count) {
        public Bucket {
            if (!(lower <= upper) || count < 1 || !Double.isFinite(lower) || !Double.isFinite(upper)) {
                throw new IllegalArgumentException("a bucket holds at least one finite value, lower <= upper");
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
