package io.mlgates.core.stats;

import static io.mlgates.core.testing.Folders.filesIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.metrics.BinaryAccumulator;
import io.mlgates.core.metrics.MetricOptions;
import io.mlgates.core.metrics.ScoreBudget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A statistics file judged within a score budget far below its rank summaries: the summaries spill to disk while
 * they are read, the statistics are those read within a budget that holds them all, and no file is left.
 */
class StatisticsBudgetTest {
    private static final Statistics.Decisions DECISIONS = new Statistics.Decisions("1", 0.5, Optional.empty());

    @TempDir
    Path temp;

    private static byte[] file(boolean weighted, ScoreBudget budget) throws IOException {
        Random random = new Random(weighted ? 5 : 6);
        BinaryAccumulator overall = new BinaryAccumulator(true, true, 10, budget);
        Map<String, BinaryAccumulator> regions = new TreeMap<>();
        for (int i = 0; i < 120_000; i++) {
            double score = random.nextInt(1_000_000) / 1e6; // six decimals: nearly distinct, some ties
            double weight = weighted && random.nextInt(5) == 0 ? Math.round(random.nextDouble() * 200) / 100.0 + 0.01
                    : 1.0;
            boolean actual = random.nextDouble() < score;
            overall.add(actual, score >= 0.5, score, weight);
            regions.computeIfAbsent("r" + random.nextInt(4), k -> new BinaryAccumulator(true, true, 10, budget))
                    .add(actual, score >= 0.5, score, weight);
        }
        Statistics statistics = Statistics.binary(List.of("1", "0"), overall, Map.of("region", regions),
                Optional.empty(), DECISIONS, 0, 0);
        return bytes(statistics);
    }

    private static byte[] bytes(Statistics statistics) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        statistics.write(out);
        return out.toByteArray();
    }

    @Test
    @DisplayName("a file judged under a tiny budget spills, gives the same statistics and metrics, and leaves no file")
    void tinyBudgetSpillsAndGivesTheSameStatistics() throws Exception {
        for (boolean weighted : new boolean[] {false, true}) {
            byte[] file;
            String large;
            Object metrics;
            try (ScoreBudget budget = ScoreBudget.ofBytes(1L << 30, temp)) {
                file = file(weighted, budget);
                Statistics read = StatisticsFiles.parse(file, "s.json", budget, 100);
                large = new String(bytes(read), java.nio.charset.StandardCharsets.UTF_8);
                metrics = ((BinaryAccumulator) read.overall()).compute(MetricOptions.DEFAULTS);
            }
            // the file read back is the file: nothing lost on the way
            assertThat(large).isEqualTo(new String(file, java.nio.charset.StandardCharsets.UTF_8));
            Path parent = Files.createDirectories(temp.resolve("tiny-" + weighted));
            try (ScoreBudget tiny = ScoreBudget.ofBytes(ScoreBudget.MIN_BYTES, parent)) {
                Statistics read = StatisticsFiles.parse(file, "s.json", tiny, 100);
                assertThat(filesIn(parent)).as("spilled while read").isPositive();
                assertThat(((BinaryAccumulator) read.overall()).compute(MetricOptions.DEFAULTS)).isEqualTo(metrics);
                assertThat(new String(bytes(read), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(large);
            }
            assertThat(filesIn(parent)).isZero();
        }
    }
}
