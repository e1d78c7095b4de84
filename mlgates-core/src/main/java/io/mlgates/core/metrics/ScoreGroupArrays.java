package io.mlgates.core.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Arrays;

/**
 * One side (positives or negatives) of a rank summary read from a statistics file: its score groups decoded into a
 * {@link ScoreStore} as they come, never into a tree of JSON nodes. They are gathered in chunks of primitive arrays
 * (8 to 24 bytes a group) that become the store's segments, and past the {@link ScoreBudget} its runs on disk, as
 * the rows of a file read are: a summary of millions of distinct scores holds what the budget allows. A group of
 * weighted rows is one record, whatever its rows. The groups are checked as they are added, in the file's order: each
 * score in [0, 1] and below the previous one, at least one row, a sum of weights above 0 inside double's range. The
 * first group that does not hold is kept, not thrown, and told when the summary is read into an accumulator: a reader
 * streaming the file goes on to the end, so that what the file's JSON or its schema refuse further on is refused
 * first, as when the whole document is read at once.
 */
public final class ScoreGroupArrays {
    private static final int INITIAL_CAPACITY = 64;
    /** The lowest 53 bits: a slice of an exact sum's mantissa that a double holds exactly. */
    private static final long SLICE = (1L << 53) - 1;

    private final ScoreStore store;
    private final long rows;
    private final Problem problem;

    /** The first group that does not hold: its index, the pointer's suffix within it, and what was expected. */
    private record Problem(int index, String suffix, String message) {
    }

    private ScoreGroupArrays(Builder b) {
        problem = b.problem;
        rows = b.rows;
        store = b.store;
    }

    /** The rows of every group. */
    public long rows() {
        return rows;
    }

    /** The groups, for an accumulator's store to take over. */
    ScoreStore store() {
        return store;
    }

    /** Gives back the memory of groups that will not be read (their file was refused). */
    public void discard() {
        store.discard();
    }

    /**
     * Throws the first group's problem, if any.
     *
     * @param pointer the JSON pointer of the array of groups
     */
    void requireHolds(String pointer) throws StateJson.StateException {
        if (problem != null) {
            throw new StateJson.StateException(pointer + "/" + problem.index() + problem.suffix(), problem.message());
        }
    }

    /**
     * Reads an array of groups from a tree (checked against the contract's schema already).
     *
     * @throws StateJson.StateException at the first group that does not hold
     */
    static ScoreGroupArrays fromTree(JsonNode groups, String pointer, ScoreBudget budget)
            throws StateJson.StateException {
        if (!groups.isArray()) {
            throw new StateJson.StateException(pointer, "expected an array of [score, rows] or "
                    + "[score, rows, weight], got " + groups.getNodeType());
        }
        Builder builder = new Builder(budget);
        for (int i = 0; i < groups.size() && !builder.failed(); i++) {
            String at = pointer + "/" + i;
            JsonNode group = groups.get(i);
            if (!group.isArray() || group.size() < 2 || group.size() > 3 || !group.get(0).isNumber()) {
                builder.build().discard();
                throw new StateJson.StateException(at, "expected [score, rows] or [score, rows, weight], got "
                        + group);
            }
            JsonNode count = group.get(1);
            if (!count.isIntegralNumber() || !count.canConvertToLong()) {
                builder.build().discard();
                throw new StateJson.StateException(at + "/1", "expected a count of 0 or more, got " + count);
            }
            JsonNode weight = group.size() == 3 ? group.get(2) : null;
            if (weight != null && !weight.isTextual()) {
                builder.build().discard();
                throw new StateJson.StateException(at + "/2", expectedExact(weight.toString()));
            }
            builder.add(group.get(0).asDouble(), group.get(0).isIntegralNumber(), count.asLong(),
                    weight == null ? null : weight.textValue());
        }
        ScoreGroupArrays read = builder.build();
        read.requireHolds(pointer);
        return read;
    }

    private static String expectedExact(String got) {
        return "expected an exact sum such as \"0\" or \"0x1bp-4\" (an odd hexadecimal mantissa, 'p', a binary"
                + " exponent), got " + got;
    }

    /**
     * Gathers the groups of one array, highest score first, as a reader meets them, into a store: a chunk at a time,
     * each chunk of groups of weight 1 and each of weighted groups a segment once full. Not thread-safe.
     */
    public static final class Builder {
        private final ScoreStore store;
        private final int chunk;
        private double previous = Double.POSITIVE_INFINITY;
        private int index;
        private long rows;
        private Problem problem;
        /** Groups whose rows all weigh 1, highest first: their scores, and their rows while not all one. */
        private double[] unitScores = new double[0];
        private long[] units = new long[0];
        private int unitCount;
        private long unitRows;
        private boolean allOne = true;
        /** Records of weighted groups, highest first, in a segment's form: rows of weight 1, or minus the rows. */
        private double[] weightedScores = new double[0];
        private long[] weightedCounts = new long[0];
        private double[] weightedWeights = new double[0];
        private int weightedCount;
        private long weightedRows;
        private final double[] slices = new double[(ExactSum.MAX_BIT - ExactSum.MIN_BIT + 64) / 53 + 2];

        /** @param budget the memory the store of the groups may hold; the rest spills */
        public Builder(ScoreBudget budget) {
            store = new ScoreStore(budget);
            chunk = ScoreStore.chunkRecords(budget);
        }

        /**
         * Adds the next group; once one did not hold, the rest are skipped.
         *
         * @param integral whether the score was written as an integer (for the message, as the file wrote it)
         * @param weight the exact sum of the rows' weights as written, or null when every row weighs 1
         */
        public void add(double score, boolean integral, long rowCount, String weight) {
            if (problem != null) {
                return;
            }
            int i = index++;
            if (!(score >= 0 && score <= 1) || !(score < previous)) {
                fail(i, "/0", "expected a score in [0, 1] below the previous one (" + previous + "), got "
                        + (integral ? Long.toString((long) score) : Double.toString(score)));
                return;
            }
            previous = score;
            if (rowCount < 0) {
                fail(i, "/1", "expected a count of 0 or more, got " + rowCount);
                return;
            }
            if (rowCount == 0) {
                fail(i, "/1", "expected at least one row at a score, got 0");
                return;
            }
            if (rows > Long.MAX_VALUE - rowCount) {
                fail(i, "/1", "expected at most " + Long.MAX_VALUE + " rows in all, got more");
                return;
            }
            // + 0.0 turns -0.0 into 0.0: one representation of equal scores
            double held = score + 0.0;
            if (weight == null) {
                addUnit(held, rowCount);
            } else if (!addWeighted(i, held, rowCount, weight)) {
                return;
            }
            rows += rowCount;
        }

        private void addUnit(double score, long rowCount) {
            if (unitCount == unitScores.length) {
                if (unitCount == chunk) {
                    flushUnits();
                } else {
                    int grown = Math.min(chunk, Math.max(INITIAL_CAPACITY, unitCount + (unitCount >> 1)));
                    unitScores = Arrays.copyOf(unitScores, grown);
                    units = Arrays.copyOf(units, grown);
                }
            }
            unitScores[unitCount] = score;
            units[unitCount] = rowCount;
            unitCount++;
            unitRows += rowCount;
            allOne &= rowCount == 1;
        }

        /** The chunk of groups of weight 1, ascending, as a segment of the store. */
        private void flushUnits() {
            if (unitCount == 0) {
                return;
            }
            double[] s = reversed(unitScores, unitCount);
            long[] u = allOne ? null : reversed(units, unitCount);
            store.addSorted(s, u, null, unitRows, unitRows);
            unitCount = 0;
            unitRows = 0;
            allOne = true;
        }

        /**
         * Adds a weighted group as the records whose weights sum exactly to its weight: the 53-bit slices of its
         * mantissa (one, unless its weights span more than a double's precision), the group's other rows on the
         * first slice that is not 1 (or on a record of weight 0), so that the walk sums them to exactly that weight
         * and counts every row. A slice of exactly 1 is a row of weight 1, as a row of the buffer would be.
         */
        private boolean addWeighted(int i, double score, long rowCount, String weight) {
            int n = fastSlices(weight);
            if (n == 0) {
                ExactSum.Exact sum = ExactSum.parse(weight);
                if (sum == null) {
                    fail(i, "/2", expectedExact(TextNode.valueOf(weight).toString()));
                    return false;
                }
                long top = (long) sum.exponent() + sum.mantissa().bitLength() - 1;
                if (sum.signum() <= 0 || sum.exponent() < -1074 || top > Double.MAX_EXPONENT) {
                    fail(i, "/2", "expected a sum of weights above 0 and inside double's range, got " + sum);
                    return false;
                }
                java.math.BigInteger m = sum.mantissa();
                for (int shift = 0; shift < m.bitLength(); shift += 53) {
                    long slice = m.shiftRight(shift).longValue() & SLICE;
                    if (slice != 0) {
                        slices[n++] = Math.scalb((double) slice, sum.exponent() + shift);
                    }
                }
            }
            // rows beyond the slices weigh nothing; as many rows as slices at least, as a row of the buffer each
            long extra = Math.max(0, rowCount - n);
            boolean placed = false;
            for (int k = 0; k < n; k++) {
                double w = slices[k];
                store.addOtherWeight(w);
                if (w == 1.0) {
                    addRecord(score, 1, 1.0);
                } else if (!placed) {
                    addRecord(score, -(1 + extra), w);
                    placed = true;
                } else {
                    addRecord(score, -1, w);
                }
            }
            if (!placed && extra > 0) {
                addRecord(score, -extra, 0.0);
            }
            weightedRows += rowCount;
            return true;
        }

        /**
         * The 53-bit slices of a canonical exact sum whose mantissa fits 128 bits, as doubles in {@link #slices}
         * (lowest first, the zero ones left out; their number returned), parsed without a regular expression nor a
         * {@code BigInteger}; 0 when it is anything else, for {@link ExactSum#parse} to judge. Canonical: {@code 0x},
         * lowercase hexadecimal without leading zero and odd, {@code p}, a decimal exponent of at most six digits
         * without leading zero; here also at least -1074, with the leading bit at most {@link Double#MAX_EXPONENT}.
         */
        private int fastSlices(String text) {
            int length = text.length();
            if (length < 5 || text.charAt(0) != '0' || text.charAt(1) != 'x' || text.charAt(2) == '0') {
                return 0;
            }
            long high = 0;
            long low = 0;
            int at = 2;
            for (; at < length && text.charAt(at) != 'p'; at++) {
                char c = text.charAt(at);
                int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
                if (d < 0 || at - 2 >= 32) {
                    return 0;
                }
                high = high << 4 | low >>> 60;
                low = low << 4 | d;
            }
            if (at == 2 || (low & 1) == 0 || at >= length - 1) {
                return 0;
            }
            at++;
            boolean negative = text.charAt(at) == '-';
            if (negative) {
                at++;
            }
            int exponentDigits = length - at;
            if (exponentDigits < 1 || exponentDigits > 6 || text.charAt(at) == '0' && (exponentDigits > 1 || negative)) {
                return 0;
            }
            int e = 0;
            for (; at < length; at++) {
                char c = text.charAt(at);
                if (c < '0' || c > '9') {
                    return 0;
                }
                e = e * 10 + (c - '0');
            }
            e = negative ? -e : e;
            int bits = high != 0 ? 128 - Long.numberOfLeadingZeros(high) : 64 - Long.numberOfLeadingZeros(low);
            if (e < -1074 || (long) e + bits - 1 > Double.MAX_EXPONENT) {
                return 0;
            }
            int n = 0;
            long[] parts = {low & SLICE, (low >>> 53 | high << 11) & SLICE, high >>> 42};
            for (int k = 0; k < parts.length; k++) {
                if (parts[k] != 0) {
                    slices[n++] = Math.scalb((double) parts[k], e + 53 * k);
                }
            }
            return n;
        }

        private void addRecord(double score, long count, double weight) {
            if (weightedCount == weightedScores.length) {
                if (weightedCount >= chunk) {
                    flushWeighted();
                } else {
                    int grown = Math.max(INITIAL_CAPACITY, weightedCount + (weightedCount >> 1));
                    weightedScores = Arrays.copyOf(weightedScores, grown);
                    weightedCounts = Arrays.copyOf(weightedCounts, grown);
                    weightedWeights = Arrays.copyOf(weightedWeights, grown);
                }
            }
            weightedScores[weightedCount] = score;
            weightedCounts[weightedCount] = count;
            weightedWeights[weightedCount] = weight;
            weightedCount++;
        }

        /** The chunk of weighted groups' records, ascending, as a segment of the store. */
        private void flushWeighted() {
            if (weightedCount == 0) {
                return;
            }
            // rows of the weighted groups count as of other weight, also a slice of exactly 1 (its weight is in
            // the exact sum already)
            store.addSorted(reversed(weightedScores, weightedCount), reversed(weightedCounts, weightedCount),
                    reversed(weightedWeights, weightedCount), weightedRows, 0);
            weightedCount = 0;
            weightedRows = 0;
        }

        private void fail(int i, String suffix, String message) {
            problem = new Problem(i, suffix, message);
            // nothing more is kept: the summary will be refused
            unitScores = new double[0];
            units = new long[0];
            unitCount = 0;
            weightedScores = new double[0];
            weightedCounts = new long[0];
            weightedWeights = new double[0];
            weightedCount = 0;
            store.discard();
        }

        /** Whether a group did not hold. */
        public boolean failed() {
            return problem != null;
        }

        public ScoreGroupArrays build() {
            if (problem == null) {
                flushUnits();
                flushWeighted();
            }
            unitScores = new double[0];
            units = new long[0];
            weightedScores = new double[0];
            weightedCounts = new long[0];
            weightedWeights = new double[0];
            return new ScoreGroupArrays(this);
        }
    }

    /** The first {@code n} of {@code a}, in the reverse order, in a new array. */
    private static double[] reversed(double[] a, int n) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = a[n - 1 - i];
        }
        return r;
    }

    private static long[] reversed(long[] a, int n) {
        long[] r = new long[n];
        for (int i = 0; i < n; i++) {
            r[i] = a[n - 1 - i];
        }
        return r;
    }
}
