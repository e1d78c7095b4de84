package io.mlgates.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.BadInputException;
import io.mlgates.core.metrics.TaskType;
import io.mlgates.core.policy.FileFormat;
import io.mlgates.core.policy.InvalidRows;
import io.mlgates.core.policy.PredictionSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short way through a record with no quoted field (CsvRows' plain records) reads what the general tokenizer
 * reads: a random file of unquoted fields (blank, spaced, with quotes inside, too few or too many fields, LF, CRLF and
 * lone CR line breaks, empty lines, a last row without a line break, records across the read buffer's end, fields of
 * every length so that a delimiter falls at every place of an eight-byte word, four delimiters) gives the
 * same rows, lines, reasons and errors as the same file with every field quoted, which only the general tokenizer
 * reads.
 */
class PlainRecordTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("a file of unquoted fields reads as the same file with every field quoted")
    void plainRecordsReadAsQuotedOnes() throws Exception {
        Random random = new Random(150707L);
        int errors = 0;
        for (int n = 0; n < 300; n++) {
            // a few files longer than the read buffer, so that records cross its end
            int rows = n % 60 == 0 ? CsvRows.BUFFER / 12 : random.nextInt(80);
            List<List<String>> records = randomRecords(random, rows);
            String eol = pick(random, "\n", "\r\n", "\r");
            boolean lastBreak = random.nextBoolean();
            char delimiter = ",;\t|".charAt(random.nextInt(4));
            PredictionSource source = source(random.nextBoolean() ? InvalidRows.DROP : InvalidRows.ERROR, delimiter);
            String plain = read(write("plain" + n + ".csv", records, delimiter, eol, lastBreak, false), source);
            String quoted = read(write("quoted" + n + ".csv", records, delimiter, eol, lastBreak, true), source);
            assertThat(plain).as("file %d", n).isEqualTo(quoted);
            errors += plain.startsWith("error") ? 1 : 0;
        }
        // both outcomes are made
        assertThat(errors).isBetween(10, 290);
    }

    private static PredictionSource source(InvalidRows invalid, char delimiter) {
        PredictionSource d = PredictionSource.defaults();
        return new PredictionSource(d.path(), FileFormat.AUTO, delimiter, d.label(), d.score(), d.prediction(),
                d.weight(), "1", List.of(), 0.5, invalid, 1.0);
    }

    /** Rows of label, score, region and weight; some with a field too few or too many, or an empty line. */
    private static List<List<String>> randomRecords(Random random, int rows) {
        List<List<String>> records = new ArrayList<>();
        records.add(List.of("label", "score", "region", "w"));
        boolean troubled = random.nextInt(3) > 0;
        for (int i = 0; i < rows; i++) {
            if (random.nextInt(40) == 0) {
                records.add(List.of());
            }
            List<String> record = new ArrayList<>();
            record.add(troubled && random.nextInt(200) == 0 ? pick(random, "", " ", "2", "x") : pick(random, "1", "0"));
            record.add(troubled && random.nextInt(200) == 0 ? pick(random, "abc", "1.5", "NaN", "", " ")
                    : "0." + random.nextInt(10_000));
            record.add(pick(random, "north", "south", "", " east ", "a\"b", "x\"", "café", "a much longer region",
                    "x".repeat(random.nextInt(20))));
            record.add(String.valueOf(random.nextInt(3)));
            if (troubled && random.nextInt(300) == 0) {
                record.remove(record.size() - 1);
            } else if (troubled && random.nextInt(300) == 0) {
                record.add("extra");
            }
            records.add(record);
        }
        return records;
    }

    private Path write(String name, List<List<String>> records, char delimiter, String eol, boolean lastBreak,
                       boolean quoted) throws Exception {
        StringBuilder s = new StringBuilder();
        for (int r = 0; r < records.size(); r++) {
            List<String> record = records.get(r);
            for (int f = 0; f < record.size(); f++) {
                if (f > 0) {
                    s.append(delimiter);
                }
                s.append(quoted ? "\"" + record.get(f).replace("\"", "\"\"") + "\"" : record.get(f));
            }
            if (r < records.size() - 1 || lastBreak) {
                s.append(eol);
            }
        }
        return Files.writeString(dir.resolve(name), s, StandardCharsets.UTF_8);
    }

    private static String read(Path p, PredictionSource source) throws Exception {
        StringBuilder s = new StringBuilder();
        try (PredictionReader r = PredictionReader.open(p, "p.csv", source, TaskType.BINARY, List.of("region", "w"),
                ProgressListener.NONE)) {
            while (r.next()) {
                s.append(r.line()).append(':').append(r.actualClass()).append(':')
                        .append(Double.doubleToRawLongBits(r.score())).append(':').append(r.group(0)).append(':')
                        .append(r.group(1)).append('\n');
            }
            return s.append("rows ").append(r.rowsRead()).append(" dropped ").append(r.rowsDropped()).append(' ')
                    .append(r.dropReasons()).append(" failed ").append(r.failedPredictions()).append(' ')
                    .append(r.failureReasons()).append(" classes ").append(r.classNames()).toString();
        } catch (BadInputException e) {
            return "error " + e.getMessage() + " at " + e.line() + ":" + e.column();
        }
    }

    private static String pick(Random random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
