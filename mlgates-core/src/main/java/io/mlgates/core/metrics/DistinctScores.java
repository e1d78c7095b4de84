package io.mlgates.core.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The distinct scores that the rows of weight 1 of one range have met, each with a number (0, 1, ... in the order
 * met) and its terms for either label ({@code -log(p)} or {@code -log(1 - p)}, clipped as scikit-learn clips, and
 * {@code (y - p)^2}), computed once a score. The accumulators fed by the range count their rows by (number, label)
 * in an {@code int[]} instead of adding each row's terms to their exact sums and its score to their rank store; the
 * counts are settled into those (count times each term, exactly; one counted record a distinct score) when the
 * accumulator is read or merged, and when this table is cleared. Since the sums are exact and a counted record is
 * the rows it counts, the metrics are the same, bit for bit, as from adding row by row.
 *
 * <p>Counting pays where scores repeat (scores rounded to a few decimals; a model of few distinct outputs). The table
 * holds at most {@link #MAX_SCORES} scores and its accumulators at most {@link #MAX_CELLS} counts (fewer in a small
 * heap); when either is
 * reached it is settled and cleared, and it stops counting for good where the rows did not repeat their scores enough
 * to pay for it: the rows then go to the sums and stores one by one. Not thread-safe: one per range.
 */
final class DistinctScores {
    /** Distinct scores at most, before the table is settled and cleared. */
    static final int MAX_SCORES = 1 << 15;
    /** Counts (two a score, an accumulator) the accumulators may hold at most: 8 MiB, less in a small heap. */
    private static final long MAX_CELLS = 1 << 21;
    private static final int INITIAL_SCORES = 1 << 8;

    /** Slot of the open-addressing hash: the number of the score there, plus 1; 0 for an empty slot. */
    private int[] slots = new int[2 * INITIAL_SCORES];
    private long[] bits = new long[INITIAL_SCORES];
    private double[] scores = new double[INITIAL_SCORES];
    /** By 2 number + label (1 for positive): the row's -log(p) or -log(1 - p), and (y - p)^2. */
    private double[] logLoss = new double[2 * INITIAL_SCORES];
    private double[] squaredError = new double[2 * INITIAL_SCORES];
    private int size;
    /** The numbers in ascending order of their scores, made when first asked for; null until then. */
    private int[] ascending;

    /** The accumulators counting against this table, each settled when it is cleared. */
    private final List<BinaryAccumulator> counting = new ArrayList<>();
    private final long maxCells;
    private long cells;
    /** Look-ups in the hash since the last clearing. */
    private long lookups;
    private boolean off;
    /** Numbers once given stay valid: full, the table numbers no new score rather than clearing (see CountedRows). */
    private final boolean keepNumbers;

    DistinctScores() {
        this(false);
    }

    DistinctScores(boolean keepNumbers) {
        this.keepNumbers = keepNumbers;
        // a 64th of the heap: two or three ranges read at once take a small part of it
        maxCells = Math.max(1 << 12, Math.min(MAX_CELLS, Runtime.getRuntime().maxMemory() / 64 / Integer.BYTES));
    }

    /** The last score looked up and its number, so that the accumulators of one row look it up once. */
    private long lastBits = -1;
    private int lastNumber;

    /**
     * The number of a row's score, for a row of weight 1; -1 when this table no longer counts. May settle and clear
     * the table first, so that numbers given before are void: the caller counts the row under the number returned.
     * A table made to keep its numbers never clears: full, it gives -1 for a score it has not numbered.
     *
     * @param score in [0, 1]
     */
    int number(double score) {
        if (off) {
            return -1;
        }
        long b = Double.doubleToRawLongBits(score + 0.0); // -0.0 is 0.0, as the rank store has it
        if (b == lastBits) {
            return lastNumber;
        }
        if (cells > maxCells) {
            clear(false);
            if (off) {
                return -1;
            }
        }
        lookups++;
        int mask = slots.length - 1;
        int h = hash(b) & mask;
        while (true) {
            int s = slots[h];
            if (s == 0) {
                break;
            }
            if (bits[s - 1] == b) {
                lastBits = b;
                lastNumber = s - 1;
                return s - 1;
            }
            h = (h + 1) & mask;
        }
        if (size == scores.length) {
            if (size == MAX_SCORES && keepNumbers) {
                return -1;
            }
            if (size == MAX_SCORES) {
                // full: worth going on only where most look-ups found a score met before
                clear(lookups < 2L * size);
                if (off) {
                    return -1;
                }
            } else {
                grow();
            }
            return number(score);
        }
        int n = size++;
        slots[h] = n + 1;
        bits[n] = b;
        double p = Double.longBitsToDouble(b);
        scores[n] = p;
        logLoss[2 * n] = BinaryAccumulator.RowTerms.logLoss(false, p);
        logLoss[2 * n + 1] = BinaryAccumulator.RowTerms.logLoss(true, p);
        squaredError[2 * n] = BinaryAccumulator.RowTerms.squaredError(false, p);
        squaredError[2 * n + 1] = BinaryAccumulator.RowTerms.squaredError(true, p);
        ascending = null;
        lastBits = b;
        lastNumber = n;
        return n;
    }

    /** Takes {@code accumulator}'s counts into account: it is settled when this table is cleared. */
    void register(BinaryAccumulator accumulator) {
        counting.add(accumulator);
    }

    /** Room for counts of at least {@code index + 1} cells: a length to grow a counts array to. */
    int countsLength(int index) {
        return Math.min(2 * scores.length, Math.max(64, Integer.highestOneBit(index) << 1));
    }

    /** Notes that an accumulator's counts grew by {@code more} cells. */
    void grew(int more) {
        cells += more;
    }

    int size() {
        return size;
    }

    double score(int n) {
        return scores[n];
    }

    /** The -log(p) (positive) or -log(1 - p) (negative) of a row at score number n, clipped as scikit-learn does. */
    double logLoss(int n, boolean positive) {
        return logLoss[2 * n + (positive ? 1 : 0)];
    }

    /** The squared error (y - p)^2 of a row at score number n. */
    double squaredError(int n, boolean positive) {
        return squaredError[2 * n + (positive ? 1 : 0)];
    }

    /** The numbers of the scores, in ascending order of score. */
    int[] ascending() {
        if (ascending == null) {
            double[] sorted = Arrays.copyOf(scores, size);
            Arrays.sort(sorted);
            int[] order = new int[size];
            int mask = slots.length - 1;
            for (int i = 0; i < size; i++) {
                long b = Double.doubleToRawLongBits(sorted[i]);
                int h = hash(b) & mask;
                while (bits[slots[h] - 1] != b) {
                    h = (h + 1) & mask;
                }
                order[i] = slots[h] - 1;
            }
            ascending = order;
        }
        return ascending;
    }

    /**
     * Settles every counting accumulator and forgets the scores. Counting stops for good when {@code stop} says so,
     * or when the counts settled held fewer than two rows a record on average: the rows did not repeat their scores
     * enough to pay for the table.
     */
    private void clear(boolean stop) {
        long rows = 0;
        long records = 0;
        for (BinaryAccumulator a : counting) {
            long[] settled = a.settleCounts(this);
            rows += settled[0];
            records += settled[1];
        }
        counting.clear();
        off = stop || rows < 2 * records;
        cells = 0;
        lookups = 0;
        Arrays.fill(slots, 0);
        size = 0;
        ascending = null;
        lastBits = -1;
    }

    private void grow() {
        int capacity = 2 * scores.length;
        bits = Arrays.copyOf(bits, capacity);
        scores = Arrays.copyOf(scores, capacity);
        logLoss = Arrays.copyOf(logLoss, 2 * capacity);
        squaredError = Arrays.copyOf(squaredError, 2 * capacity);
        slots = new int[2 * capacity];
        int mask = slots.length - 1;
        for (int n = 0; n < size; n++) {
            int h = hash(bits[n]) & mask;
            while (slots[h] != 0) {
                h = (h + 1) & mask;
            }
            slots[h] = n + 1;
        }
    }

    private static int hash(long b) {
        long h = b * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h >>> 32);
    }
}
