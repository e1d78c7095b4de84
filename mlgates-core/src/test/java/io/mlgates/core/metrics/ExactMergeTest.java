package io.mlgates.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Property: rows split at random into shards, each shard's accumulator filled on its own, and the shards merged in
 * a random order (and a random tree of merges) give exactly the metrics of one sequential pass, bit for bit.
 * Seeded, so that a failure repeats.
 */
class ExactMergeTest {
    private static final int TRIALS = 40;

    /** One row of a binary model. */
    private record BinaryRow(boolean actual, boolean predicted, double score, double weight) {
    }

    private static double weight(Random random, boolean weighted) {
        if (!weighted) {
            return 1.0;
        }
        return switch (random.nextInt(6)) {
            case 0 -> 0.0;
            case 1 -> 1.0;
            case 2 -> Math.scalb(random.nextDouble() + 0.5, random.nextInt(400) - 200);
            default -> random.nextDouble() * 3;
        };
    }

    private static List<BinaryRow> binaryRows(Random random) {
        int n = 1 + random.nextInt(3000);
        boolean weighted = random.nextBoolean();
        // few distinct scores: many ties, across classes and shards
        int levels = 1 + random.nextInt(random.nextBoolean() ? 20 : 100_000);
        List<BinaryRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double score = random.nextInt(levels + 1) / (double) levels;
            boolean actual = random.nextDouble() < score * 0.8 + 0.1;
            rows.add(new BinaryRow(actual, score >= 0.5, score, weight(random, weighted)));
        }
        return rows;
    }

    /**
     * Fills a shard per random slice of the rows, merges the shards in a random order, pairwise in random pairs,
     * and returns the result.
     */
    private static <R, A> A shardedAndMerged(List<R> rows, Random random, Supplier<A> fresh, BiConsumer<A, R> add,
                                             BiConsumer<A, A> merge) {
        List<A> shards = new ArrayList<>();
        int count = 1 + random.nextInt(7);
        for (int i = 0; i < count; i++) {
            shards.add(fresh.get());
        }
        List<R> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, random);
        for (R row : shuffled) {
            add.accept(shards.get(random.nextInt(count)), row);
        }
        while (shards.size() > 1) {
            Collections.shuffle(shards, random);
            A a = shards.remove(shards.size() - 1);
            A b = shards.remove(shards.size() - 1);
            merge.accept(a, b);
            shards.add(a);
        }
        return shards.get(0);
    }

    private static <A> void assertExactlyEqual(Map<String, MetricValue> merged, Map<String, MetricValue> sequential) {
        // records compare doubles with Double.compare: bit for bit, intervals included
        assertThat(merged).containsExactlyEntriesOf(sequential);
    }

    @Test
    @DisplayName("binary: any split, any merge order, the metrics and curves of one sequential pass, bit for bit")
    void binaryShardsMergeExactly() {
        Random random = new Random(15);
        for (int trial = 0; trial < TRIALS; trial++) {
            List<BinaryRow> rows = binaryRows(random);
            int bins = 1 + random.nextInt(12);
            MetricOptions options = new MetricOptions(0.95, bins);
            BinaryAccumulator sequential = new BinaryAccumulator(true, true, bins);
            rows.forEach(r -> sequential.add(r.actual(), r.predicted(), r.score(), r.weight()));
            for (int order = 0; order < 3; order++) {
                BinaryAccumulator merged = shardedAndMerged(rows, random,
                        () -> new BinaryAccumulator(true, true, bins),
                        (a, r) -> a.add(r.actual(), r.predicted(), r.score(), r.weight()), BinaryAccumulator::merge);
                assertExactlyEqual(merged.compute(options), sequential.compute(options));
                assertThat(merged.curves()).isEqualTo(sequential.curves());
            }
        }
    }

    @Test
    @DisplayName("regression: any split, any merge order, the metrics of one sequential pass, bit for bit")
    void regressionShardsMergeExactly() {
        Random random = new Random(16);
        for (int trial = 0; trial < TRIALS; trial++) {
            int n = 1 + random.nextInt(2000);
            boolean weighted = random.nextBoolean();
            double offset = random.nextBoolean() ? 0 : 1e6;
            List<double[]> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double target = offset + random.nextGaussian() * Math.pow(10, random.nextInt(6) - 3);
                double predicted = target + random.nextGaussian();
                rows.add(new double[] {random.nextInt(10) == 0 ? 0 : target, predicted, weight(random, weighted)});
            }
            RegressionAccumulator sequential = new RegressionAccumulator();
            rows.forEach(r -> sequential.add(r[0], r[1], r[2]));
            RegressionAccumulator merged = shardedAndMerged(rows, random, RegressionAccumulator::new,
                    (a, r) -> a.add(r[0], r[1], r[2]), RegressionAccumulator::merge);
            assertExactlyEqual(merged.compute(MetricOptions.DEFAULTS), sequential.compute(MetricOptions.DEFAULTS));
        }
    }

    @Test
    @DisplayName("multiclass: any split, any merge order, the metrics of one sequential pass, bit for bit")
    void multiclassShardsMergeExactly() {
        Random random = new Random(17);
        for (int trial = 0; trial < TRIALS; trial++) {
            int classes = 2 + random.nextInt(5);
            boolean weighted = random.nextBoolean();
            List<double[]> rows = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(2000); i++) {
                int actual = random.nextInt(classes);
                int predicted = random.nextInt(3) == 0 ? random.nextInt(classes) : actual;
                rows.add(new double[] {actual, predicted, weight(random, weighted)});
            }
            List<String> names = new ArrayList<>();
            for (int c = 0; c < classes; c++) {
                names.add("c" + c);
            }
            Function<MulticlassAccumulator, Map<String, MetricValue>> metrics =
                    a -> a.compute(names, MetricOptions.DEFAULTS);
            MulticlassAccumulator sequential = new MulticlassAccumulator();
            rows.forEach(r -> sequential.add((int) r[0], (int) r[1], r[2]));
            MulticlassAccumulator merged = shardedAndMerged(rows, random, MulticlassAccumulator::new,
                    (a, r) -> a.add((int) r[0], (int) r[1], r[2]), MulticlassAccumulator::merge);
            assertExactlyEqual(metrics.apply(merged), metrics.apply(sequential));
        }
    }
}
