package io.mlgates.core.gate;

import io.mlgates.core.BadInputException;
import io.mlgates.core.data.PredictionReader;
import io.mlgates.core.drift.CategoricalSummary;
import io.mlgates.core.drift.ColumnDrift;
import io.mlgates.core.drift.ColumnSummary;
import io.mlgates.core.drift.DatasetDrift;
import io.mlgates.core.drift.DriftMethod;
import io.mlgates.core.drift.DriftReport;
import io.mlgates.core.drift.DriftTests;
import io.mlgates.core.drift.ExactValues;
import io.mlgates.core.drift.NumericSummary;
import io.mlgates.core.metrics.TaskType;
import io.mlgates.core.policy.DataPolicy;
import io.mlgates.core.policy.Policy;
import io.mlgates.core.policy.PredictionSource;
import io.mlgates.core.policy.Severity;
import io.mlgates.core.profile.ColumnProfile;
import io.mlgates.core.profile.ColumnValues;
import io.mlgates.core.profile.DataFiles;
import io.mlgates.core.profile.DataProfile;
import io.mlgates.core.profile.TableAccumulator;
import io.mlgates.core.schema.ColumnRows;
import io.mlgates.core.schema.SchemaColumn;
import io.mlgates.core.schema.SchemaRows;
import io.mlgates.core.stats.CurrentProfile;
import io.mlgates.core.stats.ProfileFiles;
import io.mlgates.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The validation gate's drift checks ({@code data} and {@code drift} in the policy): the reference profile (saved, or
 * made from the reference rows), the current input columns (from a feature file, or read beside the predictions in
 * the same pass), Evidently's tests per column (io.mlgates.core.drift), and the model's output ({@code score}, and
 * {@code prediction} as the predicted-positive rate) when the reference has the policy's score or prediction
 * column. Checks {@code drift:COLUMN} and {@code drift:dataset} carry the policy's severity.
 */
final class DataDrift {
    static final String SCORE = "score";
    static final String PREDICTION = "prediction";
    private static final String POSITIVE = "positive";
    private static final String NEGATIVE = "negative";

    private final DataPolicy policy;
    private final DataProfile reference;
    private final PredictionSource source;
    private final TaskType task;
    private final Set<String> roleColumns;

    private DataDrift(DataPolicy policy, DataProfile reference, PredictionSource source, TaskType task,
                      Set<String> roleColumns) {
        this.policy = policy;
        this.reference = reference;
        this.source = source;
        this.task = task;
        this.roleColumns = roleColumns;
    }

    /**
     * The reference, read before the predictions, when the policy names one; its file joins {@code inputs}.
     *
     * @param sliceColumns the prediction file's slice columns, which are not input columns by default
     */
    static Optional<DataDrift> of(Workspace ws, Policy p, String policyName, PredictionSource source,
                                  List<String> sliceColumns, List<Evidence.Input> inputs) throws BadInputException {
        DataPolicy data = p.data();
        if (!data.judged()) {
            return Optional.empty();
        }
        DataProfile reference;
        if (data.profile().isPresent()) {
            Path file = ws.resolve(data.profile().get(), policyName + " (data.profile)");
            ProfileFiles.Read read = ProfileFiles.read(file, ws.display(file));
            inputs.add(new Evidence.Input("reference", ws.display(file), read.digest()));
            reference = read.profile();
        } else {
            Path file = ws.resolve(data.reference().orElseThrow(), policyName + " (data.reference)");
            DataFiles.Profiled read = DataFiles.profile(file, ws.display(file), source.delimiter(), List.of());
            inputs.add(new Evidence.Input("reference", ws.display(file), read.digest()));
            reference = read.profile();
        }
        Set<String> roles = new LinkedHashSet<>(List.of(source.label().name(), source.score().name(),
                source.prediction().name(), source.weight().name()));
        roles.addAll(sliceColumns);
        return Optional.of(new DataDrift(data, reference, source, p.task(), roles));
    }

    /** Whether the current input columns are read from the prediction file (no {@code data.current}). */
    boolean fromPredictions() {
        return policy.current().isEmpty();
    }

    /** The input columns to judge, given the current data's columns: the policy's, or every one both sides share. */
    List<String> columns(List<String> current) {
        if (!policy.columns().isEmpty()) {
            return policy.columns();
        }
        List<String> shared = new ArrayList<>();
        for (String name : reference.names()) {
            if (current.contains(name) && !roleColumns.contains(name)) {
                shared.add(name);
            }
        }
        return shared;
    }

    /**
     * The feature file {@code data.current} names, read in one pass of its own: the judged input columns' profile,
     * and the declared schema's checks of the values of its inputs.
     *
     * @param display the file as messages name it
     * @param schemaRows what the declared inputs the file has held, in the schema's order
     */
    record CurrentFile(String display, DataProfile profile, List<ColumnRows> schemaRows) {
        CurrentFile {
            Objects.requireNonNull(display, "display");
            Objects.requireNonNull(profile, "profile");
            schemaRows = List.copyOf(schemaRows);
        }
    }

    /**
     * Reads {@code data.current}: the judged columns for drift and, in the same pass, the values of the {@code declared}
     * inputs it has against their declaration (the feature file is the data meant to carry the model's inputs). The
     * file joins {@code inputs}.
     */
    CurrentFile currentFromFile(Workspace ws, String policyName, List<SchemaColumn> declared,
                                List<Evidence.Input> inputs) throws BadInputException {
        Path file = ws.resolve(policy.current().orElseThrow(), policyName + " (data.current)");
        String display = ws.display(file);
        List<String> present = new ArrayList<>(io.mlgates.core.data.TableReader.columns(file, display,
                source.delimiter()));
        List<String> judged = columns(present).stream().filter(present::contains).toList();
        List<SchemaColumn> checked = declared.stream().filter(c -> present.contains(c.name())).toList();
        // the judged columns first, as the profile's accumulators take them; then the declared ones not among them
        List<String> wanted = new ArrayList<>(judged);
        checked.stream().map(SchemaColumn::name).filter(n -> !wanted.contains(n)).forEach(wanted::add);
        int[] schemaIndex = checked.stream().mapToInt(c -> wanted.indexOf(c.name())).toArray();
        TableAccumulator table = new TableAccumulator(judged);
        SchemaRows values = new SchemaRows(checked);
        try (io.mlgates.core.data.TableReader reader = io.mlgates.core.data.TableReader.open(file, display,
                source.delimiter(), wanted)) {
            SchemaRows.Row row = new SchemaRows.Row() {
                @Override
                public boolean isNull(int column) {
                    return !reader.hasValue(schemaIndex[column]);
                }

                @Override
                public String text(int column) {
                    return reader.text(schemaIndex[column]);
                }
            };
            while (reader.next()) {
                DataFiles.addRow(table, reader);
                values.add(reader.line(), row);
            }
            inputs.add(new Evidence.Input("current", display, reader.digest()));
        } catch (java.io.IOException e) {
            throw new BadInputException(display, 0, 0, "cannot read: " + e.getMessage(), e);
        }
        return new CurrentFile(display, table.profile(), values.results());
    }

    /**
     * The input columns to read beside the predictions: the judged ones the prediction file has (its header is read
     * for them first).
     */
    List<String> columnsOfPredictions(Path predictions, String display, List<String> sliceColumns)
            throws BadInputException {
        List<String> fileColumns;
        try (PredictionReader header = PredictionReader.open(predictions, display, source, task, sliceColumns,
                io.mlgates.core.data.ProgressListener.NONE)) {
            fileColumns = header.columns();
        } catch (java.io.IOException e) {
            throw new BadInputException(display, 0, 0, "cannot read: " + e.getMessage(), e);
        }
        return columns(fileColumns).stream().filter(fileColumns::contains).toList();
    }

    /**
     * Judges drift where the rows are statistics and the input columns come from {@code data.current} (read
     * already); the model's output is not compared. (Without data.current, the statistics' own profiles are the
     * current data: {@link #judge}.)
     */
    Judged judgeWithoutRows(CurrentFile current) {
        DataProfile profile = current.profile();
        return judge(profile, columns(profile.names()), Optional.empty(), false, Optional.empty());
    }

    /** What was judged: the drift report (present when anything was judged) and the checks. */
    record Judged(Optional<DriftReport> report, List<CheckResult> checks) {
    }

    /**
     * Judges the input columns and, from a read of the predictions, the model's output.
     *
     * @param current the current data's profile
     * @param columns the input columns to judge
     * @param output the model's answers from the prediction file, when they were read
     * @param hasScores whether the prediction file has scores
     * @param statistics the statistics files whose profiles the current data is, when it was not read from rows
     */
    Judged judge(DataProfile current, List<String> columns, Optional<CurrentProfile> output, boolean hasScores,
                 Optional<String> statistics) {
        Map<String, ColumnSummary> ref = new LinkedHashMap<>();
        Map<String, ColumnSummary> cur = new LinkedHashMap<>();
        List<CheckResult> checks = new ArrayList<>();
        List<String> judged = new ArrayList<>();
        for (String column : columns) {
            Optional<ColumnProfile> r = reference.column(column);
            Optional<ColumnProfile> c = current.column(column);
            Optional<String> why = r.flatMap(ColumnProfile::whyNotCompared)
                    .map(w -> "the reference has " + w)
                    .or(() -> c.flatMap(ColumnProfile::whyNotCompared).map(w -> "the current data has " + w));
            if (r.isEmpty() && c.isEmpty()) {
                why = Optional.of("neither the reference nor the current data has the column");
            }
            if (why.isPresent()) {
                checks.add(check(column, Status.SKIPPED, "drift of '" + column + "' is not judged: " + why.get()));
                continue;
            }
            r.flatMap(ColumnProfile::driftSummary).ifPresent(s -> ref.put(column, s));
            c.flatMap(ColumnProfile::driftSummary).ifPresent(s -> cur.put(column, s));
            judged.add(column);
        }
        if (output.isPresent() && task == TaskType.BINARY) {
            outputSummaries(output.get(), hasScores, ref, cur, judged, checks);
        }
        for (String named : policy.drift().columns().keySet()) {
            if (!judged.contains(named) && checks.stream().noneMatch(x -> x.id().equals("drift:" + named))) {
                checks.add(check(named, Status.ERROR, "drift.overrides names column '" + named + "', which is not"
                        + " judged: the columns judged are " + String.join(", ", judged)));
            }
        }
        Map<String, ColumnDrift> results = new LinkedHashMap<>();
        for (String column : judged) {
            ColumnDrift drift = DriftTests.judge(Optional.ofNullable(ref.get(column)),
                    Optional.ofNullable(cur.get(column)), policy.drift().request(column));
            results.put(column, drift);
            checks.add(columnCheck(column, drift));
        }
        DatasetDrift dataset = DriftTests.dataset(results.values(), policy.drift().share());
        CheckResult datasetCheck = datasetCheck(dataset);
        checks.add(statistics.map(f -> datasetCheck.withNote("(the current data as profiled in the statistics " + f
                + ")")).orElse(datasetCheck));
        return new Judged(Optional.of(new DriftReport(results, dataset)), checks);
    }

    /**
     * The model's output as two more columns, when the reference has them: {@code score} (the reference's column of
     * the policy's score name) and {@code prediction} (predicted positive or negative: the reference's prediction
     * column read against the positive class, or its scores cut at the policy's threshold).
     */
    private void outputSummaries(CurrentProfile output, boolean hasScores, Map<String, ColumnSummary> ref,
                                 Map<String, ColumnSummary> cur, List<String> judged, List<CheckResult> checks) {
        Optional<ColumnProfile> refScore = reference.column(source.score().name());
        if (hasScores && refScore.isPresent() && !judged.contains(SCORE)) {
            Optional<ColumnSummary> summary = refScore.get().driftSummary();
            if (summary.isPresent()) {
                ref.put(SCORE, summary.get());
                output.score().driftSummary().ifPresent(s -> cur.put(SCORE, s));
                judged.add(SCORE);
            }
        }
        Optional<ColumnProfile> refPrediction = reference.column(source.prediction().name());
        Optional<long[]> referenceDecisions = refPrediction.isPresent() ? decisionsOf(refPrediction.get())
                : refScore.flatMap(this::decisionsByThreshold);
        if (refPrediction.isEmpty() && refScore.isEmpty() || judged.contains(PREDICTION)) {
            return;
        }
        if (referenceDecisions.isEmpty()) {
            checks.add(check(PREDICTION, Status.SKIPPED, "drift of the predicted-positive rate is not judged: the"
                    + " reference's " + (refPrediction.isPresent() ? "prediction column '" + source.prediction().name()
                    + "' has values that are not kept" : "scores are kept in buckets, so which of them reach the"
                    + " threshold " + shown(source.threshold()) + " is not known")));
            return;
        }
        long[] r = referenceDecisions.get();
        ref.put(PREDICTION, decisions(r[0] + r[1], r));
        cur.put(PREDICTION, decisions(output.scoredRows(), new long[] {output.positive(), output.negative()}));
        judged.add(PREDICTION);
    }

    private static CategoricalSummary decisions(long rows, long[] counts) {
        Map<String, Long> byClass = new LinkedHashMap<>();
        if (counts[0] > 0) {
            byClass.put(POSITIVE, counts[0]);
        }
        if (counts[1] > 0) {
            byClass.put(NEGATIVE, counts[1]);
        }
        return new CategoricalSummary(rows, rows - counts[0] - counts[1], byClass);
    }

    /** The reference's predicted classes counted as positive (the policy's positive class) or negative. */
    private Optional<long[]> decisionsOf(ColumnProfile prediction) {
        long[] counts = new long[2];
        if (prediction.values() instanceof ColumnValues.Categories c) {
            c.counts().forEach((label, n) -> counts[label.equals(source.positive()) ? 0 : 1] += n);
        } else if (prediction.values() instanceof ColumnValues.Numbers n) {
            n.counts().forEach((value, k) -> counts[Double.toString(value).equals(source.positive())
                    || isNumber(source.positive()) && Double.parseDouble(source.positive()) == value ? 0 : 1] += k);
        } else {
            return Optional.empty();
        }
        return Optional.of(counts);
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The reference's scores cut at the policy's threshold, when its scores are kept exactly. */
    private Optional<long[]> decisionsByThreshold(ColumnProfile score) {
        Optional<ColumnSummary> summary = score.driftSummary();
        if (summary.isEmpty() || !(summary.get() instanceof NumericSummary numeric)
                || !(numeric.distribution() instanceof ExactValues exact)) {
            return Optional.empty();
        }
        long below = exact.countBelow(source.threshold());
        return Optional.of(new long[] {exact.count() - below, below});
    }

    private CheckResult columnCheck(String column, ColumnDrift drift) {
        String what = drift.method().id() + (drift.method().isTest() ? " p-value" : " distance");
        String rows = " (" + drift.referenceRows() + " reference, " + drift.currentRows() + " current values"
                + drift.errorBound().map(b -> "; from a sketch, rank error " + shown(b.rankError())
                + b.statisticError().stream().mapToObj(e -> ", statistic within " + shown(e))
                .findFirst().orElse("")).orElse("") + ")";
        if (drift.drifted().isEmpty()) {
            return check(column, Status.SKIPPED, "drift of '" + column + "' is not judged: "
                    + drift.score().undefinedReason().orElseThrow() + rows);
        }
        boolean drifted = drift.drifted().get();
        // as Evidently compares: KS drifts at p <= threshold, chi-square and z below it, a distance at or above it
        String sign = !drift.method().isTest() ? (drifted ? " >= " : " < ")
                : drift.method() == DriftMethod.KS ? (drifted ? " <= " : " > ") : (drifted ? " < " : " >= ");
        String comparison = what + " " + shown(drift.score().value().getAsDouble()) + sign
                + shown(drift.threshold());
        return drifted ? check(column, status(), "drift in '" + column + "': " + comparison + rows)
                : check(column, Status.PASS, "no drift in '" + column + "': " + comparison + rows);
    }

    private CheckResult datasetCheck(DatasetDrift d) {
        if (d.drifted().isEmpty()) {
            return check("dataset", Status.SKIPPED, "data set drift is not judged: "
                    + d.share().undefinedReason().orElseThrow());
        }
        String counted = d.driftedColumns() + " of " + d.columns() + " columns drifted ("
                + shown(d.share().value().getAsDouble()) + (d.drifted().get() ? " >= " : " < ")
                + shown(d.threshold()) + ", drift.share)"
                + (d.undefinedColumns() > 0 ? "; " + d.undefinedColumns() + " not judged" : "");
        return check("dataset", d.drifted().get() ? status() : Status.PASS,
                (d.drifted().get() ? "data set drift: " : "no data set drift: ") + counted);
    }

    /** Four decimals for people, as the other checks show numbers; a tiny p-value in scientific notation. */
    private static String shown(double v) {
        return v != 0 && Math.abs(v) < 1e-3 ? String.format(java.util.Locale.ROOT, "%.2e", v) : LimitRules.fmt(v);
    }

    private Status status() {
        return policy.severity() == Severity.FAIL ? Status.FAIL : Status.WARN;
    }

    private static CheckResult check(String column, Status status, String message) {
        return new CheckResult("drift:" + column, status, Optional.empty(), OptionalDouble.empty(), Optional.empty(),
                Optional.empty(), OptionalDouble.empty(), Optional.empty(), message);
    }
}
