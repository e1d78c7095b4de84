package io.mlgates.spark;

import io.mlgates.core.BadInputException;
import io.mlgates.core.data.PredictionReader;
import io.mlgates.core.data.TableRows;
import io.mlgates.core.metrics.ScoreBudget;
import io.mlgates.core.metrics.TaskType;
import io.mlgates.core.policy.Policy;
import io.mlgates.core.policy.PredictionSource;
import io.mlgates.core.stats.CurrentProfile;
import io.mlgates.core.stats.RowStatistics;
import io.mlgates.core.stats.Statistics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The statistics contract (docs/statistics.md) computed by Spark: each partition's rows go through the core's own
 * reader and accumulators ({@link RowStatistics}), exactly as a range of a file does in {@code mlgates stats}; the
 * partitions' statistics merge on the executors in a tree of merges ({@code treeAggregate}), so that the driver
 * receives one merged result. The rank summary is each partition's per-distinct-score counts, merged; no global sort
 * (docs/spark.md says what that costs).
 */
public final class SparkStatistics {
    /** Part of an executor's heap that one task's kept scores may use before spilling to disk. */
    private static final double TASK_SCORE_HEAP_FRACTION = 0.1;
    /** Results one task merges at most, about, at each level of the tree of merges. */
    static final int MERGE_FAN_IN = 8;

    private SparkStatistics() {
    }

    /**
     * Summarises {@code table} under {@code policy}.
     *
     * @param input how messages and the statistics' origin name the table
     * @param format how it was read, for the origin
     * @throws BadInputException the table lacks a needed column, a row is invalid (and the policy does not drop
     *     such rows), or the policy asks for what the job does not compute
     */
    public static Summary summarise(Dataset<Row> table, Policy policy, String input, String format)
            throws BadInputException {
        refuseUnsupported(policy, input);
        PredictionSource source = policy.predictions();
        TaskType task = policy.task();
        RowStatistics.Shape shape = RowStatistics.Shape.of(policy);
        List<String> groupColumns = shape.groupColumns();
        List<String> wanted = new ArrayList<>(List.of(source.label().name(), source.score().name(),
                source.prediction().name(), source.weight().name()));
        wanted.addAll(groupColumns);
        // drift judged beside the predictions: the input columns are profiled in the same scan, as by mlgates stats
        boolean profiled = CurrentProfile.needed(policy);
        List<String> inputs = profiled ? CurrentProfile.columns(policy, source, List.of(table.columns())) : List.of();
        wanted.addAll(inputs);
        Dataset<Row> selected = TableColumns.select(table, wanted, input);
        List<String> columns = List.of(selected.columns());
        // the reader's own check of the columns, on the driver, before any task runs: the same message as for a file
        try {
            // nothing to read: opening checks the columns
            PredictionReader.open(empty(columns), input, source, task, groupColumns, inputs).close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ReadPlan plan = ReadPlan.of(task, source, shape);
        JavaRDD<Row> rows = selected.toJavaRDD();
        int partitions = rows.getNumPartitions();
        JavaRDD<PartitionStatistics> parts = rows.mapPartitionsWithIndex((index, it) -> List.of(
                partition(index, it, columns, input, plan, profiled, inputs)).iterator(), false);
        PartitionStatistics merged = partitions == 0
                ? partition(0, java.util.Collections.emptyIterator(), columns, input, plan, profiled, inputs)
                // merged on the executors, level by level, the last merge too: the driver receives one result
                : parts.treeAggregate(PartitionStatistics.none(), (a, b) -> a.merge(b, task),
                        (a, b) -> a.merge(b, task), treeDepth(partitions), true);
        ScoreBudget budget = ScoreBudget.defaults();
        try {
            Statistics statistics = merged.statistics(budget);
            statistics.origin(new Statistics.Origin("spark", table.sparkSession().version(), input, format,
                    statistics.tableRows(), Math.max(1, partitions)));
            return new Summary(statistics, budget);
        } catch (BadInputException | RuntimeException e) {
            budget.close();
            throw e;
        }
    }

    /**
     * The depth of the tree of merges for {@code partitions} results: each level merges at most about
     * {@link #MERGE_FAN_IN} results in a task (Spark's {@code treeAggregate} takes the level's fan-in as the depth-th
     * root of the partitions), so that no task, and not the driver, merges many; at least 2, so that the last merge
     * runs on an executor, not on the driver.
     */
    static int treeDepth(int partitions) {
        int depth = 2;
        while (Math.pow(MERGE_FAN_IN, depth) < partitions) {
            depth++;
        }
        return depth;
    }

    /**
     * The statistics of a table, whose rank summaries may keep scores in a spill folder until closed.
     *
     * @param statistics what the partitions' statistics merged into, with their origin
     */
    public record Summary(Statistics statistics, AutoCloseable scores) implements AutoCloseable {
        @Override
        public void close() {
            try {
                scores.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot remove the kept scores: " + e.getMessage(), e);
            }
        }
    }

    /**
     * What the job refuses rather than computes: a multiclass model whose classes each partition would find in
     * another order.
     */
    static void refuseUnsupported(Policy policy, String input) throws BadInputException {
        if (policy.task() == TaskType.MULTICLASS && policy.predictions().classes().isEmpty()) {
            throw new BadInputException(input, 0, 0, "a multiclass model's statistics from Spark need the classes"
                    + " declared (predictions.classes), so that every partition numbers them alike");
        }
    }

    private static PartitionStatistics partition(int index, Iterator<Row> it, List<String> columns, String input,
                                                 ReadPlan plan, boolean profiled, List<String> inputs) {
        PredictionSource source = plan.source();
        TaskType task = plan.task();
        RowStatistics.Shape shape = plan.shape();
        String display = input + " partition " + index;
        long heap = (long) (Runtime.getRuntime().maxMemory() * TASK_SCORE_HEAP_FRACTION);
        try (ScoreBudget budget = ScoreBudget.ofBytes(Math.max(ScoreBudget.MIN_BYTES, heap),
                Path.of(System.getProperty("java.io.tmpdir")));
             PredictionReader reader = PredictionReader.open(new RowTexts(columns, it), display, source, task,
                     shape.groupColumns(), inputs)) {
            return PartitionStatistics.of(profiled
                    ? CurrentProfile.readWithStatistics(reader, source, task, shape, budget, inputs)
                    : RowStatistics.read(reader, source, task, shape, budget));
        } catch (BadInputException e) {
            return PartitionStatistics.failed(index, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TableRows empty(List<String> columns) {
        return new RowTexts(columns, java.util.Collections.emptyIterator());
    }
}
