package io.mlgates.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rows added with their values' numbers (the reader's fast path) count exactly as rows added by their values. */
class FairnessGroupNumbersTest {
    private static final List<String> COLUMNS = List.of("region", "band");
    private static final String[][] VALUES = {{"north", "south", "east", " ", "west"}, {"a", "b", "", "c"}};

    private static FairnessAccumulator create() {
        return new FairnessAccumulator(COLUMNS, List.of(COLUMNS), true, 10, 100);
    }

    private static String state(FairnessAccumulator acc) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            acc.writeState(g);
        }
        return out.toString();
    }

    @Test
    @DisplayName("by numbers or by values, every group (blank values and the intersection included) gets the same rows")
    void sameGroups() throws IOException {
        Random random = new Random(15);
        FairnessAccumulator byValues = create();
        FairnessAccumulator byNumbers = create();
        // the reader's way: one string object per distinct value, numbered in the order first met
        List<Map<String, Integer>> numbers = List.of(new HashMap<>(), new HashMap<>());
        List<Map<String, String>> interned = List.of(new HashMap<>(), new HashMap<>());
        for (int row = 0; row < 5_000; row++) {
            String[] values = new String[2];
            int[] n = new int[2];
            for (int c = 0; c < 2; c++) {
                String v = new String(VALUES[c][random.nextInt(VALUES[c].length)]);
                values[c] = interned.get(c).computeIfAbsent(v, x -> x);
                Map<String, Integer> numbered = numbers.get(c);
                n[c] = numbered.computeIfAbsent(v, x -> numbered.size());
            }
            boolean actual = random.nextBoolean();
            boolean predicted = random.nextBoolean();
            double score = random.nextInt(1001) / 1000.0;
            double weight = random.nextInt(4);
            byValues.add(values.clone(), actual, predicted, score, weight);
            byNumbers.add(n, values, actual, predicted, score, weight);
        }
        assertThat(state(byNumbers)).isEqualTo(state(byValues));
    }

    @Test
    @DisplayName("a number that comes with another string is not trusted: the row is counted in its value's group")
    void numberWithAnotherString() throws IOException {
        FairnessAccumulator byValues = create();
        FairnessAccumulator byNumbers = create();
        String[][] rows = {{"north", "a"}, {"south", "b"}, {"north", "b"}, {"south", "a"}};
        for (String[] row : rows) {
            byValues.add(row, true, false, 0.25, 1);
        }
        // number 0 stands for north, then for south (two readers' numbers fed to one accumulator)
        byNumbers.add(new int[] {0, 0}, rows[0], true, false, 0.25, 1);
        byNumbers.add(new int[] {0, 1}, rows[1], true, false, 0.25, 1);
        byNumbers.add(new int[] {1, 1}, rows[2], true, false, 0.25, 1);
        byNumbers.add(new int[] {0, 0}, rows[3], true, false, 0.25, 1);
        assertThat(state(byNumbers)).isEqualTo(state(byValues));
    }

    @Test
    @DisplayName("the reserved name of the missing group is refused on the numbered path too, before the row counts")
    void reservedName() {
        FairnessAccumulator acc = create();
        assertThatThrownBy(() -> acc.add(new int[] {0, 0}, new String[] {FairnessAccumulator.MISSING, "a"}, true,
                true, 0.5, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column 'region'");
        assertThat(acc.rows()).isZero();
    }
}
