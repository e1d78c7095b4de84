package io.mlgates.plugin.logic;

import io.mlgates.core.gate.CheckResult;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.Status;
import io.mlgates.core.metrics.MetricValue;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.report.GateResultJson;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a build keeps of a gate result in build.xml: enough for the summary box, the job trend, the script's value and
 * the remote API's overview without reading the full result, which lives in a file of its own. Built on the controller
 * from the JSON it stores ({@link #received}); every string is bounded ({@link Bounds}), so a build.xml stays small
 * whatever an agent sends. The status and counts are the agent's claim, checked against the stored JSON; the digest
 * of that JSON, computed on the controller, binds the summary to the file.
 */
public final class ResultSummary implements Serializable {
    private static final long serialVersionUID = 2L;
    /** Checks the summary box lists. */
    static final int WORST_CHECKS = 5;
    /** Metrics the job trend follows. */
    static final int TREND_METRICS = 6;
    /** Metrics the script's value names. */
    static final int JUDGED_METRICS = 50;

    private final String id;
    private final String gate;
    private final String status;
    private final String model;
    private final String candidate;
    private final String policyDigest;
    private final String evaluatedAt;
    private final String resultDigest;
    private final LinkedHashMap<String, Long> counts;
    private final ArrayList<CheckLine> worstChecks;
    private final LinkedHashMap<String, Double> judgedMetrics;
    private final int omittedChecks;
    private final ArrayList<String> files;

    /**
     * The summary of a full result, nothing left out: for results the controller judged itself, and tests.
     *
     * @param id the result's id within its build
     * @param files result files written to the workspace
     */
    public static ResultSummary of(String id, GateResult result, int omittedChecks, List<String> files) {
        String json = new GateResultJson().toJson(result);
        return new ResultSummary(id, result, countsOf(result), omittedChecks, files, digest(json));
    }

    /**
     * The summary the controller keeps of an agent's reply, from the JSON it read and stores.
     *
     * @param id the id the controller reserved, whatever the agent says
     * @param kept the result read from {@code json}, the checks the agent kept
     * @param json the JSON as stored
     * @param claim the agent's reply: counts of the full result, checks left out, files written
     * @throws IllegalArgumentException when the claimed counts do not add up with the kept checks
     */
    public static ResultSummary received(String id, GateResult kept, String json, GateRun claim) {
        Map<String, Long> keptCounts = countsOf(kept);
        Map<String, Long> claimed = claim.counts();
        long extra = 0;
        for (Map.Entry<String, Long> e : keptCounts.entrySet()) {
            Long n = claimed.get(e.getKey());
            if (n == null || n < e.getValue()) {
                throw new IllegalArgumentException("the agent counts " + n + " " + e.getKey() + " checks, the result it"
                        + " sent has " + e.getValue());
            }
            extra += n - e.getValue();
        }
        if (claimed.size() != keptCounts.size() || extra != claim.omittedChecks()) {
            throw new IllegalArgumentException("the agent's counts do not add up: " + claim.omittedChecks()
                    + " checks left out, " + extra + " more counted than sent");
        }
        return new ResultSummary(id, kept, claimed, claim.omittedChecks(), claim.files(), digest(json));
    }

    private ResultSummary(String id, GateResult result, Map<String, Long> counts, int omittedChecks,
                          List<String> files, String resultDigest) {
        this.id = Objects.requireNonNull(id, "id");
        this.gate = Bounds.text(result.gate(), Bounds.NAME);
        this.status = result.status().name();
        this.model = Bounds.text(result.modelName(), Bounds.NAME);
        this.candidate = Bounds.text(result.candidate().digest(), Bounds.NAME);
        this.policyDigest = Bounds.text(result.policyDigest(), Bounds.NAME);
        this.evaluatedAt = result.evaluatedAt().toString();
        this.resultDigest = resultDigest;
        this.counts = new LinkedHashMap<>(counts);
        this.worstChecks = new ArrayList<>(result.checks().stream().filter(c -> Severity.needsAttention(c.status()))
                .sorted(Severity.WORST_FIRST_ORDER).limit(WORST_CHECKS).map(CheckLine::of).toList());
        this.judgedMetrics = judgedMetrics(result);
        this.omittedChecks = omittedChecks;
        this.files = new ArrayList<>(Bounds.texts(files, Bounds.FILES, Bounds.NAME));
    }

    /** Checks per status, every status present, in the engine's order. */
    static Map<String, Long> countsOf(GateResult result) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Status s : Status.values()) {
            counts.put(s.name(), result.count(s));
        }
        return counts;
    }

    /** {@code sha256:} and the lowercase hex SHA-256 of the JSON's UTF-8 bytes, as stored beside build.xml. */
    public static String digest(String json) {
        return PolicyLoader.digest(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The metrics the policy judges on the whole data (its limits and baseline comparisons), in the order it states
     * them: the ones a team watches over time. An undefined value is kept as null.
     */
    private static LinkedHashMap<String, Double> judgedMetrics(GateResult result) {
        LinkedHashMap<String, Double> judged = new LinkedHashMap<>();
        for (CheckResult check : result.checks()) {
            if (check.slice().isPresent() || check.metric().isEmpty() || judged.size() == JUDGED_METRICS) {
                continue;
            }
            String name = check.metric().get();
            MetricValue value = result.metrics().get(name);
            judged.putIfAbsent(Bounds.text(name, Bounds.NAME),
                    value == null || !value.isDefined() ? null : value.value().getAsDouble());
        }
        return judged;
    }

    public String getId() {
        return id;
    }

    public String getGate() {
        return gate;
    }

    public String getStatus() {
        return status;
    }

    public String getModel() {
        return model;
    }

    public String getCandidate() {
        return candidate;
    }

    public String getPolicyDigest() {
        return policyDigest;
    }

    public String getEvaluatedAt() {
        return evaluatedAt;
    }

    /** Number of checks per status, every status present, in the engine's order. */
    public Map<String, Long> getCounts() {
        return Collections.unmodifiableMap(counts);
    }

    public long getTotalChecks() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The worst checks that need attention (ERROR, FAIL, WARN), at most five. */
    public List<CheckLine> getWorstChecks() {
        return Collections.unmodifiableList(worstChecks);
    }

    /** The metrics the policy judges on the whole data, in its order, at most {@value #JUDGED_METRICS}. */
    public Map<String, Double> getJudgedMetrics() {
        return Collections.unmodifiableMap(judgedMetrics);
    }

    /** The first {@value #TREND_METRICS} judged metrics: those the job trend follows. */
    public Map<String, Double> getTrendMetrics() {
        Map<String, Double> trend = new LinkedHashMap<>();
        judgedMetrics.entrySet().stream().limit(TREND_METRICS).forEach(e -> trend.put(e.getKey(), e.getValue()));
        return trend;
    }

    /** {@code sha256:} digest of the result's JSON as the build stores it. */
    public String getResultDigest() {
        return resultDigest;
    }

    /** Checks left out of the stored result to keep it within its size bound; the workspace files hold them all. */
    public int getOmittedChecks() {
        return omittedChecks;
    }

    /** The result files written to the workspace, relative to the step's working directory. */
    public List<String> getFiles() {
        return Collections.unmodifiableList(files);
    }

    /** "12 checks: 10 PASS, 1 WARN, 1 FAIL", statuses with no check left out. */
    public String getCountsText() {
        List<String> parts = new ArrayList<>();
        counts.forEach((s, n) -> {
            if (n > 0) {
                parts.add(n + " " + s);
            }
        });
        long total = getTotalChecks();
        return total + (total == 1 ? " check" : " checks") + (parts.isEmpty() ? "" : ": " + String.join(", ", parts));
    }
}
