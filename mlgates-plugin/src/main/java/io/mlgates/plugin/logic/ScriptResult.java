package io.mlgates.plugin.logic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value a gate step returns to the Pipeline script: a small map of strings, numbers and lists of maps.
 * Script Security's sandbox reads {@code r.status} on a map as {@code Map.get("status")}, which its generic whitelist
 * permits, and Pipeline persists these types with the program at every checkpoint; so the value is the summary, a
 * few kilobytes whatever the result's size. The full checks stay in the result files and the result's REST API.
 */
public final class ScriptResult {
    private ScriptResult() {
    }

    /**
     * {@code id}, {@code gate}, {@code status}, {@code model}, {@code candidate}, {@code policy} (its digest),
     * {@code resultDigest}: strings; {@code counts}: status to number of checks; {@code metrics}: the metrics the
     * policy judges on the whole data, name to value (null when undefined); {@code worstChecks}: at most five maps of
     * {@code id}, {@code status}, {@code message}, worst first; {@code url}: the result's page relative to Jenkins'
     * root URL; {@code omittedChecks}: checks not kept with the build; {@code files}: the result files written.
     */
    public static Map<String, Object> of(ResultSummary summary, String url) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", summary.getId());
        r.put("gate", summary.getGate());
        r.put("status", summary.getStatus());
        r.put("model", summary.getModel());
        r.put("candidate", summary.getCandidate());
        r.put("policy", summary.getPolicyDigest());
        r.put("resultDigest", summary.getResultDigest());
        r.put("counts", new LinkedHashMap<>(summary.getCounts()));
        r.put("metrics", new LinkedHashMap<>(summary.getJudgedMetrics()));
        List<Object> worst = new ArrayList<>();
        for (CheckLine c : summary.getWorstChecks()) {
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("id", c.getId());
            check.put("status", c.getStatus());
            check.put("message", c.getMessage());
            worst.add(check);
        }
        r.put("worstChecks", worst);
        r.put("url", url);
        r.put("omittedChecks", summary.getOmittedChecks());
        r.put("files", new ArrayList<>(summary.getFiles()));
        return r;
    }
}
