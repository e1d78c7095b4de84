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
import io.mlgates.core.stats.RowStatistics;
import io.mlgates.core.stats.Statistics;
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
    GateResult evaluate(EthicsRequest request, Optional<SharedRead.Read> shared, ScoreBudget scoreBudget)
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
            Grouped read = Grouped.of(shared.isPresent() ? shared.get().rows().statistics() : RowStatistics.read(opened,
                    source, policy.task(), shape(policy, sensitive, fairness.intersections(), ranks), scoreBudget),
                    sensitive, fairness.intersections());
            ReadAccount reader = shared.isPresent() ? shared.get().account() : ReadAccount.of(opened);
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

    /** What the gate judges: the metrics overall and, with sensitive columns, per group (null without). */
    record Grouped(TaskMetrics overall, FairnessAccumulator groups) {
        /**
         * The metrics of {@code statistics}, read from rows or from files, and the groups of the attributes judged:
         * {@code sensitive} and {@code intersections}.
         *
         * @throws IllegalArgumentException naming an attribute judged that the statistics do not hold
         */
        static Grouped of(Statistics statistics, List<String> sensitive, List<List<String>> intersections) {
            FairnessAccumulator groups = null;
            if (!sensitive.isEmpty()) {
                FairnessAccumulator kept = statistics.fairness().orElseThrow(() -> new IllegalArgumentException(
                        String.join(FairnessAccumulator.JOIN, sensitive)));
                // statistics kept for more attributes than are judged give the judged ones' groups
                groups = kept.attributes().equals(FairnessAccumulator.attributes(sensitive, intersections)) ? kept
                        : kept.select(sensitive, intersections);
            }
            return new Grouped(TaskMetrics.of(statistics.overall()), groups);
        }
    }

    /** What the gate reads of the rows: the groups of the attributes judged, the rank summary when it is needed. */
    static RowStatistics.Shape shape(Policy policy, List<String> sensitive, List<List<String>> intersections,
                                     boolean ranks) {
        return new RowStatistics.Shape(List.of(), List.of(), sensitive, intersections, policy.calibrationBins(),
                PredictionReader.MAX_DISTINCT_VALUES, ranks);
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
