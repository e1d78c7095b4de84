package io.mlgates.core.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the held-out predictions are and how to read them.
 *
 * @param path file path relative to the model repository (default {@code eval/predictions.csv})
 * @param format file format
 * @param delimiter CSV field delimiter (default comma)
 * @param label column holding the true label (or target, for regression)
 * @param score column holding the probability of the positive class (binary only)
 * @param prediction column holding the predicted class (or value, for regression)
 * @param weight column holding a sample weight
 * @param positive the label value of the positive class (binary)
 * @param classes the declared classes; empty when they are taken from the data
 * @param threshold score at or above which a row is predicted positive when there is no prediction column
 * @param invalidRows what to do with a row that cannot be read
 * @param maxDroppedShare with {@code invalidRows: drop}, the largest share of the file's rows that may be dropped
 *     before the gate fails (default {@link #DEFAULT_MAX_DROPPED_SHARE})
 */
public record PredictionSource(String path, FileFormat format, char delimiter, Column label, Column score,
                               Column prediction, Column weight, String positive, List<String> classes,
                               double threshold, InvalidRows invalidRows,
                               double maxDroppedShare) {
    public static final String DEFAULT_PATH = "eval/predictions.csv";
    public static final double DEFAULT_MAX_DROPPED_SHARE = 0.01;

    public PredictionSource {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(positive, "positive");
        Objects.requireNonNull(invalidRows, "invalidRows");
        classes = List.copyOf(classes);
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must lie in [0, 1]: " + threshold);
        }
        if (!(maxDroppedShare >= 0 && maxDroppedShare <= 1)) {
            throw new IllegalArgumentException("maxDroppedShare must lie in [0, 1]: " + maxDroppedShare);
        }
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("delimiter cannot be a quote or a line break");
        }
    }

    /** Every default: the conventional file and column names, positive class {@code 1}. */
    public static PredictionSource defaults() {
        return new PredictionSource(DEFAULT_PATH, FileFormat.AUTO, ',', Column.byConvention("label"),
                Column.byConvention("score"), Column.byConvention("prediction"), Column.byConvention("weight"),
                "1", List.of(), 0.5, InvalidRows.ERROR, DEFAULT_MAX_DROPPED_SHARE);
    }

    public Optional<String> declaredNegative() {
        return classes.stream().filter(c -> !c.equals(positive)).findFirst();
    }

    /**
     * The text a record's generated {@code toString} gives, written out: that one links a method-handle chain on its
     * first call, about 25 ms of a small gate run (benchmarks/RESULTS.md, "Issue 15, eighth session: start-up"), and
     * shared reads keep this text, so it must stay the same (PredictionSourceTest).
     */
    @Override
    public String toString() {
        return "PredictionSource[path=" + path + ", format=" + format + ", delimiter=" + delimiter + ", label=" + label
                + ", score=" + score + ", prediction=" + prediction + ", weight=" + weight + ", positive=" + positive
                + ", classes=" + classes + ", threshold=" + threshold + ", invalidRows=" + invalidRows
                + ", maxDroppedShare=" + maxDroppedShare + "]";
    }
}
