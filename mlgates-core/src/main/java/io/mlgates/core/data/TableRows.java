package io.mlgates.core.data;

import java.util.List;

/**
 * The rows of a table that another engine reads (a Spark partition, say), handed over one at a time with each value
 * as the text a CSV file would hold. {@link PredictionReader#open(TableRows, String, io.mlgates.core.policy.PredictionSource,
 * io.mlgates.core.metrics.TaskType, List)} reads them as it reads a file's records, so the same rules (missing
 * columns, invalid rows, failed predictions, classes) judge them.
 */
public interface TableRows {
    /** The table's column names. */
    List<String> columns();

    /** Moves to the next row; false after the last. */
    boolean next();

    /**
     * The current row's value of column {@code index} (of {@link #columns()}) as text: a number as a string that
     * reads back as the same double; null where the row has no value.
     */
    String text(int index);
}
