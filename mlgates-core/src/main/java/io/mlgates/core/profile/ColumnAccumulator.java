package io.mlgates.core.profile;

import io.mlgates.core.metrics.ExactSum;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One column's profile, filled row by row in one pass: rows, nulls (a value that is absent or blank), the numbers'
 * exact count, sum and sum of squares (so mean and standard deviation are exact whatever the order of the rows),
 * min and max, and the distinct values with their counts.
 *
 * <p>Values are counted exactly by their spelling up to {@link #MAX_EXACT_VALUES} distinct ones. Past that, a column
 * of numbers only keeps its numbers in buckets (the double's leading {@link #BUCKET_BITS} mantissa bits: a relative
 * width of 2^-{@value #BUCKET_BITS}), and any other column only that it has too many values. Which of the three a
 * column ends in depends on its values, not their order: accumulators of any ranges of rows, merged, hold what one
 * pass over all the rows holds, bit for bit. Not thread-safe.
 */
public final class ColumnAccumulator {
    /** Distinct spellings counted exactly; a column of ids or continuous numbers goes past it. */
    public static final int MAX_EXACT_VALUES = 10_000;
    /** Mantissa bits a bucket keeps: values in one bucket differ by less than 2^-7 of their size. */
    public static final int BUCKET_BITS = 7;
    private static final long BUCKET_MASK = -1L << (52 - BUCKET_BITS);

    private long rows;
    private long nulls;
    private long numbers;
    private final ExactSum sum = new ExactSum();
    private final ExactSum squares = new ExactSum();
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    /** Whether a value that is not a number was met: the column is categorical. */
    private boolean text;
    /** Each distinct spelling (stripped) and its count; null once past the cap. */
    private Map<String, long[]> exact = new HashMap<>();
    /** Past the cap, in a column of numbers only: each bucket (by its bits) with its count, least and greatest. */
    private Map<Long, Bucket> buckets;

    /** A bucket's values so far. */
    private static final class Bucket {
        long count;
        double lower = Double.POSITIVE_INFINITY;
        double upper = Double.NEGATIVE_INFINITY;

        void add(double x, long n) {
            count += n;
            lower = Math.min(lower, x);
            upper = Math.max(upper, x);
        }

        void add(Bucket other) {
            count += other.count;
            lower = Math.min(lower, other.lower);
            upper = Math.max(upper, other.upper);
        }
    }

    /** Adds a row without a value in this column (absent or blank). */
    public void addNull() {
        rows++;
        nulls++;
    }

    /** Adds a row's value as written; a blank value is a null. */
    public void add(String written) {
        String value = written.strip();
        if (value.isEmpty()) {
            addNull();
            return;
        }
        rows++;
        double x = Numbers.parse(value);
        if (Double.isNaN(x)) {
            text = true;
            if (buckets != null) {
                buckets = null; // a categorical column with too many values: none is kept
            }
        } else {
            numbers++;
            sum.add(x);
            squares.addProduct(x, x);
            min = Math.min(min, x);
            max = Math.max(max, x);
            if (buckets != null) {
                addToBucket(x, 1);
                return;
            }
        }
        if (exact != null) {
            long[] count = exact.get(value);
            if (count == null) {
                if (exact.size() == MAX_EXACT_VALUES) {
                    overflow();
                    if (buckets != null) {
                        addToBucket(x, 1);
                    }
                    return;
                }
                count = new long[1];
                exact.put(value, count);
            }
            count[0]++;
        }
    }

    /** Past the cap: numbers go into buckets, anything else keeps nothing. */
    private void overflow() {
        Map<String, long[]> spelled = exact;
        exact = null;
        if (text) {
            return;
        }
        buckets = new HashMap<>();
        spelled.forEach((k, v) -> addToBucket(Numbers.parse(k), v[0]));
    }

    private void addToBucket(double x, long n) {
        double value = x + 0.0;
        buckets.computeIfAbsent(bucket(value), k -> new Bucket()).add(value, n);
    }

    /** The bucket of a number: its bits with the mantissa cut to {@link #BUCKET_BITS} bits (0 and -0 are one). */
    static long bucket(double x) {
        return x == 0 ? 0L : Double.doubleToRawLongBits(x) & BUCKET_MASK;
    }

    /** Adds the rows {@code later} read (the rows after this one's, or any others: the result is the same). */
    public void merge(ColumnAccumulator later) {
        rows += later.rows;
        nulls += later.nulls;
        numbers += later.numbers;
        sum.add(later.sum);
        squares.add(later.squares);
        min = Math.min(min, later.min);
        max = Math.max(max, later.max);
        text |= later.text;
        if (exact != null && later.exact != null) {
            long fresh = later.exact.keySet().stream().filter(k -> !exact.containsKey(k)).count();
            if (exact.size() + fresh <= MAX_EXACT_VALUES) {
                later.exact.forEach((k, v) -> exact.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
                return;
            }
        }
        // past the cap together: numbers only go into buckets, from both sides' values as one pass would put them
        if (exact != null) {
            overflow();
        }
        if (text) {
            buckets = null;
            return;
        }
        if (later.exact != null) {
            later.exact.forEach((k, v) -> addToBucket(Numbers.parse(k), v[0]));
        } else {
            later.buckets.forEach((k, v) -> buckets.computeIfAbsent(k, x -> new Bucket()).add(v));
        }
    }

    /**
     * How the numbers of a column of numbers only were written, while its values are counted exactly: each spelling
     * with its count; empty otherwise. A profile keeps numbers, not spellings, but a merge needs them: spellings are
     * what the cap counts, and they become the categories when a value that is not a number joins the column.
     */
    public SortedMap<String, Long> spellings() {
        TreeMap<String, Long> spelled = new TreeMap<>();
        if (exact != null && !text) {
            exact.forEach((k, v) -> spelled.put(k, v[0]));
        }
        return spelled;
    }

    /**
     * The accumulator that profiled {@code profile}, to merge more rows into: what {@link #profile} and
     * {@link #spellings} of an accumulator gave, restored, so that it merges as that accumulator would.
     *
     * @param spellings the profile's {@link #spellings}: required (and only allowed) for a numeric column whose values
     *     are counted exactly, each spelling a number of the column, with counts that add up to its numbers' counts
     * @throws IllegalArgumentException when the spellings do not fit the profile
     */
    public static ColumnAccumulator of(ColumnProfile profile, SortedMap<String, Long> spellings) {
        ColumnAccumulator a = new ColumnAccumulator();
        a.rows = profile.rows();
        a.nulls = profile.nulls();
        a.numbers = profile.numbers();
        a.sum.add(profile.sum());
        a.squares.add(profile.squares());
        if (profile.numbers() > 0) {
            a.min = profile.min();
            a.max = profile.max();
        }
        a.text = profile.rows() - profile.nulls() > profile.numbers();
        ColumnValues values = profile.values();
        if (values instanceof ColumnValues.Numbers n) {
            TreeMap<Double, Long> counted = new TreeMap<>();
            spellings.forEach((spelling, count) -> {
                double x = spelling.isEmpty() || !spelling.equals(spelling.strip()) ? Double.NaN
                        : Numbers.parse(spelling);
                if (Double.isNaN(x) || count < 1) {
                    throw new IllegalArgumentException("'" + spelling + "' is not a number written once or more");
                }
                counted.merge(x + 0.0, count, Long::sum);
            });
            if (!counted.equals(new TreeMap<>(n.counts()))) {
                throw new IllegalArgumentException("the spellings count other numbers than the column's values");
            }
            spellings.forEach((spelling, count) -> a.exact.put(spelling, new long[] {count}));
            return a;
        }
        if (!spellings.isEmpty()) {
            throw new IllegalArgumentException("spellings belong to a numeric column whose values are counted");
        }
        boolean kept = values instanceof ColumnValues.Categories && (a.text || a.numbers == 0)
                || values instanceof ColumnValues.Buckets && !a.text
                || values instanceof ColumnValues.TooMany && a.text;
        if (!kept) {
            throw new IllegalArgumentException("a column " + (a.text ? "with values that are not numbers"
                    : "of numbers only") + " does not keep its values as " + values.getClass().getSimpleName());
        }
        if (values instanceof ColumnValues.Categories c) {
            c.counts().forEach((k, v) -> a.exact.put(k, new long[] {v}));
        } else if (values instanceof ColumnValues.Buckets b) {
            a.exact = null;
            a.buckets = new HashMap<>();
            for (ColumnValues.Bucket bucket : b.buckets()) {
                Bucket into = a.buckets.computeIfAbsent(bucket(bucket.lower()), k -> new Bucket());
                if (into.count > 0 || bucket(bucket.upper()) != bucket(bucket.lower())) {
                    throw new IllegalArgumentException("a bucket's values share its sign, exponent and leading "
                            + BUCKET_BITS + " mantissa bits: [" + bucket.lower() + ", " + bucket.upper() + "]");
                }
                into.add(bucket.lower(), bucket.count() - 1);
                into.add(bucket.upper(), 1);
            }
        } else {
            a.exact = null;
        }
        return a;
    }

    /** The profile of the rows added, named {@code name}. */
    public ColumnProfile profile(String name) {
        ColumnType type = text || numbers == 0 ? ColumnType.CATEGORICAL : ColumnType.NUMERIC;
        ColumnValues values;
        if (exact != null && type == ColumnType.NUMERIC) {
            TreeMap<Double, Long> counts = new TreeMap<>();
            exact.forEach((k, v) -> counts.merge(Numbers.parse(k) + 0.0, v[0], Long::sum));
            values = new ColumnValues.Numbers(counts);
        } else if (exact != null) {
            TreeMap<String, Long> counts = new TreeMap<>();
            exact.forEach((k, v) -> counts.put(k, v[0]));
            values = new ColumnValues.Categories(counts);
        } else if (buckets != null) {
            TreeMap<Double, ColumnValues.Bucket> sorted = new TreeMap<>();
            buckets.values().forEach(b -> sorted.put(b.lower, new ColumnValues.Bucket(b.lower, b.upper, b.count)));
            values = new ColumnValues.Buckets(List.copyOf(sorted.values()));
        } else {
            values = new ColumnValues.TooMany(MAX_EXACT_VALUES);
        }
        return new ColumnProfile(name, type, rows, nulls, numbers, sum.exact(), squares.exact(),
                numbers == 0 ? 0 : min + 0.0, numbers == 0 ? 0 : max + 0.0, values);
    }
}
