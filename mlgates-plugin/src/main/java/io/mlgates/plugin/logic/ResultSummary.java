package io.mlgates.plugin.logic;

import io.mlgates.core.gate.CheckResult;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.Status;
import io.mlgates.core.metrics.MetricValue;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a build keeps of a gate result in build.xml: enough for the summary box, the job trend and the remote API's
 * overview without reading the full result, which lives in a file of its own. Computed on the agent from the full
 * result, so its counts stay true when the result sent back was shortened.
 */
public final class ResultSummary implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Checks the summary box lists. */
    static final int WORST_CHECKS = 5;
    /** Metrics the job trend follows. */
    static final int TREND_METRICS = 6;

    private final String id;
    private final String gate;
    private final String status;
    private final String model;
    private final String candidate;
    private final String policyDigest;
    private final String evaluatedAt;
    private final LinkedHashMap<String, Long> counts;
    private final ArrayList<CheckLine> worstChecks;
    private final LinkedHashMap<String, Double> trendMetrics;
    private final int omittedChecks;
    private final ArrayList<String> files;

    /**
     * @param id the result's id within its build
     * @param result the full result
     * @param omittedChecks checks left out of the stored result
     * @param files result files written to the workspace
     */
    public static ResultSummary of(String id, GateResult result, int omittedChecks, List<String> files) {
        return new ResultSummary(id, result, omittedChecks, files);
    }

    private ResultSummary(String id, GateResult result, int omittedChecks, List<String> files) {
        this.id = Objects.requireNonNull(id, "id");
        this.gate = result.gate();
        this.status = result.status().name();
        this.model = result.modelName();
        this.candidate = result.candidate().digest();
        this.policyDigest = result.policyDigest();
        this.evaluatedAt = result.evaluatedAt().toString();
        this.counts = new LinkedHashMap<>();
        for (Status s : Status.values()) {
            counts.put(s.name(), result.count(s));
        }
        this.worstChecks = new ArrayList<>(result.checks().stream().filter(c -> Severity.needsAttention(c.status()))
                .sorted(Severity.WORST_FIRST_ORDER).limit(WORST_CHECKS).map(CheckLine::of).toList());
        this.trendMetrics = trendMetrics(result);
        this.omittedChecks = omittedChecks;
        this.files = new ArrayList<>(files);
    }

    /**
     * The metrics the policy judges on the whole data (its limits and baseline comparisons), in the order it states
     * them: the ones a team watches over time. An undefined value is kept as null.
     */
    private static LinkedHashMap<String, Double> trendMetrics(GateResult result) {
        LinkedHashMap<String, Double> trend = new LinkedHashMap<>();
        for (CheckResult check : result.checks()) {
            if (check.slice().isPresent() || check.metric().isEmpty() || trend.size() == TREND_METRICS) {
                continue;
            }
            String name = check.metric().get();
            MetricValue value = result.metrics().get(name);
            trend.putIfAbsent(name, value == null || !value.isDefined() ? null : value.value().getAsDouble());
        }
        return trend;
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

    public Map<String, Double> getTrendMetrics() {
        return Collections.unmodifiableMap(trendMetrics);
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
