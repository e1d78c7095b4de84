package io.mlgates.plugin.logic;

import io.mlgates.core.gate.CheckResult;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.metrics.MetricValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value a gate step returns to the Pipeline script: nested maps and lists of strings, numbers and booleans.
 * Script Security's sandbox reads {@code r.status} on a map as {@code Map.get("status")}, which its generic whitelist
 * permits, and Pipeline persists these types with the program; a class of ours would need approval by an
 * administrator (or a whitelist of our own) before a sandboxed script could read it.
 */
public final class ScriptResult {
    private ScriptResult() {
    }

    /**
     * {@code id}, {@code gate}, {@code status}, {@code model}, {@code candidate}, {@code policy}: strings;
     * {@code counts}: status to number of checks; {@code metrics}: name to value (null when undefined);
     * {@code checks}: maps of {@code id}, {@code status}, {@code metric}, {@code observed}, {@code slice},
     * {@code message}; {@code omittedChecks}: checks not in {@code checks} (the workspace files have them);
     * {@code files}: the result files written.
     */
    public static Map<String, Object> of(ResultSummary summary, GateResult result) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", summary.getId());
        r.put("gate", summary.getGate());
        r.put("status", summary.getStatus());
        r.put("model", summary.getModel());
        r.put("candidate", summary.getCandidate());
        r.put("policy", summary.getPolicyDigest());
        r.put("counts", new LinkedHashMap<>(summary.getCounts()));
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (MetricValue m : result.metrics().values()) {
            metrics.put(m.name(), m.isDefined() ? m.value().getAsDouble() : null);
        }
        r.put("metrics", metrics);
        List<Object> checks = new ArrayList<>();
        for (CheckResult c : result.checks()) {
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("id", c.id());
            check.put("status", c.status().name());
            check.put("metric", c.metric().orElse(null));
            check.put("observed", c.observed().isPresent() ? c.observed().getAsDouble() : null);
            check.put("slice", c.slice().orElse(null));
            check.put("message", c.message());
            checks.add(check);
        }
        r.put("checks", checks);
        r.put("omittedChecks", summary.getOmittedChecks());
        r.put("files", new ArrayList<>(summary.getFiles()));
        return r;
    }
}
