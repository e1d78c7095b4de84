package io.mlgates.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.BadInputException;
import io.mlgates.core.data.PredictionReader;
import io.mlgates.core.data.ProgressListener;
import io.mlgates.core.metrics.BinaryAccumulator;
import io.mlgates.core.metrics.MetricOptions;
import io.mlgates.core.metrics.ScoreBudget;
import io.mlgates.core.metrics.TaskType;
import io.mlgates.core.policy.PredictionSource;
import java.io.ByteArrayOutputStream;
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
 * Rows counted per thread of a parallel read (by cell of group values, distinct score and label) and added to each
 * accumulator once give exactly the statistics of adding every row one by one: random binary files with tied and
 * distinct scores, weights, a prediction column, blank and quoted group values, quoted line breaks at range
 * boundaries, read in random ranges on random threads with roomy, tiny and no room for counts; the statistics file
 * (every exact sum, tally, bin and rank record), the metrics and the curves are the same bytes, and an error (a
 * reserved group name, too many groups) is the same message at the same line.
 */
class CountedRowsPropertyTest {
    private static final int FILES = 300;
    @TempDir
    Path dir;

    @Test
    @DisplayName("counted per thread and added once, the statistics equal those of adding every row, bit for bit")
    void countedEqualsRowByRow() throws Exception {
        Random random = new Random(20261204L);
        int counted = 0;
        int errors = 0;
        for (int n = 0; n < FILES; n++) {
            String content = randomFile(random);
            Path p = Files.writeString(dir.resolve("p" + n + ".csv"), content, StandardCharsets.UTF_8);
            RowStatistics.Shape shape = randomShape(random);
            String expected = read(p, shape, -1, 1, Long.MAX_VALUE);
            long tallyCounts = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> 1 + random.nextInt(200);
                default -> RowStatistics.COUNTS_OF_HEAP;
            };
            int threads = 1 + random.nextInt(4);
            long rangeBytes = 1 + random.nextInt(Math.max(1, content.length() / (1 + random.nextInt(6))));
            String actual = read(p, shape, tallyCounts, threads, rangeBytes);
            assertThat(actual).as("file %d, %s, counts %d, %d threads, ranges of %d bytes:%n%s", n, shape,
                    tallyCounts, threads, rangeBytes, content).isEqualTo(expected);
            errors += expected.startsWith("error") ? 1 : 0;
            counted += tallyCounts > 0 ? 1 : 0;
        }
        // both outcomes occur, and most reads count
        assertThat(errors).isBetween(FILES / 20, FILES / 2);
        assertThat(counted).isGreaterThan(FILES / 2);
    }

    /** The statistics of a read as text: the statistics file, and the overall metrics and curves. */
    private static String read(Path p, RowStatistics.Shape shape, long tallyCounts, int threads, long rangeBytes)
            throws Exception {
        PredictionSource source = PredictionSource.defaults();
        try (ScoreBudget budget = ScoreBudget.ofBytes(ScoreBudget.MIN_BYTES, p.getParent());
             PredictionReader reader = PredictionReader.open(p, "p.csv", source, TaskType.BINARY,
                     shape.groupColumns(), ProgressListener.NONE)) {
            RowStatistics.Shard shard = reader.readAll(RowStatistics.shards(TaskType.BINARY, reader.hasScores(),
                    shape, budget, tallyCounts), threads, rangeBytes);
            Statistics statistics = RowStatistics.statistics(shard, reader, source, TaskType.BINARY, shape);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            statistics.write(out);
            BinaryAccumulator overall = statistics.binary().orElseThrow();
            return out.toString(StandardCharsets.UTF_8) + "\n" + overall.compute(new MetricOptions(0.95,
                    shape.calibrationBins())) + "\n" + overall.curves();
        } catch (BadInputException e) {
            return "error " + e.getMessage() + " at " + e.line() + ":" + e.column();
        }
    }

    private static RowStatistics.Shape randomShape(Random random) {
        List<String> slices = new ArrayList<>();
        List<String> rankSlices = new ArrayList<>();
        for (String column : List.of("region", "age")) {
            if (random.nextBoolean()) {
                slices.add(column);
                if (random.nextBoolean()) {
                    rankSlices.add(column);
                }
            }
        }
        List<String> sensitive = switch (random.nextInt(4)) {
            case 0 -> List.of();
            case 1 -> List.of("region");
            default -> List.of("region", "age");
        };
        List<List<String>> intersections = sensitive.size() == 2 && random.nextBoolean()
                ? List.of(List.of("region", "age")) : List.of();
        int maxGroups = random.nextInt(5) == 0 ? 2 + random.nextInt(4) : 10_000;
        return new RowStatistics.Shape(slices, rankSlices, sensitive, intersections, 1 + random.nextInt(12),
                maxGroups, random.nextInt(4) > 0);
    }

    /** Label, score, two group columns, maybe weights and predictions, and a note with quoted line breaks. */
    private static String randomFile(Random random) {
        boolean weights = random.nextInt(3) == 0;
        boolean predictions = random.nextInt(4) == 0;
        boolean ties = random.nextInt(4) > 0;
        int decimals = 1 + random.nextInt(3);
        StringBuilder s = new StringBuilder("label,score,region,age,note");
        s.append(weights ? ",weight" : "").append(predictions ? ",prediction" : "").append('\n');
        int rows = random.nextInt(400);
        boolean reserved = random.nextInt(15) == 0;
        for (int i = 0; i < rows; i++) {
            double score = ties ? Math.floor(random.nextDouble() * Math.pow(10, decimals)) / Math.pow(10, decimals)
                    : random.nextDouble();
            String region = pick(random, "north", "south", "east", "", "\"a, b\"", "north", "south");
            if (reserved && random.nextInt(100) == 0) {
                region = "(missing)";
            }
            s.append(random.nextInt(3) == 0 ? 1 : 0).append(',').append(ties ? String.valueOf(score)
                    : Double.toString(score)).append(',').append(region).append(',').append(pick(random, "x", "y",
                    "y", "z")).append(',').append(pick(random, "", "plain", "\"two\nlines\"", "\"a\r\nb, c\""));
            if (weights) {
                s.append(',').append(pick(random, "1", "1", "1", "1", "0", "0.5", "2.25", "1e-3", "3"));
            }
            if (predictions) {
                s.append(',').append(random.nextInt(2));
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static String pick(Random random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
