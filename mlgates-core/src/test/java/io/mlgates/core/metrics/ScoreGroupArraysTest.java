package io.mlgates.core.metrics;

import static io.mlgates.core.testing.Folders.filesIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rank summaries decoded into a score store: each group of weighted rows one record whatever its rows, exact sums
 * parsed without a regular expression where they fit 128 bits, chunks spilled past the budget. The expected groups
 * are the input's, with the row count a store of single rows would give: a weight is held as the 53-bit slices of
 * its exact sum's mantissa (computed here with {@link BigInteger}), a row each at least.
 */
class ScoreGroupArraysTest {
    @TempDir
    Path temp;

    /** One group as a file holds it: a score, rows, and the exact sum of their weights (null: each weighs 1). */
    private record Group(double score, long rows, String weight) {
    }

    private static List<Group> randomGroups(Random random, int count) {
        List<Group> groups = new ArrayList<>();
        double score = 1.0;
        for (int i = 0; i < count; i++) {
            score = Math.nextDown(score - random.nextInt(1000) * 1e-9);
            if (score < 0) {
                break;
            }
            long rows = 1 + (random.nextInt(4) == 0 ? random.nextInt(200) : random.nextInt(3));
            String weight = null;
            if (random.nextInt(3) > 0) {
                ExactSum sum = new ExactSum();
                int kind = random.nextInt(6);
                for (long r = 0; r < rows; r++) {
                    sum.add(switch (kind) {
                        case 0 -> Math.round(random.nextDouble() * 200) / 100.0 + 0.01; // two decimals, as Spark's
                        case 1 -> random.nextDouble() * 4;
                        case 2 -> Math.scalb(random.nextDouble() + 0.5, random.nextInt(60) - 30); // wide spread
                        case 3 -> Math.scalb(1.0 + random.nextInt(7), -1074 + random.nextInt(3)); // subnormal
                        case 4 -> Math.scalb(random.nextDouble() + 0.5, 1000 - random.nextInt(4) * 4) / rows;
                        default -> r == 0 ? 1.0 : 0.0; // exactly 1 in all: a slice of 1, rows of weight 0
                    });
                }
                ExactSum.Exact exact = sum.exact();
                if (exact.signum() > 0) {
                    weight = exact.toString();
                }
            }
            groups.add(new Group(score, rows, weight));
        }
        return groups;
    }

    /** The rows a store holds for a group: at least one per nonzero 53-bit slice of the weight's mantissa. */
    private static long heldRows(Group g) {
        if (g.weight() == null) {
            return g.rows();
        }
        BigInteger m = ExactSum.parse(g.weight()).mantissa();
        long slices = 0;
        for (int shift = 0; shift < m.bitLength(); shift += 53) {
            if (m.shiftRight(shift).longValue() << 11 != 0) {
                slices++;
            }
        }
        return Math.max(g.rows(), slices);
    }

    private static String expected(List<Group> groups) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartArray();
            for (Group group : groups) {
                g.writeStartArray();
                g.writeNumber(group.score());
                g.writeNumber(heldRows(group));
                // a weight of exactly 1 on one row is a row of weight 1, as in the buffer of rows
                if (group.weight() != null && !(group.weight().equals("0x1p0") && heldRows(group) == 1)) {
                    g.writeString(group.weight());
                }
                g.writeEndArray();
            }
            g.writeEndArray();
        }
        return out.toString();
    }

    private static ScoreGroupArrays decoded(List<Group> groups, ScoreBudget budget) {
        ScoreGroupArrays.Builder builder = new ScoreGroupArrays.Builder(budget);
        groups.forEach(g -> builder.add(g.score(), false, g.rows(), g.weight()));
        return builder.build();
    }

    private static String written(ScoreGroupArrays read, ScoreBudget budget) throws Exception {
        read.requireHolds("/ranks/positives");
        ScoreStore store = new ScoreStore(budget);
        store.merge(read.store());
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            store.writeGroups(g);
        }
        return out.toString();
    }

    @Test
    @DisplayName("random groups, weighted or not, decode into a store that writes them back exactly")
    void groupsRoundTrip() throws Exception {
        Random random = new Random(20261204);
        try (ScoreBudget budget = ScoreBudget.ofBytes(1L << 30, temp)) {
            for (int trial = 0; trial < 30; trial++) {
                List<Group> groups = randomGroups(random, 1 + random.nextInt(3000));
                ScoreGroupArrays read = decoded(groups, budget);
                assertThat(read.rows()).isEqualTo(groups.stream().mapToLong(Group::rows).sum());
                assertThat(written(read, budget)).isEqualTo(expected(groups));
            }
            assertThat(budget.spilled()).isFalse();
        }
    }

    @Test
    @DisplayName("a summary far larger than a tiny budget spills while it is decoded, writes the same groups back,"
            + " and leaves no file once the budget is closed")
    void tinyBudgetSpillsAndGivesTheSameGroups() throws Exception {
        List<Group> groups = randomGroups(new Random(7), 200_000);
        Path parent = Files.createDirectories(temp.resolve("tiny"));
        String large;
        try (ScoreBudget budget = ScoreBudget.ofBytes(1L << 30, temp)) {
            large = written(decoded(groups, budget), budget);
        }
        try (ScoreBudget tiny = ScoreBudget.ofBytes(ScoreBudget.MIN_BYTES, parent)) {
            ScoreGroupArrays read = decoded(groups, tiny);
            assertThat(tiny.spilled()).as("spilled while decoding").isTrue();
            assertThat(written(read, tiny)).isEqualTo(large).isEqualTo(expected(groups));
            assertThat(filesIn(parent)).isPositive();
        }
        assertThat(filesIn(parent)).isZero();
    }

    @Test
    @DisplayName("exact sums out of canonical form, or out of double's range, are refused as the exact-sum parser"
            + " judges them, whichever way they are parsed")
    void nonCanonicalWeightsAreRefused() throws Exception {
        String[] refused = {"0x01p0", "0x1P0", "0x1p+0", "0x1p-0", "0x1p01", "0x2p0", "0xAp0", "0x1p", "0xp1",
            "0x1p1234567", "1p0", "0x1٣p0", "-0x1p0", "0", "0x1p-1075", "0x1p1024", "0x3p1023"};
        try (ScoreBudget budget = ScoreBudget.ofBytes(1L << 20, temp)) {
            for (String weight : refused) {
                ScoreGroupArrays.Builder builder = new ScoreGroupArrays.Builder(budget);
                builder.add(0.5, false, 3, weight);
                ScoreGroupArrays read = builder.build();
                boolean parsed = ExactSum.parse(weight) != null;
                assertThatThrownBy(() -> read.requireHolds("/p")).as(weight)
                        .isInstanceOf(StateJson.StateException.class)
                        .hasMessageContaining(parsed ? "expected a sum of weights above 0 and inside double's range"
                                : "expected an exact sum such as");
            }
            // the largest and smallest sums inside the range, and mantissas of 128 bits and beyond, are read
            for (String weight : new String[] {"0x1fffffffffffffp971", "0x1p-1074",
                "0xffffffffffffffffffffffffffffffffp-200", "0x1000000000000000000000000000000001p0"}) {
                ScoreGroupArrays.Builder builder = new ScoreGroupArrays.Builder(budget);
                builder.add(0.5, false, 4, weight);
                ScoreGroupArrays read = builder.build();
                assertThat(written(read, budget)).as(weight)
                        .isEqualTo(expected(List.of(new Group(0.5, 4, weight))));
            }
        }
    }
}
