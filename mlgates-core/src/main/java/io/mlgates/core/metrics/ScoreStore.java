package io.mlgates.core.metrics;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.io.Closeable;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The scores of one class (positives or negatives), kept for the exact rank metrics, so that two scores tie exactly
 * when their doubles are equal, as in scikit-learn. Three tiers, each sorted by score where it matters:
 *
 * <ul>
 *   <li>a <em>buffer</em> of the rows as they come: a {@code double[]} of scores (8 bytes a row), and a parallel
 *       {@code double[]} of weights only once a weight other than 1 is seen;</li>
 *   <li><em>segments</em>: the buffer sorted and collapsed into records, one per distinct score for the rows of
 *       weight 1 (the score and how many rows hold it) and one per row of any other weight; a segment of distinct
 *       scores of weight 1 keeps no counts, so it costs 8 bytes a record, and tied scores cost almost nothing;</li>
 *   <li><em>runs</em>: segments merged and written to a temporary file, highest score first, once the shared
 *       {@link ScoreBudget} holds no more.</li>
 * </ul>
 *
 * <p>{@link #descending()} merges the three (a k-way merge). A store merged into another with the same budget hands
 * over its segments and runs rather than copying them, and gives back its share of the budget: the store of a range
 * read in parallel does not hold memory once merged. Past {@link #MAX_RUNS} runs the smallest half are merged into
 * one, so that a merge never holds more files open and a record is rewritten only a logarithmic number of times.
 * Not thread-safe.
 */
final class ScoreStore {
    private static final int INITIAL_CAPACITY = 64;
    /** Largest array length the JVM is known to grant. */
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;
    /**
     * Rows a buffer may always hold, whatever the budget says: a run shorter than this is not worth a file, and a
     * store that finds the budget taken by others still writes runs of useful length (64 KiB).
     */
    static final int MIN_BUFFER = 1 << 13;
    /** Segments a store holds before merging them into one. */
    private static final int MAX_SEGMENTS = 8;
    /** Ranges this short are sorted by insertion; longer ones are partitioned. */
    private static final int INSERTION_SORT_MAX = 24;
    /** Runs merged at once; more are first merged, the smallest half into one. */
    static final int MAX_RUNS = 64;
    /** Records read between two looks at the thread's interrupt flag. */
    private static final int INTERRUPT_CHECK = 1 << 12;
    private static final int IO_BUFFER = 1 << 16;
    /** Past the budget (or past half, for a store that gathers others), a store spills its segments once they hold this fraction of it. */
    private static final int PRESSURE_SHARE = 16;
    /**
     * A record's {@code units} at or below this is a record of weighted rows: {@code -units} rows whose weights sum to
     * its weight (one row of the buffer is -1; a score group read from a statistics file is one record, whatever its
     * rows, so that judging a file costs its groups, not its rows).
     */
    private static final long WEIGHTED = -1;
    /** Run file tag of a record of weighted rows: its rows and weight follow. */
    private static final long WEIGHTED_TAG = 0;

    private final ScoreBudget budget;
    private double[] scores = new double[0];
    private double[] weights; // null while every buffered weight is 1
    private int size; // rows in the buffer
    private long bufferBytes; // the budget's bytes this store holds for its buffer
    private boolean sorted = true;
    private final List<Segment> segments = new ArrayList<>();
    private long segmentBytes; // the budget's bytes this store holds for its segments
    private final List<Run> runs = new ArrayList<>();
    private long rows; // in all three tiers
    private long unitRows;
    private final ExactSum otherWeight = new ExactSum();

    ScoreStore(ScoreBudget budget) {
        this.budget = budget;
    }

    /**
     * Sorted records, ascending, never changed once made (stores may share one): {@code counts[i]} rows of weight
     * 1 at {@code scores[i]}, or, where {@code counts[i]} is negative ({@link #WEIGHTED}), {@code -counts[i]} rows
     * whose weights sum to {@code weights[i]}. {@code counts} is null when every record is one row of weight 1, {@code weights} when no
     * record has another weight.
     */
    private record Segment(double[] scores, long[] counts, double[] weights, int length) {
        long bytes() {
            return (long) length * (Double.BYTES + (counts == null ? 0 : Long.BYTES)
                    + (weights == null ? 0 : Double.BYTES));
        }
    }

    /** A spilled run of {@code records} records, highest first; {@code owned} unless another store made it. */
    private record Run(Path file, long records, boolean weighted, boolean owned) {
    }

    void add(double score, double weight) {
        put(score, weight);
        rows++;
        if (weight == 1.0) {
            unitRows++;
        } else {
            otherWeight.add(weight);
        }
    }

    /**
     * Adds rows of weight 1 counted by score: {@code units[i]} rows at {@code scores[i]}, the scores distinct,
     * ascending and never -0.0; {@code units} null when each is one row. The arrays become a segment, kept as they are.
     *
     * @param rows the rows they hold
     */
    void addCounted(double[] scores, long[] units, long rows) {
        addSorted(scores, units, null, rows, rows);
    }

    /**
     * Adds sorted records as they are ({@link Segment}'s form: {@code counts} null when each is one row of weight 1,
     * {@code weights} null when none is of weighted rows), spilling past the budget as a full buffer does.
     *
     * @param rows the rows they hold
     * @param unitRows those of them counted as of weight 1 (the rest weigh what {@link #addOtherWeight} is given)
     */
    void addSorted(double[] scores, long[] counts, double[] weights, long rows, long unitRows) {
        Segment s = new Segment(scores, counts, weights, scores.length);
        budget.take(s.bytes());
        segmentBytes += s.bytes();
        segments.add(s);
        this.rows += rows;
        this.unitRows += unitRows;
        if (budget.over()) {
            relieve();
        }
        if (segments.size() > MAX_SEGMENTS) {
            consolidateSegments();
        }
    }

    /** Adds to the exact sum of the weights of the rows not counted as of weight 1. */
    void addOtherWeight(double weight) {
        otherWeight.add(weight);
    }

    /**
     * Records a store of rank-summary groups may gather before it makes them a segment: a sixteenth of the budget
     * (the share past which a store spills), so that decoding a large summary holds little outside the budget.
     */
    static int chunkRecords(ScoreBudget budget) {
        long records = budget.bytes() / PRESSURE_SHARE / (Double.BYTES + Long.BYTES + Double.BYTES);
        return (int) Math.max(MIN_BUFFER, Math.min(1 << 24, records));
    }

    /** Gives back this store's memory to the budget, for a store that will not be read (its file was refused). */
    void discard() {
        releaseBuffer();
        segments.clear();
        budget.release(segmentBytes);
        segmentBytes = 0;
        // its runs stay until the budget is closed, which removes them
    }

    /** Holds a score in the buffer, making room first if it is full; the totals are the caller's. */
    private void put(double score, double weight) {
        if (size == scores.length) {
            makeRoom();
        }
        if (weight != 1.0 && weights == null) {
            allocateWeights();
        }
        // + 0.0 turns -0.0 into 0.0, so that equal scores have one representation and compare equal when sorted
        scores[size] = score + 0.0;
        if (weights != null) {
            weights[size] = weight;
        }
        size++;
        sorted = size <= 1;
    }

    /**
     * Adds the rows of another store; {@code other} keeps the same rows. With the same budget, its segments and runs
     * are shared, not copied, and its share of the budget passes to this store.
     */
    void merge(ScoreStore other) {
        if (other == this) {
            ScoreStore copy = new ScoreStore(budget);
            copyFrom(this, copy);
            merge(copy);
            return;
        }
        if (other.budget != budget) {
            copyFrom(other, this);
            return;
        }
        other.bufferToSegment();
        other.releaseBuffer();
        segments.addAll(other.segments);
        segmentBytes += other.segmentBytes;
        other.segmentBytes = 0;
        other.runs.forEach(r -> runs.add(new Run(r.file(), r.records(), r.weighted(), false)));
        rows += other.rows;
        unitRows += other.unitRows;
        otherWeight.add(other.otherWeight);
        if (budget.pastHalf()) {
            // the store that gathers the others gives memory back first, so that the stores still filling keep room
            relieve();
        }
        if (segments.size() > MAX_SEGMENTS) {
            consolidateSegments();
        }
        compactRuns();
    }

    /**
     * Writes the distinct scores, highest first, as {@code [score, rows]} for a score whose rows all weigh 1, else
     * {@code [score, rows, "exact weight"]}: the rank summary of the statistics contract.
     */
    void writeGroups(JsonGenerator g) throws IOException {
        g.writeStartArray();
        try (Cursor all = descending()) {
            ScoreGroups.GroupWeight group = new ScoreGroups.GroupWeight();
            boolean more = all.next();
            while (more) {
                double score = all.score();
                group.reset();
                while (more && all.score() == score) {
                    group.add(all.units(), all.weight());
                    more = all.next();
                }
                g.writeStartArray();
                g.writeNumber(score);
                g.writeNumber(group.rows());
                if (!group.allUnit()) {
                    g.writeString(group.exact().toString());
                }
                g.writeEndArray();
            }
        }
        g.writeEndArray();
    }

    /**
     * Adds a rank summary written by {@link #writeGroups}: decoded already ({@link ScoreGroupArrays}, held in the
     * tree by a reader that streams the file), or an array of the tree. The scores must fall strictly from one group
     * to the next and lie in [0, 1].
     *
     * @return the rows it holds
     */
    long readGroups(JsonNode groups, String pointer) throws StateJson.StateException {
        ScoreGroupArrays read = groups instanceof POJONode held && held.getPojo() instanceof ScoreGroupArrays arrays
                ? arrays : ScoreGroupArrays.fromTree(groups, pointer, budget);
        read.requireHolds(pointer);
        // the groups are a store of segments (and runs past the budget) already: handed over, not copied
        merge(read.store());
        return read.rows();
    }


    private static void copyFrom(ScoreStore from, ScoreStore to) {
        try (Cursor all = from.descending()) {
            while (all.next()) {
                if (all.units() <= WEIGHTED) {
                    // the rows beyond the first weigh nothing: the record's sum is on the first
                    to.add(all.score(), all.weight());
                    for (long r = all.units(); r < WEIGHTED; r++) {
                        to.add(all.score(), 0.0);
                    }
                } else {
                    for (long r = 0; r < all.units(); r++) {
                        to.add(all.score(), 1.0);
                    }
                }
            }
        }
    }

    long rows() {
        return rows;
    }

    boolean hasWeightStorage() {
        return weights != null || segments.stream().anyMatch(s -> s.weights() != null)
                || runs.stream().anyMatch(Run::weighted);
    }

    /** Whether every weight is 1. */
    boolean unitWeights() {
        return unitRows == rows;
    }

    /** The exact sum of the weights. */
    ExactSum.Exact totalWeight() {
        return otherWeight.exact().add(ExactSum.Exact.of(BigInteger.valueOf(unitRows), 0));
    }

    /**
     * The records from the highest score down, the rows of weight 1 at a score gathered in one record; close it to
     * close the runs' files. Looks at the thread's interrupt flag now and then, so that a long walk can be stopped.
     */
    Cursor descending() {
        sortBuffer();
        List<Cursor> sources = new ArrayList<>();
        try {
            for (Run run : runs) {
                sources.add(new RunCursor(run));
            }
        } catch (RuntimeException e) {
            sources.forEach(Cursor::close);
            throw e;
        }
        segments.forEach(s -> sources.add(new SegmentCursor(s)));
        sources.add(new BufferCursor());
        return new CombiningCursor(new MergedCursor(sources));
    }

    /** Grows the buffer within the budget, or turns what it holds into a segment and starts it again. */
    private void makeRoom() {
        int capacity = scores.length;
        if (capacity >= MAX_CAPACITY) {
            flush();
            return;
        }
        int grown = (int) Math.min(MAX_CAPACITY, Math.max(INITIAL_CAPACITY, capacity + (long) (capacity >> 1)));
        long extra = (long) (grown - capacity) * bytesPerRow();
        if (!budget.reserve(extra)) {
            if (capacity >= MIN_BUFFER) {
                flush();
                return;
            }
            // below the least worth a run: granted whatever the budget says
            grown = Math.min(grown, MIN_BUFFER);
            extra = (long) (grown - capacity) * bytesPerRow();
            budget.take(extra);
        }
        bufferBytes += extra;
        scores = Arrays.copyOf(scores, grown);
        if (weights != null) {
            weights = Arrays.copyOf(weights, grown);
        }
    }

    private int bytesPerRow() {
        return weights == null ? Double.BYTES : 2 * Double.BYTES;
    }

    private void allocateWeights() {
        long extra = (long) scores.length * Double.BYTES;
        if (!budget.reserve(extra)) {
            if (scores.length > MIN_BUFFER) {
                // no room for a second array as long: empty the buffer, and start it again small
                if (size > 0) {
                    flush();
                }
                releaseBuffer();
                scores = new double[INITIAL_CAPACITY];
                bufferBytes = (long) INITIAL_CAPACITY * Double.BYTES;
                budget.take(bufferBytes);
                extra = bufferBytes;
            }
            budget.take(extra);
        }
        bufferBytes += extra;
        weights = new double[scores.length];
        Arrays.fill(weights, 0, size, 1.0);
    }

    private void releaseBuffer() {
        scores = new double[0];
        weights = null;
        size = 0;
        sorted = true;
        budget.release(bufferBytes);
        bufferBytes = 0;
    }

    /**
     * Turns the buffer into a segment, kept while the budget holds it; past the budget the segments are spilled to
     * a run once they weigh a sixteenth of the budget (tied scores collapse into a few records: spilling those
     * would free nothing, and make many small runs).
     */
    private void flush() {
        bufferToSegment();
        if (budget.over()) {
            relieve();
        }
        if (segments.size() > MAX_SEGMENTS) {
            consolidateSegments();
        }
    }

    /** Sorts and collapses the buffer into a new segment and empties the buffer (its arrays stay, for reuse). */
    private void bufferToSegment() {
        if (size == 0) {
            return;
        }
        sortBuffer();
        Segment s = build(() -> new CombiningCursor(new BufferCursor()));
        budget.take(s.bytes());
        segmentBytes += s.bytes();
        segments.add(s);
        size = 0;
        sorted = true;
    }

    /** Writes every segment, merged, to one run and gives their memory back to the budget. */
    private void spill() {
        if (segments.isEmpty()) {
            return;
        }
        runs.add(write(mergedSegments(segments)));
        segments.clear();
        budget.release(segmentBytes);
        segmentBytes = 0;
        compactRuns();
    }

    /**
     * Gives memory back when the budget is short: the segments, merged, stay in memory if they then hold less than a
     * sixteenth of the budget (tied scores collapse into few records: spilling those would free nothing and make
     * many small runs); else they are spilled to a run.
     */
    private void relieve() {
        long share = budget.bytes() / PRESSURE_SHARE;
        if (segmentBytes < share) {
            return;
        }
        if (segments.size() > 1) {
            List<Segment> all = List.copyOf(segments);
            java.util.function.Supplier<Cursor> merged = () -> mergedSegments(all);
            Shape shape = Shape.of(merged);
            if (shape.bytes() < share) {
                Segment one = shape.fill(merged);
                segments.clear();
                segments.add(one);
                budget.release(segmentBytes - one.bytes());
                segmentBytes = one.bytes();
                return;
            }
        }
        spill();
    }

    private static Cursor mergedSegments(List<Segment> segments) {
        List<Cursor> sources = new ArrayList<>();
        segments.forEach(s -> sources.add(new SegmentCursor(s)));
        return new CombiningCursor(new MergedCursor(sources));
    }

    /** Merges the smaller segments into one, so that a store holds few; the result is at most their size. */
    private void consolidateSegments() {
        List<Segment> merging = smallest(segments, MAX_SEGMENTS / 2 + 1, Segment::length);
        long before = merging.stream().mapToLong(Segment::bytes).sum();
        Segment merged = build(() -> mergedSegments(merging));
        segments.removeAll(merging);
        segments.add(merged);
        long held = Math.min(before, segmentBytes);
        budget.release(held - Math.min(held, merged.bytes()));
        segmentBytes -= held - Math.min(held, merged.bytes());
    }

    /** The {@code k} smallest of {@code all} (all of them when fewer). */
    private static <T> List<T> smallest(List<T> all, int k, java.util.function.ToLongFunction<T> size) {
        List<T> bySize = new ArrayList<>(all);
        bySize.sort(Comparator.comparingLong(size));
        return new ArrayList<>(bySize.subList(0, Math.min(k, bySize.size())));
    }

    /** Merges the smaller half of the runs into one when there are {@link #MAX_RUNS}: a merge opens few files. */
    private void compactRuns() {
        if (runs.size() < MAX_RUNS) {
            return;
        }
        List<Run> merging = smallest(runs, MAX_RUNS / 2, Run::records);
        List<Cursor> sources = new ArrayList<>();
        try {
            for (Run run : merging) {
                sources.add(new RunCursor(run));
            }
        } catch (RuntimeException e) {
            sources.forEach(Cursor::close);
            throw e;
        }
        Run merged = write(new CombiningCursor(new MergedCursor(sources)));
        runs.removeAll(merging);
        runs.add(merged);
        try {
            for (Run run : merging) {
                if (run.owned()) {
                    Files.delete(run.file());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove a merged run of spilled scores", e);
        }
        // runs shared with another store stay for it; the budget removes them when closed
    }

    /** A segment of the records of {@code cursors}' walk (taken twice: to count, then to fill). */
    private static Segment build(java.util.function.Supplier<Cursor> cursors) {
        return Shape.of(cursors).fill(cursors);
    }

    /** How many records a walk gives, whether any counts more than one row, whether any has a weight. */
    private record Shape(int records, boolean counted, boolean weighted) {
        static Shape of(java.util.function.Supplier<Cursor> cursors) {
            long n = 0;
            boolean counted = false;
            boolean weighted = false;
            try (Cursor c = cursors.get()) {
                while (c.next()) {
                    n++;
                    counted |= c.units() != 1;
                    weighted |= c.units() <= WEIGHTED;
                }
            }
            return new Shape(Math.toIntExact(n), counted, weighted);
        }

        long bytes() {
            return (long) records * (Double.BYTES + (counted ? Long.BYTES : 0) + (weighted ? Double.BYTES : 0));
        }

        Segment fill(java.util.function.Supplier<Cursor> cursors) {
            double[] s = new double[records];
            long[] counts = counted ? new long[records] : null;
            double[] w = weighted ? new double[records] : null;
            try (Cursor c = cursors.get()) {
                for (int i = records - 1; c.next(); i--) {
                    s[i] = c.score();
                    if (counts != null) {
                        counts[i] = c.units();
                    }
                    if (w != null && c.units() <= WEIGHTED) {
                        w[i] = c.weight();
                    }
                }
            }
            return new Segment(s, counts, w, records);
        }
    }

    /** Writes a walk to a new run file. */
    private Run write(Cursor records) {
        long count = 0;
        boolean weighted = false;
        try (records) {
            Path file = budget.newRun();
            try (RunWriter out = new RunWriter(file)) {
                while (records.next()) {
                    long units = records.units();
                    out.write(records.score(), units, records.weight());
                    weighted |= units <= WEIGHTED;
                    count++;
                }
            }
            return new Run(file, count, weighted, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spill sorted scores to a temporary file", e);
        }
    }

    private void sortBuffer() {
        if (sorted) {
            return;
        }
        if (weights == null) {
            Arrays.sort(scores, 0, size);
        } else {
            // no extra array: the weights move with their scores (introsort, depth-bounded by a heap sort)
            sortPaired(0, size - 1, 2 * (31 - Integer.numberOfLeadingZeros(Math.max(1, size))));
        }
        sorted = true;
    }

    /**
     * A walk over records, highest score first: {@link #units()} rows of weight 1 at {@link #score()}, or, when it
     * is negative, {@code -units()} rows whose weights sum to {@link #weight()}.
     */
    interface Cursor extends Closeable {
        /** Moves to the next record; false at the end. */
        boolean next();

        double score();

        /** Rows of weight 1 in this record, or minus the rows of a record of weighted rows. */
        long units();

        double weight();

        @Override
        void close();
    }

    /** A cursor that holds its current record in fields. */
    private abstract static class HeldRecord implements Cursor {
        double score;
        long units;
        double weight = 1.0;

        @Override
        public double score() {
            return score;
        }

        @Override
        public long units() {
            return units;
        }

        @Override
        public double weight() {
            return weight;
        }
    }

    /** The sorted buffer's rows, one record each. */
    private final class BufferCursor implements Cursor {
        private int i = size;

        @Override
        public boolean next() {
            return --i >= 0;
        }

        @Override
        public double score() {
            return scores[i];
        }

        @Override
        public long units() {
            return weights == null || weights[i] == 1.0 ? 1 : WEIGHTED;
        }

        @Override
        public double weight() {
            return weights == null ? 1.0 : weights[i];
        }

        @Override
        public void close() {
        }
    }

    private static final class SegmentCursor implements Cursor {
        private final Segment segment;
        private int i;

        SegmentCursor(Segment segment) {
            this.segment = segment;
            this.i = segment.length();
        }

        @Override
        public boolean next() {
            return --i >= 0;
        }

        @Override
        public double score() {
            return segment.scores()[i];
        }

        @Override
        public long units() {
            return segment.counts() == null ? 1 : segment.counts()[i];
        }

        @Override
        public double weight() {
            return segment.weights() == null ? 1.0 : segment.weights()[i];
        }

        @Override
        public void close() {
        }
    }

    /** Gathers the rows of weight 1 at one score into one record; rows of other weights pass one by one. */
    private static final class CombiningCursor extends HeldRecord {
        private final Cursor source;
        private boolean more;
        private long pending; // rows of weight 1 at pendingScore, not yet given
        private double pendingScore;

        CombiningCursor(Cursor source) {
            this.source = source;
            this.more = source.next();
        }

        @Override
        public boolean next() {
            while (more) {
                double s = source.score();
                if (pending > 0 && s != pendingScore) {
                    return givePending();
                }
                long u = source.units();
                if (u <= WEIGHTED) {
                    score = s;
                    units = u;
                    weight = source.weight();
                    more = source.next();
                    return true;
                }
                pendingScore = s;
                pending += u;
                more = source.next();
            }
            return pending > 0 && givePending();
        }

        private boolean givePending() {
            score = pendingScore;
            units = pending;
            weight = 1.0;
            pending = 0;
            return true;
        }

        @Override
        public void close() {
            source.close();
        }
    }

    /** Appends records to a run file: the score, then a variable-length count of rows of weight 1, or 0 and the weight. */
    private static final class RunWriter implements Closeable {
        // a stream, not a FileChannel: an interrupt closes a channel under the reader, and the merge reports the
        // interrupt itself
        private final FileOutputStream out;
        private final ByteBuffer buffer = ByteBuffer.allocate(IO_BUFFER);

        RunWriter(Path file) throws IOException {
            out = new FileOutputStream(file.toFile());
        }

        void write(double score, long units, double weight) throws IOException {
            if (buffer.remaining() < 2 * Double.BYTES + 20) {
                drain();
            }
            buffer.putDouble(score);
            long v = units <= WEIGHTED ? WEIGHTED_TAG : units;
            while ((v & ~0x7FL) != 0) {
                buffer.put((byte) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            buffer.put((byte) v);
            if (units <= WEIGHTED) {
                putVarLong(-units);
                buffer.putDouble(weight);
            }
        }

        private void putVarLong(long v) {
            while ((v & ~0x7FL) != 0) {
                buffer.put((byte) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            buffer.put((byte) v);
        }

        private void drain() throws IOException {
            out.write(buffer.array(), 0, buffer.position());
            buffer.clear();
        }

        @Override
        public void close() throws IOException {
            try {
                drain();
            } finally {
                out.close();
            }
        }
    }

    /** Reads one run back. */
    private static final class RunCursor extends HeldRecord {
        private final FileInputStream in;
        private final ByteBuffer buffer = ByteBuffer.allocate(IO_BUFFER);
        private long left;

        RunCursor(Run run) {
            try {
                in = new FileInputStream(run.file().toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the spilled scores " + run.file().getFileName(), e);
            }
            left = run.records();
            buffer.limit(0);
        }

        @Override
        public boolean next() {
            if (left == 0) {
                return false;
            }
            left--;
            try {
                if (buffer.remaining() < 2 * Double.BYTES + 20) {
                    buffer.compact();
                    int read;
                    while (buffer.hasRemaining()
                            && (read = in.read(buffer.array(), buffer.position(), buffer.remaining())) > 0) {
                        buffer.position(buffer.position() + read);
                    }
                    buffer.flip();
                }
                score = buffer.getDouble();
                long v = varLong();
                if (v == WEIGHTED_TAG) {
                    units = -varLong();
                    weight = buffer.getDouble();
                } else {
                    units = v;
                    weight = 1.0;
                }
            } catch (IOException | java.nio.BufferUnderflowException e) {
                throw new UncheckedIOException("cannot read the spilled scores", e instanceof IOException io ? io
                        : new IOException("a run of spilled scores ends early", e));
            }
            return true;
        }

        private long varLong() {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = buffer.get();
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
            }
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException ignored) {
                // read to the end or abandoned: nothing to save
            }
        }
    }

    /**
     * The k-way merge of several descending cursors, on a binary heap keyed by each cursor's score; looks at the
     * thread's interrupt flag now and then, so that a long merge can be stopped.
     */
    private static final class MergedCursor implements Cursor {
        private final List<Cursor> sources;
        private final Cursor[] heap;
        private int live;
        private Cursor current;
        private long read;

        MergedCursor(List<Cursor> sources) {
            this.sources = sources;
            this.heap = new Cursor[sources.size()];
            try {
                for (Cursor c : sources) {
                    if (c.next()) {
                        heap[live++] = c;
                    }
                }
            } catch (RuntimeException e) {
                close();
                throw e;
            }
            for (int i = live / 2 - 1; i >= 0; i--) {
                siftDown(i);
            }
        }

        @Override
        public boolean next() {
            if ((++read & (INTERRUPT_CHECK - 1)) == 0 && Thread.currentThread().isInterrupted()) {
                throw new UncheckedIOException(new InterruptedIOException("interrupted while merging sorted scores"));
            }
            if (current != null) {
                // current is heap[0]: advance it and restore the heap
                if (!current.next()) {
                    heap[0] = heap[--live];
                    heap[live] = null;
                }
                if (live > 0) {
                    siftDown(0);
                }
            }
            current = live > 0 ? heap[0] : null;
            return current != null;
        }

        private void siftDown(int i) {
            Cursor c = heap[i];
            double s = c.score();
            while (true) {
                int child = 2 * i + 1;
                if (child >= live) {
                    break;
                }
                if (child + 1 < live && heap[child + 1].score() > heap[child].score()) {
                    child++;
                }
                if (!(heap[child].score() > s)) {
                    break;
                }
                heap[i] = heap[child];
                i = child;
            }
            heap[i] = c;
        }

        @Override
        public double score() {
            return current.score();
        }

        @Override
        public long units() {
            return current.units();
        }

        @Override
        public double weight() {
            return current.weight();
        }

        @Override
        public void close() {
            sources.forEach(Cursor::close);
        }
    }

    /** Sorts scores[lo..hi] (inclusive) with their weights. Scores are never NaN nor -0.0, so {@code <} orders them. */
    private void sortPaired(int lo, int hi, int depth) {
        while (hi - lo > INSERTION_SORT_MAX) {
            if (depth-- == 0) {
                heapSort(lo, hi);
                return;
            }
            int mid = (lo + hi) >>> 1;
            // median of three to the middle, then Hoare partition around its value
            if (scores[mid] < scores[lo]) {
                swap(mid, lo);
            }
            if (scores[hi] < scores[lo]) {
                swap(hi, lo);
            }
            if (scores[hi] < scores[mid]) {
                swap(hi, mid);
            }
            double pivot = scores[mid];
            int i = lo - 1;
            int j = hi + 1;
            while (true) {
                do {
                    i++;
                } while (scores[i] < pivot);
                do {
                    j--;
                } while (pivot < scores[j]);
                if (i >= j) {
                    break;
                }
                swap(i, j);
            }
            // recurse into the smaller side, loop on the larger: the stack stays logarithmic
            if (j - lo < hi - j) {
                sortPaired(lo, j, depth);
                lo = j + 1;
            } else {
                sortPaired(j + 1, hi, depth);
                hi = j;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            double s = scores[i];
            double w = weights[i];
            int k = i - 1;
            while (k >= lo && s < scores[k]) {
                scores[k + 1] = scores[k];
                weights[k + 1] = weights[k];
                k--;
            }
            scores[k + 1] = s;
            weights[k + 1] = w;
        }
    }

    private void heapSort(int lo, int hi) {
        int n = hi - lo + 1;
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftDown(lo, i, n);
        }
        for (int end = n - 1; end > 0; end--) {
            swap(lo, lo + end);
            siftDown(lo, 0, end);
        }
    }

    private void siftDown(int lo, int root, int n) {
        while (true) {
            int child = 2 * root + 1;
            if (child >= n) {
                return;
            }
            if (child + 1 < n && scores[lo + child] < scores[lo + child + 1]) {
                child++;
            }
            if (!(scores[lo + root] < scores[lo + child])) {
                return;
            }
            swap(lo + root, lo + child);
            root = child;
        }
    }

    private void swap(int a, int b) {
        double s = scores[a];
        scores[a] = scores[b];
        scores[b] = s;
        double w = weights[a];
        weights[a] = weights[b];
        weights[b] = w;
    }
}
