package io.mlgates.plugin.logic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** One result in the job's trend index: which build, which result id, its status and the metrics a team follows. */
public final class TrendEntry {
    private final int build;
    private final String id;
    private final String status;
    private final LinkedHashMap<String, Double> metrics;

    public TrendEntry(int build, String id, String status, Map<String, Double> metrics) {
        this.build = build;
        this.id = Objects.requireNonNull(id, "id");
        this.status = Objects.requireNonNull(status, "status");
        this.metrics = new LinkedHashMap<>(metrics);
    }

    static TrendEntry of(int build, ResultSummary summary) {
        return new TrendEntry(build, summary.getId(), summary.getStatus(), summary.getTrendMetrics());
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
