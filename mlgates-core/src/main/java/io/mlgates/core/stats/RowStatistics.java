package io.mlgates.core.stats;

import io.mlgates.core.BadInputException;
import io.mlgates.core.data.PredictionReader;
import io.mlgates.core.fairness.FairnessAccumulator;
import io.mlgates.core.metrics.BinaryAccumulator;
import io.mlgates.core.metrics.CountedRows;
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
import java.util.HashMap;
import java.util.IdentityHashMap;
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

        /**
         * The reader's group columns: the slice columns, then the sensitive ones that are not also slices, each
         * named once. A column in both roles is read once a row, not copied into a second role (what both gates'
         * shared read would otherwise pay on every row).
         */
        public List<String> groupColumns() {
            List<String> all = new ArrayList<>(sliceColumns);
            for (String column : sensitive) {
                if (!all.contains(column)) {
                    all.add(column);
                }
            }
            return all;
        }

        /** For each sensitive column, its place among {@link #groupColumns()}. */
        int[] sensitiveColumns() {
            List<String> columns = groupColumns();
            return sensitive.stream().mapToInt(columns::indexOf).toArray();
        }

        /**
         * The record's generated text, written out: shared reads keep it, and the generated one links a method-handle
         * chain on its first call (as {@link io.mlgates.core.policy.PredictionSource#toString} says).
         */
        @Override
        public String toString() {
            return "Shape[sliceColumns=" + sliceColumns + ", rankSlices=" + rankSlices + ", sensitive=" + sensitive
                    + ", intersections=" + intersections + ", calibrationBins=" + calibrationBins + ", maxGroups="
                    + maxGroups + ", overallRanks=" + overallRanks + "]";
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
        /** The tally of the thread that reads this shard's range, and the range's cells in it; null for none. */
        private final Tally tally;
        private final CellIndex cells;

        private Shard(Object overall, int slices, FairnessAccumulator fairness, int sensitive, Tally tally,
                      int columns) {
            this.overall = overall;
            for (int i = 0; i < slices; i++) {
                bySlice.add(new TreeMap<>());
            }
            this.index = new SliceIndex(slices);
            this.fairness = fairness;
            this.values = new String[sensitive];
            this.numbers = new int[sensitive];
            this.tally = tally;
            this.cells = tally == null ? null : new CellIndex(columns);
        }
    }

    /**
     * What one thread of a parallel read counts across the ranges it reads (a binary model's rows of weight 1, see
     * {@link CountedRows}): a cell is a combination of a row's values of every group column, slice and sensitive, so
     * that it decides every group the row feeds. Per range, the first row of each cell goes to the range's shard
     * like any row (it makes the groups, and meets their checks, at the row a read from the start would), the rest
     * are counted; {@link PredictionReader.Shards#complete} adds the counts to the merged shard.
     */
    private static final class Tally implements PredictionReader.WorkerTally {
        private final CountedRows counts;
        private final Map<List<String>, Integer> cellOf = new HashMap<>();
        /** Per cell, the values of its group columns. */
        private final List<String[]> values = new ArrayList<>();

        Tally(CountedRows counts) {
            this.counts = counts;
        }

        /** The cell of a row with {@code rowValues}, made on first sight; -1 when no more are made. */
        int cell(String[] rowValues) {
            Integer known = cellOf.get(Arrays.asList(rowValues));
            if (known != null) {
                return known;
            }
            int cell = counts.newCell();
            if (cell >= 0) {
                String[] kept = rowValues.clone();
                cellOf.put(Arrays.asList(kept), cell);
                values.add(kept);
            }
            return cell;
        }
    }

    /**
     * A range's cells in its thread's tally, found by the numbers its reader gives the values (one level of nested
     * arrays a group column), so that a row finds its cell without a key. A reader keeps its numbers while it reads
     * ({@code PredictionReader.groupNumber}): the numbers are trusted for the reader they came from, and forgotten
     * when another reader's row comes.
     */
    private static final class CellIndex {
        /** {@link #find}: the row is this range's first of its cell, or is not to be counted. */
        static final int NOT_COUNTED = -1;
        /** The group columns, whose values decide the cell. */
        private final int columns;
        private final String[] rowValues;
        /** The reader whose numbers {@link #root} is indexed by; null before the first row. */
        private PredictionReader reader;
        /** Nested by the columns' numbers; the last level an {@code int[]} of cell + 1, or -1 for none. */
        private Object root;
        private int noColumnCell;

        CellIndex(int columns) {
            this.columns = columns;
            rowValues = new String[columns];
        }

        /** The cell of the row, or {@link #NOT_COUNTED} for the range's first row of a cell and rows never counted. */
        int find(PredictionReader row, Tally tally) {
            if (row != reader) {
                reader = row;
                root = null;
                noColumnCell = 0;
            }
            int columns = this.columns;
            if (columns == 0) {
                if (noColumnCell == 0) {
                    noColumnCell = cellOrNone(row, tally);
                    return NOT_COUNTED;
                }
                return noColumnCell > 0 ? noColumnCell - 1 : NOT_COUNTED;
            }
            Object level = root;
            for (int j = 0; j < columns - 1 && level != null; j++) {
                Object[] nested = (Object[]) level;
                int n = row.groupNumber(j);
                level = n < nested.length ? nested[n] : null;
            }
            int[] leaf = (int[]) level;
            int n = row.groupNumber(columns - 1);
            int c = leaf != null && n < leaf.length ? leaf[n] : 0;
            if (c == 0) {
                remember(row, cellOrNone(row, tally));
                return NOT_COUNTED;
            }
            return c > 0 ? c - 1 : NOT_COUNTED;
        }

        /** The row's cell + 1, or -1 when the tally makes no more. */
        private int cellOrNone(PredictionReader row, Tally tally) {
            for (int j = 0; j < rowValues.length; j++) {
                rowValues[j] = row.group(j);
            }
            int cell = tally.cell(rowValues);
            return cell < 0 ? -1 : cell + 1;
        }

        private void remember(PredictionReader row, int entry) {
            if (columns == 1) {
                root = fit((int[]) root, row.groupNumber(0));
                ((int[]) root)[row.groupNumber(0)] = entry;
                return;
            }
            root = fit((Object[]) root, row.groupNumber(0));
            Object[] level = (Object[]) root;
            for (int j = 0; j < columns - 2; j++) {
                int n = row.groupNumber(j);
                Object[] next = fit((Object[]) level[n], row.groupNumber(j + 1));
                level[n] = next;
                level = next;
            }
            int n = row.groupNumber(columns - 2);
            int[] leaf = fit((int[]) level[n], row.groupNumber(columns - 1));
            level[n] = leaf;
            leaf[row.groupNumber(columns - 1)] = entry;
        }

        private static Object[] fit(Object[] level, int index) {
            if (level == null) {
                return new Object[Math.max(4, index + 1)];
            }
            return index < level.length ? level : Arrays.copyOf(level, Math.max(index + 1, 2 * level.length));
        }

        private static int[] fit(int[] level, int index) {
            if (level == null) {
                return new int[Math.max(4, index + 1)];
            }
            return index < level.length ? level : Arrays.copyOf(level, Math.max(index + 1, 2 * level.length));
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
        return shards(task, hasScores, shape, budget, COUNTS_OF_HEAP);
    }

    /** {@link #shards} whose threads' tallies hold the default counts (a share of the heap). */
    static final long COUNTS_OF_HEAP = Long.MAX_VALUE;

    /**
     * {@link #shards}, with the counts each thread's tally may hold ({@link #COUNTS_OF_HEAP}: the default), or
     * -1 for no tallies: every row goes to its range's shard. For tests.
     */
    static PredictionReader.Shards<Shard> shards(TaskType task, boolean hasScores, Shape shape, ScoreBudget budget,
                                                 long tallyCounts) {
        int slices = shape.sliceColumns().size();
        boolean[] sliceRanks = new boolean[slices];
        for (int i = 0; i < slices; i++) {
            sliceRanks[i] = shape.rankSlices().contains(shape.sliceColumns().get(i));
        }
        boolean groups = task == TaskType.BINARY && !shape.sensitive().isEmpty();
        int bins = shape.calibrationBins();
        // a binary model's scored rows sum the same counted as added: they can be counted per thread
        boolean countable = task == TaskType.BINARY && hasScores && tallyCounts >= 0;
        // the reader reads each group column once: a column both a slice and a sensitive column serves both
        int columns = shape.groupColumns().size();
        int[] sensitiveColumns = shape.sensitiveColumns();
        return new PredictionReader.Shards<>() {
            @Override
            public Shard create() {
                return shard(null);
            }

            @Override
            public Shard create(PredictionReader.WorkerTally tally) {
                return shard(countable ? (Tally) tally : null);
            }

            private Shard shard(Tally tally) {
                return new Shard(accumulator(task, hasScores, shape.overallRanks(), bins, budget), slices,
                        groups ? new FairnessAccumulator(shape.sensitive(), shape.intersections(), hasScores, bins,
                                shape.maxGroups()) : null, shape.sensitive().size(), tally, columns);
            }

            @Override
            public Optional<PredictionReader.WorkerTally> tally() {
                return countable ? Optional.of(new Tally(tallyCounts == COUNTS_OF_HEAP ? new CountedRows()
                        : new CountedRows(tallyCounts))) : Optional.empty();
            }

            @Override
            public void add(Shard shard, PredictionReader row) {
                Tally tally = shard.tally;
                if (tally != null && tally.counts.counting() && row.weight() == 1.0) {
                    double score = row.score();
                    // a score outside [0, 1] is the accumulators' to refuse, at its row
                    if (score >= 0 && score <= 1) {
                        int cell = shard.cells.find(row, tally);
                        if (cell >= 0 && tally.counts.count(cell, score, row.actualPositive(),
                                row.predictedPositive())) {
                            return;
                        }
                    }
                }
                addRow(shard, row);
            }

            private void addRow(Shard shard, PredictionReader row) {
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
                        values[i] = row.group(sensitiveColumns[i]);
                        numbers[i] = row.groupNumber(sensitiveColumns[i]);
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

            @Override
            public void complete(Shard total, List<PredictionReader.WorkerTally> tallies) {
                for (PredictionReader.WorkerTally t : tallies) {
                    addCounted(total, (Tally) t);
                }
            }

            /** Adds the rows of a thread's tally to the accumulators their cells feed, each accumulator once. */
            private void addCounted(Shard total, Tally tally) {
                Map<BinaryAccumulator, List<Integer>> cellsOf = new IdentityHashMap<>();
                List<BinaryAccumulator> fed = new ArrayList<>();
                for (int cell = 0; cell < tally.values.size(); cell++) {
                    String[] v = tally.values.get(cell);
                    List<BinaryAccumulator> targets = new ArrayList<>();
                    targets.add((BinaryAccumulator) total.overall);
                    for (int i = 0; i < slices; i++) {
                        boolean ranks = sliceRanks[i];
                        targets.add((BinaryAccumulator) total.bySlice.get(i).computeIfAbsent(v[i],
                                g -> accumulator(task, hasScores, ranks, bins, budget)));
                    }
                    if (total.fairness != null) {
                        String[] sensitive = new String[sensitiveColumns.length];
                        for (int i = 0; i < sensitive.length; i++) {
                            sensitive[i] = v[sensitiveColumns[i]];
                        }
                        targets.addAll(total.fairness.accumulatorsOf(sensitive));
                    }
                    for (BinaryAccumulator target : targets) {
                        cellsOf.computeIfAbsent(target, a -> {
                            fed.add(a);
                            return new ArrayList<>();
                        }).add(cell);
                    }
                }
                for (BinaryAccumulator target : fed) {
                    tally.counts.addTo(target, cellsOf.get(target).stream().mapToInt(Integer::intValue).toArray());
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
