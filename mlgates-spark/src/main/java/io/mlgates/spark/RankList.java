package io.mlgates.spark;

import io.mlgates.core.metrics.ExactSum;
import java.io.Serial;
import java.io.Serializable;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * One class's rank summary as it travels between Spark tasks (the contract's {@code ranks.positives} or
 * {@code ranks.negatives}, docs/statistics.md): its distinct scores, highest first, each with its rows and, where some
 * row at the score does not weigh 1, the exact sum of the score's weights. Primitive arrays, not JSON text: a
 * double, a variable-length row count and, for a weighted score, the exact sum's mantissa and exponent in bytes.
 * Plain fields only, so that Java serialization and Kryo both write it as its arrays. Immutable once built.
 */
final class RankList implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    static final RankList EMPTY = new Builder(0).build();

    private final double[] scores;
    /**
     * Per score, in order: its rows (unsigned variable-length), then 0 where every row weighs 1, else 1 + the
     * length of the exact weight's mantissa (two's complement, big-endian), those bytes and the exponent (zigzag
     * variable-length).
     */
    private final byte[] entries;

    private RankList(double[] scores, byte[] entries) {
        this.scores = scores;
        this.entries = entries;
    }

    int size() {
        return scores.length;
    }

    /**
     * The rank summary of both lists' rows: scores equal as doubles are one group, whose rows and exact weights add,
     * as a read of all the rows would have grouped them. Exact: the same list whatever the order of merging.
     */
    static RankList merge(RankList a, RankList b) {
        if (b.size() == 0) {
            return a;
        }
        if (a.size() == 0) {
            return b;
        }
        Builder out = new Builder(a.size() + b.size());
        Cursor x = a.cursor();
        Cursor y = b.cursor();
        boolean moreX = x.next();
        boolean moreY = y.next();
        while (moreX || moreY) {
            if (!moreY || moreX && x.score() > y.score()) {
                out.copy(x);
                moreX = x.next();
            } else if (!moreX || y.score() > x.score()) {
                out.copy(y);
                moreY = y.next();
            } else {
                long rows = Math.addExact(x.rows(), y.rows());
                out.add(x.score(), rows, x.allUnit() && y.allUnit() ? null : x.weight().add(y.weight()));
                moreX = x.next();
                moreY = y.next();
            }
        }
        return out.build();
    }

    Cursor cursor() {
        return new Cursor();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RankList r && Arrays.equals(scores, r.scores) && Arrays.equals(entries, r.entries);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(scores) + Arrays.hashCode(entries);
    }

    /** Walks the scores, highest first. */
    final class Cursor {
        private int index = -1;
        private int at;
        private long rows;
        private int weightFrom;
        private int weightTo;

        boolean next() {
            if (index + 1 >= scores.length) {
                return false;
            }
            index++;
            at = weightTo;
            rows = readUnsigned();
            weightFrom = at;
            int tag = (int) readUnsigned();
            if (tag > 0) {
                at += tag - 1;
                readUnsigned();
            }
            weightTo = at;
            return true;
        }

        double score() {
            return scores[index];
        }

        long rows() {
            return rows;
        }

        boolean allUnit() {
            return entries[weightFrom] == 0;
        }

        /** The exact sum of the weights at this score: the row count where every row weighs 1. */
        ExactSum.Exact weight() {
            int p = weightFrom;
            int tag = entries[p] & 0xFF;
            if (tag == 0) {
                return ExactSum.Exact.of(BigInteger.valueOf(rows), 0);
            }
            int[] pos = {p};
            int length = (int) unsigned(entries, pos) - 1;
            BigInteger mantissa = length == 0 ? BigInteger.ZERO
                    : new BigInteger(entries, pos[0], length);
            pos[0] += length;
            int zigzag = (int) unsigned(entries, pos);
            int exponent = (zigzag >>> 1) ^ -(zigzag & 1);
            return ExactSum.Exact.of(mantissa, exponent);
        }

        private byte[] source() {
            return entries;
        }

        private long readUnsigned() {
            int[] pos = {at};
            long v = unsigned(entries, pos);
            at = pos[0];
            return v;
        }
    }

    private static long unsigned(byte[] bytes, int[] pos) {
        long v = 0;
        int shift = 0;
        while (true) {
            byte b = bytes[pos[0]++];
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
            shift += 7;
        }
    }

    /** Builds a list from scores given highest first. */
    static final class Builder {
        private double[] scores;
        private byte[] entries;
        private int size;
        private int length;

        Builder(int expectedScores) {
            scores = new double[Math.max(expectedScores, 16)];
            entries = new byte[Math.max(2 * expectedScores, 64)];
        }

        /**
         * Adds the next score, below the previous one.
         *
         * @param weight the exact sum of its rows' weights, or null when every row weighs 1
         */
        Builder add(double score, long rows, ExactSum.Exact weight) {
            if (rows < 1 || size > 0 && !(score < scores[size - 1])) {
                throw new IllegalArgumentException("a rank summary's scores fall and hold rows: " + score + " with "
                        + rows + " rows after " + (size == 0 ? "none" : scores[size - 1]));
            }
            room(1, 40);
            scores[size++] = score;
            putUnsigned(rows);
            if (weight == null) {
                entries[length++] = 0;
            } else {
                byte[] mantissa = weight.mantissa().signum() == 0 ? new byte[0] : weight.mantissa().toByteArray();
                room(0, mantissa.length + 20);
                putUnsigned(mantissa.length + 1L);
                System.arraycopy(mantissa, 0, entries, length, mantissa.length);
                length += mantissa.length;
                int e = weight.exponent();
                putUnsigned(Integer.toUnsignedLong((e << 1) ^ (e >> 31)));
            }
            return this;
        }

        /** Adds the cursor's score as it is: its bytes, not decoded. */
        void copy(Cursor c) {
            if (size > 0 && !(c.score() < scores[size - 1])) {
                throw new IllegalArgumentException("a rank summary's scores fall: " + c.score() + " after "
                        + scores[size - 1]);
            }
            room(1, 20);
            scores[size++] = c.score();
            putUnsigned(c.rows());
            int n = c.weightTo - c.weightFrom;
            room(0, n);
            System.arraycopy(c.source(), c.weightFrom, entries, length, n);
            length += n;
        }

        RankList build() {
            return new RankList(Arrays.copyOf(scores, size), Arrays.copyOf(entries, length));
        }

        private void room(int moreScores, int moreBytes) {
            if (size + moreScores > scores.length) {
                scores = Arrays.copyOf(scores, Math.max(size + moreScores, 2 * scores.length));
            }
            if (length + moreBytes > entries.length) {
                entries = Arrays.copyOf(entries, Math.max(length + moreBytes, 2 * entries.length));
            }
        }

        private void putUnsigned(long v) {
            while ((v & ~0x7FL) != 0) {
                entries[length++] = (byte) (v & 0x7F | 0x80);
                v >>>= 7;
            }
            entries[length++] = (byte) v;
        }
    }
}
