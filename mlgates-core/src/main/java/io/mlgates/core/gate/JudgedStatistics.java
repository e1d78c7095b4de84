package io.mlgates.core.gate;

import io.mlgates.core.BadInputException;
import io.mlgates.core.candidate.Candidate;
import io.mlgates.core.data.PredictionReader;
import io.mlgates.core.fairness.FairnessAccumulator;
import io.mlgates.core.metrics.BinaryAccumulator;
import io.mlgates.core.metrics.Metric;
import io.mlgates.core.metrics.ScoreBudget;
import io.mlgates.core.metrics.TaskType;
import io.mlgates.core.policy.Favourable;
import io.mlgates.core.policy.LoadedPolicy;
import io.mlgates.core.policy.Policy;
import io.mlgates.core.policy.PredictionSource;
import io.mlgates.core.stats.CurrentProfile;
import io.mlgates.core.stats.Statistics;
import io.mlgates.core.stats.StatisticsFiles;
import io.mlgates.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Statistics files as a gate judges them instead of prediction rows: read, merged, checked against what the policy
 * judges, and turned into the gate's own accumulators, after which the gate takes the path it takes for rows. What
 * does not fit the policy (another task or reading of decisions, missing slice or sensitive columns, a missing rank
 * summary, other calibration bins) is refused, naming the file, the JSON pointer and what was expected: judging
 * statistics built for other rules is an error, never a pass.
 */
final class JudgedStatistics {
    /** How messages name the statistics when the caller named them: the option of the command line or step. */
    static final String NAMED_IN = "--stats";

    private final Statistics statistics;
    private final List<StatisticsFiles.Read> reads;
    private final Path first;
    private final long bytes;
    private final Policy policy;
    private final PredictionSource source;

    private JudgedStatistics(Statistics statistics, List<StatisticsFiles.Read> reads, Path first, long bytes,
                             Policy policy, PredictionSource source) {
        this.statistics = statistics;
        this.reads = List.copyOf(reads);
        this.first = first;
        this.bytes = bytes;
        this.policy = policy;
        this.source = source;
    }

    /**
     * Reads and merges {@code files} (in the order given), and checks that they were built for this policy's task,
     * classes, decisions and calibration bins.
     *
     * @param budget where the rank summaries' scores are kept
     */
    static JudgedStatistics read(Workspace ws, List<RequestedFile> files, LoadedPolicy loaded, ScoreBudget budget)
            throws BadInputException {
        List<Path> paths = new ArrayList<>();
        List<String> displays = new ArrayList<>();
        for (RequestedFile file : files) {
            Path path = file.resolve(ws, NAMED_IN);
            paths.add(path);
            displays.add(ws.display(path));
        }
        List<StatisticsFiles.Read> reads = new ArrayList<>();
        Statistics merged = StatisticsFiles.readAll(paths, displays, budget, PredictionReader.MAX_DISTINCT_VALUES,
                reads);
        long bytes = 0;
        for (int i = 0; i < paths.size(); i++) {
            try {
                bytes += Files.size(paths.get(i));
            } catch (IOException e) {
                throw new BadInputException(displays.get(i), 0, 0, "cannot read: " + e.getMessage(), e);
            }
        }
        Policy policy = loaded.policy();
        JudgedStatistics judged = new JudgedStatistics(merged, reads, paths.get(0), bytes, policy, policy.predictions());
        judged.checkReading();
        return judged;
    }

    /** Names the first file: the others were built alike, or the merge would have refused them. */
    private BadInputException refused(String pointer, String expected) {
        String alike = reads.size() > 1 ? " (the " + (reads.size() - 1) + " other statistics files hold the same)"
                : "";
        return StatisticsFiles.refusal(first, reads.get(0).display(), pointer, "expected " + expected + alike
                + "; statistics are judged only under the policy they were written for (mlgates stats)");
    }

    /** The task, the classes and how rows became decisions must be the policy's. */
    private void checkReading() throws BadInputException {
        TaskType task = policy.task();
        if (statistics.task() != task) {
            throw refused("/task", "a " + name(task) + " model's statistics, as the policy's task, got a "
                    + name(statistics.task()) + " model's");
        }
        List<String> declared = source.classes();
        if (task == TaskType.MULTICLASS && !declared.isEmpty() && !statistics.classes().equals(declared)) {
            throw refused("/classes", "the classes the policy declares, " + declared + " in that order, got "
                    + statistics.classes());
        }
        if (task == TaskType.BINARY) {
            Statistics.Decisions decisions = statistics.decisions().orElseThrow();
            boolean sameDecisions = decisions.positive().equals(source.positive())
                    && decisions.predictionColumn().map(c -> c.equals(source.prediction().name()))
                    .orElse(decisions.threshold() == source.threshold());
            if (!sameDecisions) {
                String policyReading = "positive '" + source.positive() + "', the decisions of column '"
                        + source.prediction().name() + "' or else the score cut at " + source.threshold();
                throw refused("/decisions", "rows read as decisions as the policy reads them (" + policyReading
                        + "), got " + decisions.describe());
            }
            if (!declared.isEmpty() && !declared.containsAll(statistics.classes())) {
                throw refused("/classes", "the classes the policy declares, " + declared + ", got "
                        + statistics.classes());
            }
            BinaryAccumulator overall = statistics.binary().orElseThrow();
            if (overall.hasScores() && overall.calibrationBins() != policy.calibrationBins()) {
                throw refused("/metrics/calibrationBins", policy.calibrationBins() + " calibration bins, as the"
                        + " policy's metrics.calibrationBins, got " + overall.calibrationBins());
            }
        }
    }

    private static String name(TaskType task) {
        return task.name().toLowerCase(Locale.ROOT);
    }

    /** Whether a binary model's statistics hold scores without the rank summary that rank metrics need. */
    private boolean lacksRanks() {
        return statistics.binary().map(b -> b.hasScores() && !b.hasRankMetrics()).orElse(false);
    }

    /**
     * The validation gate's accumulators: overall, and per value of each of {@code sliceColumns}.
     *
     * @param rankSlices the slice columns whose limits need rank metrics
     * @param ranksNeeded whether a limit or a baseline comparison of the policy needs rank metrics overall
     */
    ValidationGate.Sliced sliced(List<String> sliceColumns, List<String> rankSlices, boolean ranksNeeded)
            throws BadInputException {
        if (ranksNeeded && lacksRanks()) {
            throw refused("/metrics/ranks", "the rank summary that the policy's limits on rank metrics ("
                    + rankMetricNames() + ") need, got statistics without one");
        }
        List<String> held = statistics.sliceColumns();
        for (String column : sliceColumns) {
            if (!held.contains(column)) {
                throw refused("/slices", "the slice column '" + column + "' that the policy's slices judge, got "
                        + (held.isEmpty() ? "no slice column" : "the slice columns " + held));
            }
            if (rankSlices.contains(column) && statistics.binary().orElseThrow().hasScores()
                    && !statistics.sliceHasRanks(column)) {
                throw refused("/slices", "a rank summary of each value of '" + column + "', which the policy's"
                        + " slice limits on rank metrics need, got slices without one");
            }
        }
        return ValidationGate.Sliced.of(statistics, sliceColumns);
    }

    private static String rankMetricNames() {
        return String.join(", ", Metric.of(TaskType.BINARY).stream().filter(Metric::needsRanks).map(Metric::id)
                .toList());
    }

    /**
     * The ethics gate's accumulators: overall, and the groups of the judged attributes.
     *
     * @param sensitive the sensitive columns judged (empty for a model that is not binary, or without any)
     * @param ranks whether the rank metrics are computed (the model card declares one)
     */
    EthicsGate.Grouped grouped(List<String> sensitive, List<List<String>> intersections, boolean ranks)
            throws BadInputException {
        if (ranks && lacksRanks()) {
            throw refused("/metrics/ranks", "the rank summary that the model card's rank metrics need, got"
                    + " statistics without one");
        }
        if (!sensitive.isEmpty() && statistics.fairness().isEmpty()) {
            throw refused("/fairness", "the groups of the sensitive columns the policy judges ("
                    + String.join(", ", FairnessAccumulator.attributes(sensitive, intersections))
                    + "), got no fairness groups");
        }
        try {
            return EthicsGate.Grouped.of(statistics, sensitive, intersections);
        } catch (IllegalArgumentException e) {
            throw refused("/fairness/attributes", "the groups of '" + e.getMessage() + "', which the policy"
                    + " judges, got the attributes " + statistics.fairness().orElseThrow().attributes());
        }
    }

    /**
     * The current data's column profiles the statistics carry, for the drift checks of a policy that reads the input
     * columns beside the predictions; statistics without them are refused, never judged without drift.
     */
    CurrentProfile currentProfile() throws BadInputException {
        if (statistics.profile().isEmpty()) {
            throw refused("/profile", "the current data's column profiles (\"profile\"), which the policy's drift"
                    + " checks need (data.reference or data.profile without data.current: the input columns are those"
                    + " of the prediction rows), got statistics without them; write the statistics under this policy"
                    + " (mlgates stats, or mlgates-spark), or name the rows' feature file in data.current");
        }
        return statistics.profile().get();
    }

    /** Whether the statistics' rows have scores. */
    boolean hasScores() {
        return statistics.binary().map(BinaryAccumulator::hasScores).orElse(false);
    }

    /** What was read, as the result's data summary says it. */
    DataSummary summary() {
        Optional<BinaryReading> binary = statistics.decisions().map(d -> new BinaryReading(d.positive(),
                statistics.classes().stream().filter(c -> !c.equals(d.positive())).findFirst()
                        .or(source::declaredNegative), d.threshold(), d.predictionColumn(),
                policy.ethics().fairness().favourable() == Favourable.POSITIVE));
        return new DataSummary(String.join(", ", reads.stream().map(StatisticsFiles.Read::display).toList()),
                statistics.task(), statistics.classes(), statistics.rows(), statistics.rowsDropped(), List.of(),
                statistics.failedPredictions(), List.of(), bytes, binary, DataSource.STATISTICS,
                reads.stream().flatMap(r -> r.origin().stream()).toList());
    }

    List<String> classNames() {
        return statistics.classes();
    }

    /** Each file read, as evidence: role {@code statistics}, the file, the digest of its bytes. */
    List<Evidence.Input> inputs() {
        return reads.stream().map(r -> new Evidence.Input(DataSource.STATISTICS.id(), r.display(), r.digest()))
                .toList();
    }

    /**
     * The candidate: the model's artefacts. Statistics name no model, and unlike a prediction file they are no
     * stand-in for one, so without artefacts they are refused.
     */
    Candidate candidate(Optional<Candidate> artefacts, String policyName) throws BadInputException {
        if (artefacts.isEmpty()) {
            throw new BadInputException(reads.get(0).display(), 0, 0, "statistics judge a model only beside its"
                    + " artefacts, which name the candidate: expected the model's files (model/, or model.artifacts in "
                    + policyName + ")");
        }
        return artefacts.get();
    }
}
