package io.mlgates.core.gate;

import io.mlgates.core.BadInputException;
import io.mlgates.core.data.MetricsFile;
import io.mlgates.core.metrics.Metric;
import io.mlgates.core.metrics.MetricValue;
import io.mlgates.core.policy.BaselineComparison;
import io.mlgates.core.policy.Severity;
import io.mlgates.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The comparison with a baseline: its metrics read from a file or from the registry's record of a stage's version,
 * then compared as the policy's {@code baseline.compare} says, or, when it says nothing, by the default comparison.
 */
final class BaselineChecks {
    /** Said on every check of the default comparison, so that nobody takes it for a rule they wrote. */
    static final String DEFAULT_NOTE = "(no baseline.compare in the policy: the default comparison, every metric of"
            + " known direction at maxDrop 0, as a warning)";

    private BaselineChecks() {
    }

    /**
     * @param requested whether the caller named the baseline (for messages: {@code --baseline})
     * @param configured the policy's comparisons; none means the default comparison
     * @param inputs where the baseline read is recorded as evidence
     */
    static List<CheckResult> compare(BaselineSource source, boolean requested, List<BaselineComparison> configured,
                                     Map<String, MetricValue> metrics, Workspace ws, StageMetrics stages,
                                     String policyName, List<Evidence.Input> inputs) throws BadInputException {
        String shown;
        Map<String, OptionalDouble> values;
        if (source instanceof BaselineSource.File file) {
            Path path = file.file().resolve(ws, requested ? "--baseline" : policyName + " (baseline.path)");
            shown = ws.display(path);
            MetricsFile.Read read = MetricsFile.read(path, shown);
            inputs.add(new Evidence.Input("baseline", shown, read.digest()));
            values = read.values();
        } else {
            BaselineSource.Stage stage = (BaselineSource.Stage) source;
            StageMetrics.Found found = stages.in(stage.stage());
            if (found instanceof StageMetrics.Absent absent) {
                return List.of(DocumentationChecks.simple("baseline:" + stage.shown(), Status.SKIPPED,
                        absent.reason()));
            }
            StageMetrics.Recorded recorded = (StageMetrics.Recorded) found;
            shown = recorded.shownAs();
            inputs.add(new Evidence.Input("baseline", shown, recorded.digest()));
            values = recorded.values();
        }
        List<CheckResult> checks = new ArrayList<>();
        if (!configured.isEmpty()) {
            for (BaselineComparison comparison : configured) {
                checks.addAll(LimitRules.compare(comparison, metrics, values, shown));
            }
            return checks;
        }
        for (Map.Entry<String, MetricValue> metric : metrics.entrySet()) {
            String name = metric.getKey();
            OptionalDouble base = values.getOrDefault(name, OptionalDouble.empty());
            boolean known = Metric.named(name).flatMap(Metric::direction).isPresent();
            if (known && metric.getValue().isDefined() && base.isPresent()) {
                BaselineComparison atMost = new BaselineComparison(name, OptionalDouble.of(0),
                        OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(),
                        Severity.WARN);
                LimitRules.compare(atMost, metrics, values, shown).forEach(c -> checks.add(c.withNote(DEFAULT_NOTE)));
            }
        }
        if (checks.isEmpty()) {
            checks.add(DocumentationChecks.simple("baseline:compare", Status.SKIPPED, "no metric of known direction"
                    + " is defined both for the candidate and in the baseline " + shown + ": nothing to compare "
                    + DEFAULT_NOTE));
        }
        return checks;
    }
}
