package io.mlgates.plugin.logic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One result in the job's trend index: which build, which result id, its status and the metrics a team follows; and,
 * for promotion to find evidence without loading builds, the gate, the candidate it judged and the digest of the
 * result's JSON as the controller stored it (absent from lines written before promotion read the index).
 */
public final class TrendEntry {
    private final int build;
    private final String id;
    private final String status;
    private final LinkedHashMap<String, Double> metrics;
    private final Evidence evidence;

    /**
     * What promotion reads of an entry.
     *
     * @param gate the gate's name
     * @param candidate the candidate's digest
     * @param resultDigest the stored JSON's digest
     */
    public record Evidence(String gate, String candidate, String resultDigest) {
        public Evidence {
            Objects.requireNonNull(gate, "gate");
            Objects.requireNonNull(candidate, "candidate");
            Objects.requireNonNull(resultDigest, "resultDigest");
        }
    }

    public TrendEntry(int build, String id, String status, Map<String, Double> metrics) {
        this(build, id, status, metrics, null);
    }

    TrendEntry(int build, String id, String status, Map<String, Double> metrics, Evidence evidence) {
        this.build = build;
        this.id = Objects.requireNonNull(id, "id");
        this.status = Objects.requireNonNull(status, "status");
        this.metrics = new LinkedHashMap<>(metrics);
        this.evidence = evidence;
    }

    static TrendEntry of(int build, ResultSummary summary) {
        return new TrendEntry(build, summary.getId(), summary.getStatus(), summary.getTrendMetrics(),
                new Evidence(summary.getGate(), summary.getCandidate(), summary.getResultDigest()));
    }

    /** The gate, candidate and result digest; empty on a line written before the index kept them. */
    public Optional<Evidence> evidence() {
        return Optional.ofNullable(evidence);
    }

    public int getBuild() {
        return build;
    }

    public String getId() {
        return id;
    }

    public String getStatus() {
        return status;
    }

    /** The status badge's style class: {@code mlgates-warn}... */
    public String getBadge() {
        return Badge.of(status);
    }

    /** Metric name to value; null when the metric was undefined in that build. */
    public Map<String, Double> getMetrics() {
        return Collections.unmodifiableMap(metrics);
    }

    /** The value shown in a table cell: four decimals, or "undefined". */
    public String display(String metric) {
        Double v = metrics.get(metric);
        return v == null ? (metrics.containsKey(metric) ? "undefined" : "") : Numbers.format(v);
    }
}
