package io.mlgates.core.stats;

import io.mlgates.core.BadInputException;
import io.mlgates.core.data.PredictionReader;
import io.mlgates.core.fairness.FairnessAccumulator;
import io.mlgates.core.metrics.BinaryAccumulator;
import io.mlgates.core.metrics.MulticlassAccumulator;
import io.mlgates.core.metrics.RegressionAccumulator;
import io.mlgates.core.metrics.ScoreBudget;
import io.mlgates.core.metrics.TaskType;
import io.mlgates.core.metrics.Metric;
import io.mlgates.core.policy.FairnessPolicy;
import io.mlgates.core.policy.Policy;
import io.mlgates.core.policy.PredictionSource;
import io.mlgates.core.policy.SliceRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The statistics of a prediction file's rows, filled from a reader the way the gates fill their accumulators: the
 * task's accumulator over all rows (with the rank summary), one per value of each slice column, and the fairness
 * groups of a binary model.
 */
public final class RowStatistics {
    private RowStatistics() {
    }

    /**
     * What to keep.
     *
     * @param sliceColumns the policy's slice columns, the reader's first group columns
     * @param rankSlices of those, the ones whose limits need rank metrics
     * @param sensitive the sensitive columns, the reader's group columns after the slice columns
     * @param intersections the intersections of sensitive columns judged as attributes
     * @param calibrationBins the policy's calibration bins
     * @param maxGroups most groups one fairness attribute may have
     */
    public record Shape(List<String> sliceColumns, List<String> rankSlices, List<String> sensitive,
                        List<List<String>> intersections, int calibrationBins, int maxGroups) {
        public Shape {
            sliceColumns = List.copyOf(sliceColumns);
            rankSlices = List.copyOf(rankSlices);
            sensitive = List.copyOf(sensitive);
            intersections = intersections.stream().map(List::copyOf).toList();
        }

        /**
         * What the gates need of a prediction file under {@code policy}: the validation gate's slices (with a rank
         * summary where a slice limit needs rank metrics), the ethics gate's groups.
         */
        public static Shape of(Policy policy) {
            List<String> sliceColumns = policy.slices().stream().map(SliceRule::column).distinct().toList();
            List<String> rankSlices = policy.slices().stream().filter(r -> r.limits().stream()
                            .anyMatch(l -> Metric.named(l.metric()).filter(Metric::needsRanks).isPresent()))
                    .map(SliceRule::column).distinct().toList();
            FairnessPolicy fairness = policy.ethics().fairness();
            boolean binary = policy.task() == TaskType.BINARY;
            return new Shape(sliceColumns, rankSlices, binary ? fairness.sensitive() : List.of(),
                    binary ? fairness.intersections() : List.of(), policy.calibrationBins(),
                    PredictionReader.MAX_DISTINCT_VALUES);
        }

        /** The reader's group columns: the slice columns, then the sensitive ones. */
        public List<String> groupColumns() {
            List<String> all = new ArrayList<>(sliceColumns);
            all.addAll(sensitive);
            return all;
        }
    }

    /**
     * Reads every row of {@code reader}, opened on {@code source} with {@link Shape#groupColumns()}.
     *
     * @param display how messages name the file
     */
    public static Statistics read(PredictionReader reader, PredictionSource source, TaskType task, Shape shape,
                                  ScoreBudget budget, String display) throws BadInputException {
        int slices = shape.sliceColumns().size();
        List<Map<String, Object>> bySlice = new ArrayList<>();
        for (int i = 0; i < slices; i++) {
            bySlice.add(new TreeMap<>());
        }
        boolean hasScores = reader.hasScores();
        int bins = shape.calibrationBins();
        Object overall = switch (task) {
            case BINARY -> new BinaryAccumulator(hasScores, true, bins, budget);
            case MULTICLASS -> new MulticlassAccumulator();
            case REGRESSION -> new RegressionAccumulator();
        };
        FairnessAccumulator fairness = task == TaskType.BINARY && !shape.sensitive().isEmpty()
                ? new FairnessAccumulator(shape.sensitive(), shape.intersections(), hasScores, bins,
                shape.maxGroups()) : null;
        String[] values = new String[shape.sensitive().size()];
        while (reader.next()) {
            try {
                add(overall, reader);
                for (int i = 0; i < slices; i++) {
                    boolean ranks = shape.rankSlices().contains(shape.sliceColumns().get(i));
                    add(bySlice.get(i).computeIfAbsent(reader.group(i), g -> switch (task) {
                        case BINARY -> new BinaryAccumulator(hasScores, ranks, bins, budget);
                        case MULTICLASS -> new MulticlassAccumulator();
                        case REGRESSION -> new RegressionAccumulator();
                    }), reader);
                }
                if (fairness != null) {
                    for (int i = 0; i < values.length; i++) {
                        values[i] = reader.group(slices + i);
                    }
                    fairness.add(values, reader.actualPositive(), reader.predictedPositive(), reader.score(),
                            reader.weight());
                }
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new BadInputException(display, reader.line(), 0, e.getMessage());
            }
        }
        Map<String, Map<String, Object>> named = new TreeMap<>();
        for (int i = 0; i < slices; i++) {
            named.put(shape.sliceColumns().get(i), bySlice.get(i));
        }
        return switch (task) {
            case BINARY -> Statistics.binary(reader.classNames(), (BinaryAccumulator) overall, cast(named),
                    Optional.ofNullable(fairness), decisions(source, reader), reader.rowsDropped(), reader.failedPredictions());
            case MULTICLASS -> Statistics.multiclass(reader.classNames(), (MulticlassAccumulator) overall,
                    cast(named), reader.rowsDropped(), reader.failedPredictions());
            case REGRESSION -> Statistics.regression((RegressionAccumulator) overall, cast(named),
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

    private static void add(Object acc, PredictionReader row) {
        if (acc instanceof BinaryAccumulator b) {
            b.add(row.actualPositive(), row.predictedPositive(), row.score(), row.weight());
        } else if (acc instanceof MulticlassAccumulator m) {
            m.add(row.actualClass(), row.predictedClass(), row.weight());
        } else {
            ((RegressionAccumulator) acc).add(row.target(), row.predicted(), row.weight());
        }
    }
}
