package io.mlgates.core.data;

import io.mlgates.core.BadInputException;
import io.mlgates.core.policy.Column;
import io.mlgates.core.policy.FileFormat;
import io.mlgates.core.policy.InvalidRows;
import io.mlgates.core.policy.PredictionSource;
import io.mlgates.core.metrics.TaskType;
import io.mlgates.core.workspace.RegularFiles;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a prediction file in one streaming pass, row by row, as a cursor: {@link #next()} moves to the next
 * valid row and the accessors describe it. No row is kept, so memory does not grow with the file.
 *
 * <p>A row that cannot be read (a missing value, an unparsable number, a NaN or out-of-range score, a label
 * outside the declared classes) stops the read with an error that names the file and line, unless the policy
 * says to drop such rows; then they are counted, and the first few reasons kept for the report.
 *
 * <p>Dropping never applies to the model's own answer: a row whose label (and weight and slices) can be read but
 * whose prediction is missing, NaN, unparsable or out of range is a failed prediction, counted against the model.
 * For a binary model it is read as the worst answer there is: the wrong class, with a score of 0 for a positive and
 * 1 for a negative ({@link #predictionFailed()} says so). For a multiclass or regression model there is no worst
 * answer to stand in (any class would blur that class's precision; an error has no largest value), so the row is
 * left out of the metrics and only counted: the gate then errs. Otherwise a model that wrote NaN on the rows it gets
 * wrong would reach an accuracy of 1.0.
 */
public final class PredictionReader implements Closeable {
    /** Bound on the classes found in the data when none are declared, and on the values of a slice column. */
    public static final int MAX_DISTINCT_VALUES = 10_000;
    /** Bound on a slice value's length: a group's name goes into check ids, messages and every result file. */
    public static final int MAX_GROUP_NAME_LENGTH = 1_000;
    private static final int KEPT_DROP_REASONS = 10;
    /** Labels a message names when none is the positive class. */
    private static final int MAX_LABELS_SHOWN = 10;
    /** Bound on a kept reason: values in it are clipped already; this bounds the rest (column names, say). */
    private static final int MAX_REASON_CHARS = 500;
    private static final int LABEL = 0;
    private static final int SCORE = 1;
    private static final int PREDICTION = 2;
    private static final int WEIGHT = 3;
    private static final int FIRST_GROUP = 4;

    private final RecordReader records;
    private final String file;
    private final PredictionSource source;
    private final TaskType task;
    private final List<String> groupColumns;
    private final boolean hasScore;
    private final boolean hasPrediction;
    private final boolean hasWeight;
    private final ClassLabels classes;
    private final int positiveIndex;
    private final List<Map<String, String>> groupValues = new ArrayList<>();
    private final ProgressListener progress;

    private long rows;
    private long dropped;
    private final List<String> dropReasons = new ArrayList<>();
    private long failed;
    private final List<String> failureReasons = new ArrayList<>();
    private boolean predictionFailed;

    /** Whether a row's label was the positive class (binary); until then, the labels found, for the message. */
    private boolean positiveSeen;
    private final Set<String> labelsFound = new LinkedHashSet<>();
    /** Whether a label was a declared class: then a label outside them is a bad row, not a wrong positive class. */
    private boolean declaredClassSeen;
    /** Scores strictly inside (0, 1) and outside [0, 1], and their range: a file on another scale is told once. */
    private long scoresInside;
    private long scoresOutside;
    private double minScore = Double.POSITIVE_INFINITY;
    private double maxScore = Double.NEGATIVE_INFINITY;
    /** Rows judged and rows dropped, by class: a drop that leaves a class without rows is told. */
    private long[] keptByClass = new long[2];
    private long[] droppedByClass = new long[2];
    /** The current row's class once its label is read, else -1. */
    private int rowClass;

    private int actualClass;
    private int predictedClass;
    private double score;
    private double target;
    private double predicted;
    private double weight;
    private final String[] groups;

    private PredictionReader(RecordReader records, String file, PredictionSource source, TaskType task,
                             List<String> groupColumns, ProgressListener progress) throws BadInputException {
        this.records = records;
        this.file = file;
        this.source = source;
        this.task = task;
        this.groupColumns = List.copyOf(groupColumns);
        this.groups = new String[groupColumns.size()];
        this.progress = progress;
        // Every missing column is told at once, with the mapping the header suggests: one run, one fix.
        List<Fixes.Missing> missing = new ArrayList<>();
        List<String> present = new ArrayList<>();
        require(LABEL, source.label(), true, Fixes.Role.LABEL, missing, present);
        hasScore = task == TaskType.BINARY && require(SCORE, source.score(), false, Fixes.Role.SCORE, missing, present);
        hasPrediction = require(PREDICTION, source.prediction(), task != TaskType.BINARY, Fixes.Role.PREDICTION,
                missing, present);
        if (task == TaskType.BINARY && !hasScore && !hasPrediction
                && missing.stream().noneMatch(m -> m.role() == Fixes.Role.SCORE || m.role() == Fixes.Role.PREDICTION)) {
            missing.add(new Fixes.Missing(Fixes.Role.SCORE, source.score().name(), true));
        }
        hasWeight = require(WEIGHT, source.weight(), false, Fixes.Role.WEIGHT, missing, present);
        List<String> missingSlices = new ArrayList<>();
        for (int i = 0; i < groupColumns.size(); i++) {
            if (!records.hasColumn(FIRST_GROUP + i)) {
                missingSlices.add(groupColumns.get(i));
            }
            groupValues.add(new HashMap<>());
        }
        if (!missing.isEmpty() || !missingSlices.isEmpty()) {
            throw new BadInputException(file, 1, 0, Fixes.missingColumns(records.availableColumns(), missing, present,
                    missingSlices, source.delimiter()));
        }
        if (task == TaskType.REGRESSION) {
            classes = null;
            positiveIndex = -1;
        } else if (!source.classes().isEmpty()) {
            classes = ClassLabels.declared(source.classes());
            positiveIndex = task == TaskType.BINARY ? classes.indexOf(source.positive()).orElseThrow() : -1;
        } else if (task == TaskType.BINARY) {
            classes = ClassLabels.discovered(List.of(source.positive()), 2);
            positiveIndex = 0;
        } else {
            classes = ClassLabels.discovered(List.of(), MAX_DISTINCT_VALUES);
            positiveIndex = -1;
        }
    }

    /**
     * Opens a prediction file and checks its columns.
     *
     * @param path the file
     * @param displayName how messages name it
     * @param groupColumns slice columns whose value each row should carry
     */
    public static PredictionReader open(Path path, String displayName, PredictionSource source, TaskType task,
                                        List<String> groupColumns, ProgressListener progress)
            throws BadInputException {
        RegularFiles.requireRegular(path, displayName);
        InputStream in;
        try {
            in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        } catch (NoSuchFileException e) {
            throw new BadInputException(displayName, 0, 0,
                    "prediction file not found; expected held-out predictions there (set predictions.path)");
        } catch (IOException e) {
            throw new BadInputException(displayName, 0, 0, "cannot open: " + e.getMessage(), e);
        }
        List<String> wanted = new ArrayList<>(List.of(source.label().name(), source.score().name(),
                source.prediction().name(), source.weight().name()));
        wanted.addAll(groupColumns);
        RecordReader records = null;
        try {
            records = isJsonLines(path, source.format())
                    ? new JsonLinesRecordReader(displayName, wanted, in)
                    : new CsvRecordReader(displayName, wanted, in, source.delimiter());
            return new PredictionReader(records, displayName, source, task, groupColumns, progress);
        } catch (BadInputException | RuntimeException e) {
            closeQuietly(records, in);
            throw e;
        }
    }

    private static void closeQuietly(Closeable records, InputStream in) {
        try {
            if (records != null) {
                records.close();
            }
            in.close();
        } catch (IOException ignored) {
            // the original error is what the user needs to see
        }
    }

    private static boolean isJsonLines(Path path, FileFormat format) {
        if (format != FileFormat.AUTO) {
            return format == FileFormat.JSONL;
        }
        String name = String.valueOf(path.getFileName()).toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".ndjson");
    }

    /** Whether the file has the column; a needed or explicitly named one it lacks joins {@code missing}. */
    private boolean require(int slot, Column column, boolean needed, Fixes.Role role, List<Fixes.Missing> missing,
                            List<String> present) {
        boolean found = records.hasColumn(slot);
        if (found) {
            present.add(column.name());
        } else if (needed || column.explicit()) {
            missing.add(new Fixes.Missing(role, column.name(), false));
        }
        return found;
    }

    /**
     * Moves to the next valid row; false at the end of the file. A problem of the whole file (no label is the
     * positive class, no score a probability) is bad input, told once, whatever {@code invalidRows} says: dropping
     * would only hide it.
     */
    public boolean next() throws BadInputException {
        while (true) {
            rowClass = -1;
            try {
                if (!records.next()) {
                    Optional<String> problem = fileProblem();
                    if (problem.isPresent()) {
                        throw new BadInputException(file, 0, 0, problem.get());
                    }
                    return false;
                }
                decodeData();
            } catch (RecordReader.InvalidRecordException e) {
                if (source.invalidRows() == InvalidRows.ERROR) {
                    throw explain(e, "set predictions.invalidRows: drop to drop and count them");
                }
                dropped++;
                if (rowClass >= 0) {
                    droppedByClass = count(droppedByClass, rowClass);
                }
                keep(dropReasons, e);
                continue;
            }
            predictionFailed = false;
            try {
                decodePrediction();
            } catch (RecordReader.InvalidRecordException e) {
                if (source.invalidRows() == InvalidRows.ERROR) {
                    throw explain(e, "with predictions.invalidRows: drop, each counts against the model");
                }
                failed++;
                keep(failureReasons, e);
                if (task != TaskType.BINARY) {
                    continue;
                }
                predictionFailed = true;
                score = actualPositive() ? 0.0 : 1.0;
            }
            rows++;
            if (task != TaskType.REGRESSION) {
                keptByClass = count(keptByClass, actualClass);
            }
            if ((rows & 0xFFFF) == 0) {
                progress.onProgress(rows, records.bytesRead());
            }
            return true;
        }
    }

    private static long[] count(long[] counts, int index) {
        long[] c = index < counts.length ? counts : Arrays.copyOf(counts, Math.max(index + 1, counts.length * 2));
        c[index]++;
        return c;
    }

    /**
     * The error for the first invalid row when the policy does not drop: the rest of the file is read to tell a
     * problem of the whole file from one of a few rows, and how many rows share it, so that dropping is suggested only
     * where it leaves rows to judge. This read happens only on the way to an error.
     */
    private BadInputException explain(RecordReader.InvalidRecordException first, String dropHint) {
        long invalid = 1;
        long valid = 0;
        try {
            while (true) {
                try {
                    if (!records.next()) {
                        break;
                    }
                    decodeData();
                    decodePrediction();
                    valid++;
                } catch (RecordReader.InvalidRecordException e) {
                    invalid++;
                }
            }
        } catch (BadInputException e) {
            // past the first problem the file is malformed: the first is still the one to fix first
            return new BadInputException(file, first.line, first.column, first.getMessage());
        }
        Optional<String> problem = fileProblem();
        if (problem.isPresent()) {
            return new BadInputException(file, 0, 0, problem.get());
        }
        long all = valid + invalid + rows + dropped;
        String extent = valid + rows == 0
                ? " (no row of the file can be read: " + (all == 1 ? "its one row has" : "all " + all + " rows have")
                + " a problem; fix the file or the policy, as dropping would leave nothing to judge)"
                : " (" + invalid + " of " + all + " rows have a problem; " + dropHint + ")";
        return new BadInputException(file, first.line, first.column, first.getMessage() + extent);
    }

    /** A problem of the whole file, once it is read: no label is the positive class, or no score a probability. */
    private Optional<String> fileProblem() {
        if (task == TaskType.BINARY && !positiveSeen && !declaredClassSeen && labelsFound.size() >= 2) {
            return Optional.of(Fixes.positiveMissing(source.label().name(), List.copyOf(labelsFound),
                    source.positive(), source.classes()));
        }
        if (hasScore && scoresOutside > 0 && scoresInside == 0) {
            return Optional.of(Fixes.scoresOutOfRange(source.score().name(), scoresOutside, minScore, maxScore));
        }
        return Optional.empty();
    }

    private void keep(List<String> reasons, RecordReader.InvalidRecordException e) {
        if (reasons.size() < KEPT_DROP_REASONS) {
            String reason = file + ":" + e.line + ": " + e.getMessage();
            reasons.add(reason.length() <= MAX_REASON_CHARS ? reason : reason.substring(0, MAX_REASON_CHARS - 3)
                    + "...");
        }
    }

    /** What the row says about the world: label, weight, slices. A failure here is an invalid row. */
    private void decodeData() throws RecordReader.InvalidRecordException {
        String[] v = records.values;
        String label = value(v, LABEL, source.label());
        if (task == TaskType.REGRESSION) {
            target = number(label, source.label());
        } else {
            if (!positiveSeen && task == TaskType.BINARY) {
                noteLabel(label);
            }
            actualClass = classOf(label, source.label());
            rowClass = actualClass;
        }
        if (hasWeight) {
            weight = number(value(v, WEIGHT, source.weight()), source.weight());
            if (weight < 0) {
                // 0 is a weight (the row is read and counts for nothing), as in scikit-learn and Fairlearn
                throw invalid("column '" + source.weight().name() + "': weight " + RecordReader.clip(v[WEIGHT])
                        + " is negative; expected a weight of 0 or more");
            }
        } else {
            weight = 1.0;
        }
        for (int i = 0; i < groups.length; i++) {
            String raw = v[FIRST_GROUP + i];
            if (raw == null) {
                throw invalid("no value for slice column '" + groupColumns.get(i) + "'");
            }
            if (raw.length() > MAX_GROUP_NAME_LENGTH) {
                throw invalid("slice column '" + groupColumns.get(i) + "': a value of " + raw.length()
                        + " characters ('" + RecordReader.clip(raw) + "'); expected a group name of at most "
                        + MAX_GROUP_NAME_LENGTH);
            }
            Map<String, String> known = groupValues.get(i);
            String interned = known.get(raw);
            if (interned == null) {
                if (known.size() >= MAX_DISTINCT_VALUES) {
                    throw invalid("slice column '" + groupColumns.get(i) + "' has more than "
                            + MAX_DISTINCT_VALUES + " distinct values; expected a column of groups, not of ids");
                }
                known.put(raw, raw);
                interned = raw;
            }
            groups[i] = interned;
        }
    }

    /** Until a label is the positive class, which labels the file has (a few), for the message if none is. */
    private void noteLabel(String label) {
        Optional<Integer> index = classes.indexOf(label);
        if (index.isPresent() && index.get() == positiveIndex) {
            positiveSeen = true;
            labelsFound.clear();
            return;
        }
        declaredClassSeen |= index.isPresent() && !source.classes().isEmpty();
        if (labelsFound.size() < MAX_LABELS_SHOWN) {
            labelsFound.add(label.strip());
        }
    }

    /** What the model answered. A failure here is the model's: see the class comment. */
    private void decodePrediction() throws RecordReader.InvalidRecordException {
        String[] v = records.values;
        if (task == TaskType.REGRESSION) {
            predicted = number(value(v, PREDICTION, source.prediction()), source.prediction());
            return;
        }
        if (hasScore) {
            score = number(value(v, SCORE, source.score()), source.score());
            minScore = Math.min(minScore, score);
            maxScore = Math.max(maxScore, score);
            if (score > 0 && score < 1) {
                scoresInside++;
            } else if (score < 0 || score > 1) {
                scoresOutside++;
                throw invalid("column '" + source.score().name() + "': score " + RecordReader.clip(v[SCORE])
                        + " is outside [0, 1]; expected the probability of the positive class");
            }
        }
        if (hasPrediction) {
            predictedClass = classOf(value(v, PREDICTION, source.prediction()), source.prediction());
        } else {
            predictedClass = score >= source.threshold() ? positiveIndex : 1 - positiveIndex;
        }
    }

    private RecordReader.InvalidRecordException invalid(String message) {
        return new RecordReader.InvalidRecordException(records.line, 0, message);
    }

    private String value(String[] v, int slot, Column column) throws RecordReader.InvalidRecordException {
        String s = v[slot];
        if (s == null || s.isBlank()) {
            throw invalid("column '" + column.name() + "' is " + (s == null ? "missing" : "empty"));
        }
        return s;
    }

    private double number(String text, Column column) throws RecordReader.InvalidRecordException {
        double d;
        try {
            d = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw invalid("column '" + column.name() + "': '" + RecordReader.clip(text) + "' is not a number");
        }
        if (!Double.isFinite(d)) {
            throw invalid("column '" + column.name() + "': " + RecordReader.clip(text) + " is not a finite number");
        }
        return d;
    }

    private int classOf(String label, Column column) throws RecordReader.InvalidRecordException {
        Optional<Integer> index = classes.indexOf(label);
        if (index.isEmpty()) {
            String known = RecordReader.shownColumns(classes.names());
            if (!source.classes().isEmpty()) {
                throw invalid("column '" + column.name() + "': label '" + RecordReader.clip(label)
                        + "' is not one of the declared classes (" + known + ")");
            }
            throw invalid("column '" + column.name() + "': label '" + RecordReader.clip(label) + "' would be class "
                    + (classes.names().size() + 1) + " but " + (task == TaskType.BINARY
                    ? "a binary model has two (" + known + "); declare predictions.classes or set task: multiclass"
                    : "at most " + MAX_DISTINCT_VALUES + " classes are read"));
        }
        return index.get();
    }

    public boolean hasScores() {
        return hasScore;
    }

    /** Whether the file's prediction column gives the decisions (else the score cut at the threshold does). */
    public boolean hasPredictions() {
        return hasPrediction;
    }

    public boolean hasWeights() {
        return hasWeight;
    }

    /** The class names, declared or found so far, in index order (the positive class first when found). */
    public List<String> classNames() {
        return classes == null ? List.of() : classes.names();
    }

    public long line() {
        return records.line;
    }

    public boolean actualPositive() {
        return actualClass == positiveIndex;
    }

    /** For a failed prediction of a binary model, the wrong class. */
    public boolean predictedPositive() {
        return predictionFailed ? !actualPositive() : predictedClass == positiveIndex;
    }

    /** Whether the current row's prediction could not be read and stands as the worst answer (binary only). */
    public boolean predictionFailed() {
        return predictionFailed;
    }

    public int actualClass() {
        return actualClass;
    }

    /** The predicted class of a multiclass model (whose failed predictions are never rows). */
    public int predictedClass() {
        return predictedClass;
    }

    /** Probability of the positive class; meaningful only when {@link #hasScores()}. */
    public double score() {
        return score;
    }

    public double target() {
        return target;
    }

    public double predicted() {
        return predicted;
    }

    public double weight() {
        return weight;
    }

    /** The current row's value of slice column {@code index} (in the order given to open). */
    public String group(int index) {
        return groups[index];
    }

    public long rowsRead() {
        return rows;
    }

    public long rowsDropped() {
        return dropped;
    }

    /**
     * The classes whose every row was dropped: some rows of the class were dropped and none was judged, each name
     * clipped as messages show it. Call after the last row; empty when nothing was dropped.
     */
    public List<String> classesEmptiedByDrop() {
        List<String> emptied = new ArrayList<>();
        if (classes != null) {
            List<String> names = classes.names();
            for (int c = 0; c < names.size() && c < droppedByClass.length; c++) {
                if (droppedByClass[c] > 0 && (c >= keptByClass.length || keptByClass[c] == 0)) {
                    emptied.add(RecordReader.clip(names.get(c)));
                }
            }
        }
        return emptied;
    }

    /** The first few dropped rows, each as {@code file:line: reason}. */
    public List<String> dropReasons() {
        return List.copyOf(dropReasons);
    }

    /**
     * Rows whose label could be read but whose prediction could not: for a binary model among {@link #rowsRead()} as
     * wrong answers, for the other tasks not among them.
     */
    public long failedPredictions() {
        return failed;
    }

    /** The first few failed predictions, each as {@code file:line: reason}. */
    public List<String> failureReasons() {
        return List.copyOf(failureReasons);
    }

    /** {@code sha256:} digest of the whole file, as read; call once, after the last row. */
    public String digest() throws IOException {
        return records.digest();
    }

    public long bytesRead() {
        return records.bytesRead();
    }

    @Override
    public void close() throws IOException {
        records.close();
    }
}
