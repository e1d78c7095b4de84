package io.mlgates.core.gate;

import io.mlgates.core.data.PredictionReader;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * The reader's account of a prediction file, as a result shows it: what a gate takes from a read besides the rows'
 * statistics. Kept apart from the reader so that a read shared between the gates outlives the open file (and, in
 * Jenkins, the step that made it: {@link SharedStatistics}).
 *
 * @param classNames the classes found (empty for regression)
 * @param hasScores whether the rows carry a score
 * @param hasPredictions whether the rows carry a prediction column
 * @param rowsRead rows read and judged
 * @param rowsDropped rows dropped as invalid
 * @param dropReasons the first dropped rows, each as {@code file:line: reason}
 * @param failedPredictions rows with a label but no usable prediction
 * @param failureReasons the first failed predictions, each as {@code file:line: reason}
 * @param bytesRead the file's size
 * @param classesEmptiedByDrop classes whose every row was dropped
 * @param digest {@code sha256:} digest of the file's bytes
 */
record ReadAccount(List<String> classNames, boolean hasScores, boolean hasPredictions, long rowsRead,
                   long rowsDropped, List<String> dropReasons, long failedPredictions, List<String> failureReasons,
                   long bytesRead, List<String> classesEmptiedByDrop, String digest) {
    ReadAccount {
        classNames = List.copyOf(classNames);
        dropReasons = List.copyOf(dropReasons);
        failureReasons = List.copyOf(failureReasons);
        classesEmptiedByDrop = List.copyOf(classesEmptiedByDrop);
        Objects.requireNonNull(digest, "digest");
        if (rowsRead < 0 || rowsDropped < 0 || failedPredictions < 0 || bytesRead < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** The account of {@code reader}, once it has read every row. */
    static ReadAccount of(PredictionReader reader) throws IOException {
        return new ReadAccount(reader.classNames(), reader.hasScores(), reader.hasPredictions(), reader.rowsRead(),
                reader.rowsDropped(), reader.dropReasons(), reader.failedPredictions(), reader.failureReasons(),
                reader.bytesRead(), reader.classesEmptiedByDrop(), reader.digest());
    }
}
