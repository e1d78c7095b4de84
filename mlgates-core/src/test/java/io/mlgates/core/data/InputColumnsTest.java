package io.mlgates.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.metrics.TaskType;
import io.mlgates.core.policy.PredictionSource;
import io.mlgates.core.schema.ColumnRows;
import io.mlgates.core.schema.ColumnType;
import io.mlgates.core.schema.Offences;
import io.mlgates.core.schema.SchemaColumn;
import io.mlgates.core.schema.SchemaRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The model's input columns read beside the predictions, and row checks that merge across ranges in file order. */
class InputColumnsTest {
    private static final List<SchemaColumn> COLUMNS = List.of(
            new SchemaColumn("age", ColumnType.INTEGER, OptionalDouble.of(18), OptionalDouble.empty(), List.of(),
                    OptionalDouble.empty()),
            SchemaColumn.of("absent", ColumnType.TEXT));

    @TempDir
    Path dir;

    /** Checks "age" (input 0); "absent" (input 1) is not in the file. */
    private static PredictionReader.Shards<SchemaRows> shards() {
        return new PredictionReader.Shards<>() {
            @Override
            public SchemaRows create() {
                return new SchemaRows(COLUMNS.subList(0, 1));
            }

            @Override
            public void add(SchemaRows shard, PredictionReader row) {
                shard.add(row.line(), new SchemaRows.Row() {
                    @Override
                    public boolean isNull(int column) {
                        return row.inputIsNull(column);
                    }

                    @Override
                    public String text(int column) {
                        return row.inputText(column);
                    }
                });
            }

            @Override
            public void merge(SchemaRows into, SchemaRows later) {
                into.merge(later);
            }

            @Override
            public void shiftLines(SchemaRows shard, long lines) {
                shard.shift(lines);
            }
        };
    }

    /**
     * 2000 rows after a header and a row whose quoted note spans two lines (2-3); the row on file line L has age 17
     * (out of range) when L % 97 == 0, and no age when L % 89 == 0.
     */
    private Path file() throws Exception {
        StringBuilder csv = new StringBuilder("label,score,age,note\n1,0.5,40,\"two\nlines\"\n");
        for (long line = 4; line < 2004; line++) {
            String age = line % 97 == 0 ? "17" : line % 89 == 0 ? "" : Long.toString(18 + line % 50);
            csv.append(line % 2).append(",0.").append(line % 9 + 1).append(',').append(age).append(",n\n");
        }
        Path p = dir.resolve("p.csv");
        Files.writeString(p, csv);
        return p;
    }

    @ParameterizedTest(name = "{0} threads, ranges of {1} bytes")
    @CsvSource({"1, 1000000", "3, 64", "4, 500", "2, 4096"})
    void firstOffendingLinesAreTheFilesWhateverTheRanges(int threads, long rangeBytes) throws Exception {
        PredictionSource source = PredictionSource.defaults();
        SchemaRows read;
        try (PredictionReader r = PredictionReader.open(file(), "p.csv", source,
                TaskType.BINARY, List.of(), List.of("age", "absent"), ProgressListener.NONE)) {
            assertThat(r.hasInput(0)).isTrue();
            assertThat(r.hasInput(1)).isFalse();
            read = r.readAll(shards(), threads, rangeBytes);
        }

        ColumnRows age = read.results().get(0);
        assertThat(age.rows()).isEqualTo(2001);
        long[] outOfRange = LongStream.range(4, 2004).filter(l -> l % 97 == 0).toArray();
        long[] empty = LongStream.range(4, 2004).filter(l -> l % 97 != 0 && l % 89 == 0).toArray();
        assertThat(age.range().count()).isEqualTo(outOfRange.length);
        assertThat(age.range().first()).extracting(Offences.Offence::line)
                .containsExactly(97L, 194L, 291L, 388L, 485L);
        assertThat(age.nulls().count()).isEqualTo(empty.length);
        assertThat(age.nulls().first()).extracting(Offences.Offence::line)
                .containsExactly(89L, 178L, 267L, 356L, 445L);
    }

    @Test
    void aJsonLinesFileGivesItsInputsToo() throws Exception {
        Path p = dir.resolve("p.jsonl");
        Files.writeString(p, "{\"label\": 1, \"score\": 0.9, \"age\": 17}\n{\"label\": 0, \"score\": 0.1, \"age\": null}\n");
        try (PredictionReader r = PredictionReader.open(p, "p.jsonl", PredictionSource.defaults(), TaskType.BINARY,
                List.of(), List.of("age"), ProgressListener.NONE)) {
            assertThat(r.next()).isTrue();
            assertThat(r.inputIsNull(0)).isFalse();
            assertThat(r.inputText(0)).isEqualTo("17");
            assertThat(r.next()).isTrue();
            assertThat(r.inputIsNull(0)).isTrue();
        }
    }
}
