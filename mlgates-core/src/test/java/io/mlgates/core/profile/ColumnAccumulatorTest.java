package io.mlgates.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ColumnAccumulatorTest {
    private static ColumnProfile onePass(List<String> values) {
        ColumnAccumulator a = new ColumnAccumulator();
        values.forEach(v -> add(a, v));
        return a.profile("c");
    }

    private static void add(ColumnAccumulator a, String v) {
        if (v == null) {
            a.addNull();
        } else {
            a.add(v);
        }
    }

    /** The rows cut at random places into ranges, each range its own accumulator, merged in file order. */
    private static ColumnProfile inRanges(List<String> values, Random random) {
        List<ColumnAccumulator> ranges = new ArrayList<>();
        int at = 0;
        while (at < values.size()) {
            int end = Math.min(values.size(), at + 1 + random.nextInt(Math.max(1, values.size() / 3)));
            ColumnAccumulator range = new ColumnAccumulator();
            values.subList(at, end).forEach(v -> add(range, v));
            ranges.add(range);
            at = end;
        }
        ColumnAccumulator merged = new ColumnAccumulator();
        ranges.forEach(merged::merge);
        return merged.profile("c");
    }

    private static List<String> column(int rows, long seed, IntFunction<String> value) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            values.add(value.apply(i));
        }
        return values;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"few numbers", "continuous numbers past the cap", "categories", "ids past the cap",
        "numbers then text past the cap", "nulls only"})
    @DisplayName("accumulators of random ranges, merged, equal one pass, bit for bit")
    void rangesMergedEqualOnePass(String kind) {
        Random random = new Random(kind.hashCode());
        Random data = new Random(42);
        int rows = 30_000;
        List<String> values = switch (kind) {
            case "few numbers" -> column(rows, 1, i -> data.nextInt(10) == 0 ? null : String.valueOf(data.nextInt(50)));
            case "continuous numbers past the cap" -> column(rows, 2, i -> data.nextInt(20) == 0 ? " "
                    : String.valueOf(data.nextGaussian() * 1e3 + 0.1));
            case "categories" -> column(rows, 3, i -> List.of("A11", "A12", "A13", "A14").get(data.nextInt(4)));
            case "ids past the cap" -> column(rows, 4, i -> "id-" + i);
            case "numbers then text past the cap" -> column(rows, 5, i -> i == rows - 7 ? "n/a"
                    : String.valueOf(data.nextDouble()));
            default -> column(rows, 6, i -> null);
        };
        ColumnProfile expected = onePass(values);
        for (int trial = 0; trial < 5; trial++) {
            assertThat(inRanges(values, random)).isEqualTo(expected);
        }
    }

    @Test
    @DisplayName("a column of numbers: exact counts, min, max, mean and the population standard deviation")
    void numbers() {
        ColumnProfile p = onePass(java.util.Arrays.asList("1", "2", null, " 3 ", "4", "", "2.0"));

        assertThat(p.type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(p.rows()).isEqualTo(7);
        assertThat(p.nulls()).isEqualTo(2);
        assertThat(p.numbers()).isEqualTo(5);
        assertThat(p.min()).isEqualTo(1.0);
        assertThat(p.max()).isEqualTo(4.0);
        // by hand: values 1, 2, 2, 3, 4: mean 12/5; squares 34; variance 34/5 - (12/5)^2 = 26/25
        assertThat(p.mean().getAsDouble()).isEqualTo(2.4);
        assertThat(p.std().getAsDouble()).isEqualTo(Math.sqrt(26.0 / 25.0));
        assertThat(p.nullShare().getAsDouble()).isEqualTo(2.0 / 7.0);
        assertThat(((ColumnValues.Numbers) p.values()).counts())
                .isEqualTo(new TreeMap<>(Map.of(1.0, 1L, 2.0, 2L, 3.0, 1L, 4.0, 1L)));
    }

    @Test
    @DisplayName("one value that is not a decimal number makes the column categorical, its values as written")
    void text() {
        ColumnProfile p = onePass(List.of("1", "2", "0x1F", "2"));

        assertThat(p.type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(((ColumnValues.Categories) p.values()).counts())
                .isEqualTo(new TreeMap<>(Map.of("1", 1L, "2", 2L, "0x1F", 1L)));
        assertThat(p.numbers()).isEqualTo(3);
    }

    @Test
    @DisplayName("past the cap, numbers are kept in buckets whose width is stated; a column of ids keeps nothing")
    void pastTheCap() {
        List<String> values = column(ColumnAccumulator.MAX_EXACT_VALUES + 1, 0, i -> String.valueOf(1000 + i));
        ColumnValues.Buckets buckets = (ColumnValues.Buckets) onePass(values).values();
        assertThat(buckets.buckets().stream().mapToLong(ColumnValues.Bucket::count).sum()).isEqualTo(values.size());
        // between 512 and 1024 a bucket is 512 / 2^7 = 4 wide: 1000 .. 1003 share one, 1004 .. 1007 the next;
        // between 8192 and 16384 it is 64 wide
        assertThat(buckets.buckets().get(0)).isEqualTo(new ColumnValues.Bucket(1000, 1003, 4));
        assertThat(buckets.buckets().get(1)).isEqualTo(new ColumnValues.Bucket(1004, 1007, 4));
        assertThat(buckets.buckets().get(buckets.buckets().size() - 1))
                .isEqualTo(new ColumnValues.Bucket(10944, 11000, 57));
        for (ColumnValues.Bucket b : buckets.buckets()) {
            assertThat((b.upper() - b.lower()) / b.lower()).isLessThan(1.0 / 128);
        }

        List<String> ids = column(ColumnAccumulator.MAX_EXACT_VALUES + 1, 0, i -> "id-" + i);
        assertThat(onePass(ids).values()).isEqualTo(new ColumnValues.TooMany(ColumnAccumulator.MAX_EXACT_VALUES));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "+2.5", ".5", "5.", "1e3", "1E-3", "-0.0", "123456789012345678901234567890"})
    void decimalNumbersAreNumbers(String written) {
        assertThat(Numbers.parse(written)).isEqualTo(Double.parseDouble(written));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-inf", "1d", "0x1p3", "1e", "e5", ".", "-", "1,5", "1e400", "1 2"})
    void otherSpellingsAreText(String written) {
        assertThat(Numbers.parse(written)).isNaN();
    }
}
