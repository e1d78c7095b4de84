package io.mlgates.plugin.logic;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One result in the job's trend index: which build, which result id, its status and the metrics a team follows; and,
 * for promotion to find evidence without loading builds, the gate, the candidate it judged and the digest of the
 * result's JSON as the controller stored it (absent from lines written before promotion read the index); and, for the
 * release-train board, the model, the policy's digest and when the controller kept the result (absent from lines
 * written before the board read the index).
 */
public final class TrendEntry {
    private final int build;
    private final String id;
    private final String status;
    private final LinkedHashMap<String, Double> metrics;
    private final Evidence evidence;
    private final Judgement judgement;

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

    /**
     * What the board reads of an entry.
     *
     * @param model the model's name, as the result names it
     * @param policyDigest the digest of the policy the result was judged under
     * @param keptAt when the controller kept the result: its own clock, not the agent's
     */
    public record Judgement(String model, String policyDigest, Instant keptAt) {
        public Judgement {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(policyDigest, "policyDigest");
            Objects.requireNonNull(keptAt, "keptAt");
        }
    }

    public TrendEntry(int build, String id, String status, Map<String, Double> metrics) {
        this(build, id, status, metrics, null, null);
    }

    TrendEntry(int build, String id, String status, Map<String, Double> metrics, Evidence evidence,
               Judgement judgement) {
        this.build = build;
        this.id = Objects.requireNonNull(id, "id");
        this.status = Objects.requireNonNull(status, "status");
        this.metrics = new LinkedHashMap<>(metrics);
        this.evidence = evidence;
        this.judgement = judgement;
    }

    static TrendEntry of(int build, ResultSummary summary, Instant keptAt) {
        return new TrendEntry(build, summary.getId(), summary.getStatus(), summary.getTrendMetrics(),
                new Evidence(summary.getGate(), summary.getCandidate(), summary.getResultDigest()),
                new Judgement(summary.getModel(), summary.getPolicyDigest(), keptAt));
    }

    /** The gate, candidate and result digest; empty on a line written before the index kept them. */
    public Optional<Evidence> evidence() {
        return Optional.ofNullable(evidence);
    }

    /** The model, policy digest and time kept; empty on a line written before the index kept them. */
    public Optional<Judgement> judgement() {
        return Optional.ofNullable(judgement);
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
