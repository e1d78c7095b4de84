package io.mlgates.core.gate;

import io.mlgates.core.BadInputException;
import io.mlgates.core.EngineVersion;
import io.mlgates.core.candidate.Candidate;
import io.mlgates.core.candidate.CandidateDigest;
import io.mlgates.core.data.MetricsFile;
import io.mlgates.core.data.PredictionReader;
import io.mlgates.core.metrics.Metric;
import io.mlgates.core.metrics.MetricOptions;
import io.mlgates.core.metrics.MetricSource;
import io.mlgates.core.metrics.MetricValue;
import io.mlgates.core.policy.Baseline;
import io.mlgates.core.policy.BaselineComparison;
import io.mlgates.core.policy.LoadedPolicy;
import io.mlgates.core.policy.MetricLimit;
import io.mlgates.core.policy.Policy;
import io.mlgates.core.policy.PredictionSource;
import io.mlgates.core.policy.SliceRule;
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

/**
 * The validation gate ({@code mlValidate}): is the candidate good enough, and no worse than the baseline?
 * Reads the predictions in one pass, computes every metric of the task, and applies the policy's limits,
 * baseline comparisons and per-slice limits.
 */
public final class ValidationGate {
    public static final String NAME = "validate";

    public GateResult evaluate(ValidationRequest request) throws BadInputException {
        LoadedPolicy loaded = request.policy();
        Policy policy = loaded.policy();
        Workspace ws = request.workspace();
        String policyName = loaded.fileName().orElse("the default policy");

        Candidate candidate = CandidateDigest.of(ws, policy.artifacts(),
                loaded.fileName().map(f -> f + " (model.artifacts)").orElse("model artefacts"));

        String predictionsName = request.predictions().orElse(policy.predictions().path());
        Path predictionsPath = ws.resolve(predictionsName, request.predictions().isPresent()
                ? "--predictions" : policyName + " (predictions.path)");
        String predictionsDisplay = ws.display(predictionsPath);

        List<String> sliceColumns = policy.slices().stream().map(SliceRule::column).distinct().toList();
        MetricOptions options = new MetricOptions(policy.confidenceLevel(), policy.calibrationBins());

        TaskMetrics overall;
        List<Map<String, TaskMetrics>> bySlice = new ArrayList<>();
        DataSummary data;
        List<String> classNames;
        List<String> emptiedClasses;
        List<Evidence.Input> inputs = new ArrayList<>();
        PredictionSource source = request.columns().applyTo(policy.predictions());
        try (PredictionReader reader = PredictionReader.open(predictionsPath, predictionsDisplay,
                source, policy.task(), sliceColumns, request.progress())) {
            overall = TaskMetrics.create(policy.task(), reader.hasScores(), true, options.calibrationBins());
            boolean[] sliceNeedsRanks = new boolean[sliceColumns.size()];
            for (SliceRule rule : policy.slices()) {
                int i = sliceColumns.indexOf(rule.column());
                sliceNeedsRanks[i] |= rule.limits().stream()
                        .anyMatch(l -> Metric.named(l.metric()).filter(Metric::needsRanks).isPresent());
            }
            for (int i = 0; i < sliceColumns.size(); i++) {
                bySlice.add(new TreeMap<>());
            }
            while (reader.next()) {
                try {
                    overall.add(reader);
                    for (int i = 0; i < sliceColumns.size(); i++) {
                        boolean ranks = sliceNeedsRanks[i];
                        bySlice.get(i).computeIfAbsent(reader.group(i),
                                g -> TaskMetrics.create(policy.task(), reader.hasScores(), ranks,
                                        options.calibrationBins())).add(reader);
                    }
                } catch (ArithmeticException e) { // numbers no double can hold, e.g. weights summing past 1.8e308
                    throw new BadInputException(predictionsDisplay, reader.line(), 0, e.getMessage());
                }
            }
            classNames = reader.classNames();
            emptiedClasses = reader.classesEmptiedByDrop();
            data = new DataSummary(predictionsDisplay, policy.task(), classNames, reader.rowsRead(),
                    reader.rowsDropped(), reader.dropReasons(), reader.failedPredictions(), reader.failureReasons(),
                    reader.bytesRead(), BinaryReading.of(policy, source, reader));
            request.progress().onProgress(reader.rowsRead(), reader.bytesRead());
            inputs.add(new Evidence.Input("predictions", predictionsDisplay, reader.digest()));
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
        Optional<String> baselineName = request.baseline().or(() -> baseline.map(Baseline::path));
        boolean compares = baselineName.isPresent() && baseline.map(b -> !b.comparisons().isEmpty()).orElse(false);
        checks.addAll(Judging.check(!policy.limits().isEmpty() || compares || !policy.slices().isEmpty(),
                "state what good means with limits, baseline.compare or slices in the policy"));
        for (MetricLimit limit : policy.limits()) {
            checks.addAll(LimitRules.limit("limit:", limit, metrics, Optional.empty()));
        }
        if (baselineName.isPresent()) {
            Path baselinePath = ws.resolve(baselineName.get(),
                    request.baseline().isPresent() ? "--baseline" : policyName + " (baseline.path)");
            String baselineDisplay = ws.display(baselinePath);
            MetricsFile.Read read = MetricsFile.read(baselinePath, baselineDisplay);
            inputs.add(new Evidence.Input("baseline", baselineDisplay, read.digest()));
            Map<String, OptionalDouble> baselineValues = read.values();
            for (BaselineComparison comparison : baseline.map(Baseline::comparisons).orElse(List.of())) {
                checks.addAll(LimitRules.compare(comparison, metrics, baselineValues, baselineDisplay));
            }
        }
        for (SliceRule rule : policy.slices()) {
            Map<String, TaskMetrics> slices = bySlice.get(sliceColumns.indexOf(rule.column()));
            for (Map.Entry<String, TaskMetrics> slice : slices.entrySet()) {
                checks.addAll(sliceChecks(rule, slice.getKey(), slice.getValue(), classNames, options));
            }
        }
        List<CheckResult> unique = uniqueIds(Waivers.apply(checks, policy.waivers(), today(request.clock())));
        Status status = Status.worstOf(unique.stream().map(CheckResult::status).toList());
        return new GateResult(NAME, status, policy.modelName(), candidate, loaded.digest(), loaded.fileName(),
                loaded.organisation(), data, metrics, unique, overall.curves(), request.clock().instant(),
                EngineVersion.current(), Optional.empty(), new Evidence(inputs, request.chainHead(),
                Overrides.of(loaded, request.predictions(), request.baseline(), Optional.empty(), request.columns())));
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
