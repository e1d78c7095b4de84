package io.mlgates.core.gate;

import io.mlgates.core.BadInputException;
import io.mlgates.core.EngineVersion;
import io.mlgates.core.candidate.Candidate;
import io.mlgates.core.data.PredictionReader;
import io.mlgates.core.fairness.FairnessAccumulator;
import io.mlgates.core.fairness.FairnessOptions;
import io.mlgates.core.fairness.FairnessResult;
import io.mlgates.core.metrics.Metric;
import io.mlgates.core.metrics.MetricOptions;
import io.mlgates.core.metrics.MetricValue;
import io.mlgates.core.metrics.ScoreBudget;
import io.mlgates.core.policy.EthicsPolicy;
import io.mlgates.core.policy.FairnessPolicy;
import io.mlgates.core.policy.Favourable;
import io.mlgates.core.policy.LoadedPolicy;
import io.mlgates.core.policy.MissingValues;
import io.mlgates.core.policy.Policy;
import io.mlgates.core.policy.PredictionSource;
import io.mlgates.core.policy.RiskTier;
import io.mlgates.core.metrics.TaskType;
import io.mlgates.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ethics gate ({@code mlEthicsGate}): is the model fair across the groups the policy names and their
 * intersections, documented as its risk tier requires, built on data it may use, and free of protected inputs?
 * Reads the predictions in one pass with group counts only, then judges documentation, licences and waivers.
 */
public final class EthicsGate {
    public static final String NAME = "ethics";

    public GateResult evaluate(EthicsRequest request) throws BadInputException {
        // one memory budget for every score this evaluation keeps (all ranges, slices and classes); closing it
        // removes whatever spilled to disk, on success, bad input or interrupt alike
        try (ScoreBudget scoreBudget = ScoreBudget.defaults()) {
            return evaluate(request, Optional.empty(), scoreBudget);
        }
    }

    /** The fairness policy judged: the policy's, with the request's sensitive columns and reference groups. */
    static FairnessPolicy fairness(EthicsRequest request) {
        FairnessPolicy policy = request.policy().policy().ethics().fairness();
        return request.sensitive().map(policy::withSensitive).orElse(policy).withReference(request.reference());
    }

    /** The columns whose groups are judged: the sensitive ones, for a binary model only. */
    static List<String> sensitive(Policy policy, FairnessPolicy fairness) {
        return policy.task() == TaskType.BINARY ? fairness.sensitive() : List.of();
    }

    /**
     * Judges {@code request}; from {@code shared} when the predictions were read already for this gate too (then the
     * budget is the one that read kept its scores in).
     */
    GateResult evaluate(EthicsRequest request, Optional<SharedRead.Read<Grouped>> shared, ScoreBudget scoreBudget)
            throws BadInputException {
        LoadedPolicy loaded = request.policy();
        Policy policy = loaded.policy();
        EthicsPolicy ethics = policy.ethics();
        FairnessPolicy fairness = fairness(request);
        for (String attribute : request.reference().keySet()) {
            if (!fairness.attributes().contains(attribute)) {
                throw new BadInputException("--reference", 0, 0, "'" + attribute + "' is not a judged attribute;"
                        + (fairness.attributes().isEmpty() ? " no sensitive columns are listed"
                        : " judged attributes: " + String.join(", ", fairness.attributes())));
            }
        }
        Workspace ws = request.workspace();
        String policyName = loaded.fileName().orElse("the default policy");

        Optional<Candidate> artefacts = JudgedFiles.artefacts(ws, loaded);
        DocumentationChecks docs = new DocumentationChecks(ws, policyName, ethics);
        List<CheckResult> docChecks = new ArrayList<>(docs.modelCard());

        Path predictionsPath = JudgedFiles.predictions(ws, request.predictions(), loaded);
        String predictionsDisplay = ws.display(predictionsPath);
        boolean binary = policy.task() == TaskType.BINARY;
        List<String> sensitive = sensitive(policy, fairness);
        MetricOptions options = new MetricOptions(policy.confidenceLevel(), policy.calibrationBins());
        boolean ranks = docs.cardDeclaresRankMetrics();

        TaskMetrics overall;
        FairnessAccumulator groups = null;
        DataSummary data;
        List<String> classNames;
        List<String> emptiedClasses;
        List<Evidence.Input> inputs = new ArrayList<>();
        Candidate candidate;
        PredictionSource source = request.columns().applyTo(policy.predictions());
        if (request.judgesStatistics()) {
            // the statistics become the gate's accumulators; from there on, the path of rows
            JudgedStatistics judged = JudgedStatistics.read(ws, request.statistics(), loaded, scoreBudget);
            Grouped read = judged.grouped(sensitive, fairness.intersections(), ranks);
            overall = read.overall();
            groups = read.groups();
            classNames = judged.classNames();
            emptiedClasses = List.of();
            data = judged.summary();
            inputs.addAll(judged.inputs());
            candidate = judged.candidate(artefacts, policyName);
        } else try (PredictionReader opened = shared.isPresent() ? null : PredictionReader.open(predictionsPath,
                predictionsDisplay, source, policy.task(), sensitive, request.progress())) {
            PredictionReader reader = shared.isPresent() ? shared.get().reader() : opened;
            Grouped read = shared.isPresent() ? shared.get().shard() : opened.readAll(shards(policy, sensitive,
                    fairness.intersections(), ranks, opened.hasScores(), 0, scoreBudget));
            overall = read.overall();
            groups = read.groups();
            classNames = reader.classNames();
            emptiedClasses = reader.classesEmptiedByDrop();
            data = new DataSummary(predictionsDisplay, policy.task(), classNames, reader.rowsRead(),
                    reader.rowsDropped(), reader.dropReasons(), reader.failedPredictions(), reader.failureReasons(),
                    reader.bytesRead(), BinaryReading.of(policy, source, reader));
            request.progress().onProgress(reader.rowsRead(), reader.bytesRead());
            String predictionsDigest = reader.digest();
            inputs.add(new Evidence.Input("predictions", predictionsDisplay, predictionsDigest));
            candidate = JudgedFiles.candidate(artefacts, predictionsDisplay, predictionsDigest, reader.bytesRead());
        } catch (IOException e) {
            throw new BadInputException(predictionsDisplay, 0, 0, "cannot read: " + e.getMessage(), e);
        }

        Map<String, MetricValue> metrics = new LinkedHashMap<>(overall.compute(classNames, options));
        if (!ranks) {
            // not computed, to keep memory independent of the rows; saying "undefined" here would only be noise
            Metric.of(policy.task()).stream().filter(Metric::needsRanks).forEach(m -> metrics.remove(m.id()));
        }
        List<CheckResult> checks = new ArrayList<>(DataChecks.of(data, source, emptiedClasses));
        checks.addAll(Judging.check(judges(ethics, sensitive, docs),
                "no sensitive column, tier minimal, and no data set, protected attribute, explanation or model-card"
                        + " metric to check: set ethics.fairness.sensitive, ethics.riskTier or ethics.datasets in"
                        + " the policy"));
        Optional<FairnessResult> fairnessResult = Optional.empty();
        if (!binary) {
            checks.add(DocumentationChecks.simple("fairness:task", fairness.sensitive().isEmpty()
                    ? Status.SKIPPED : Status.ERROR, "group fairness metrics are defined for binary classification;"
                    + " the task is " + policy.task().name().toLowerCase(Locale.ROOT)));
        } else if (groups == null) {
            boolean high = ethics.riskTier().atLeast(RiskTier.HIGH);
            checks.add(DocumentationChecks.simple("fairness:sensitive", high ? Status.FAIL : Status.SKIPPED,
                    "no sensitive columns are listed (ethics.fairness.sensitive, or --sensitive)"
                            + (high ? "; tier high requires fairness across groups to be checked"
                            : ": no group fairness to judge")));
        } else {
            FairnessResult result = groups.compute(new FairnessOptions(policy.confidenceLevel(),
                    options.calibrationBins(), fairness.minGroupSize(),
                    fairness.favourable() == Favourable.POSITIVE, fairness.reference(),
                    fairness.missing() == MissingValues.EXCLUDE));
            fairnessResult = Optional.of(result);
            result.overall().rates().forEach((name, value) -> metrics.putIfAbsent(name, value));
            checks.addAll(FairnessChecks.of(result, fairness, policy.confidenceLevel()));
        }
        checks.addAll(docChecks);
        checks.addAll(docs.metricClaims(metrics));
        checks.addAll(docs.dataAndModel());
        List<CheckResult> judged = ValidationGate.uniqueIds(Waivers.apply(checks, policy.waivers(),
                ValidationGate.today(request.clock())));
        Status status = Status.worstOf(judged.stream().map(CheckResult::status).toList());
        return new GateResult(NAME, status, policy.modelName(), candidate, loaded.digest(), loaded.fileName(),
                loaded.organisation(), data, metrics, judged, Optional.empty(), request.clock().instant(),
                EngineVersion.current(), fairnessResult, new Evidence(inputs, request.chainHead(),
                Overrides.of(loaded, request.predictions().map(p -> predictionsDisplay), Optional.empty(),
                        Optional.empty(), request.sensitive(), request.reference(), request.columns())));
    }

    /** What a range of rows makes: the metrics overall and, with sensitive columns, per group (null without). */
    record Grouped(TaskMetrics overall, FairnessAccumulator groups, String[] values, int[] numbers) {
        /** With room for a row's values and their numbers, one of each per sensitive column. */
        Grouped(TaskMetrics overall, FairnessAccumulator groups, String[] values) {
            this(overall, groups, values, new int[values.length]);
        }
    }

    /**
     * What the gate makes of the rows: the metrics overall, and the fairness groups of the sensitive columns, whose
     * values are the reader's groups from {@code firstGroup} on.
     */
    static PredictionReader.Shards<Grouped> shards(Policy policy, List<String> sensitive,
                                                   List<List<String>> intersections, boolean ranks, boolean scores,
                                                   int firstGroup, ScoreBudget scoreBudget) {
        int calibrationBins = policy.calibrationBins();
        return new PredictionReader.Shards<>() {
            @Override
            public Grouped create() {
                return new Grouped(TaskMetrics.create(policy.task(), scores, ranks, calibrationBins, scoreBudget),
                        sensitive.isEmpty() ? null : new FairnessAccumulator(sensitive, intersections, scores,
                                calibrationBins, PredictionReader.MAX_DISTINCT_VALUES),
                        new String[sensitive.size()]);
            }

            @Override
            public void add(Grouped shard, PredictionReader row) {
                shard.overall().add(row);
                if (shard.groups() != null) {
                    String[] values = shard.values();
                    int[] numbers = shard.numbers();
                    for (int i = 0; i < values.length; i++) {
                        values[i] = row.group(firstGroup + i);
                        numbers[i] = row.groupNumber(firstGroup + i);
                    }
                    shard.groups().add(numbers, values, row.actualPositive(), row.predictedPositive(), row.score(),
                            row.weight());
                }
            }

            @Override
            public void merge(Grouped into, Grouped later) {
                into.overall().merge(later.overall());
                if (into.groups() != null) {
                    into.groups().merge(later.groups());
                }
            }
        };
    }

    /**
     * Whether the policy gives the gate anything to judge beyond the data: a sensitive column of a binary model (its
     * fairness is judged, by the policy's limits or the default rule), a tier above minimal (it requires
     * documentation), a data set (its licence), a protected attribute, an explanation, or a metric the model card
     * declares. The model card's unfilled sections alone do not: they only WARN.
     */
    private static boolean judges(EthicsPolicy ethics, List<String> sensitive, DocumentationChecks docs) {
        return !sensitive.isEmpty() || ethics.riskTier().atLeast(RiskTier.LIMITED) || !ethics.datasets().isEmpty()
                || !ethics.protectedAttributes().isEmpty() || ethics.documentation().explanation().isPresent()
                || docs.cardDeclaresMetrics();
    }
}
