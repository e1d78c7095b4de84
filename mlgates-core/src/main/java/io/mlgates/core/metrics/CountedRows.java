package io.mlgates.core.metrics;

import java.util.Arrays;

/**
 * Rows of weight 1 of a binary model with scores, counted rather than added: by <em>cell</em> (a number the caller
 * gives each combination of the row's group values, so that the finest combination decides every coarser group),
 * distinct score, label and predicted label. One thread of a parallel read keeps one across all the ranges it reads,
 * so that a cell meets each of its scores many times; at the end, each accumulator is given, once, the rows of the
 * cells that feed it: per distinct score and label, the count times each term, added exactly. Since every sum is exact
 * and a counted record of the rank store is the rows it counts, the metrics are the same, bit for bit, as from adding
 * the rows one by one, in any order.
 *
 * <p>Bounded: at most {@link DistinctScores#MAX_SCORES} distinct scores, {@link #MAX_CELLS} cells, and counts of a
 * 64th of the heap (at most 16 MiB). A row that would pass a bound is not counted ({@link #count} says so), nor is
 * any row after it: the caller adds it, and every later one, to its accumulators as before; what was counted stays
 * counted. Not thread-safe: one per thread.
 */
public final class CountedRows {
    /** Cells at most. */
    public static final int MAX_CELLS = 1 << 16;
    private static final long MAX_BYTES = 16L << 20;
    /** A count is carried into a {@code long} when it reaches this: an unsigned {@code byte} never overflows. */
    private static final int CARRY = 255;

    /** The scores counted, each numbered for good. */
    private final DistinctScores scores = new DistinctScores(true);
    /** Steps of the grid on [0, 1] where scores met are found again without a hash (see {@link #number}). */
    static final int GRID = 10_000;
    /**
     * Per place on the grid, side by side (one cache line): the bits of the first score met there, and its number + 1
     * (0 for none yet).
     */
    private final long[] grid = new long[2 * (GRID + 1)];
    private final long maxCounts;
    private final int carry;
    private long countsHeld;
    private int cells;
    /**
     * Per cell, by {@code 2 n + label} (score number n, 1 for a positive label): the rows counted, in 8 bits so that
     * the counts of a thread stay in the processor's cache (each row lands at a random score); null for a cell with
     * none yet.
     */
    private byte[][] counts = new byte[16][];
    /**
     * Per score number, the predicted label of the rows counted at it (1 negative, 2 positive, 0 none yet): a row
     * predicted otherwise at the same score is not counted. Where the prediction is the score against a threshold,
     * every row agrees.
     */
    private byte[] predicted = new byte[64];
    /** Per cell, the rows carried out of its counts (a multiple of {@link #CARRY}), same layout; null where none were. */
    private long[][] carried = new long[16][];
    private boolean counting = true;
    /** Rows counted, up to {@link #CHECKED_AFTER}. */
    private int rowsCounted;
    /**
     * Rows counted after which counting stops unless they repeated their scores: with fewer than 1.1 rows a distinct
     * score, the scores are nearly distinct, and giving each accumulator a record a score costs more than adding
     * the rows (uniform scores with 10,001 values give about 1.22 rows a score by then; scores of 9 decimals, 1).
     * Early, so that little is counted in vain.
     */
    static final int CHECKED_AFTER = 1 << 12;

    /** Counts of at most a 64th of the heap, and at most 16 MiB. */
    public CountedRows() {
        this(Math.max(1 << 12, Math.min(MAX_BYTES, Runtime.getRuntime().maxMemory() / 64) ));
    }

    /** @param maxCounts the counts this may hold at most (a byte each); 0 counts nothing */
    public CountedRows(long maxCounts) {
        this(maxCounts, CARRY);
    }

    /** With a count carried into a {@code long} at {@code carry} rows: small, for tests of the carry. */
    CountedRows(long maxCounts, int carry) {
        if (maxCounts < 0 || carry < 2 || carry > CARRY) {
            throw new IllegalArgumentException("counts " + maxCounts + ", carry " + carry);
        }
        this.maxCounts = maxCounts;
        this.carry = carry;
    }

    /**
     * A new cell's number; -1 past {@link #MAX_CELLS} (then this no longer counts).
     */
    public int newCell() {
        if (!counting || cells == MAX_CELLS) {
            counting = false;
            return -1;
        }
        if (cells == counts.length) {
            counts = Arrays.copyOf(counts, 2 * cells);
            carried = Arrays.copyOf(carried, 2 * cells);
        }
        return cells++;
    }

    /** Whether rows are still counted: false for good once a row was not. */
    public boolean counting() {
        return counting;
    }

    /**
     * Counts a row of weight 1 in {@code cell}; false when it is not counted (a bound reached, or another predicted
     * label than counted rows at the same score have): then the caller adds it to its accumulators.
     *
     * @param cell a number {@link #newCell} gave
     * @param score in [0, 1]
     */
    public boolean count(int cell, double score, boolean actualPositive, boolean predictedPositive) {
        if (!counting) {
            return false;
        }
        if (rowsCounted < CHECKED_AFTER && ++rowsCounted == CHECKED_AFTER
                && 11L * scores.size() > 10L * CHECKED_AFTER) {
            counting = false;
            return false;
        }
        int n = number(score);
        if (n < 0) {
            counting = false;
            return false;
        }
        byte p = predictedPositive ? (byte) 2 : (byte) 1;
        if (n >= predicted.length) {
            predicted = Arrays.copyOf(predicted, Math.max(n + 1, 2 * predicted.length));
        }
        if (predicted[n] != p) {
            if (predicted[n] != 0) {
                return false;
            }
            predicted[n] = p;
        }
        int i = 2 * n + (actualPositive ? 1 : 0);
        byte[] c = counts[cell];
        if (c == null || i >= c.length) {
            c = grow(cell, i);
            if (c == null) {
                counting = false;
                return false;
            }
        }
        if ((++c[i] & 0xFF) == carry) {
            carry(cell, i);
        }
        return true;
    }

    /**
     * The number of {@code score} in [0, 1], or -1 when no more are numbered: found by its place on a grid of
     * {@link #GRID} steps where it was met before (the scores a model rounds to four decimals or fewer each have a
     * place of their own), else by the hash of {@link #scores}. A number once given stays that score's.
     */
    private int number(double score) {
        if (!(score >= 0 && score <= 1)) {
            return scores.number(score); // off the grid: only the hash knows it
        }
        int at = 2 * (int) (score * GRID + 0.5);
        long known = grid[at + 1];
        // == takes -0.0 for 0.0, as the numbering does
        if (known > 0 && Double.longBitsToDouble(grid[at]) == score) {
            return (int) known - 1;
        }
        int n = scores.number(score);
        if (n >= 0 && known == 0) {
            grid[at] = Double.doubleToRawLongBits(score);
            grid[at + 1] = n + 1;
        }
        return n;
    }

    /** The counts of {@code cell} with room at {@code i}; null past the bound. */
    private byte[] grow(int cell, int i) {
        byte[] c = counts[cell];
        int old = c == null ? 0 : c.length;
        int length = Math.max(64, Integer.highestOneBit(i) << 1);
        if (countsHeld + length - old > maxCounts) {
            return null;
        }
        countsHeld += length - old;
        c = c == null ? new byte[length] : Arrays.copyOf(c, length);
        counts[cell] = c;
        if (carried[cell] != null) {
            carried[cell] = Arrays.copyOf(carried[cell], length);
        }
        return c;
    }

    private void carry(int cell, int i) {
        if (carried[cell] == null) {
            carried[cell] = new long[counts[cell].length];
        }
        carried[cell][i] += carry;
        counts[cell][i] = 0;
    }

    /** The number of cells given. */
    public int cells() {
        return cells;
    }

    /**
     * Adds the rows counted in {@code cells} (each once) to {@code accumulator}: their confusion counts, and per
     * distinct score and label the count times each term, the calibration bin and, where it keeps scores, one
     * counted record. Only for an accumulator with a score column.
     *
     * @throws ArithmeticException when the weights pass double's range, as a row's would
     */
    public void addTo(BinaryAccumulator accumulator, int[] cells) {
        if (!accumulator.hasScores()) {
            throw new IllegalArgumentException("counted rows go to an accumulator with scores");
        }
        long[] sum = new long[4 * scores.size()];
        boolean any = false;
        int scored = Math.min(scores.size(), predicted.length);
        for (int cell : cells) {
            byte[] c = counts[cell];
            if (c == null) {
                continue;
            }
            any = true;
            long[] carry = carried[cell];
            for (int n = 0; n < Math.min(scored, c.length / 2); n++) {
                int at = 4 * n + (predicted[n] == 2 ? 1 : 0);
                sum[at] += (c[2 * n] & 0xFF) + (carry == null ? 0 : carry[2 * n]);
                sum[at + 2] += (c[2 * n + 1] & 0xFF) + (carry == null ? 0 : carry[2 * n + 1]);
            }
        }
        if (any) {
            accumulator.addCounted(scores, sum);
        }
    }
}
