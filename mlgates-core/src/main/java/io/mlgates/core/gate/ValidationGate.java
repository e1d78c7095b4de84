package io.mlgates.core.gate;

import io.mlgates.core.BadInputException;
import io.mlgates.core.EngineVersion;
import io.mlgates.core.candidate.Candidate;
import io.mlgates.core.data.MetricsFile;
import io.mlgates.core.data.PredictionReader;
import io.mlgates.core.drift.DriftReport;
import io.mlgates.core.metrics.Metric;
import io.mlgates.core.metrics.MetricOptions;
import io.mlgates.core.metrics.MetricSource;
import io.mlgates.core.metrics.MetricValue;
import io.mlgates.core.metrics.ScoreBudget;
import io.mlgates.core.policy.Baseline;
import io.mlgates.core.policy.BaselineComparison;
import io.mlgates.core.policy.LoadedPolicy;
import io.mlgates.core.policy.MetricLimit;
import io.mlgates.core.policy.Policy;
import io.mlgates.core.policy.PredictionSource;
import io.mlgates.core.policy.SliceRule;
import io.mlgates.core.profile.DataProfile;
import io.mlgates.core.schema.InputSchema;
import io.mlgates.core.metrics.TaskType;
import io.mlgates.core.stats.CurrentProfile;
import io.mlgates.core.stats.RowStatistics;
import io.mlgates.core.stats.Statistics;
import io.mlgates.core.schema.SchemaColumn;
import io.mlgates.core.schema.SchemaRows;
import io.mlgates.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The validation gate ({@code mlValidate}): is the candidate good enough, and no worse than the baseline?
 * Reads the predictions in one pass, computes every metric of the task, and applies the policy's limits,
 * baseline comparisons and per-slice limits.
 */
public final class ValidationGate {
    public static final String NAME = "validate";

    public GateResult evaluate(ValidationRequest request) throws BadInputException {
        // one memory budget for every score this evaluation keeps (all ranges, slices and classes); closing it
        // removes whatever spilled to disk, on success, bad input or interrupt alike
        try (ScoreBudget scoreBudget = ScoreBudget.defaults()) {
            return evaluate(request, Optional.empty(), scoreBudget);
        }
    }

    /**
     * Judges {@code request}; from {@code shared} when the predictions were read already for this gate too (then the
     * budget is the one that read kept its scores in).
     */
    GateResult evaluate(ValidationRequest request, Optional<SharedRead.Read> shared, ScoreBudget scoreBudget)
            throws BadInputException {
        LoadedPolicy loaded = request.policy();
        Policy policy = loaded.policy();
        Workspace ws = request.workspace();
        String policyName = loaded.fileName().orElse("the default policy");

        Optional<Candidate> artefacts = JudgedFiles.artefacts(ws, loaded);
        Path predictionsPath = JudgedFiles.predictions(ws, request.predictions(), loaded);
        String predictionsDisplay = ws.display(predictionsPath);

        RowStatistics.Shape shape = RowStatistics.Shape.slices(policy);
        List<String> sliceColumns = shape.sliceColumns();
        MetricOptions options = new MetricOptions(policy.confidenceLevel(), policy.calibrationBins());

        TaskMetrics overall;
        List<Map<String, TaskMetrics>> bySlice = new ArrayList<>();
        DataSummary data;
        List<String> classNames;
        Candidate candidate;
        List<String> emptiedClasses;
        List<Evidence.Input> inputs = new ArrayList<>();
        List<Evidence.Input> schemaInputs = new ArrayList<>();
        Optional<InputSchema> schema = SchemaChecks.declared(ws, policy, policyName, schemaInputs);
        Optional<SchemaRows> schemaRows;
        PredictionSource source = request.columns().applyTo(policy.predictions());
        // drift against a reference (data.*): the reference first, the current input columns in the predictions' pass
        List<Evidence.Input> driftInputs = new ArrayList<>();
        Optional<DataDrift> drift = DataDrift.of(ws, policy, policyName, source, sliceColumns, driftInputs);
        List<String> currentColumns = drift.isPresent() && drift.get().fromPredictions() && shared.isEmpty()
                && !request.judgesStatistics()
                ? drift.get().columnsOfPredictions(predictionsPath, predictionsDisplay, sliceColumns) : List.of();
        // with data.current the feature file carries the inputs: the schema checks its values, not the predictions'
        Optional<InputSchema> predictionsSchema = drift.isPresent() && !drift.get().fromPredictions()
                ? Optional.empty() : schema;
        List<String> readerInputs = new ArrayList<>(inputColumns(predictionsSchema));
        readerInputs.addAll(currentColumns);
        Optional<CurrentProfile> current = Optional.empty();
        Optional<String> profiledIn = Optional.empty();
        boolean hasScores = false;
        if (request.judgesStatistics()) {
            // the statistics become the gate's accumulators; from there on, the path of rows
            JudgedStatistics judged = JudgedStatistics.read(ws, request.statistics(), loaded, scoreBudget);
            Sliced read = judged.sliced(sliceColumns, shape.rankSlices(), ranksNeeded(policy,
                    request.baseline().isPresent() || policy.baseline().isPresent()));
            overall = read.overall();
            bySlice.addAll(read.bySlice());
            classNames = judged.classNames();
            emptiedClasses = List.of();
            data = judged.summary();
            inputs.addAll(judged.inputs());
            candidate = judged.candidate(artefacts, policyName);
            inputs.addAll(schemaInputs);
            schemaRows = Optional.empty();
            if (drift.isPresent() && drift.get().fromPredictions()) {
                // the input columns as the statistics profiled them, in the read that wrote them
                current = Optional.of(judged.currentProfile());
                hasScores = judged.hasScores();
                profiledIn = Optional.of(data.predictions());
            }
        } else try (PredictionReader opened = shared.isPresent() ? null : PredictionReader.open(predictionsPath,
                predictionsDisplay, source, policy.task(), sliceColumns, readerInputs, request.progress())) {
            int firstCurrent = inputColumns(predictionsSchema).size();
            Rows rows = shared.isPresent() ? shared.get().rows()
                    : read(opened, source, policy, shape, scoreBudget, SchemaInputs.of(predictionsSchema, opened),
                    drift.map(d -> () -> new CurrentProfile(currentColumns,
                            policy.task() == TaskType.BINARY)), firstCurrent);
            ReadAccount reader = shared.isPresent() ? shared.get().account() : ReadAccount.of(opened);
            current = rows.current();
            hasScores = reader.hasScores();
            Sliced read = Sliced.of(rows.statistics(), sliceColumns);
            schemaRows = rows.schemaRows();
            overall = read.overall();
            bySlice.addAll(read.bySlice());
            classNames = reader.classNames();
            emptiedClasses = reader.classesEmptiedByDrop();
            data = new DataSummary(predictionsDisplay, policy.task(), classNames, reader.rowsRead(),
                    reader.rowsDropped(), reader.dropReasons(), reader.failedPredictions(), reader.failureReasons(),
                    reader.bytesRead(), BinaryReading.of(policy, source, reader));
            request.progress().onProgress(reader.rowsRead(), reader.bytesRead());
            String digest = reader.digest();
            inputs.add(new Evidence.Input("predictions", predictionsDisplay, digest));
            candidate = JudgedFiles.candidate(artefacts, predictionsDisplay, digest, reader.bytesRead());
            inputs.addAll(schemaInputs);
        } catch (IOException e) {
            throw new BadInputException(predictionsDisplay, 0, 0, "cannot read: " + e.getMessage(), e);
        }

        Map<String, MetricValue> metrics = new LinkedHashMap<>(overall.compute(classNames, options));
        if (policy.reportedMetrics().isPresent()) {
            String reportedName = policy.reportedMetrics().get();
            Path reported = ws.resolve(reportedName, policyName + " (metrics.reported)");
            MetricsFile.Read read = MetricsFile.read(reported, ws.display(reported));
            inputs.add(new Evidence.Input("reported", ws.display(reported), read.digest()));
            read.values().forEach((name, value) -> {
                String key = Metric.REPORTED_PREFIX + name;
                metrics.put(key, value.isPresent() ? MetricValue.reported(key, value.getAsDouble())
                        : new MetricValue(key, OptionalDouble.empty(), Optional.of("reported as null by the training job"),
                        Optional.empty(), MetricSource.REPORTED));
            });
        }

        List<CheckResult> checks = new ArrayList<>(DataChecks.of(data, source, emptiedClasses));
        Optional<Baseline> baseline = policy.baseline();
        Optional<BaselineSource> baselineSource = request.baseline().or(() -> baseline.map(ValidationGate::source));
        checks.addAll(Judging.check(!policy.limits().isEmpty() || baselineSource.isPresent()
                        || !policy.slices().isEmpty(),
                "state what good means with limits, baseline.compare or slices in the policy"));
        for (MetricLimit limit : policy.limits()) {
            checks.addAll(LimitRules.limit("limit:", limit, metrics, Optional.empty()));
        }
        if (baselineSource.isPresent()) {
            List<BaselineComparison> configured = baseline.map(Baseline::comparisons).orElse(List.of());
            checks.addAll(BaselineChecks.compare(baselineSource.get(), request.baseline().isPresent(), configured,
                    metrics, ws, request.stages(), policyName, inputs));
        }
        Optional<DataDrift.CurrentFile> currentFile = drift.isPresent() && !drift.get().fromPredictions()
                ? Optional.of(drift.get().currentFromFile(ws, policyName,
                        schema.map(InputSchema::columns).orElse(List.of()), driftInputs))
                : Optional.empty();
        if (schema.isPresent()) {
            checks.addAll(SchemaChecks.againstProduction(schema.get(), ws, policy.schema(), policyName, inputs));
            if (currentFile.isPresent()) {
                checks.addAll(SchemaChecks.data(schema.get(), currentFile.get().display(),
                        currentFile.get().schemaRows(), policy.schema(), true));
            } else {
                checks.addAll(request.judgesStatistics() ? List.of(SchemaChecks.noValues(schema.get()))
                        : SchemaChecks.data(schema.get(), predictionsDisplay,
                        schemaRows.map(SchemaRows::results).orElse(List.of()), policy.schema(),
                        policy.data().judged()));
            }
        }
        for (SliceRule rule : policy.slices()) {
            Map<String, TaskMetrics> slices = bySlice.get(sliceColumns.indexOf(rule.column()));
            for (Map.Entry<String, TaskMetrics> slice : slices.entrySet()) {
                checks.addAll(sliceChecks(rule, slice.getKey(), slice.getValue(), classNames, options));
            }
        }
        Optional<DriftReport> driftReport = Optional.empty();
        if (drift.isPresent()) {
            DataDrift.Judged judged;
            if (current.isEmpty()) {
                judged = drift.get().judgeWithoutRows(currentFile.orElseThrow());
            } else {
                DataProfile currentData = currentFile.isPresent() ? currentFile.get().profile()
                        : current.get().inputs();
                judged = drift.get().judge(currentData, drift.get().columns(currentData.names()), current,
                        hasScores, profiledIn);
            }
            checks.addAll(judged.checks());
            driftReport = judged.report();
            inputs.addAll(driftInputs);
        }
        List<CheckResult> unique = uniqueIds(Waivers.apply(checks, policy.waivers(), today(request.clock())));
        Status status = Status.worstOf(unique.stream().map(CheckResult::status).toList());
        return new GateResult(NAME, status, policy.modelName(), candidate, loaded.digest(), loaded.fileName(),
                loaded.organisation(), data, metrics, unique, overall.curves(), request.clock().instant(),
                EngineVersion.current(), Optional.empty(), new Evidence(inputs, request.chainHead(),
                Overrides.of(loaded, request.predictions().map(p -> predictionsDisplay), baselineFile(request),
                        request.baseline().filter(b -> b instanceof BaselineSource.Stage)
                                .map(b -> ((BaselineSource.Stage) b).stage()), Optional.empty(), Map.of(),
                        request.columns())), driftReport);
    }

    /** What the gate judges: the metrics overall and per value of each slice column. */
    record Sliced(TaskMetrics overall, List<Map<String, TaskMetrics>> bySlice) {
        /** The metrics of {@code statistics}, read from rows or from files, which hold {@code sliceColumns}. */
        static Sliced of(Statistics statistics, List<String> sliceColumns) {
            Map<String, Map<String, Object>> slices = statistics.slices(Object.class);
            List<Map<String, TaskMetrics>> bySlice = new ArrayList<>();
            for (String column : sliceColumns) {
                Map<String, TaskMetrics> byValue = new TreeMap<>();
                slices.get(column).forEach((value, acc) -> byValue.put(value, TaskMetrics.of(acc)));
                bySlice.add(byValue);
            }
            return new Sliced(TaskMetrics.of(statistics.overall()), bySlice);
        }
    }

    /** What a read of the rows gives the gate: their statistics, and the declared input columns' values checked. */
    record Rows(Statistics statistics, Optional<SchemaRows> schemaRows, Optional<CurrentProfile> current) {
    }

    /** What a range's rows give besides their statistics. */
    private record RowsShard(Optional<SchemaRows> schemaRows, Optional<CurrentProfile> current) {
    }

    /**
     * Reads every row of {@code reader} in one pass into the statistics of {@code shape} (the one seam that fills
     * accumulators from rows) and into the schema's per-row checks.
     */
    static Rows read(PredictionReader reader, PredictionSource source, Policy policy, RowStatistics.Shape shape,
                     ScoreBudget scoreBudget, SchemaInputs schemaInputs) throws BadInputException {
        return read(reader, source, policy, shape, scoreBudget, schemaInputs, Optional.empty(), 0);
    }

    /** The same, with the current input columns and the model's answers for drift ({@code current}'s shards). */
    static Rows read(PredictionReader reader, PredictionSource source, Policy policy, RowStatistics.Shape shape,
                     ScoreBudget scoreBudget, SchemaInputs schemaInputs,
                     Optional<Supplier<CurrentProfile>> current, int firstCurrent) throws BadInputException {
        PredictionReader.Shards<RowStatistics.Shard> statistics = RowStatistics.shards(policy.task(),
                reader.hasScores(), shape, scoreBudget);
        PredictionReader.Shards<RowsShard> besides = new PredictionReader.Shards<>() {
            @Override
            public RowsShard create() {
                return new RowsShard(schemaInputs.create(), current.map(Supplier::get));
            }

            @Override
            public void add(RowsShard shard, PredictionReader row) {
                if (shard.schemaRows().isPresent()) {
                    shard.schemaRows().get().add(row.line(), schemaInputs.row(row));
                }
                if (shard.current().isPresent()) {
                    shard.current().get().add(row, firstCurrent);
                }
            }

            @Override
            public void shiftLines(RowsShard shard, long lines) {
                shard.schemaRows().ifPresent(r -> r.shift(lines));
            }

            @Override
            public void merge(RowsShard into, RowsShard later) {
                into.schemaRows().ifPresent(r -> r.merge(later.schemaRows().orElseThrow()));
                into.current().ifPresent(c -> c.merge(later.current().orElseThrow()));
            }
        };
        PredictionReader.Both<RowStatistics.Shard, RowsShard> read = reader.readAll(
                PredictionReader.Shards.beside(statistics, besides));
        return new Rows(RowStatistics.statistics(read.first(), reader, source, policy.task(), shape),
                read.second().schemaRows(), read.second().current());
    }

    /**
     * The declared input columns the reader found, each with its index among the reader's input columns (opened
     * with the schema's names, in order); none without a declared schema.
     */
    record SchemaInputs(List<SchemaColumn> columns, int[] readerIndex) {
        static final SchemaInputs NONE = new SchemaInputs(List.of(), new int[0]);

        static SchemaInputs of(Optional<InputSchema> schema, PredictionReader reader) {
            if (schema.isEmpty()) {
                return NONE;
            }
            List<SchemaColumn> found = new ArrayList<>();
            List<Integer> index = new ArrayList<>();
            for (int i = 0; i < schema.get().columns().size(); i++) {
                if (reader.hasInput(i)) {
                    found.add(schema.get().columns().get(i));
                    index.add(i);
                }
            }
            return new SchemaInputs(found, index.stream().mapToInt(Integer::intValue).toArray());
        }

        Optional<SchemaRows> create() {
            return columns.isEmpty() ? Optional.empty() : Optional.of(new SchemaRows(columns));
        }

        /** The reader's current row as the schema's accumulator reads it. */
        SchemaRows.Row row(PredictionReader reader) {
            return new SchemaRows.Row() {
                @Override
                public boolean isNull(int column) {
                    return reader.inputIsNull(readerIndex[column]);
                }

                @Override
                public String text(int column) {
                    return reader.inputText(readerIndex[column]);
                }
            };
        }
    }

    /** The names of the declared schema's columns, for the reader to read; none without a declared schema. */
    static List<String> inputColumns(Optional<InputSchema> schema) {
        return schema.map(InputSchema::names).orElse(List.of());
    }

    /**
     * Whether a limit or a baseline comparison needs rank metrics over all rows (a baseline without comparisons
     * compares every metric of known direction, the rank metrics among them).
     */
    static boolean ranksNeeded(Policy policy, boolean baselineCompared) {
        List<BaselineComparison> comparisons = policy.baseline().map(Baseline::comparisons).orElse(List.of());
        return policy.limits().stream().anyMatch(l -> needsRanks(l.metric())) || baselineCompared
                && (comparisons.isEmpty() || comparisons.stream().anyMatch(c -> needsRanks(c.metric())));
    }

    private static boolean needsRanks(String metric) {
        return Metric.named(metric).filter(Metric::needsRanks).isPresent();
    }

    /** The caller's baseline file as results show it: relative to the repository when inside it. */
    private static Optional<String> baselineFile(ValidationRequest request) throws BadInputException {
        if (request.baseline().isPresent() && request.baseline().get() instanceof BaselineSource.File file) {
            return Optional.of(request.workspace().display(file.file().resolve(request.workspace(), "--baseline")));
        }
        return Optional.empty();
    }

    private static BaselineSource source(Baseline baseline) {
        return baseline.path().<BaselineSource>map(p -> new BaselineSource.File(RequestedFile.inRepository(p)))
                .orElseGet(() -> new BaselineSource.Stage(baseline.stage().orElseThrow()));
    }

    /** The day on which waivers are judged: the UTC date of the evaluation. */
    static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static List<CheckResult> sliceChecks(SliceRule rule, String value, TaskMetrics slice,
                                                 List<String> classNames, MetricOptions options) {
        String sliceName = rule.column() + "=" + value;
        String prefix = "slice:" + sliceName + ":";
        List<CheckResult> checks = new ArrayList<>();
        if (slice.rows() < rule.minSize()) {
            for (MetricLimit limit : rule.limits()) {
                checks.add(LimitRules.skipped(prefix + limit.metric(), limit.metric(), Optional.of(sliceName),
                        "slice " + sliceName + " has " + slice.rows() + " rows, fewer than minSize "
                                + rule.minSize() + ": too few to judge"));
            }
            return checks;
        }
        Map<String, MetricValue> metrics = slice.compute(classNames, options);
        for (MetricLimit limit : rule.limits()) {
            checks.addAll(LimitRules.limit(prefix, limit, metrics, Optional.of(sliceName)));
        }
        return checks;
    }

    /** Two limits on one metric (a warning and a failure threshold) get ids #2, #3 instead of colliding. */
    static List<CheckResult> uniqueIds(List<CheckResult> checks) {
        Set<String> seen = new HashSet<>();
        List<CheckResult> unique = new ArrayList<>(checks.size());
        for (CheckResult check : checks) {
            String id = check.id();
            for (int n = 2; !seen.add(id); n++) {
                id = check.id() + "#" + n;
            }
            unique.add(id.equals(check.id()) ? check : check.withId(id));
        }
        return unique;
    }
}
