package io.mlgates.core.gate;

import io.mlgates.core.metrics.TaskType;
import java.util.List;
import java.util.Objects;

/**
 * What was read: which file, how many rows, how many dropped and why.
 *
 * @param predictions the prediction file, relative to the model repository
 * @param task the kind of model
 * @param classes the class names (empty for regression)
 * @param rows rows read and judged
 * @param droppedRows rows dropped as invalid (only when the policy allows dropping)
 * @param dropReasons the first few dropped rows, each as {@code file:line: reason}
 * @param bytes size of the prediction file
 */
public record DataSummary(String predictions, TaskType task, List<String> classes, long rows, long droppedRows,
                          List<String> dropReasons, long bytes) {
    public DataSummary {
        Objects.requireNonNull(predictions, "predictions");
        Objects.requireNonNull(task, "task");
        classes = List.copyOf(classes);
        dropReasons = List.copyOf(dropReasons);
        if (rows < 0 || droppedRows < 0 || bytes < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }
}
