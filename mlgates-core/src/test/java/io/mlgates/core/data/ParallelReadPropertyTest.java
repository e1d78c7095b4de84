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
 * A property of the parallel read: random CSV files (quoted fields with delimiters, doubled quotes and line breaks,
 * also across range boundaries; CRLF and LF; empty lines; bad rows of every kind), split into random ranges and read
 * on a random number of threads, give exactly what one sequential pass gives: the same rows in the same order with
 * the same line numbers, the same counts, reasons, classes and digest, or the same error.
 */
class ParallelReadPropertyTest {
    private static final int FILES = 400;
    @TempDir
    Path dir;

    /** What a shard keeps: every row as text, in order, so that a merge in the wrong order or a lost row shows. */
    private static final PredictionReader.Shards<List<String>> ROWS = new PredictionReader.Shards<>() {
        @Override
        public List<String> create() {
            return new ArrayList<>();
        }

        @Override
        public void add(List<String> shard, PredictionReader row) {
            shard.add(describe(row));
        }

        @Override
        public void merge(List<String> into, List<String> later) {
            into.addAll(later);
        }
    };

    /** A row as text; its line is not in it (a range counts its own, shifted after), kept reasons and errors tell it. */
    private static String describe(PredictionReader row) {
        StringBuilder s = new StringBuilder().append(row.actualClass()).append(':')
                .append(row.predictedPositive()).append(':').append(Double.doubleToRawLongBits(row.score()))
                .append(':').append(Double.doubleToRawLongBits(row.weight()));
        for (int i = 0; i < 2; i++) {
            s.append(':').append(row.group(i));
        }
        return s.toString();
    }

    @Test
    @DisplayName("random files in random ranges on random threads read exactly as one sequential pass")
    void rangesMergeToTheSequentialRead() throws Exception {
        Random random = new Random(20261203L);
        int errors = 0;
        int multiRange = 0;
        for (int n = 0; n < FILES; n++) {
            String content = randomFile(random);
            Path p = Files.writeString(dir.resolve("p" + n + ".csv"), content, StandardCharsets.UTF_8);
            PredictionSource source = source(random.nextBoolean() ? InvalidRows.DROP : InvalidRows.ERROR,
                    random.nextInt(4) == 0 ? List.of() : List.of("0", "1"));
            String expected = sequential(p, source);
            long rangeBytes = 1 + random.nextInt(Math.max(1, content.length() / (1 + random.nextInt(8))));
            int threads = 1 + random.nextInt(4);
            String actual = parallel(p, source, threads, rangeBytes);
            assertThat(actual).as("file %d, ranges of %d bytes, %d threads:%n%s", n, rangeBytes, threads, content)
                    .isEqualTo(expected);
            errors += expected.startsWith("error") ? 1 : 0;
            multiRange += rangeBytes < content.length() ? 1 : 0;
        }
        // the generator makes both outcomes, and most files span several ranges
        assertThat(errors).isBetween(FILES / 10, FILES * 9 / 10);
        assertThat(multiRange).isGreaterThan(FILES / 2);
        // every read, the failed ones too, ended its threads
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("mlgates-read-"));
    }

    private static PredictionSource source(InvalidRows invalid, List<String> classes) {
        PredictionSource d = PredictionSource.defaults();
        return new PredictionSource(d.path(), FileFormat.AUTO, ',', d.label(), d.score(), d.prediction(), d.weight(),
                "1", classes, 0.5, invalid, 1.0);
    }

    private static String sequential(Path p, PredictionSource source) throws Exception {
        try (PredictionReader r = PredictionReader.open(p, "p.csv", source, TaskType.BINARY, List.of("region", "w"),
                ProgressListener.NONE)) {
            List<String> rows = new ArrayList<>();
            while (r.next()) {
                rows.add(describe(r));
            }
            return summary(r, rows);
        } catch (BadInputException e) {
            return "error " + e.getMessage() + " at " + e.line() + ":" + e.column();
        }
    }

    private static String parallel(Path p, PredictionSource source, int threads, long rangeBytes) throws Exception {
        try (PredictionReader r = PredictionReader.open(p, "p.csv", source, TaskType.BINARY, List.of("region", "w"),
                ProgressListener.NONE)) {
            List<String> rows = r.readAll(ROWS, threads, rangeBytes);
            return summary(r, rows);
        } catch (BadInputException e) {
            return "error " + e.getMessage() + " at " + e.line() + ":" + e.column();
        }
    }

    private static String summary(PredictionReader r, List<String> rows) throws Exception {
        return String.join("\n", rows) + "\nrows " + r.rowsRead() + " dropped " + r.rowsDropped() + " "
                + r.dropReasons() + " failed " + r.failedPredictions() + " " + r.failureReasons() + " classes "
                + r.classNames() + " emptied " + r.classesEmptiedByDrop() + " bytes " + r.bytesRead() + " "
                + r.digest();
    }

    /** A file of label, score, region and weight (the weight also a slice), with every kind of trouble. */
    private static String randomFile(Random random) {
        String eol = random.nextBoolean() ? "\n" : "\r\n";
        StringBuilder s = new StringBuilder(random.nextBoolean() ? "label,score,region,w" : "\"label\",score,\"region\",w");
        s.append(eol);
        int rows = random.nextInt(60);
        boolean troubled = random.nextInt(3) > 0;
        for (int i = 0; i < rows; i++) {
            if (random.nextInt(15) == 0) {
                s.append(eol); // an empty line
            }
            String label = pick(random, troubled ? 12 : 4, "1", "0", "1.0", "0", "\"1\"", "2", "", "x", " 0", "0.0",
                    "1", "0");
            String score = random.nextInt(6) == 0 ? "\"0." + random.nextInt(1000) + "\""
                    : troubled && random.nextInt(20) == 0 ? pick(random, 4, "NaN", "1.5", "abc", "") : "0."
                    + random.nextInt(100_000);
            String region = pick(random, 7, "north", "\"a, b\"", "\"say \"\"hi\"\"\"", "\"two\nlines\"",
                    "\"crlf\r\ninside\"", "\"\"", "south");
            String weight = troubled && random.nextInt(25) == 0 ? "-1" : String.valueOf(random.nextInt(3));
            if (troubled && random.nextInt(30) == 0) {
                s.append(label).append(',').append(score).append(eol); // a short row
                continue;
            }
            s.append(label).append(',').append(score).append(',').append(region).append(',').append(weight);
            if (troubled && random.nextInt(200) == 0) {
                s.append(",\"unclosed");
            }
            if (i < rows - 1 || random.nextBoolean()) {
                s.append(eol);
            }
        }
        return s.toString();
    }

    private static String pick(Random random, int bound, String... choices) {
        return choices[random.nextInt(Math.min(bound, choices.length))];
    }
}
