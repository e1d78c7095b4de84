package io.mlgates.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SchemaRowsTest {
    private static final List<SchemaColumn> COLUMNS = List.of(
            new SchemaColumn("age", ColumnType.INTEGER, OptionalDouble.of(18), OptionalDouble.of(99), List.of(),
                    OptionalDouble.of(0)),
            new SchemaColumn("purpose", ColumnType.CATEGORICAL, OptionalDouble.empty(), OptionalDouble.empty(),
                    List.of("car", "tv"), OptionalDouble.empty()));

    private record Values(String... values) implements SchemaRows.Row {
        @Override
        public boolean isNull(int column) {
            return values[column] == null || values[column].isBlank();
        }

        @Override
        public String text(int column) {
            return values[column];
        }
    }

    /** Row i (line i + 2 of a file with a header) of a file with offences every few rows. */
    private static Values row(int i) {
        String age = i % 7 == 3 ? "17" : i % 11 == 5 ? "33.5" : i % 13 == 4 ? "" : i % 17 == 9 ? "x" : "40";
        String purpose = i % 5 == 2 ? "boat" : i % 19 == 0 ? " " : i % 2 == 0 ? "car" : "tv";
        return new Values(age, purpose);
    }

    @Test
    void countsEachRuleWithTheFirstOffendingLines() {
        SchemaRows rows = new SchemaRows(COLUMNS);
        rows.add(2, new Values("40", "car"));
        rows.add(3, new Values("17", "boat"));
        rows.add(4, new Values("", "tv"));
        rows.add(5, new Values("2.5", "car"));
        rows.add(6, new Values("100", null));
        rows.add(7, new Values("NaN", "Car"));

        List<ColumnRows> results = rows.results();

        ColumnRows age = results.get(0);
        assertThat(age.rows()).isEqualTo(6);
        assertThat(age.range()).isEqualTo(new Offences(2, List.of(new Offences.Offence(3, "17"),
                new Offences.Offence(6, "100"))));
        assertThat(age.type()).isEqualTo(new Offences(2, List.of(new Offences.Offence(5, "2.5"),
                new Offences.Offence(7, "NaN"))));
        assertThat(age.nulls().count()).isEqualTo(1);
        assertThat(age.nullShare()).hasValue(1.0 / 6);
        ColumnRows purpose = results.get(1);
        assertThat(purpose.category()).isEqualTo(new Offences(2, List.of(new Offences.Offence(3, "boat"),
                new Offences.Offence(7, "Car"))));
        assertThat(purpose.nulls()).isEqualTo(new Offences(1, List.of(new Offences.Offence(6, ""))));
    }

    @Test
    void rangesMergedInFileOrderGiveTheFirstLinesOfTheFileNotOfARange() {
        int n = 1000;
        SchemaRows whole = new SchemaRows(COLUMNS);
        for (int i = 0; i < n; i++) {
            whole.add(i + 2, row(i));
        }
        // ranges of uneven size, each counting its lines from 1, as a range of the parallel read does
        int[] bounds = {0, 1, 2, 40, 41, 300, 301, 302, 777, n};
        List<SchemaRows> ranges = new ArrayList<>();
        for (int r = 0; r + 1 < bounds.length; r++) {
            SchemaRows range = new SchemaRows(COLUMNS);
            for (int i = bounds[r]; i < bounds[r + 1]; i++) {
                range.add(i - bounds[r] + 1, row(i));
            }
            range.shift(bounds[r] + 1); // the header and the rows of the ranges before
            ranges.add(range);
        }
        SchemaRows merged = ranges.get(0);
        for (SchemaRows later : ranges.subList(1, ranges.size())) {
            merged.merge(later);
        }

        assertThat(merged.results()).isEqualTo(whole.results());
        assertThat(whole.results().get(0).range().first()).extracting(Offences.Offence::line)
                .containsExactly(5L, 12L, 19L, 26L, 33L);
        assertThat(whole.results().get(0).range().count()).isGreaterThan(SchemaRows.FIRST_SHOWN);
    }

    @Test
    void aLongValueIsClipped() {
        SchemaRows rows = new SchemaRows(COLUMNS);
        rows.add(2, new Values("40", "b".repeat(500)));

        assertThat(rows.results().get(1).category().first().get(0).value()).hasSize(60).endsWith("...");
    }
}
