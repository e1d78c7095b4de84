package io.mlgates.plugin.logic;

import io.mlgates.core.gate.CheckResult;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.metrics.MetricValue;
import io.mlgates.core.report.GateResultJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A gate result's JSON within a size bound. The JSON travels from the agent to the controller, is stored beside
 * build.xml and is parsed whenever its page is shown, so a result with, say, a check for each of 50,000 slice values
 * is shortened: it keeps its worst checks (so its status stays the same), in their original order, and when even the
 * worst check does not fit beside every metric, only the metrics its checks name. The files written to the workspace
 * keep everything.
 *
 * @param json the result's JSON, at most the bound's length
 * @param omittedChecks how many checks were left out
 */
public record BoundedResult(String json, int omittedChecks) {
    /**
     * @throws IllegalArgumentException when not even the worst check fits, which takes a bound of a few hundred
     *     characters
     */
    public static BoundedResult of(GateResult result, int maxChars) {
        GateResultJson writer = new GateResultJson();
        String full = writer.toJson(result);
        if (full.length() <= maxChars) {
            return new BoundedResult(full, 0);
        }
        List<CheckResult> worstFirst = result.checks().stream().sorted(Severity.WORST_FIRST_ORDER).toList();
        for (boolean allMetrics : new boolean[] {true, false}) {
            // The length grows with the number of checks kept: the most that fit is found by bisection.
            int fits = 0;
            String fitting = null;
            int low = 1;
            int high = worstFirst.size();
            while (low <= high) {
                int keep = (low + high) >>> 1;
                String json = writer.toJson(shortened(result, worstFirst.subList(0, keep), allMetrics));
                if (json.length() <= maxChars) {
                    fits = keep;
                    fitting = json;
                    low = keep + 1;
                } else {
                    high = keep - 1;
                }
            }
            if (fitting != null) {
                return new BoundedResult(fitting, result.checks().size() - fits);
            }
        }
        throw new IllegalArgumentException("the result does not fit in " + maxChars
                + " characters even with its worst check alone");
    }

    private static GateResult shortened(GateResult r, List<CheckResult> kept, boolean allMetrics) {
        Set<CheckResult> keep = Set.copyOf(kept);
        List<CheckResult> inOrder = new ArrayList<>(r.checks().stream().filter(keep::contains).toList());
        Map<String, MetricValue> metrics = r.metrics();
        if (!allMetrics) {
            Set<String> named = inOrder.stream().flatMap(c -> c.metric().stream()).collect(Collectors.toSet());
            metrics = new LinkedHashMap<>();
            for (Map.Entry<String, MetricValue> e : r.metrics().entrySet()) {
                if (named.contains(e.getKey())) {
                    metrics.put(e.getKey(), e.getValue());
                }
            }
        }
        return new GateResult(r.gate(), r.status(), r.modelName(), r.candidate(), r.policyDigest(), r.policyFile(),
                r.organisationPolicy(), r.data(), metrics, inOrder, r.curves(), r.evaluatedAt(), r.engineVersion(),
                r.fairness(), r.evidence(), r.drift());
    }
}
