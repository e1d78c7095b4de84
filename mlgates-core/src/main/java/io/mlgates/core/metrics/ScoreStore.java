package io.mlgates.core.metrics;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The scores of one class (positives or negatives), kept for the exact rank metrics: a growable {@code double[]}
 * (8 bytes a row), so that two scores tie exactly when their doubles are equal, as in scikit-learn; and a parallel
 * {@code double[]} of weights that is allocated only once a weight other than 1 is seen.
 *
 * <p>The arrays grow only as far as the shared {@link ScoreBudget} allows. Past it, the scores held are sorted and
 * written to a temporary file as a run, highest first, and the arrays are reused; {@link #descending()} then merges
 * the runs and what is in memory (a k-way merge), so that a file larger than memory is judged exactly. More than
 * {@link #MAX_RUNS} runs are merged into one, so that a merge never holds more files open. Not thread-safe.
 */
final class ScoreStore {
    private static final int INITIAL_CAPACITY = 64;
    /** Largest array length the JVM is known to grant. */
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;
    /** Ranges this short are sorted by insertion; longer ones are partitioned. */
    private static final int INSERTION_SORT_MAX = 24;
    /** Runs merged at once; more are first merged into one. */
    static final int MAX_RUNS = 64;
    /** Records read between two looks at the thread's interrupt flag. */
    private static final int INTERRUPT_CHECK = 1 << 12;
    private static final int IO_BUFFER = 1 << 16;

    private final ScoreBudget budget;
    private double[] scores = new double[0];
    private double[] weights; // null while every weight is 1
    private int size; // in memory
    private long reservedBytes;
    private boolean sorted = true;
    private final List<Run> runs = new ArrayList<>();
    private long rows; // in memory and in runs
    private long unitRows;
    private final ExactSum otherWeight = new ExactSum();

    ScoreStore(ScoreBudget budget) {
        this.budget = budget;
    }

    /**
     * A spilled run: {@code rows} (score, weight) records, or scores alone, highest first; {@code owned} unless it
     * came from a store merged into this one, which may still read it.
     */
    private record Run(Path file, long rows, boolean weighted, boolean owned) {
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

    /** Holds a score in memory, spilling first if the budget says so; the totals are the caller's. */
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

    /** Adds the rows of another store; {@code other} is unchanged and keeps its runs readable. */
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
        // same folder, same lifetime: the runs' files are shared, not copied
        other.runs.forEach(r -> runs.add(new Run(r.file(), r.rows(), r.weighted(), false)));
        for (int i = 0; i < other.size; i++) {
            put(other.scores[i], other.weights == null ? 1.0 : other.weights[i]);
        }
        rows += other.rows;
        unitRows += other.unitRows;
        otherWeight.add(other.otherWeight);
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
                    group.add(all.weight());
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
     * Adds a rank summary written by {@link #writeGroups}; the scores must fall strictly from one group to the
     * next and lie in [0, 1].
     *
     * @return the rows it holds
     */
    long readGroups(JsonNode groups, String pointer) throws StateJson.StateException {
        if (!groups.isArray()) {
            throw new StateJson.StateException(pointer, "expected an array of [score, rows] or "
                    + "[score, rows, weight], got " + groups.getNodeType());
        }
        double previous = Double.POSITIVE_INFINITY;
        long total = 0;
        for (int i = 0; i < groups.size(); i++) {
            String at = pointer + "/" + i;
            JsonNode group = groups.get(i);
            if (!group.isArray() || group.size() < 2 || group.size() > 3 || !group.get(0).isNumber()) {
                throw new StateJson.StateException(at, "expected [score, rows] or [score, rows, weight], got "
                        + group);
            }
            double score = group.get(0).asDouble();
            if (!(score >= 0 && score <= 1) || !(score < previous)) {
                throw new StateJson.StateException(at + "/0", "expected a score in [0, 1] below the previous one ("
                        + previous + "), got " + group.get(0));
            }
            previous = score;
            long rows = StateJson.count(arrayAsObject(group), "1", at);
            if (rows == 0) {
                throw new StateJson.StateException(at + "/1", "expected at least one row at a score, got 0");
            }
            if (group.size() == 2) {
                for (long r = 0; r < rows; r++) {
                    add(score, 1.0);
                }
            } else {
                ExactSum.Exact weight = StateJson.exact(arrayAsObject(group), "2", at);
                addWeightedGroup(score, rows, weight, at + "/2");
            }
            total = Math.addExact(total, rows);
        }
        return total;
    }

    private static JsonNode arrayAsObject(JsonNode array) {
        com.fasterxml.jackson.databind.node.ObjectNode o = com.fasterxml.jackson.databind.node.JsonNodeFactory
                .instance.objectNode();
        for (int i = 0; i < array.size(); i++) {
            o.set(String.valueOf(i), array.get(i));
        }
        return o;
    }

    /**
     * Holds {@code rows} rows at one score whose weights sum exactly to {@code weight}, as the few doubles whose
     * exact sum it is (53-bit slices of its mantissa): the walk then sums them to exactly that weight again.
     */
    private void addWeightedGroup(double score, long rows, ExactSum.Exact weight, String pointer)
            throws StateJson.StateException {
        long top = (long) weight.exponent() + weight.mantissa().bitLength() - 1;
        if (weight.signum() <= 0 || weight.exponent() < -1074 || top > Double.MAX_EXPONENT) {
            throw new StateJson.StateException(pointer, "expected a sum of weights above 0 and inside double's"
                    + " range, got " + weight);
        }
        BigInteger m = weight.mantissa();
        long held = 0;
        for (int shift = 0; shift < m.bitLength(); shift += 53) {
            long slice = m.shiftRight(shift).longValue() & ((1L << 53) - 1);
            if (slice != 0) {
                put(score, Math.scalb((double) slice, weight.exponent() + shift));
                held++;
            }
        }
        // rows of weight 0 add nothing to the sum and keep the group's row count, as far as the slices allow
        for (; held < rows; held++) {
            put(score, 0.0);
        }
        this.rows += rows;
        otherWeight.add(weight);
    }

    private static void copyFrom(ScoreStore from, ScoreStore to) {
        try (Cursor all = from.descending()) {
            while (all.next()) {
                to.add(all.score(), all.weight());
            }
        }
    }

    long rows() {
        return rows;
    }

    boolean hasWeightStorage() {
        return weights != null || runs.stream().anyMatch(Run::weighted);
    }

    /** Whether every weight is 1. */
    boolean unitWeights() {
        return unitRows == rows;
    }

    /** The exact sum of the weights. */
    ExactSum.Exact totalWeight() {
        return otherWeight.exact().add(ExactSum.Exact.of(BigInteger.valueOf(unitRows), 0));
    }

    /** The scores with their weights from the highest down; close it to close the runs' files. */
    Cursor descending() {
        sortMemory();
        if (runs.isEmpty()) {
            return new MemoryCursor();
        }
        List<Cursor> sources = new ArrayList<>();
        try {
            for (Run run : runs) {
                sources.add(new RunCursor(run));
            }
        } catch (RuntimeException e) {
            sources.forEach(Cursor::close);
            throw e;
        }
        sources.add(new MemoryCursor());
        return new MergedCursor(sources);
    }

    /** Grows the arrays within the budget, or spills what they hold to a run. */
    private void makeRoom() {
        int capacity = scores.length;
        if (capacity >= MAX_CAPACITY) {
            spill();
            return;
        }
        int grown = (int) Math.min(MAX_CAPACITY, Math.max(INITIAL_CAPACITY, capacity + (long) (capacity >> 1)));
        long extra = (long) (grown - capacity) * bytesPerRow();
        if (capacity == 0 || budget.reserve(extra)) {
            if (capacity == 0) {
                budget.reserve(extra); // the first few rows are granted whatever the budget: a run needs them
            }
            reservedBytes += extra;
            scores = Arrays.copyOf(scores, grown);
            if (weights != null) {
                weights = Arrays.copyOf(weights, grown);
            }
        } else {
            spill();
        }
    }

    private int bytesPerRow() {
        return weights == null ? Double.BYTES : 2 * Double.BYTES;
    }

    private void allocateWeights() {
        long extra = (long) scores.length * Double.BYTES;
        if (!budget.reserve(extra)) {
            // no room for a second array as long: spill, and start again small
            if (size > 0) {
                spill();
            }
            budget.release(reservedBytes);
            reservedBytes = (long) INITIAL_CAPACITY * 2 * Double.BYTES;
            budget.reserve(reservedBytes);
            scores = new double[INITIAL_CAPACITY];
            weights = new double[INITIAL_CAPACITY];
            Arrays.fill(weights, 1.0);
            return;
        }
        reservedBytes += extra;
        weights = new double[scores.length];
        Arrays.fill(weights, 0, size, 1.0);
    }

    /** Writes the scores held to a new run, highest first, and empties the arrays for reuse. */
    private void spill() {
        sortMemory();
        boolean weighted = weights != null;
        try {
            Path file = budget.newRun();
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file),
                    IO_BUFFER))) {
                for (int i = size - 1; i >= 0; i--) {
                    out.writeDouble(scores[i]);
                    if (weighted) {
                        out.writeDouble(weights[i]);
                    }
                }
            }
            runs.add(new Run(file, size, weighted, true));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spill sorted scores to a temporary file", e);
        }
        size = 0;
        sorted = true;
        compactRuns();
    }

    /** Merges the runs into one when there are {@link #MAX_RUNS}, so that a merge opens few files. */
    private void compactRuns() {
        if (runs.size() < MAX_RUNS) {
            return;
        }
        List<Run> merging = List.copyOf(runs);
        boolean weighted = merging.stream().anyMatch(Run::weighted);
        long count = 0;
        try {
            Path file = budget.newRun();
            List<Cursor> sources = new ArrayList<>();
            for (Run run : merging) {
                sources.add(new RunCursor(run));
            }
            try (Cursor merged = new MergedCursor(sources);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file),
                         IO_BUFFER))) {
                while (merged.next()) {
                    out.writeDouble(merged.score());
                    if (weighted) {
                        out.writeDouble(merged.weight());
                    }
                    count++;
                }
            }
            runs.clear();
            runs.add(new Run(file, count, weighted, true));
            for (Run run : merging) {
                if (run.owned()) {
                    Files.delete(run.file());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot merge spilled score runs", e);
        }
        // shared runs stay for the store that made them; the budget removes them when closed
    }

    private void sortMemory() {
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

    /** A walk over scores, highest first, with their weights. */
    interface Cursor extends Closeable {
        /** Moves to the next score; false at the end. */
        boolean next();

        double score();

        double weight();

        @Override
        void close();
    }

    private final class MemoryCursor implements Cursor {
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
        public double weight() {
            return weights == null ? 1.0 : weights[i];
        }

        @Override
        public void close() {
        }
    }

    /** Reads one run back. */
    private static final class RunCursor implements Cursor {
        private final DataInputStream in;
        private final boolean weighted;
        private long left;
        private double score;
        private double weight = 1.0;

        RunCursor(Run run) {
            try {
                in = new DataInputStream(new BufferedInputStream(Files.newInputStream(run.file()), IO_BUFFER));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the spilled scores " + run.file().getFileName(), e);
            }
            weighted = run.weighted();
            left = run.rows();
        }

        @Override
        public boolean next() {
            if (left == 0) {
                return false;
            }
            left--;
            try {
                score = in.readDouble();
                if (weighted) {
                    weight = in.readDouble();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the spilled scores", e);
            }
            return true;
        }

        @Override
        public double score() {
            return score;
        }

        @Override
        public double weight() {
            return weight;
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

    /** The k-way merge of several descending cursors; looks at the thread's interrupt flag now and then, so that a long merge can be stopped. */
    private static final class MergedCursor implements Cursor {
        private final List<Cursor> sources;
        private final PriorityQueue<Cursor> queue;
        private Cursor current;
        private long read;

        MergedCursor(List<Cursor> sources) {
            this.sources = sources;
            this.queue = new PriorityQueue<>(Math.max(1, sources.size()),
                    (a, b) -> Double.compare(b.score(), a.score()));
            try {
                for (Cursor c : sources) {
                    if (c.next()) {
                        queue.add(c);
                    }
                }
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        @Override
        public boolean next() {
            if ((++read & (INTERRUPT_CHECK - 1)) == 0 && Thread.currentThread().isInterrupted()) {
                throw new UncheckedIOException(new InterruptedIOException("interrupted while merging sorted scores"));
            }
            if (current != null && current.next()) {
                queue.add(current);
            }
            current = queue.poll();
            return current != null;
        }

        @Override
        public double score() {
            return current.score();
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
