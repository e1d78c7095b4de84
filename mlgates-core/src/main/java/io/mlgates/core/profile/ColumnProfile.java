package io.mlgates.core.profile;

import io.mlgates.core.drift.CategoricalSummary;
import io.mlgates.core.drift.ColumnSummary;
import io.mlgates.core.drift.ExactValues;
import io.mlgates.core.drift.NumericSummary;
import io.mlgates.core.drift.QuantileSketch;
import io.mlgates.core.metrics.ExactSum;
import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What one column of a data set reduces to (see {@link ColumnAccumulator}).
 *
 * @param name the column
 * @param type numeric or categorical, by its values
 * @param rows rows read
 * @param nulls rows without a value (absent or blank)
 * @param numbers values that are numbers (all values but the nulls, in a numeric column)
 * @param sum exact sum of the numbers
 * @param squares exact sum of their squares
 * @param min least number; 0 when there is none
 * @param max greatest number; 0 when there is none
 * @param values the distinct values and their counts, as far as they are kept
 */
public record ColumnProfile(String name, ColumnType type, long rows, long nulls, long numbers, ExactSum.Exact sum,
                            ExactSum.Exact squares, double min, double max, ColumnValues values) {
    public ColumnProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sum, "sum");
        Objects.requireNonNull(squares, "squares");
        Objects.requireNonNull(values, "values");
        if (rows < 0 || nulls < 0 || numbers < 0 || nulls + numbers > rows) {
            throw new IllegalArgumentException("counts do not add up: " + rows + " rows, " + nulls + " nulls, "
                    + numbers + " numbers");
        }
        if (type == ColumnType.NUMERIC && (numbers == 0 || nulls + numbers != rows)) {
            throw new IllegalArgumentException("a numeric column has only numbers and nulls, and a number");
        }
    }

    /** The share of rows without a value; undefined without rows. */
    public OptionalDouble nullShare() {
        return rows == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) nulls / rows);
    }

    /** The numbers' mean, from the exact sum; undefined without numbers. */
    public OptionalDouble mean() {
        return numbers == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(sum.divide(exact(numbers)));
    }

    /**
     * The numbers' population standard deviation (divided by n, as numpy's {@code std} and Evidently's norm), from
     * the exact sums: n sum(x^2) - (sum x)^2 is exact, and rounded once; undefined without numbers.
     */
    public OptionalDouble std() {
        if (numbers == 0) {
            return OptionalDouble.empty();
        }
        ExactSum.Exact n = exact(numbers);
        ExactSum.Exact spread = squares.multiply(n).add(sum.multiply(sum).negate());
        return OptionalDouble.of(Math.sqrt(spread.divide(n.multiply(n))));
    }

    /**
     * What the drift tests compare (io.mlgates.core.drift): a numeric column's values, exactly or in its buckets as a
     * sketch whose rank error the result states, or a categorical column's counts; empty when the values were not
     * kept ({@link #whyNotCompared()}).
     */
    public Optional<ColumnSummary> driftSummary() {
        if (values instanceof ColumnValues.Categories c) {
            return Optional.of(new CategoricalSummary(rows, nulls, c.counts()));
        }
        if (values instanceof ColumnValues.Numbers n) {
            double[] v = new double[n.counts().size()];
            long[] c = new long[v.length];
            int i = 0;
            for (Map.Entry<Double, Long> e : n.counts().entrySet()) {
                v[i] = e.getKey();
                c[i++] = e.getValue();
            }
            return Optional.of(new NumericSummary(rows, nulls, ExactValues.of(v, c)));
        }
        if (values instanceof ColumnValues.Buckets b) {
            int size = b.buckets().size();
            double[] lower = new double[size];
            double[] upper = new double[size];
            long[] c = new long[size];
            for (int i = 0; i < size; i++) {
                lower[i] = b.buckets().get(i).lower();
                upper[i] = b.buckets().get(i).upper();
                c[i] = b.buckets().get(i).count();
            }
            ExactSum.Exact n = exact(numbers);
            double m2 = squares.multiply(n).add(sum.multiply(sum).negate()).divide(n);
            return Optional.of(new NumericSummary(rows, nulls, QuantileSketch.of(lower, upper, c,
                    sum.divide(n), m2)));
        }
        return Optional.empty();
    }

    /** Why the column's drift cannot be judged from this profile, when it cannot. */
    public Optional<String> whyNotCompared() {
        return values instanceof ColumnValues.TooMany t ? Optional.of("more than " + t.limit() + " distinct values,"
                + " not all numbers (an id or free text?): a profile does not keep them, so drift is not judged")
                : Optional.empty();
    }

    private static ExactSum.Exact exact(long n) {
        return ExactSum.Exact.of(BigInteger.valueOf(n), 0);
    }
}
