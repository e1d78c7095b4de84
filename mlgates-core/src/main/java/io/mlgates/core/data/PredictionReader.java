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
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
    private static final String DATA_HINT = "set predictions.invalidRows: drop to drop and count them";
    private static final String PREDICTION_HINT = "with predictions.invalidRows: drop, each counts against the model";
    private static final int LABEL = 0;
    private static final int SCORE = 1;
    private static final int PREDICTION = 2;
    private static final int WEIGHT = 3;
    private static final int FIRST_GROUP = 4;

    private final RecordReader records;
    final String file;
    final PredictionSource source;
    final TaskType task;
    final List<String> groupColumns;
    private final boolean hasScore;
    private final boolean hasPrediction;
    private final boolean hasWeight;
    ClassLabels classes;
    private final int positiveIndex;
    /** Per slice column, its values met so far, found by their bytes: one string per distinct value. */
    final List<ByteTable<String>> groupValues = new ArrayList<>();
    /** The class of each label spelling met so far, found by its bytes. */
    private final ByteTable<Integer> labelIndex = new ByteTable<>();
    /** The same for the labels of one byte (0 and 1, most often), by that byte; -1 for none yet. */
    private final int[] classOfByte = new int[256];
    final ProgressListener progress;
    /** A range of a parallel read: a bad row is recorded for the merge (in file order) instead of thrown. */
    final boolean range;
    /** The file, for its digest and for ranges; the channel that CSV ranges read, if any. */
    final Path path;
    final FileChannel channel;
    final CsvRows.Header header;
    private String digest;
    /** Set once a parallel read has read the whole file. */
    long bytesRead = -1;

    long rows;
    long dropped;
    final List<Reason> dropReasons = new ArrayList<>();
    long failed;
    final List<Reason> failureReasons = new ArrayList<>();
    private boolean predictionFailed;
    /** The lines of this reader's records are counted from its range's start: added to every line told. */
    long lineOffset;
    /** In a range: the first invalid row when invalid rows are errors, and what its message suggests. */
    Reason firstInvalid;
    long firstInvalidColumn;
    String firstInvalidHint;
    /** In a range, from its first invalid row on: the rows counted, valid and invalid (the first included). */
    long restValid;
    long restInvalid;
    /** In a range: the read stopped on a malformed file after its first invalid row. */
    boolean malformedAfterFirst;

    /** A kept reason: the line in the reader's own count, and what is wrong. */
    record Reason(long line, String message) {
    }

    /** Whether a row's label was the positive class (binary); until then, the labels found, for the message. */
    boolean positiveSeen;
    final Set<String> labelsFound = new LinkedHashSet<>();
    /** Whether a label was a declared class: then a label outside them is a bad row, not a wrong positive class. */
    boolean declaredClassSeen;
    /** Scores strictly inside (0, 1) and outside [0, 1], and their range: a file on another scale is told once. */
    long scoresInside;
    long scoresOutside;
    double minScore = Double.POSITIVE_INFINITY;
    double maxScore = Double.NEGATIVE_INFINITY;
    /** Rows judged and rows dropped, by class: a drop that leaves a class without rows is told. */
    long[] keptByClass = new long[2];
    long[] droppedByClass = new long[2];
    /** The current row's class once its label is read, else -1. */
    private int rowClass;

    private int actualClass;
    private int predictedClass;
    private double score;
    private double target;
    private double predicted;
    private double weight;
    private final String[] groups;
    private final int[] groupNumbers;
    /** Per slice column, the first of the same name: a column named twice is looked up once a row. */
    private final int[] firstOfGroup;
    /** The model's input columns read beside the prediction's, whose values are given as written; may be absent. */
    final List<String> inputColumns;
    private final int firstInput;

    private PredictionReader(RecordReader records, String file, PredictionSource source, TaskType task,
                             List<String> groupColumns, List<String> inputColumns, ProgressListener progress,
                             boolean range, Path path, FileChannel channel, CsvRows.Header header)
            throws BadInputException {
        this.records = records;
        this.range = range;
        this.path = path;
        this.channel = channel;
        this.header = header;
        this.file = file;
        this.source = source;
        this.task = task;
        this.groupColumns = List.copyOf(groupColumns);
        this.groups = new String[groupColumns.size()];
        this.groupNumbers = new int[groupColumns.size()];
        this.firstOfGroup = new int[groupColumns.size()];
        for (int i = 0; i < firstOfGroup.length; i++) {
            firstOfGroup[i] = this.groupColumns.indexOf(this.groupColumns.get(i));
        }
        this.inputColumns = List.copyOf(inputColumns);
        this.firstInput = FIRST_GROUP + groupColumns.size();
        this.progress = progress;
        Arrays.fill(classOfByte, -1);
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
            groupValues.add(new ByteTable<>());
        }
        if (!missing.isEmpty() || !missingSlices.isEmpty()) {
            throw new BadInputException(file, 1, 0, Fixes.missingColumns(header != null ? header.columns()
                    : records.availableColumns(), missing, present,
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
        return open(path, displayName, source, task, groupColumns, List.of(), progress);
    }

    /**
     * Opens a prediction file and checks its columns; the model's input columns {@code inputColumns} are read too,
     * where the file has them ({@link #hasInput}), their values given as written ({@link #inputText}).
     */
    public static PredictionReader open(Path path, String displayName, PredictionSource source, TaskType task,
                                        List<String> groupColumns, List<String> inputColumns,
                                        ProgressListener progress) throws BadInputException {
        RegularFiles.requireRegular(path, displayName);
        List<String> wanted = new ArrayList<>(List.of(source.label().name(), source.score().name(),
                source.prediction().name(), source.weight().name()));
        wanted.addAll(groupColumns);
        wanted.addAll(inputColumns);
        if (!isJsonLines(path, source.format()) && source.delimiter() < 0x80) {
            FileChannel channel;
            try {
                channel = FileChannel.open(path, StandardOpenOption.READ);
            } catch (NoSuchFileException e) {
                throw notFound(displayName);
            } catch (IOException e) {
                throw new BadInputException(displayName, 0, 0, "cannot open: " + e.getMessage(), e);
            }
            try {
                long size = channel.size();
                CsvRows.Header header = CsvRows.header(displayName, channel, size, source.delimiter());
                CsvRows rows = CsvRows.range(displayName, wanted, channel, size, source.delimiter(), header,
                        header.dataStart(), header.dataLine(), Long.MAX_VALUE);
                return new PredictionReader(rows, displayName, source, task, groupColumns, inputColumns, progress,
                        false, path, channel, header);
            } catch (BadInputException | RuntimeException e) {
                closeQuietly(channel, null);
                throw e;
            } catch (IOException e) {
                closeQuietly(channel, null);
                throw new BadInputException(displayName, 0, 0, "cannot read: " + e.getMessage(), e);
            }
        }
        InputStream in;
        try {
            in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        } catch (NoSuchFileException e) {
            throw notFound(displayName);
        } catch (IOException e) {
            throw new BadInputException(displayName, 0, 0, "cannot open: " + e.getMessage(), e);
        }
        RecordReader records = null;
        try {
            records = isJsonLines(path, source.format())
                    ? new JsonLinesRecordReader(displayName, wanted, in)
                    : new CsvRecordReader(displayName, wanted, in, source.delimiter());
            return new PredictionReader(records, displayName, source, task, groupColumns, inputColumns, progress,
                    false, path, null, null);
        } catch (BadInputException | RuntimeException e) {
            closeQuietly(records, in);
            throw e;
        }
    }

    /**
     * Reads rows another engine hands over (a Spark partition) as a file's records: the same columns are required,
     * and the same rows are invalid or failed predictions; a row's number among them stands for its line.
     *
     * @param displayName how messages name the rows (the table and the part of it)
     */
    public static PredictionReader open(TableRows rows, String displayName, PredictionSource source, TaskType task,
                                        List<String> groupColumns) throws BadInputException {
        return open(rows, displayName, source, task, groupColumns, List.of());
    }

    /** The same, with the model's input columns read too, as {@link #open(Path, String, PredictionSource, TaskType,
     * List, List, ProgressListener)} reads them from a file. */
    public static PredictionReader open(TableRows rows, String displayName, PredictionSource source, TaskType task,
                                        List<String> groupColumns, List<String> inputColumns)
            throws BadInputException {
        List<String> wanted = new ArrayList<>(List.of(source.label().name(), source.score().name(),
                source.prediction().name(), source.weight().name()));
        wanted.addAll(groupColumns);
        wanted.addAll(inputColumns);
        return new PredictionReader(new TableRowsReader(displayName, wanted, rows), displayName, source, task,
                groupColumns, inputColumns, ProgressListener.NONE, false, null, null, null);
    }

    private static BadInputException notFound(String displayName) {
        return new BadInputException(displayName, 0, 0,
                "prediction file not found; expected held-out predictions there (set predictions.path)");
    }

    /** A reader of the records of one range of this reader's CSV file, for a parallel read. */
    PredictionReader range(long start, long limit) throws BadInputException {
        try {
            CsvRows rows = CsvRows.range(file, records.wanted, channel, channel.size(), source.delimiter(), header,
                    start, 1, limit);
            return new PredictionReader(rows, file, source, task, groupColumns, inputColumns, ProgressListener.NONE,
                    true, path, channel, header);
        } catch (IOException e) {
            throw new BadInputException(file, 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /** What a gate makes of the rows of a range, and how two ranges' results merge (the earlier first). */
    public interface Shards<S> {
        S create();

        /**
         * A shard for a range read on a thread of a parallel read that keeps {@code tally} across the ranges it
         * reads, in any order: the shard may leave rows there rather than add them (see {@link #complete}). By
         * default {@link #create()}.
         */
        default S create(WorkerTally tally) {
            return create();
        }

        /**
         * A new tally for one thread of a parallel read, or empty when these shards keep none: then, and in a read
         * from the start on one thread, every row goes to its range's shard.
         */
        default Optional<WorkerTally> tally() {
            return Optional.empty();
        }

        /**
         * Adds the rows the threads left in their tallies to {@code total}, the ranges' shards merged, once every
         * range is read and merged; the tallies come in no particular order. A refusal (an {@link ArithmeticException}
         * or {@link IllegalArgumentException}, as from {@link #merge}) makes the file be read again from the start
         * on one thread without tallies, where the row it lies at is found.
         */
        default void complete(S total, List<WorkerTally> tallies) {
        }

        /** Adds the reader's current row. */
        void add(S shard, PredictionReader row);

        /** Merges {@code later} (the rows after {@code into}'s) into {@code into}. */
        void merge(S into, S later);

        /**
         * Makes the lines a shard kept lines of the file: a range's rows tell {@link #line()} from the range's start,
         * and {@code lines} lines came before it. Called on each range's shard before it is merged.
         */
        default void shiftLines(S shard, long lines) {
        }

        /**
         * Shards of {@code first} with {@code second} read in the same pass: each row goes to both, in that order.
         * The per-thread tallies are {@code first}'s alone ({@code second} gets every row, as without them).
         */
        static <A, B> Shards<Both<A, B>> beside(Shards<A> first, Shards<B> second) {
            return new Shards<>() {
                @Override
                public Both<A, B> create() {
                    return new Both<>(first.create(), second.create());
                }

                @Override
                public Both<A, B> create(WorkerTally tally) {
                    return new Both<>(first.create(tally), second.create());
                }

                @Override
                public Optional<WorkerTally> tally() {
                    return first.tally();
                }

                @Override
                public void complete(Both<A, B> total, List<WorkerTally> tallies) {
                    first.complete(total.first(), tallies);
                }

                @Override
                public void add(Both<A, B> shard, PredictionReader row) {
                    first.add(shard.first(), row);
                    second.add(shard.second(), row);
                }

                @Override
                public void merge(Both<A, B> into, Both<A, B> later) {
                    first.merge(into.first(), later.first());
                    second.merge(into.second(), later.second());
                }

                @Override
                public void shiftLines(Both<A, B> shard, long lines) {
                    first.shiftLines(shard.first(), lines);
                    second.shiftLines(shard.second(), lines);
                }
            };
        }
    }

    /** A shard of {@link Shards#beside}: one shard of each, for the same rows. */
    public record Both<A, B>(A first, B second) {
    }

    /**
     * What one thread of a parallel read keeps across the ranges it reads, for its {@link Shards}: rows whose
     * figures add up the same in any order and split, counted apart from the ranges' shards.
     */
    public interface WorkerTally {
    }

    /**
     * Reads every row into shards and returns them merged; afterwards this reader tells the counts, classes and
     * reasons of the whole file, and its digest. A CSV file is read in ranges on one thread per processor, with
     * the result a read from the start gives (on any number of threads) ({@link ParallelRead}); JSON Lines is read on this thread.
     * A shard that refuses a row (a sum past the range of a double, too many groups) is bad input at the row.
     */
    public <S> S readAll(Shards<S> shards) throws BadInputException {
        return readAll(shards, Runtime.getRuntime().availableProcessors(), ParallelRead.RANGE);
    }

    /**
     * {@link #readAll(Shards)} on {@code threads} threads, in ranges of {@code rangeBytes} (a CSV file); the result
     * is the same on any number of threads and in ranges of any size.
     */
    public <S> S readAll(Shards<S> shards, int threads, long rangeBytes) throws BadInputException {
        if (channel != null && !range) {
            return ParallelRead.read(this, shards, threads, rangeBytes);
        }
        S shard = shards.create();
        while (next()) {
            try {
                shards.add(shard, this);
            } catch (ArithmeticException | IllegalArgumentException e) {
                throw new BadInputException(file, line(), 0, e.getMessage());
            }
        }
        return shard;
    }

    /** Tells lines from {@code offset} on: this range's first line is line {@code offset + 1} of the file. */
    void absolutize(long offset) {
        lineOffset = offset;
        dropReasons.replaceAll(r -> new Reason(r.line() + offset, r.message()));
        failureReasons.replaceAll(r -> new Reason(r.line() + offset, r.message()));
        if (firstInvalid != null) {
            firstInvalid = new Reason(firstInvalid.line() + offset, firstInvalid.message());
        }
    }

    /**
     * Adds what the next range read: counts, kept reasons, classes found. False when the range gave a label another
     * class than a read from the start would (it met the labels in another order): then only such a read can tell.
     */
    boolean absorb(PredictionReader later) {
        if (classes != null) {
            if (!later.classes.agreesAfter(classes)) {
                return false;
            }
            classes.absorb(later.classes);
        }
        rows += later.rows;
        dropped += later.dropped;
        failed += later.failed;
        dropReasons.addAll(later.dropReasons.subList(0, Math.min(later.dropReasons.size(),
                Math.max(0, KEPT_DROP_REASONS - dropReasons.size()))));
        failureReasons.addAll(later.failureReasons.subList(0, Math.min(later.failureReasons.size(),
                Math.max(0, KEPT_DROP_REASONS - failureReasons.size()))));
        positiveSeen |= later.positiveSeen;
        for (String label : later.labelsFound) {
            if (labelsFound.size() < MAX_LABELS_SHOWN) {
                labelsFound.add(label);
            }
        }
        declaredClassSeen |= later.declaredClassSeen;
        scoresInside += later.scoresInside;
        scoresOutside += later.scoresOutside;
        minScore = Math.min(minScore, later.minScore);
        maxScore = Math.max(maxScore, later.maxScore);
        keptByClass = sum(keptByClass, later.keptByClass);
        droppedByClass = sum(droppedByClass, later.droppedByClass);
        return true;
    }

    private static long[] sum(long[] a, long[] b) {
        long[] s = Arrays.copyOf(a, Math.max(a.length, b.length));
        for (int i = 0; i < b.length; i++) {
            s[i] += b[i];
        }
        return s;
    }

    /** Takes the merged account of a parallel read as this reader's. */
    void adopt(PredictionReader merged) {
        rows = merged.rows;
        dropped = merged.dropped;
        failed = merged.failed;
        dropReasons.clear();
        dropReasons.addAll(merged.dropReasons);
        failureReasons.clear();
        failureReasons.addAll(merged.failureReasons);
        positiveSeen = merged.positiveSeen;
        labelsFound.clear();
        labelsFound.addAll(merged.labelsFound);
        declaredClassSeen = merged.declaredClassSeen;
        scoresInside = merged.scoresInside;
        scoresOutside = merged.scoresOutside;
        minScore = merged.minScore;
        maxScore = merged.maxScore;
        keptByClass = merged.keptByClass;
        droppedByClass = merged.droppedByClass;
        classes = merged.classes;
    }

    void adoptDigest(String sha256) {
        digest = sha256;
    }

    /** Where the next record of this range starts, and the lines read so far; CSV only. */
    long position() {
        return ((CsvRows) records).position();
    }

    long linesRead() {
        return ((CsvRows) records).nextLine() - 1;
    }

    private static void closeQuietly(Closeable records, InputStream in) {
        try {
            if (records != null) {
                records.close();
            }
            if (in != null) {
                in.close();
            }
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
                    Optional<String> problem = range ? Optional.empty() : fileProblem();
                    if (problem.isPresent()) {
                        throw new BadInputException(file, 0, 0, problem.get());
                    }
                    return false;
                }
                decodeData();
            } catch (RecordReader.InvalidRecordException e) {
                if (source.invalidRows() == InvalidRows.ERROR) {
                    return failOn(e, DATA_HINT);
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
                    return failOn(e, PREDICTION_HINT);
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

    /**
     * The first invalid row when the policy does not drop: read alone, the error (see {@link #explain}); in a range,
     * it is recorded with the counts of the rest of the range, and the range ends.
     */
    private boolean failOn(RecordReader.InvalidRecordException first, String hint) throws BadInputException {
        if (!range) {
            throw explain(first, hint);
        }
        firstInvalid = new Reason(first.line, first.getMessage());
        firstInvalidColumn = first.column;
        firstInvalidHint = hint;
        countRest();
        return false;
    }

    /** Reads the rest after the first invalid row, counting valid and invalid rows; this read is the error's only. */
    private void countRest() {
        restInvalid = 1;
        try {
            while (true) {
                try {
                    if (!records.next()) {
                        return;
                    }
                    decodeData();
                    decodePrediction();
                    restValid++;
                } catch (RecordReader.InvalidRecordException e) {
                    restInvalid++;
                }
            }
        } catch (BadInputException e) {
            malformedAfterFirst = true;
        }
    }

    static long[] count(long[] counts, int index) {
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
        countRest();
        return explained(first.line, first.column, first.getMessage(), dropHint, malformedAfterFirst,
                rows + dropped + restValid + restInvalid, rows + restValid, restInvalid);
    }

    /**
     * The error for the first invalid row: with how many rows of the file share a problem, unless the file is
     * malformed past it, or the whole file has a problem.
     *
     * @param all the rows of the file; {@code valid} of them without a problem, {@code invalid} with one
     */
    BadInputException explained(long line, long column, String message, String dropHint, boolean malformedPast,
                                long all, long valid, long invalid) {
        if (malformedPast) {
            // past the first problem the file is malformed: the first is still the one to fix first
            return new BadInputException(file, line, column, message);
        }
        Optional<String> problem = fileProblem();
        if (problem.isPresent()) {
            return new BadInputException(file, 0, 0, problem.get());
        }
        String extent = valid == 0
                ? " (no row of the file can be read: " + (all == 1 ? "its one row has" : "all " + all + " rows have")
                + " a problem; fix the file or the policy, as dropping would leave nothing to judge)"
                : " (" + invalid + " of " + all + " rows have a problem; " + dropHint + ")";
        return new BadInputException(file, line, column, message + extent);
    }

    /** A problem of the whole file, once it is read: no label is the positive class, or no score a probability. */
    Optional<String> fileProblem() {
        if (task == TaskType.BINARY && !positiveSeen && !declaredClassSeen && labelsFound.size() >= 2) {
            return Optional.of(Fixes.positiveMissing(source.label().name(), List.copyOf(labelsFound),
                    source.positive(), source.classes()));
        }
        if (hasScore && scoresOutside > 0 && scoresInside == 0) {
            return Optional.of(Fixes.scoresOutOfRange(source.score().name(), scoresOutside, minScore, maxScore));
        }
        return Optional.empty();
    }

    private void keep(List<Reason> reasons, RecordReader.InvalidRecordException e) {
        if (reasons.size() < KEPT_DROP_REASONS) {
            reasons.add(new Reason(e.line, e.getMessage()));
        }
    }

    /** Reasons as told: {@code file:line: reason}, bounded; the first {@link #KEPT_DROP_REASONS}. */
    private List<String> told(List<Reason> reasons) {
        return reasons.stream().limit(KEPT_DROP_REASONS).map(r -> {
            String reason = file + ":" + r.line() + ": " + r.message();
            return reason.length() <= MAX_REASON_CHARS ? reason : reason.substring(0, MAX_REASON_CHARS - 3) + "...";
        }).toList();
    }

    /** What the row says about the world: label, weight, slices. A failure here is an invalid row. */
    private void decodeData() throws RecordReader.InvalidRecordException, BadInputException {
        Fields f = records.fields;
        requireValue(f, LABEL, source.label());
        if (task == TaskType.REGRESSION) {
            target = number(f, LABEL, source.label());
        } else {
            if (!positiveSeen && task == TaskType.BINARY) {
                noteLabel(f.text(LABEL));
            }
            actualClass = classOf(f, LABEL, source.label());
            rowClass = actualClass;
        }
        if (hasWeight) {
            requireValue(f, WEIGHT, source.weight());
            weight = number(f, WEIGHT, source.weight());
            if (weight < 0) {
                // 0 is a weight (the row is read and counts for nothing), as in scikit-learn and Fairlearn
                throw invalid("column '" + source.weight().name() + "': weight " + RecordReader.clip(f.text(WEIGHT))
                        + " is negative; expected a weight of 0 or more");
            }
        } else {
            weight = 1.0;
        }
        for (int i = 0; i < groups.length; i++) {
            int same = firstOfGroup[i];
            if (same != i) {
                // a column in two roles (a slice and a sensitive column): its value as read for the first
                groups[i] = groups[same];
                groupNumbers[i] = groupNumbers[same];
                continue;
            }
            int slot = FIRST_GROUP + i;
            if (!f.present(slot)) {
                throw invalid("no value for slice column '" + groupColumns.get(i) + "'");
            }
            ByteTable<String> known = groupValues.get(i);
            int number = known.number(f.bytes, f.start[slot], f.end[slot]);
            if (number < 0) {
                // UTF-8 takes at least a byte for each UTF-16 unit: only a long value needs counting in characters
                String raw = strictText(f, slot, "slice column '" + groupColumns.get(i) + "'");
                if (f.length(slot) > MAX_GROUP_NAME_LENGTH && raw.length() > MAX_GROUP_NAME_LENGTH) {
                    throw invalid("slice column '" + groupColumns.get(i) + "': a value of " + raw.length()
                            + " characters ('" + RecordReader.clip(raw) + "'); expected a group name of at most "
                            + MAX_GROUP_NAME_LENGTH);
                }
                if (known.size() >= MAX_DISTINCT_VALUES) {
                    throw invalid("slice column '" + groupColumns.get(i) + "' has more than "
                            + MAX_DISTINCT_VALUES + " distinct values; expected a column of groups, not of ids");
                }
                number = known.put(f.bytes, f.start[slot], f.end[slot], raw);
            }
            groups[i] = known.value(number);
            groupNumbers[i] = number;
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
    private void decodePrediction() throws RecordReader.InvalidRecordException, BadInputException {
        Fields f = records.fields;
        if (task == TaskType.REGRESSION) {
            requireValue(f, PREDICTION, source.prediction());
            predicted = number(f, PREDICTION, source.prediction());
            return;
        }
        if (hasScore) {
            requireValue(f, SCORE, source.score());
            score = number(f, SCORE, source.score());
            minScore = Math.min(minScore, score);
            maxScore = Math.max(maxScore, score);
            if (score > 0 && score < 1) {
                scoresInside++;
            } else if (score < 0 || score > 1) {
                scoresOutside++;
                throw invalid("column '" + source.score().name() + "': score " + RecordReader.clip(f.text(SCORE))
                        + " is outside [0, 1]; expected the probability of the positive class");
            }
        }
        if (hasPrediction) {
            requireValue(f, PREDICTION, source.prediction());
            predictedClass = classOf(f, PREDICTION, source.prediction());
        } else {
            predictedClass = score >= source.threshold() ? positiveIndex : 1 - positiveIndex;
        }
    }

    private RecordReader.InvalidRecordException invalid(String message) {
        return new RecordReader.InvalidRecordException(records.line, 0, message);
    }

    private void requireValue(Fields f, int slot, Column column) throws RecordReader.InvalidRecordException {
        if (!f.present(slot) || f.blank(slot)) {
            throw invalid("column '" + column.name() + "' is " + (f.present(slot) ? "empty" : "missing"));
        }
    }

    private double number(Fields f, int slot, Column column) throws RecordReader.InvalidRecordException {
        double d;
        try {
            d = f.number(slot);
        } catch (NumberFormatException e) {
            throw invalid("column '" + column.name() + "': '" + RecordReader.clip(f.text(slot)) + "' is not a number");
        }
        if (!Double.isFinite(d)) {
            throw invalid("column '" + column.name() + "': " + RecordReader.clip(f.text(slot))
                    + " is not a finite number");
        }
        return d;
    }

    private int classOf(Fields f, int slot, Column column) throws RecordReader.InvalidRecordException,
            BadInputException {
        int from = f.start[slot];
        boolean oneByte = f.end[slot] - from == 1;
        if (oneByte && classOfByte[f.bytes[from] & 0xFF] >= 0) {
            return classOfByte[f.bytes[from] & 0xFF];
        }
        Integer cached = labelIndex.get(f.bytes, from, f.end[slot]);
        if (cached != null) {
            return cached;
        }
        String label = strictText(f, slot, "column '" + column.name() + "'");
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
        if (labelIndex.size() < MAX_DISTINCT_VALUES) {
            labelIndex.put(f.bytes, f.start[slot], f.end[slot], index.get());
            if (oneByte) {
                classOfByte[f.bytes[from] & 0xFF] = index.get();
            }
        }
        return index.get();
    }

    /**
     * The value as text, once checked to be UTF-8: a file in another encoding is bad input at the byte (its line and
     * column), never read with replaced characters, which would make two values one group. Called where a value is
     * met for the first time; later rows find it by its bytes.
     */
    private String strictText(Fields f, int slot, String what) throws BadInputException {
        int bad = f.notUtf8(slot);
        if (bad < 0) {
            return f.text(slot);
        }
        long at = records.line;
        long column = 0;
        if (records instanceof CsvRows) {
            // from the record's first byte: its quoted fields may hold line breaks
            int lineStart = f.recordStart;
            for (int i = f.recordStart; i < bad; i++) {
                byte b = f.bytes[i];
                if (b == '\n' || b == '\r' && f.bytes[i + 1] != '\n') {
                    at++;
                    lineStart = i + 1;
                }
            }
            column = 1;
            for (int i = lineStart; i < bad; i++) {
                column += (f.bytes[i] & 0xC0) != 0x80 ? 1 : 0;
            }
        }
        throw new BadInputException(file, at, column, CsvRows.notUtf8(what, f.bytes[bad]));
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
        return records.line + lineOffset;
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

    /**
     * A number for the current row's value of slice column {@code index}: while this reader reads, the same value
     * has the same number and the same {@link #group} string (the very object), numbers counting from 0 in the order
     * values are first met. A parallel read gives each range its own reader, and so its own numbers.
     */
    public int groupNumber(int index) {
        return groupNumbers[index];
    }

    /** The columns the file has: its header's, or a JSON Lines file's first record's. */
    public List<String> columns() {
        return header != null ? header.columns() : records.availableColumns();
    }

    /** Whether the file has input column {@code index} (in the order given to open). */
    public boolean hasInput(int index) {
        return records.hasColumn(firstInput + index);
    }

    /** Whether the current row's value of input column {@code index} is absent or blank. */
    public boolean inputIsNull(int index) {
        Fields f = records.fields;
        return !f.present(firstInput + index) || f.blank(firstInput + index);
    }

    /** The current row's value of input column {@code index}, as written; call when not {@link #inputIsNull}. */
    public String inputText(int index) {
        return records.fields.text(firstInput + index);
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
        return told(dropReasons);
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
        return told(failureReasons);
    }

    /** {@code sha256:} digest of the whole file, as read; call once, after the last row. */
    public String digest() throws IOException {
        if (digest == null) {
            digest = channel == null ? records.digest() : FileDigest.of(channel);
        }
        return digest;
    }

    public long bytesRead() {
        return bytesRead >= 0 ? bytesRead : records.bytesRead();
    }

    @Override
    public void close() throws IOException {
        records.close();
        if (channel != null && !range) {
            channel.close();
        }
    }
}
