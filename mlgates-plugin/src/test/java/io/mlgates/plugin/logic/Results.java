package io.mlgates.plugin.logic;

import io.mlgates.core.candidate.Candidate;
import io.mlgates.core.gate.CheckResult;
import io.mlgates.core.gate.DataSummary;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.Limit;
import io.mlgates.core.gate.Status;
import io.mlgates.core.metrics.Interval;
import io.mlgates.core.metrics.MetricValue;
import io.mlgates.core.metrics.TaskType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Gate results built by hand, for statuses and sizes the example repository does not produce. */
public final class Results {
    /** Text a hostile model card or group column could hold. */
    public static final String HOSTILE = "<script>alert('x')</script> & \"q\" <img src=x onerror=alert(1)>";

    private Results() {
    }

    public static CheckResult check(String id, Status status, String metric, double observed) {
        return new CheckResult(id, status, Optional.ofNullable(metric), OptionalDouble.of(observed), Optional.empty(),
                Optional.of(new Limit(Limit.Comparison.AT_LEAST, 0.5, Limit.Judged.ESTIMATE)), OptionalDouble.empty(),
                Optional.empty(), status + " " + id);
    }

    public static CheckResult sliceCheck(String slice, Status status) {
        return new CheckResult("slice:" + slice + ":recall:min", status, Optional.of("recall"), OptionalDouble.of(0.6),
                Optional.empty(), Optional.empty(), OptionalDouble.empty(), Optional.of(slice), "recall of " + slice);
    }

    public static GateResult of(String model, List<CheckResult> checks) {
        Map<String, MetricValue> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", MetricValue.of("accuracy", 0.85, new Interval(0.64, 0.95, 0.95, "wilson")));
        metrics.put("recall", MetricValue.of("recall", 0.8));
        metrics.put("roc_auc", MetricValue.undefined("roc_auc", "no score column"));
        return new GateResult("validate", Status.worstOf(checks.stream().map(CheckResult::status).toList()), model,
                new Candidate("sha256:" + "ab".repeat(32), "model", 1, 7), "sha256:" + "cd".repeat(32),
                Optional.of("mlgates.yaml"), Optional.empty(),
                new DataSummary("eval/predictions.csv", TaskType.BINARY, List.of("0", "1"), 20, 0, List.of(), 300),
                metrics, checks, Optional.empty(), Instant.parse("2026-11-26T12:00:00Z"), "test", Optional.empty());
    }

    /** One check per status, in policy order, plus {@code slices} passing slice checks. */
    public static GateResult everyStatus(String model, int slices) {
        List<CheckResult> checks = new ArrayList<>(List.of(
                check("data:rows", Status.PASS, null, 20),
                check("limit:accuracy:min", Status.WARN, "accuracy", 0.85),
                check("limit:roc_auc:min", Status.ERROR, "roc_auc", 0),
                check("limit:recall:min", Status.FAIL, "recall", 0.8),
                check("slice:g=small:recall:min", Status.SKIPPED, "recall", 0)));
        for (int i = 0; i < slices; i++) {
            checks.add(sliceCheck("g=" + i, Status.PASS));
        }
        return of(model, checks);
    }
}
