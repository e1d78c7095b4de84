package io.mlgates.core.report;

import io.mlgates.core.audit.AuditHead;
import io.mlgates.core.candidate.Candidate;
import io.mlgates.core.fairness.FairnessAccumulator;
import io.mlgates.core.fairness.FairnessOptions;
import io.mlgates.core.fairness.FairnessResult;
import io.mlgates.core.gate.BinaryReading;
import io.mlgates.core.gate.CheckResult;
import io.mlgates.core.gate.DataSummary;
import io.mlgates.core.gate.Evidence;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.Limit;
import io.mlgates.core.gate.SeenChainHead;
import io.mlgates.core.gate.Status;
import io.mlgates.core.gate.WaiverNote;
import io.mlgates.core.metrics.CalibrationBin;
import io.mlgates.core.metrics.Interval;
import io.mlgates.core.metrics.MetricValue;
import io.mlgates.core.metrics.OperatingPoint;
import io.mlgates.core.metrics.ScoreCurves;
import io.mlgates.core.policy.OrganisationRef;
import io.mlgates.core.metrics.TaskType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Gate results with every kind of field filled, for the report tests. */
public final class GateResultFixtures {
    public static final String HOSTILE = "<script>alert('x')</script> & \"q\" \u0007\u001b[31m \u202Eevil";

    private GateResultFixtures() {
    }

    public static GateResult full(String modelName) {
        Map<String, MetricValue> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", MetricValue.of("accuracy", 0.75, new Interval(0.409, 0.929, 0.95, "wilson")));
        metrics.put("recall", MetricValue.undefined("recall", "no positive labels: recall is 0/0"));
        metrics.put("reported.val_auc", MetricValue.reported("reported.val_auc", 0.81));
        Limit atLeast = new Limit(Limit.Comparison.AT_LEAST, 0.7, Limit.Judged.LOWER_BOUND);
        List<CheckResult> checks = List.of(
                CheckResult.ofInput("data:rows", Status.PASS, 8, "8 rows read"),
                new CheckResult("limit:accuracy:min", Status.FAIL, Optional.of("accuracy"), OptionalDouble.of(0.75),
                        Optional.of(new Interval(0.409, 0.929, 0.95, "wilson")), Optional.of(atLeast),
                        OptionalDouble.empty(), Optional.empty(), "lower bound of accuracy = 0.409 breaks >= 0.7"),
                new CheckResult("limit:recall:min", Status.ERROR, Optional.of("recall"), OptionalDouble.empty(),
                        Optional.empty(), Optional.empty(), OptionalDouble.empty(), Optional.empty(),
                        "recall is undefined: no positive labels"),
                new CheckResult("slice:g=" + modelName + ":recall", Status.SKIPPED, Optional.of("recall"),
                        OptionalDouble.empty(), Optional.empty(), Optional.empty(), OptionalDouble.empty(),
                        Optional.of("g=" + modelName), "slice has 2 rows " + modelName),
                new CheckResult("baseline:accuracy:max_drop", Status.WARN, Optional.of("accuracy"),
                        OptionalDouble.of(0.75), Optional.empty(),
                        Optional.of(new Limit(Limit.Comparison.AT_MOST, 0.2, Limit.Judged.ESTIMATE)),
                        OptionalDouble.of(0.8), Optional.empty(), "dropped"));
        return new GateResult("validate", Status.ERROR, modelName,
                new Candidate("sha256:" + "ab".repeat(32), "model", 2, 1234), "sha256:" + "cd".repeat(32),
                Optional.of("mlgates.yaml"), Optional.empty(),
                new DataSummary("eval/p.csv", TaskType.BINARY, List.of("1", "0"), 8, 1, List.of("eval/p.csv:3: bad"),
                        2, List.of("eval/p.csv:5: column 'score': NaN is not a finite number"), 99,
                        Optional.of(new BinaryReading("1", Optional.of("0"), 0.5, Optional.empty(), true))),
                metrics, checks, Optional.of(curves()), Instant.parse("2026-11-26T12:00:00Z"), "0.1.0-test",
                Optional.empty(), new Evidence(List.of(new Evidence.Input("predictions", "eval/p.csv",
                        "sha256:" + "12".repeat(32)), new Evidence.Input("baseline", "eval/base.json",
                        "sha256:" + "34".repeat(32))), SeenChainHead.of(".mlgates/registry.db",
                        new AuditHead(7, "56".repeat(32))), Map.of("predictions", "eval/p.csv")));
    }

    /**
     * An ethics result whose group values, attribute name, reference group and waiver come from users' files and
     * carry {@code hostile}: markup, quotes and control characters.
     */
    public static GateResult ethics(String hostile) {
        String attribute = "sex" + hostile;
        FairnessAccumulator acc = new FairnessAccumulator(List.of(attribute, "age"), List.of(List.of(attribute, "age")),
                true, 10, 100);
        String[][] groups = {{"f" + hostile, "young"}, {"m", "old"}, {"m", "young"}, {"x", "old"}};
        int[] sizes = {40, 40, 40, 3};
        for (int g = 0; g < groups.length; g++) {
            for (int i = 0; i < sizes[g]; i++) {
                acc.add(groups[g], i % 3 == 0, i % (g + 2) == 0, (i % 10) / 10.0, 1 + (i % 2));
            }
        }
        FairnessResult fairness = acc.compute(new FairnessOptions(0.95, 10, 30, false,
                Map.of(attribute, "m", attribute + "&age", "m&old"), false));
        WaiverNote note = new WaiverNote("fairness:*" + hostile, "accepted " + hostile, "Jane " + hostile,
                LocalDate.parse("2027-01-31"), Status.FAIL);
        List<CheckResult> checks = List.of(
                CheckResult.ofInput("data:rows", Status.PASS, 123, "123 rows read"),
                new CheckResult("fairness:" + attribute + ":four_fifths:f" + hostile, Status.WAIVED,
                        Optional.of("disparate_impact"), OptionalDouble.of(0.7),
                        Optional.of(new Interval(0.5, 0.9, 0.95, "katz-log")),
                        Optional.of(new Limit(Limit.Comparison.AT_LEAST, 0.8, Limit.Judged.ESTIMATE)),
                        OptionalDouble.empty(), Optional.of(attribute + "=f" + hostile),
                        "waived (was FAIL): " + hostile, Optional.of(note)),
                new CheckResult("fairness:" + attribute + ":demographic_parity_ratio:min", Status.WARN,
                        Optional.of("demographic_parity_ratio"), OptionalDouble.of(0.75),
                        Optional.of(new Interval(0.6, 0.95, 0.95, "katz-log")),
                        Optional.of(new Limit(Limit.Comparison.AT_LEAST, 0.8, Limit.Judged.INTERVAL)),
                        OptionalDouble.empty(), Optional.empty(), "straddles " + hostile),
                new CheckResult("docs:model_card:intended_use", Status.FAIL, Optional.empty(), OptionalDouble.empty(),
                        Optional.empty(), Optional.empty(), OptionalDouble.empty(), Optional.empty(),
                        "MODEL_CARD.md: no section " + hostile));
        Map<String, MetricValue> metrics = new LinkedHashMap<>(fairness.overall().rates());
        return new GateResult("ethics", Status.FAIL, "credit" + hostile,
                new Candidate("sha256:" + "ab".repeat(32), "model", 2, 1234), "sha256:" + "cd".repeat(32),
                Optional.of("mlgates.yaml"),
                Optional.of(new OrganisationRef("org-policy" + hostile + ".yaml", "sha256:" + "ef".repeat(32))),
                new DataSummary("eval/p.csv", TaskType.BINARY, List.of("1", "0"), 123, 0, List.of(), 0, List.of(), 99,
                        Optional.of(new BinaryReading("1" + hostile, Optional.empty(), 0.3,
                                Optional.of("pred" + hostile), false))),
                metrics, checks, Optional.empty(), Instant.parse("2026-11-26T12:00:00Z"), "0.1.0-test",
                Optional.of(fairness), new Evidence(List.of(), SeenChainHead.none(".mlgates/registry.db", "not read"), Map.of()));
    }

    /** Three operating points and two calibration bins, one of them empty. */
    public static ScoreCurves curves() {
        return new ScoreCurves(List.of(new OperatingPoint(0.9, 0.4, 0.1, 0.8), new OperatingPoint(0.5, 0.75, 0.3, 0.6),
                new OperatingPoint(0.1, 1, 1, 0.5)), Optional.empty(), List.of(
                new CalibrationBin(0, 0.5, 5, 5, OptionalDouble.of(0.2), OptionalDouble.of(0.4)),
                new CalibrationBin(0.5, 1, 0, 0, OptionalDouble.empty(), OptionalDouble.empty())));
    }

    /** The same result as a model without scores would have it: no curves. */
    /** {@link #full} as read from a file without a score column: the score metrics undefined, no curves. */
    public static GateResult withoutCurves(String modelName) {
        return withoutCurves(modelName, MetricValue.undefined("log_loss", "no score column"));
    }

    /** {@link #full} without curves, its log loss as given (defined for a gate that reads scores but draws none). */
    public static GateResult withoutCurves(String modelName, MetricValue logLoss) {
        GateResult r = full(modelName);
        Map<String, MetricValue> metrics = new LinkedHashMap<>(r.metrics());
        metrics.put("log_loss", logLoss);
        return new GateResult(r.gate(), r.status(), r.modelName(), r.candidate(), r.policyDigest(), r.policyFile(),
                r.organisationPolicy(), r.data(), metrics, r.checks(), Optional.empty(), r.evaluatedAt(),
                r.engineVersion(), r.fairness(), r.evidence());
    }
}
