package io.mlgates.core.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Arrays;

/**
 * One side (positives or negatives) of a rank summary read from a statistics file: its score groups as primitive
 * arrays rather than a tree of JSON nodes, so that a summary of millions of distinct scores costs 8 to 16 bytes a
 * score. The groups are checked as they are added, in the file's order: each score in [0, 1] and below the previous
 * one, at least one row, a sum of weights above 0 inside double's range. The first group that does not hold is
 * kept, not thrown, and told when the summary is read into an accumulator: a reader streaming the file goes on to
 * the end, so that what the file's JSON or its schema refuse further on is refused first, as when the whole
 * document is read at once.
 */
public final class ScoreGroupArrays {
    private static final int INITIAL_CAPACITY = 64;

    /** Groups whose rows all weigh 1: scores ascending, distinct, never -0.0 (as {@link ScoreStore#addCounted}). */
    final double[] unitScores;
    /** Rows at each of {@link #unitScores}; null when each is one row. */
    final long[] units;
    final long unitRows;
    /** The other groups, in the file's order: score, rows and the exact sum of their weights. */
    final double[] weightedScores;
    final long[] weightedRows;
    final ExactSum.Exact[] weightedSums;
    private final long rows;
    private final Problem problem;

    /** The first group that does not hold: its index, the pointer's suffix within it, and what was expected. */
    private record Problem(int index, String suffix, String message) {
    }

    private ScoreGroupArrays(Builder b) {
        problem = b.problem;
        rows = b.rows;
        unitRows = b.unitRows;
        // the file lists the scores highest first; a segment wants them ascending
        unitScores = reversed(Arrays.copyOf(b.unitScores, b.unitCount));
        units = b.allOne ? null : reversed(Arrays.copyOf(b.units, b.unitCount));
        weightedScores = Arrays.copyOf(b.weightedScores, b.weightedCount);
        weightedRows = Arrays.copyOf(b.weightedRows, b.weightedCount);
        weightedSums = Arrays.copyOf(b.weightedSums, b.weightedCount);
    }

    /** The rows of every group. */
    public long rows() {
        return rows;
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
    static ScoreGroupArrays fromTree(JsonNode groups, String pointer) throws StateJson.StateException {
        if (!groups.isArray()) {
            throw new StateJson.StateException(pointer, "expected an array of [score, rows] or "
                    + "[score, rows, weight], got " + groups.getNodeType());
        }
        Builder builder = new Builder();
        for (int i = 0; i < groups.size() && !builder.failed(); i++) {
            String at = pointer + "/" + i;
            JsonNode group = groups.get(i);
            if (!group.isArray() || group.size() < 2 || group.size() > 3 || !group.get(0).isNumber()) {
                throw new StateJson.StateException(at, "expected [score, rows] or [score, rows, weight], got "
                        + group);
            }
            JsonNode count = group.get(1);
            if (!count.isIntegralNumber() || !count.canConvertToLong()) {
                throw new StateJson.StateException(at + "/1", "expected a count of 0 or more, got " + count);
            }
            JsonNode weight = group.size() == 3 ? group.get(2) : null;
            if (weight != null && !weight.isTextual()) {
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

    private static double[] reversed(double[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private static long[] reversed(long[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            long t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    /** Gathers the groups of one array, highest score first, as a reader meets them. Not thread-safe. */
    public static final class Builder {
        private double previous = Double.POSITIVE_INFINITY;
        private int index;
        private long rows;
        private Problem problem;
        private double[] unitScores = new double[INITIAL_CAPACITY];
        private long[] units = new long[INITIAL_CAPACITY];
        private int unitCount;
        private long unitRows;
        private boolean allOne = true;
        private double[] weightedScores = new double[0];
        private long[] weightedRows = new long[0];
        private ExactSum.Exact[] weightedSums = new ExactSum.Exact[0];
        private int weightedCount;

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
                int grown = Math.max(INITIAL_CAPACITY, unitCount + (unitCount >> 1));
                unitScores = Arrays.copyOf(unitScores, grown);
                units = Arrays.copyOf(units, grown);
            }
            unitScores[unitCount] = score;
            units[unitCount] = rowCount;
            unitCount++;
            unitRows += rowCount;
            allOne &= rowCount == 1;
        }

        private boolean addWeighted(int i, double score, long rowCount, String weight) {
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
            if (weightedCount == weightedScores.length) {
                int grown = Math.max(INITIAL_CAPACITY, weightedCount + (weightedCount >> 1));
                weightedScores = Arrays.copyOf(weightedScores, grown);
                weightedRows = Arrays.copyOf(weightedRows, grown);
                weightedSums = Arrays.copyOf(weightedSums, grown);
            }
            weightedScores[weightedCount] = score;
            weightedRows[weightedCount] = rowCount;
            weightedSums[weightedCount] = sum;
            weightedCount++;
            return true;
        }

        private void fail(int i, String suffix, String message) {
            problem = new Problem(i, suffix, message);
            // nothing more is kept: the summary will be refused
            unitScores = new double[0];
            units = new long[0];
            unitCount = 0;
            weightedScores = new double[0];
            weightedRows = new long[0];
            weightedSums = new ExactSum.Exact[0];
            weightedCount = 0;
        }

        /** Whether a group did not hold. */
        public boolean failed() {
            return problem != null;
        }

        public ScoreGroupArrays build() {
            return new ScoreGroupArrays(this);
        }
    }
}
