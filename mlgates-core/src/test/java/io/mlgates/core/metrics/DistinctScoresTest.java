package io.mlgates.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows of weight 1 counted by distinct score (and settled into the exact sums and the rank stores later) give the
 * metrics, curves and statistics of the same rows added one by one, bit for bit: random data (few, many and more
 * distinct scores than the table holds; -0.0, 0 and 1; weights other than 1 mixed in), split into random ranges whose
 * accumulators share one row's terms as a range's do, merged in a random order, with a roomy and a tiny score budget.
 * The reference is the accumulator that adds every row one by one.
 */
class DistinctScoresTest {
    @TempDir
    Path temp;

    private record Row(boolean actual, double score, double weight, int slice) {
    }

    private static List<Row> rows(Random random, int n, int distinct, boolean weighted) {
        double[] pool = new double[distinct];
        for (int i = 0; i < distinct; i++) {
            pool[i] = switch (i) {
                case 0 -> -0.0;
                case 1 -> 0.0;
                case 2 -> 1.0;
                default -> random.nextBoolean() ? random.nextDouble() : random.nextInt(10_000) / 10_000.0;
            };
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double score = pool[random.nextInt(distinct)];
            double weight = weighted && random.nextInt(5) == 0 ? (random.nextInt(3) == 0 ? 0.0 : random.nextDouble() * 3)
                    : 1.0;
            rows.add(new Row(random.nextDouble() < score, score, weight, random.nextInt(3)));
        }
        return rows;
    }

    /** A range: an overall accumulator and one a slice, fed with one row's terms, as a range of a file is read. */
    private static final class Range {
        final BinaryAccumulator overall;
        final BinaryAccumulator[] slices = new BinaryAccumulator[3];
        final BinaryAccumulator.RowTerms terms = new BinaryAccumulator.RowTerms();

        Range(ScoreBudget budget, boolean rowByRow) {
            overall = make(budget, rowByRow);
            for (int i = 0; i < slices.length; i++) {
                slices[i] = make(budget, rowByRow);
            }
        }

        private static BinaryAccumulator make(ScoreBudget budget, boolean rowByRow) {
            BinaryAccumulator a = new BinaryAccumulator(true, true, 10, budget);
            return rowByRow ? a.rowByRow() : a;
        }

        void add(Row r) {
            overall.add(r.actual(), r.score() >= 0.5, r.score(), r.weight(), terms);
            slices[r.slice()].add(r.actual(), r.score() >= 0.5, r.score(), r.weight(), terms);
        }

        void merge(Range later) {
            overall.merge(later.overall);
            for (int i = 0; i < slices.length; i++) {
                slices[i].merge(later.slices[i]);
            }
        }
    }

    private static String state(BinaryAccumulator a) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            a.writeState(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void assertSame(BinaryAccumulator actual, BinaryAccumulator expected) {
        assertThat(actual.compute(MetricOptions.DEFAULTS)).containsExactlyEntriesOf(expected.compute(MetricOptions.DEFAULTS));
        assertThat(actual.curves()).isEqualTo(expected.curves());
        assertThat(state(actual)).isEqualTo(state(expected));
        assertThat(state(actual.withoutRanks())).isEqualTo(state(expected.withoutRanks()));
    }

    @Test
    @DisplayName("counted rows, split into random ranges and merged in a random order, equal the rows added one by one")
    void countedRowsEqualRowsAddedOneByOne() throws IOException {
        Random random = new Random(11);
        // rows, distinct scores (drawn from), and whether a tiny budget too; the third passes the table's 32,768 scores
        int[][] cases = {{20_000, 40, 1}, {20_000, 5_000, 1}, {70_000, 500_000, 0}, {3_000, 3, 1}};
        for (int[] c : cases) {
            for (boolean weighted : new boolean[] {false, true}) {
                for (boolean tinyBudget : c[2] == 1 ? new boolean[] {false, true} : new boolean[] {false}) {
                    List<Row> rows = rows(random, c[0], c[1], weighted);
                    try (ScoreBudget budget = ScoreBudget.ofBytes(tinyBudget ? ScoreBudget.MIN_BYTES : 1L << 30, temp);
                         ScoreBudget referenceBudget = ScoreBudget.ofBytes(1L << 30, temp)) {
                        Range reference = new Range(referenceBudget, true);
                        rows.forEach(reference::add);

                        List<Range> ranges = new ArrayList<>();
                        int from = 0;
                        while (from < rows.size()) {
                            // the first range of the many-scores case meets more than the table holds
                            int to = c[2] == 0 && from == 0 ? 40_000
                                    : Math.min(rows.size(), from + 1 + random.nextInt(rows.size()));
                            Range range = new Range(budget, false);
                            rows.subList(from, to).forEach(range::add);
                            ranges.add(range);
                            from = to;
                        }
                        Collections.shuffle(ranges, random);
                        Range merged = ranges.get(0);
                        ranges.subList(1, ranges.size()).forEach(merged::merge);

                        String what = c[0] + " rows, " + c[1] + " scores, weighted " + weighted + ", tiny budget "
                                + tinyBudget;
                        assertThat(merged.overall.rows()).as(what).isEqualTo(rows.size());
                        assertSame(merged.overall, reference.overall);
                        for (int i = 0; i < 3; i++) {
                            assertSame(merged.slices[i], reference.slices[i]);
                        }
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("an accumulator read between additions goes on counting, and equals the rows added one by one")
    void readsBetweenAdditionsChangeNothing() throws IOException {
        Random random = new Random(12);
        List<Row> rows = rows(random, 10_000, 300, true);
        try (ScoreBudget budget = ScoreBudget.ofBytes(1L << 30, temp)) {
            Range counted = new Range(budget, false);
            Range reference = new Range(budget, true);
            for (int i = 0; i < rows.size(); i++) {
                counted.add(rows.get(i));
                reference.add(rows.get(i));
                if (i % 2_500 == 0) {
                    assertSame(counted.overall, reference.overall);
                }
            }
            assertSame(counted.overall, reference.overall);
        }
    }

    @Test
    @DisplayName("the table numbers each distinct score once, -0.0 as 0.0, and lists them in ascending order")
    void numbersAndOrder() {
        DistinctScores table = new DistinctScores();
        Random random = new Random(13);
        double[] scores = new double[1_000];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = random.nextInt(700) / 700.0;
        }
        int[] numbers = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            numbers[i] = table.number(scores[i]);
        }
        for (int i = 0; i < scores.length; i++) {
            assertThat(table.number(scores[i])).isEqualTo(numbers[i]);
            assertThat(table.score(numbers[i])).isEqualTo(scores[i]);
        }
        assertThat(table.number(-0.0)).isEqualTo(table.number(0.0));
        int[] ascending = table.ascending();
        assertThat(ascending).hasSize(table.size());
        for (int i = 1; i < ascending.length; i++) {
            assertThat(table.score(ascending[i])).isGreaterThan(table.score(ascending[i - 1]));
        }
        // the terms, from the definitions: -log(p) and (1 - p)^2 for a positive, -log(1 - p) and p^2 for a negative
        int n = table.number(0.25);
        assertThat(table.logLoss(n, true)).isEqualTo(-Math.log(0.25));
        assertThat(table.logLoss(n, false)).isEqualTo(-Math.log(0.75));
        assertThat(table.squaredError(n, true)).isEqualTo(0.5625);
        assertThat(table.squaredError(n, false)).isEqualTo(0.0625);
    }
}
