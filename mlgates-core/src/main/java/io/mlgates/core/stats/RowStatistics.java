package io.mlgates.core.stats;

import io.mlgates.core.BadInputException;
import io.mlgates.core.data.PredictionReader;
import io.mlgates.core.fairness.FairnessAccumulator;
import io.mlgates.core.metrics.BinaryAccumulator;
import io.mlgates.core.metrics.Metric;
import io.mlgates.core.metrics.MulticlassAccumulator;
import io.mlgates.core.metrics.RegressionAccumulator;
import io.mlgates.core.metrics.ScoreBudget;
import io.mlgates.core.metrics.TaskType;
import io.mlgates.core.policy.FairnessPolicy;
import io.mlgates.core.policy.Policy;
import io.mlgates.core.policy.PredictionSource;
import io.mlgates.core.policy.SliceRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The one seam that fills accumulators from prediction rows, for the gates and for {@code mlgates stats} alike: the
 * task's accumulator over all rows, one per value of each slice column, and the fairness groups of a binary model's
 * sensitive columns. Ranges of a file fill shards that merge in a fixed order; the merged shard is the file's
 * {@link Statistics}, which the gates judge as they judge statistics read from files.
 */
public final class RowStatistics {
    private RowStatistics() {
    }

    /**
     * What to keep.
     *
     * @param sliceColumns the slice columns, the reader's first group columns
     * @param rankSlices of those, the ones whose limits need rank metrics
     * @param sensitive the sensitive columns, the reader's group columns after the slice columns
     * @param intersections the intersections of sensitive columns judged as attributes
     * @param calibrationBins the policy's calibration bins
     * @param maxGroups most groups one fairness attribute may have
     * @param overallRanks whether the accumulator over all rows keeps the rank summary (its scores)
     */
    public record Shape(List<String> sliceColumns, List<String> rankSlices, List<String> sensitive,
                        List<List<String>> intersections, int calibrationBins, int maxGroups, boolean overallRanks) {
        public Shape {
            sliceColumns = List.copyOf(sliceColumns);
            rankSlices = List.copyOf(rankSlices);
            sensitive = List.copyOf(sensitive);
            intersections = intersections.stream().map(List::copyOf).toList();
        }

        /**
         * What both gates need of a prediction file under {@code policy}: the validation gate's slices (with a rank
         * summary where a slice limit needs rank metrics), the ethics gate's groups, the rank summary overall.
         */
        public static Shape of(Policy policy) {
            FairnessPolicy fairness = policy.ethics().fairness();
            boolean binary = policy.task() == TaskType.BINARY;
            return slices(policy).with(binary ? fairness.sensitive() : List.of(),
                    binary ? fairness.intersections() : List.of(), true);
        }

        /** What the validation gate needs: the slices, and the rank summary overall. */
        public static Shape slices(Policy policy) {
            List<String> sliceColumns = policy.slices().stream().map(SliceRule::column).distinct().toList();
            List<String> rankSlices = policy.slices().stream().filter(r -> r.limits().stream()
                            .anyMatch(l -> Metric.named(l.metric()).filter(Metric::needsRanks).isPresent()))
                    .map(SliceRule::column).distinct().toList();
            return new Shape(sliceColumns, rankSlices, List.of(), List.of(), policy.calibrationBins(),
                    PredictionReader.MAX_DISTINCT_VALUES, true);
        }

        /**
         * This shape, with the fairness groups of {@code sensitive} and {@code intersections} too, and the rank
         * summary overall where this shape or {@code ranks} asks for it.
         */
        public Shape with(List<String> sensitive, List<List<String>> intersections, boolean ranks) {
            return new Shape(sliceColumns, rankSlices, sensitive, intersections, calibrationBins, maxGroups,
                    overallRanks || ranks);
        }

        /** The reader's group columns: the slice columns, then the sensitive ones. */
        public List<String> groupColumns() {
            List<String> all = new ArrayList<>(sliceColumns);
            all.addAll(sensitive);
            return all;
        }
    }

    /** What a range of rows fills: the accumulators of a {@link Shape}. Not thread-safe; one per range. */
    public static final class Shard {
        private final Object overall;
        private final List<Map<String, Object>> bySlice = new ArrayList<>();
        private final SliceIndex index;
        private final FairnessAccumulator fairness;
        private final String[] values;
        private final int[] numbers;
        /** A row's terms and its score's number, shared by the overall and slice accumulators the row feeds. */
        private final BinaryAccumulator.RowTerms terms = new BinaryAccumulator.RowTerms();

        private Shard(Object overall, int slices, FairnessAccumulator fairness, int sensitive) {
            this.overall = overall;
            for (int i = 0; i < slices; i++) {
                bySlice.add(new TreeMap<>());
            }
            this.index = new SliceIndex(slices);
            this.fairness = fairness;
            this.values = new String[sensitive];
            this.numbers = new int[sensitive];
        }
    }

    /**
     * The slices of a shard found by the numbers the reader gives their values ({@code PredictionReader.groupNumber}),
     * so that a row finds its slice by index, not by a lookup of its value; a number is trusted only with the very
     * string it came with.
     */
    private static final class SliceIndex {
        private final String[][] valueOf;
        private final Object[][] accumulatorOf;

        SliceIndex(int columns) {
            valueOf = new String[columns][0];
            accumulatorOf = new Object[columns][0];
        }

        /** The accumulator of {@code column} whose value has number {@code n} and is {@code value}; null if unknown. */
        Object find(int column, int n, String value) {
            String[] known = valueOf[column];
            return n < known.length && known[n] == value ? accumulatorOf[column][n] : null;
        }

        void remember(int column, int n, String value, Object accumulator) {
            if (n >= valueOf[column].length) {
                valueOf[column] = Arrays.copyOf(valueOf[column], Math.max(n + 1, 2 * valueOf[column].length));
                accumulatorOf[column] = Arrays.copyOf(accumulatorOf[column], valueOf[column].length);
            }
            valueOf[column][n] = value;
            accumulatorOf[column][n] = accumulator;
        }
    }

    /**
     * Fills shards of {@code shape} from a reader opened with {@link Shape#groupColumns()}.
     *
     * @param hasScores whether the rows carry a score
     * @param budget the memory the kept scores share, spilling to disk past it
     */
    public static PredictionReader.Shards<Shard> shards(TaskType task, boolean hasScores, Shape shape,
                                                        ScoreBudget budget) {
        int slices = shape.sliceColumns().size();
        boolean[] sliceRanks = new boolean[slices];
        for (int i = 0; i < slices; i++) {
            sliceRanks[i] = shape.rankSlices().contains(shape.sliceColumns().get(i));
        }
        boolean groups = task == TaskType.BINARY && !shape.sensitive().isEmpty();
        int bins = shape.calibrationBins();
        return new PredictionReader.Shards<>() {
            @Override
            public Shard create() {
                return new Shard(accumulator(task, hasScores, shape.overallRanks(), bins, budget), slices,
                        groups ? new FairnessAccumulator(shape.sensitive(), shape.intersections(), hasScores, bins,
                                shape.maxGroups()) : null, shape.sensitive().size());
            }

            @Override
            public void add(Shard shard, PredictionReader row) {
                RowStatistics.add(shard.overall, row, shard.terms);
                for (int i = 0; i < slices; i++) {
                    String value = row.group(i);
                    int n = row.groupNumber(i);
                    Object slice = shard.index.find(i, n, value);
                    if (slice == null) {
                        boolean ranks = sliceRanks[i];
                        slice = shard.bySlice.get(i).computeIfAbsent(value,
                                g -> accumulator(task, hasScores, ranks, bins, budget));
                        shard.index.remember(i, n, value, slice);
                    }
                    RowStatistics.add(slice, row, shard.terms);
                }
                if (shard.fairness != null) {
                    String[] values = shard.values;
                    int[] numbers = shard.numbers;
                    for (int i = 0; i < values.length; i++) {
                        values[i] = row.group(slices + i);
                        numbers[i] = row.groupNumber(slices + i);
                    }
                    shard.fairness.add(numbers, values, row.actualPositive(), row.predictedPositive(), row.score(),
                            row.weight());
                }
            }

            @Override
            public void merge(Shard into, Shard later) {
                RowStatistics.merge(into.overall, later.overall);
                for (int i = 0; i < slices; i++) {
                    for (Map.Entry<String, Object> slice : later.bySlice.get(i).entrySet()) {
                        into.bySlice.get(i).merge(slice.getKey(), slice.getValue(), (a, b) -> {
                            RowStatistics.merge(a, b);
                            return a;
                        });
                    }
                }
                if (into.fairness != null) {
                    into.fairness.merge(later.fairness);
                }
            }
        };
    }

    /**
     * Reads every row of {@code reader}, opened on {@code source} with {@link Shape#groupColumns()}, into the
     * statistics of {@code shape}.
     */
    public static Statistics read(PredictionReader reader, PredictionSource source, TaskType task, Shape shape,
                                  ScoreBudget budget) throws BadInputException {
        return statistics(reader.readAll(shards(task, reader.hasScores(), shape, budget)), reader, source, task,
                shape);
    }

    /** The statistics of the rows {@code reader} read into {@code shard}, with the reader's counts. */
    public static Statistics statistics(Shard shard, PredictionReader reader, PredictionSource source, TaskType task,
                                        Shape shape) {
        Map<String, Map<String, Object>> named = new TreeMap<>();
        for (int i = 0; i < shape.sliceColumns().size(); i++) {
            named.put(shape.sliceColumns().get(i), shard.bySlice.get(i));
        }
        return switch (task) {
            case BINARY -> Statistics.binary(reader.classNames(), (BinaryAccumulator) shard.overall, cast(named),
                    Optional.ofNullable(shard.fairness), decisions(source, reader), reader.rowsDropped(),
                    reader.failedPredictions());
            case MULTICLASS -> Statistics.multiclass(reader.classNames(), (MulticlassAccumulator) shard.overall,
                    cast(named), reader.rowsDropped(), reader.failedPredictions());
            case REGRESSION -> Statistics.regression((RegressionAccumulator) shard.overall, cast(named),
                    reader.rowsDropped(), reader.failedPredictions());
        };
    }

    /** How {@code reader} read a binary model's rows from {@code source} as decisions. */
    public static Statistics.Decisions decisions(PredictionSource source, PredictionReader reader) {
        return new Statistics.Decisions(source.positive(), source.threshold(), reader.hasPredictions()
                ? Optional.of(source.prediction().name()) : Optional.empty());
    }

    @SuppressWarnings("unchecked")
    private static <A> Map<String, Map<String, A>> cast(Map<String, Map<String, Object>> slices) {
        return (Map<String, Map<String, A>>) (Map<?, ?>) slices;
    }

    private static Object accumulator(TaskType task, boolean hasScores, boolean ranks, int bins, ScoreBudget budget) {
        return switch (task) {
            case BINARY -> new BinaryAccumulator(hasScores, ranks, bins, budget);
            case MULTICLASS -> new MulticlassAccumulator();
            case REGRESSION -> new RegressionAccumulator();
        };
    }

    private static void add(Object acc, PredictionReader row, BinaryAccumulator.RowTerms terms) {
        if (acc instanceof BinaryAccumulator b) {
            b.add(row.actualPositive(), row.predictedPositive(), row.score(), row.weight(), terms);
        } else if (acc instanceof MulticlassAccumulator m) {
            m.add(row.actualClass(), row.predictedClass(), row.weight());
        } else {
            ((RegressionAccumulator) acc).add(row.target(), row.predicted(), row.weight());
        }
    }

    private static void merge(Object into, Object later) {
        if (into instanceof BinaryAccumulator b) {
            b.merge((BinaryAccumulator) later);
        } else if (into instanceof MulticlassAccumulator m) {
            m.merge((MulticlassAccumulator) later);
        } else {
            ((RegressionAccumulator) into).merge((RegressionAccumulator) later);
        }
    }
}
