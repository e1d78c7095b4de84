package io.mlgates.core.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.drift.DriftPolicy.ColumnRequest;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The counts carried for a chart, derived by hand. */
class DistributionsTest {
    private static NumericSummary numbers(int from, int to) {
        NumericTally tally = new NumericTally(SketchSettings.DEFAULT);
        IntStream.rangeClosed(from, to).forEach(tally::add);
        return tally.summary();
    }

    private static CategoricalSummary categories(String... values) {
        CategoryTally tally = new CategoryTally();
        for (String v : values) {
            tally.add(v);
        }
        return tally.summary();
    }

    /**
     * Reference 1..21 (21 distinct values, more than 20: binned), current 11..30. Evidently's bins over both sides:
     * 41 values, log2(41) + 1 = 6.36, so 7 bins from 1 to 30, width 29/7 = 4.142857: edges 1, 5.142857, 9.285714,
     * 13.428571, 17.571429, 21.714286, 25.857143, 30. Reference: 1-5 | 6-9 | 10-13 | 14-17 | 18-21 | - | -, so
     * 5 4 4 4 4 0 0; current: - | - | 11-13 | 14-17 | 18-21 | 22-25 | 26-30 (last bin closed), so 0 0 3 4 4 4 5.
     */
    @Test
    void aNumericColumnIsCountedInEvidentlysBins() {
        ColumnDrift drift = DriftTests.judge(Optional.of(numbers(1, 21)), Optional.of(numbers(11, 30)),
                ColumnRequest.AUTOMATIC);

        ColumnDistribution d = drift.distribution().orElseThrow();
        assertThat(d.kind()).isEqualTo(ColumnDistribution.Kind.BINS);
        assertThat(d.edges()).hasSize(8);
        double width = 29.0 / 7;
        for (int i = 0; i < 8; i++) {
            assertThat(d.edges().get(i)).isCloseTo(1 + i * width, org.assertj.core.api.Assertions.offset(1e-12));
        }
        assertThat(d.reference()).containsExactly(5.0, 4.0, 4.0, 4.0, 4.0, 0.0, 0.0);
        assertThat(d.current()).containsExactly(0.0, 0.0, 3.0, 4.0, 4.0, 4.0, 5.0);
        assertThat(d.values()).isEmpty();
        assertThat(d.other()).isEmpty();
    }

    /**
     * Reference a×4 b×2 c..l×1 (16 rows, 12 categories); current a×2 b×1 m×5 (8 rows). Shares on both sides
     * together: m 0 + 5/8 = 0.625, a 4/16 + 2/8 = 0.5, b 2/16 + 1/8 = 0.25, c..l 1/16 each. The 10 most common:
     * m, a, b and c..i (ties kept in category order); j, k, l fold into other: 3 categories, 3 reference rows and 0
     * current rows. Shown in category order: a b c d e f g h i m.
     */
    @Test
    void categoriesBeyondTheTenMostCommonFoldIntoOther() {
        CategoricalSummary ref = categories("a", "a", "a", "a", "b", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k",
                "l");
        CategoricalSummary cur = categories("a", "a", "b", "m", "m", "m", "m", "m");

        ColumnDistribution d = Distributions.of(ref, cur).orElseThrow();

        assertThat(d.kind()).isEqualTo(ColumnDistribution.Kind.CATEGORIES);
        assertThat(d.values()).containsExactly("a", "b", "c", "d", "e", "f", "g", "h", "i", "m");
        assertThat(d.reference()).containsExactly(4.0, 2.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0);
        assertThat(d.current()).containsExactly(2.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 5.0);
        assertThat(d.other()).contains(new ColumnDistribution.Other(3, 3, 0));
        assertThat(d.edges()).isEmpty();
    }

    /** A numeric column of at most 20 distinct values is compared per value, as Evidently does: 1 1 2 against 2 3. */
    @Test
    void fewNumericValuesAreCountedPerValue() {
        NumericTally r = new NumericTally(SketchSettings.DEFAULT);
        List.of(1.0, 1.0, 2.0).forEach(r::add);
        NumericTally c = new NumericTally(SketchSettings.DEFAULT);
        List.of(2.0, 3.5).forEach(c::add);

        ColumnDistribution d = Distributions.of(r.summary(), c.summary()).orElseThrow();

        assertThat(d.values()).containsExactly("1", "2", "3.5");
        assertThat(d.reference()).containsExactly(2.0, 1.0, 0.0);
        assertThat(d.current()).containsExactly(0.0, 1.0, 1.0);
    }

    @Test
    void noCountsWhereASideIsMissingOrEmpty() {
        assertThat(DriftTests.judge(Optional.of(numbers(1, 7)), Optional.empty(), ColumnRequest.AUTOMATIC)
                .distribution()).isEmpty();
        CategoryTally empty = new CategoryTally();
        empty.addNull();
        assertThat(Distributions.of(categories("a"), empty.summary())).isEmpty();
        assertThat(Distributions.of(categories("a"), numbers(1, 3))).isEmpty();
    }
}
