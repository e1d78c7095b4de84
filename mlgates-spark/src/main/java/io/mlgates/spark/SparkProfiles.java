package io.mlgates.spark;

import io.mlgates.core.BadInputException;
import io.mlgates.core.data.PredictionReader;
import io.mlgates.core.metrics.TaskType;
import io.mlgates.core.policy.Policy;
import io.mlgates.core.policy.PredictionSource;
import io.mlgates.core.stats.CurrentProfile;
import io.mlgates.core.stats.RowStatistics;
import io.mlgates.core.stats.Statistics;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The current data's column profiles computed by Spark, for a policy whose drift checks read the input columns beside
 * the predictions (docs/spark.md): each partition's rows go through the core's reader, as the statistics' do (the
 * same rows dropped, the same failed predictions, each value as the text a CSV file would hold: {@link RowTexts}),
 * into the core's {@link CurrentProfile}, whose column accumulators type a column numeric only when every value that
 * is not null is a decimal number. The partitions' profiles travel to the driver as the contract's JSON and merge
 * there exactly; the statistics file carries them in its {@code profile} section.
 */
public final class SparkProfiles {
    private SparkProfiles() {
    }

    /**
     * Adds the profiles of {@code table}'s input columns to {@code statistics} (its statistics under {@code policy})
     * when the policy's drift checks need them; otherwise leaves them as they are.
     *
     * @param input how messages name the table
     * @throws BadInputException an input column holds values that are not single values, or a row is bad input
     */
    public static void attach(Statistics statistics, Dataset<Row> table, Policy policy, String input)
            throws BadInputException {
        if (CurrentProfile.needed(policy)) {
            statistics.profile(profile(table, policy, input));
        }
    }

    /** A partition's profile as JSON, or the bad input that stopped it. */
    private record Part(int partition, byte[] json, String file, long line, long column, String problem)
            implements Serializable {
        static Part failed(int partition, BadInputException e) {
            return new Part(partition, null, e.file(), e.line(), e.column(), e.problem());
        }
    }

    /**
     * The profiles of the input columns (the policy's {@code data.columns} the table has, or every column that is not
     * the label, score, prediction, weight or a slice column) over the rows the gate reads.
     */
    static CurrentProfile profile(Dataset<Row> table, Policy policy, String input) throws BadInputException {
        PredictionSource source = policy.predictions();
        TaskType task = policy.task();
        RowStatistics.Shape shape = RowStatistics.Shape.of(policy);
        List<String> inputs = CurrentProfile.columns(policy, source, List.of(table.columns()));
        List<String> wanted = new ArrayList<>(List.of(source.label().name(), source.score().name(),
                source.prediction().name(), source.weight().name()));
        wanted.addAll(shape.groupColumns());
        wanted.addAll(inputs);
        Dataset<Row> selected = TableColumns.select(table, wanted, input);
        List<String> columns = List.of(selected.columns());
        ReadPlan plan = ReadPlan.of(task, source, shape);
        boolean output = task == TaskType.BINARY;
        List<Part> parts = selected.toJavaRDD().mapPartitionsWithIndex((index, it) -> List.of(
                partition(index, it, columns, input, plan, inputs, output)).iterator(), false).collect();
        CurrentProfile merged = new CurrentProfile(inputs, output);
        // the first bad row of the table, as a read from its start meets it
        for (Part part : parts) {
            if (part.json() == null) {
                throw new BadInputException(part.file(), part.line(), part.column(), part.problem());
            }
        }
        for (Part part : parts) {
            merged.merge(CurrentProfile.fromJson(part.json(), input + " partition " + part.partition()));
        }
        return merged;
    }

    private static Part partition(int index, Iterator<Row> it, List<String> columns, String input, ReadPlan plan,
                                  List<String> inputs, boolean output) {
        PredictionSource source = plan.source();
        RowStatistics.Shape shape = plan.shape();
        try (PredictionReader reader = PredictionReader.open(new RowTexts(columns, it), input + " partition " + index,
                source, plan.task(), shape.groupColumns(), inputs)) {
            CurrentProfile profile = reader.readAll(CurrentProfile.shards(inputs, output, 0));
            return new Part(index, profile.json(), null, 0, 0, null);
        } catch (BadInputException e) {
            return Part.failed(index, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
