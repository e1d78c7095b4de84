package io.mlgates.core.metrics;

import static io.mlgates.core.testing.Folders.filesIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scores beyond the memory budget spill to sorted runs on disk; the metrics stay exact and no file is left. */
class ScoreSpillTest {
    private static final int ROWS = 150_000;

    @TempDir
    Path temp;

    private static void fill(BinaryAccumulator acc, long seed, boolean weighted) {
        Random random = new Random(seed);
        for (int i = 0; i < ROWS; i++) {
            double score = random.nextInt(20_000) / 20_000.0; // ties within and across runs
            boolean actual = random.nextDouble() < score;
            double weight = weighted ? (random.nextInt(4) == 0 ? 1.0 : random.nextDouble() * 2 + 0.01) : 1.0;
            acc.add(actual, score >= 0.5, score, weight);
        }
    }

    @Test
    @DisplayName("an empty accumulator made like a spilled one spills to the same budget, so closing it leaves no file")
    void emptyLikeSharesTheBudget() throws IOException {
        Path parent = Files.createDirectories(temp.resolve("like"));
        try (ScoreBudget small = ScoreBudget.ofBytes(ScoreBudget.MIN_BYTES, parent)) {
            BinaryAccumulator spilled = new BinaryAccumulator(true, true, 10, small);
            fill(spilled, 11, true);
            long before = filesIn(parent);
            BinaryAccumulator like = spilled.emptyLike();
            like.merge(spilled);
            assertThat(like.compute(MetricOptions.DEFAULTS)).isEqualTo(spilled.compute(MetricOptions.DEFAULTS));
            assertThat(filesIn(parent)).isGreaterThan(before);
        }
        assertThat(filesIn(parent)).isZero();
    }

    @Test
    @DisplayName("a budget far below the scores spills sorted runs, and the metrics equal the in-memory ones bit for bit")
    void spilledRunsGiveTheInMemoryMetrics() throws IOException {
        for (boolean weighted : new boolean[] {false, true}) {
            BinaryAccumulator inMemory = new BinaryAccumulator(true, true, 10,
                    ScoreBudget.ofBytes(1L << 30, temp));
            fill(inMemory, 7, weighted);
            Map<String, MetricValue> expected = inMemory.compute(MetricOptions.DEFAULTS);
            Path parent = Files.createDirectories(temp.resolve("spill-" + weighted));
            try (ScoreBudget small = ScoreBudget.ofBytes(ScoreBudget.MIN_BYTES, parent)) {
                // two halves, merged, so that runs are adopted across stores and compacted past MAX_RUNS
                BinaryAccumulator first = new BinaryAccumulator(true, true, 10, small);
                BinaryAccumulator second = new BinaryAccumulator(true, true, 10, small);
                Random split = new Random(8);
                Random rows = new Random(7);
                for (int i = 0; i < ROWS; i++) {
                    double score = rows.nextInt(20_000) / 20_000.0;
                    boolean actual = rows.nextDouble() < score;
                    double weight = weighted ? (rows.nextInt(4) == 0 ? 1.0 : rows.nextDouble() * 2 + 0.01) : 1.0;
                    (split.nextBoolean() ? first : second).add(actual, score >= 0.5, score, weight);
                }
                first.merge(second);
                assertThat(small.spilled()).isTrue();
                assertThat(filesIn(parent)).isPositive();
                assertThat(first.compute(MetricOptions.DEFAULTS)).containsExactlyEntriesOf(expected);
                assertThat(first.curves()).isEqualTo(inMemory.curves());
            }
            assertThat(filesIn(parent)).as("temporary files left after close").isZero();
        }
    }

    @Test
    @DisplayName("a merge interrupted midway stops with an error, and closing the budget leaves no temporary file")
    void anInterruptedMergeLeavesNothingBehind() throws IOException {
        BinaryAccumulator acc;
        try (ScoreBudget small = ScoreBudget.ofBytes(ScoreBudget.MIN_BYTES, temp)) {
            acc = new BinaryAccumulator(true, true, 10, small);
            fill(acc, 9, false);
            assertThat(filesIn(temp)).isPositive();
            Thread.currentThread().interrupt(); // the merge sees it within a few thousand scores
            try {
                assertThatThrownBy(() -> acc.compute(MetricOptions.DEFAULTS))
                        .isInstanceOf(UncheckedIOException.class)
                        .hasCauseInstanceOf(InterruptedIOException.class);
            } finally {
                assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
            }
        }
        assertThat(filesIn(temp)).as("temporary files left after an interrupt").isZero();
    }

    @Test
    @DisplayName("an interrupt from another thread, while that thread merges, stops it; nothing is left")
    void anotherThreadsInterruptStopsTheMerge() throws Exception {
        ScoreBudget small = ScoreBudget.ofBytes(ScoreBudget.MIN_BYTES, temp);
        BinaryAccumulator acc = new BinaryAccumulator(true, true, 10, small);
        fill(acc, 10, true);
        Throwable[] failure = new Throwable[1];
        Object started = new Object();
        boolean[] running = {false};
        Thread judge = new Thread(() -> {
            try (small) {
                while (true) {
                    synchronized (started) {
                        running[0] = true;
                        started.notifyAll();
                    }
                    acc.compute(MetricOptions.DEFAULTS); // merges the runs again each time, until interrupted
                }
            } catch (RuntimeException e) {
                failure[0] = e;
            }
        });
        judge.start();
        synchronized (started) {
            while (!running[0]) {
                started.wait();
            }
        }
        judge.interrupt();
        judge.join();
        assertThat(failure[0]).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(InterruptedIOException.class);
        assertThat(filesIn(temp)).as("temporary files left after an interrupt").isZero();
    }

    @Test
    @DisplayName("tied scores collapse into one record per distinct score: a million rows (8 MB) in a 1 MiB budget never spill")
    void tiedScoresStayInMemory() {
        try (ScoreBudget small = ScoreBudget.ofBytes(1 << 20, temp);
             ScoreBudget large = ScoreBudget.ofBytes(1L << 30, temp)) {
            BinaryAccumulator tight = new BinaryAccumulator(true, true, 10, small);
            BinaryAccumulator roomy = new BinaryAccumulator(true, true, 10, large);
            Random random = new Random(12);
            for (int i = 0; i < 1_000_000; i++) {
                double score = random.nextInt(1_000) / 1_000.0;
                boolean actual = random.nextDouble() < score;
                tight.add(actual, score >= 0.5, score, 1.0);
                roomy.add(actual, score >= 0.5, score, 1.0);
            }
            assertThat(tight.compute(MetricOptions.DEFAULTS)).containsExactlyEntriesOf(
                    roomy.compute(MetricOptions.DEFAULTS));
            assertThat(small.spilled()).as("a run was spilled").isFalse();
            assertThat(small.taken()).as("bytes held").isLessThanOrEqualTo(2 * small.bytes());
        }
    }

    @Test
    @DisplayName("stores of ranges merged one by one give their memory back: distinct scores spill in few, long runs")
    void mergedRangesGiveTheirBudgetBack() throws IOException {
        int ranges = 60;
        int rowsPerRange = 20_000;
        BinaryAccumulator inMemory = new BinaryAccumulator(true, true, 10, ScoreBudget.ofBytes(1L << 30, temp));
        Path parent = Files.createDirectories(temp.resolve("ranges"));
        try (ScoreBudget budget = ScoreBudget.ofBytes(256 * 1024, parent)) {
            BinaryAccumulator total = null;
            Random random = new Random(13);
            for (int r = 0; r < ranges; r++) {
                // as a file read in ranges: each range fills its own accumulator, merged into the total in order
                BinaryAccumulator range = new BinaryAccumulator(true, true, 10, budget);
                for (int i = 0; i < rowsPerRange; i++) {
                    double score = random.nextDouble(); // distinct: nothing collapses
                    boolean actual = random.nextDouble() < score;
                    double weight = i % 7 == 0 ? 0.5 + random.nextDouble() : 1.0;
                    range.add(actual, score >= 0.5, score, weight);
                    inMemory.add(actual, score >= 0.5, score, weight);
                }
                if (total == null) {
                    total = range;
                } else {
                    total.merge(range);
                }
            }
            assertThat(total.compute(MetricOptions.DEFAULTS)).containsExactlyEntriesOf(
                    inMemory.compute(MetricOptions.DEFAULTS));
            assertThat(total.curves()).isEqualTo(inMemory.curves());
            // 1.2 M rows in runs of at least ScoreStore.MIN_BUFFER rows, each merged a few times at most
            long rows = (long) ranges * rowsPerRange;
            assertThat(budget.runFiles()).isLessThan(4 * rows / ScoreStore.MIN_BUFFER);
            assertThat(budget.taken()).as("bytes held once every range is merged").isLessThanOrEqualTo(
                    2 * budget.bytes());
        }
        assertThat(filesIn(parent)).as("temporary files left after close").isZero();
    }

    @Test
    @DisplayName("the budget's size is bytes or k, m, g; anything else, or below 64k, is refused naming the property")
    void budgetSizes() {
        assertThat(ScoreBudget.size("65536")).isEqualTo(65536);
        assertThat(ScoreBudget.size("512m")).isEqualTo(512L << 20);
        assertThat(ScoreBudget.size("2G")).isEqualTo(2L << 30);
        assertThatThrownBy(() -> ScoreBudget.size("lots")).hasMessageContaining("-Dmlgates.scoreMemory=lots");
        assertThatThrownBy(() -> ScoreBudget.size("1k")).hasMessageContaining("at least 65536 bytes");
    }
}
