package io.mlgates.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.StringWriter;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rows counted by cell, score and label, then added to an accumulator once for the cells that feed it, give the
 * state of adding those rows one by one (exact sums, tallies, bins, rank records), whatever the counts' bound, with
 * counts carried out of their byte, and with rows whose prediction differs at a score.
 */
class CountedRowsTest {
    @Test
    @DisplayName("counted rows added once equal the rows added one by one, carries and refusals included")
    void countedEqualsRowByRow() throws Exception {
        Random random = new Random(1204);
        for (int round = 0; round < 200; round++) {
            int carry = 2 + random.nextInt(5);
            long maxCounts = random.nextBoolean() ? 1 << 20 : random.nextInt(300);
            CountedRows counts = new CountedRows(maxCounts, carry);
            int cells = 1 + random.nextInt(4);
            for (int c = 0; c < cells; c++) {
                assertThat(counts.newCell()).isEqualTo(c);
            }
            int bins = 1 + random.nextInt(10);
            boolean ranks = random.nextBoolean();
            // "some" is fed by the cells below a bound, "all" by every cell
            int bound = random.nextInt(cells + 1);
            BinaryAccumulator someRows = new BinaryAccumulator(true, ranks, bins);
            BinaryAccumulator allRows = new BinaryAccumulator(true, ranks, bins);
            BinaryAccumulator someCounted = new BinaryAccumulator(true, ranks, bins);
            BinaryAccumulator allCounted = new BinaryAccumulator(true, ranks, bins);
            boolean thresholded = random.nextBoolean();
            int rows = random.nextInt(2000);
            int refused = 0;
            for (int i = 0; i < rows; i++) {
                int cell = random.nextInt(cells);
                double score = random.nextInt(12) / 11.0;
                boolean label = random.nextInt(3) == 0;
                boolean predicted = thresholded ? score >= 0.5 : random.nextBoolean();
                if (cell < bound) {
                    someRows.add(label, predicted, score, 1.0);
                }
                allRows.add(label, predicted, score, 1.0);
                if (!counts.count(cell, score, label, predicted)) {
                    refused++;
                    if (cell < bound) {
                        someCounted.add(label, predicted, score, 1.0);
                    }
                    allCounted.add(label, predicted, score, 1.0);
                }
            }
            int[] lower = new int[bound];
            for (int c = 0; c < bound; c++) {
                lower[c] = c;
            }
            int[] every = new int[cells];
            for (int c = 0; c < cells; c++) {
                every[c] = c;
            }
            counts.addTo(someCounted, lower);
            counts.addTo(allCounted, every);
            assertThat(state(someCounted)).as("round %d", round).isEqualTo(state(someRows));
            assertThat(state(allCounted)).as("round %d", round).isEqualTo(state(allRows));
            if (maxCounts == 0 || thresholded && maxCounts >= 1 << 20) {
                assertThat(refused).isEqualTo(maxCounts == 0 ? rows : 0);
            }
        }
    }

    @Test
    @DisplayName("nearly distinct scores stop the counting early; tied ones do not; either way the sums are the rows'")
    void distinctScoresStopCounting() throws Exception {
        for (boolean distinct : new boolean[] {true, false}) {
            Random random = new Random(distinct ? 1 : 2);
            CountedRows counts = new CountedRows(1 << 20);
            int cell = counts.newCell();
            BinaryAccumulator rows = new BinaryAccumulator(true, true, 10);
            BinaryAccumulator counted = new BinaryAccumulator(true, true, 10);
            int added = 0;
            for (int i = 0; i < CountedRows.CHECKED_AFTER + 5000; i++) {
                double score = distinct ? random.nextDouble() : random.nextInt(1000) / 1000.0;
                boolean label = random.nextBoolean();
                rows.add(label, score >= 0.5, score, 1.0);
                if (!counts.count(cell, score, label, score >= 0.5)) {
                    counted.add(label, score >= 0.5, score, 1.0);
                    added++;
                }
            }
            counts.addTo(counted, new int[] {cell});
            assertThat(counts.counting()).isEqualTo(!distinct);
            assertThat(added).isEqualTo(distinct ? 5001 : 0);
            assertThat(state(counted)).isEqualTo(state(rows));
        }
    }

    @Test
    @DisplayName("scores that share a place on the grid of look-ups are told apart: -0.0 is 0.0, a neighbour is not")
    void scoresSharingAPlaceStayApart() throws Exception {
        Random random = new Random(15);
        double[] near = {0.0, -0.0, Double.MIN_VALUE, 1e-5, 0.49995, 0.5, Math.nextDown(0.5), Math.nextUp(0.5),
            0.50004, 0.12345, 0.1234, 0.1235, 1.0, Math.nextDown(1.0), 0.99995, 1.0 / 3, 0.3333};
        CountedRows counts = new CountedRows(1 << 20);
        int cell = counts.newCell();
        BinaryAccumulator rows = new BinaryAccumulator(true, true, 10);
        BinaryAccumulator counted = new BinaryAccumulator(true, true, 10);
        for (int i = 0; i < CountedRows.CHECKED_AFTER * 3; i++) {
            double score = near[random.nextInt(near.length)];
            boolean label = random.nextBoolean();
            rows.add(label, score >= 0.5, score, 1.0);
            assertThat(counts.count(cell, score, label, score >= 0.5)).isTrue();
        }
        counts.addTo(counted, new int[] {cell});
        assertThat(state(counted)).isEqualTo(state(rows));
        // a score off [0, 1] has no place on the grid: numbered by the hash, apart from the scores on it
        for (double off : new double[] {1.5, -0.25, 1e300}) {
            assertThat(counts.count(cell, off, true, true)).isTrue();
        }
        assertThat(counts.count(cell, 1.5, false, true)).isTrue();
    }

    @Test
    @DisplayName("a tally with no room counts nothing, and says so for good")
    void noRoom() {
        CountedRows counts = new CountedRows(0);
        int cell = counts.newCell();
        assertThat(counts.count(cell, 0.5, true, true)).isFalse();
        assertThat(counts.counting()).isFalse();
        assertThat(counts.newCell()).isEqualTo(-1);
    }

    private static String state(BinaryAccumulator accumulator) throws Exception {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            accumulator.writeState(g);
        }
        return out.toString() + accumulator.compute(new MetricOptions(0.95, accumulator.calibrationBins()))
                + accumulator.curves();
    }
}
