package io.mlgates.core.gate;

import io.mlgates.core.metrics.TaskType;
import io.mlgates.core.stats.Statistics;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What was read: which file, how many rows, how many dropped and why, how many predictions failed and why.
 *
 * @param predictions the prediction file, relative to the model repository; for {@link DataSource#STATISTICS} the
 *     statistics files judged, as shown, joined by {@code ", "}
 * @param task the kind of model
 * @param classes the class names (empty for regression)
 * @param rows rows read and judged (for a binary model, failed predictions among them, as wrong answers)
 * @param droppedRows rows dropped as invalid (only when the policy allows dropping)
 * @param dropReasons the first few dropped rows, each as {@code file:line: reason}
 * @param failedPredictions rows with a label but no usable prediction (only when the policy allows dropping; else
 *     the first one stops the read)
 * @param failureReasons the first few failed predictions, each as {@code file:line: reason}
 * @param bytes size of the prediction file
 * @param binary for a binary model, how its rows were read as decisions
 * @param source whether the rows were read, or statistics of them (then the counts are the files' and no row is
 *     named: dropped and failed rows have no reasons)
 * @param origins for statistics, which engine computed each file that says so (the Spark job), in file order
 */
public record DataSummary(String predictions, TaskType task, List<String> classes, long rows, long droppedRows,
                          List<String> dropReasons, long failedPredictions, List<String> failureReasons,
                          long bytes, Optional<BinaryReading> binary, DataSource source,
                          List<Statistics.Origin> origins) {
    public DataSummary {
        Objects.requireNonNull(source, "source");
        origins = List.copyOf(origins);
        if (!origins.isEmpty() && source != DataSource.STATISTICS) {
            throw new IllegalArgumentException("only statistics name the engine that computed them");
        }
        Objects.requireNonNull(predictions, "predictions");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(binary, "binary");
        classes = List.copyOf(classes);
        dropReasons = List.copyOf(dropReasons);
        failureReasons = List.copyOf(failureReasons);
        if (rows < 0 || droppedRows < 0 || failedPredictions < 0 || bytes < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (binary.isPresent() && task != TaskType.BINARY) {
            throw new IllegalArgumentException("only a binary model's rows are read as positive and negative");
        }
    }

    /** Rows read, or statistics whose files name no engine. */
    public DataSummary(String predictions, TaskType task, List<String> classes, long rows, long droppedRows,
                       List<String> dropReasons, long failedPredictions, List<String> failureReasons, long bytes,
                       Optional<BinaryReading> binary, DataSource source) {
        this(predictions, task, classes, rows, droppedRows, dropReasons, failedPredictions, failureReasons, bytes,
                binary, source, List.of());
    }

    /** Rows read from a prediction file. */
    public DataSummary(String predictions, TaskType task, List<String> classes, long rows, long droppedRows,
                       List<String> dropReasons, long failedPredictions, List<String> failureReasons, long bytes,
                       Optional<BinaryReading> binary) {
        this(predictions, task, classes, rows, droppedRows, dropReasons, failedPredictions, failureReasons, bytes,
                binary, DataSource.ROWS);
    }

    /** What was read, without saying how a binary model's rows became decisions. */
    public DataSummary(String predictions, TaskType task, List<String> classes, long rows, long droppedRows,
                       List<String> dropReasons, long failedPredictions, List<String> failureReasons, long bytes) {
        this(predictions, task, classes, rows, droppedRows, dropReasons, failedPredictions, failureReasons, bytes,
                Optional.empty(), DataSource.ROWS);
    }

    /** What was judged, in words: the prediction file, or "statistics a.json, b.json". */
    public String described() {
        if (source != DataSource.STATISTICS) {
            return predictions;
        }
        return "statistics " + predictions + (origins.isEmpty() ? "" : " (computed by "
                + String.join("; ", origins.stream().map(Statistics.Origin::describe).toList()) + ")");
    }

    /** Rows of the file: judged, dropped, and failed predictions left out of the judged rows. */
    public long rowsInFile() {
        return rows + droppedRows + (task == TaskType.BINARY ? 0 : failedPredictions);
    }

    /** Dropped rows over the rows of the file; 0 for a file without rows. */
    public double droppedShare() {
        long all = rowsInFile();
        return all == 0 ? 0 : (double) droppedRows / all;
    }
}
