package io.mlgates.core.gate;

import io.mlgates.core.fairness.AttributeFairness;
import io.mlgates.core.fairness.FairnessResult;
import io.mlgates.core.fairness.GroupFairness;
import io.mlgates.core.fairness.ReferenceComparison;
import io.mlgates.core.metrics.Interval;
import io.mlgates.core.metrics.MetricValue;
import io.mlgates.core.policy.FairnessJudge;
import io.mlgates.core.policy.FairnessLimit;
import io.mlgates.core.policy.FairnessPolicy;
import io.mlgates.core.policy.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The ethics gate's fairness checks: groups too small to judge, the policy's limits on disparities, and the
 * four-fifths rule paired with a significance test for every group against its attribute's reference group.
 */
final class FairnessChecks {
    /** The four-fifths rule of the US Uniform Guidelines on Employee Selection Procedures (1978), section 4D. */
    static final double FOUR_FIFTHS = 0.8;

    private FairnessChecks() {
    }

    static List<CheckResult> of(FairnessResult result, FairnessPolicy policy, double confidenceLevel) {
        List<CheckResult> checks = new ArrayList<>();
        for (AttributeFairness a : result.attributes().values()) {
            for (Map.Entry<String, GroupFairness> g : a.groups().entrySet()) {
                if (g.getValue().excluded().isPresent()) {
                    String slice = a.attribute() + "=" + g.getKey();
                    checks.add(new CheckResult("fairness:" + slice + ":size", Status.SKIPPED, Optional.empty(),
                            OptionalDouble.of(g.getValue().count()), Optional.empty(), Optional.empty(),
                            OptionalDouble.empty(), Optional.of(slice), "group " + slice + " has "
                            + g.getValue().count() + " rows, fewer than minGroupSize " + policy.minGroupSize()
                            + ": left out of the disparities of " + a.attribute()));
                }
            }
            for (FairnessLimit limit : policy.limits()) {
                if (limit.appliesTo(a.attribute())) {
                    checks.addAll(limit(a, limit));
                }
            }
            for (ReferenceComparison c : a.comparisons()) {
                checks.add(fourFifths(a, c, 1 - confidenceLevel));
            }
        }
        return checks;
    }

    private static List<CheckResult> limit(AttributeFairness a, FairnessLimit rule) {
        List<CheckResult> out = new ArrayList<>(2);
        rule.min().ifPresent(min -> out.add(one(a, rule, Limit.Comparison.AT_LEAST, min)));
        rule.max().ifPresent(max -> out.add(one(a, rule, Limit.Comparison.AT_MOST, max)));
        return out;
    }

    private static CheckResult one(AttributeFairness a, FairnessLimit rule, Limit.Comparison comparison,
                                   double threshold) {
        String id = "fairness:" + a.attribute() + ":" + rule.metric() + ":"
                + (comparison == Limit.Comparison.AT_LEAST ? "min" : "max");
        boolean interval = rule.judge() == FairnessJudge.INTERVAL;
        Limit limit = new Limit(comparison, threshold, interval ? Limit.Judged.INTERVAL : Limit.Judged.ESTIMATE);
        MetricValue value = a.disparities().get(rule.metric());
        String what = rule.metric() + " of " + a.attribute();
        if (!value.isDefined()) {
            return new CheckResult(id, Status.ERROR, Optional.of(rule.metric()), OptionalDouble.empty(),
                    Optional.empty(), Optional.of(limit), OptionalDouble.empty(), Optional.empty(),
                    what + " is undefined: " + value.undefinedReason().orElseThrow());
        }
        double estimate = value.value().getAsDouble();
        String bound = comparison.symbol() + " " + LimitRules.fmt(threshold);
        Status status;
        String message;
        if (!interval) {
            boolean kept = limit.isKeptBy(estimate);
            status = kept ? Status.PASS : broken(rule.severity());
            message = what + " = " + LimitRules.fmt(estimate) + (kept ? " keeps " : " breaks ") + "the limit "
                    + bound + value.ci().map(ci -> " (" + LimitRules.describe(ci) + ")").orElse("");
        } else if (value.ci().isEmpty()) {
            return new CheckResult(id, Status.ERROR, Optional.of(rule.metric()), value.value(), Optional.empty(),
                    Optional.of(limit), OptionalDouble.empty(), Optional.empty(), what + " = "
                    + LimitRules.fmt(estimate) + " has no confidence interval, so judge: interval cannot judge it"
                    + " (intervals exist for between-group differences and for ratios of rates above 0)");
        } else {
            Interval ci = value.ci().get();
            boolean lowKeeps = limit.isKeptBy(ci.low());
            boolean highKeeps = limit.isKeptBy(ci.high());
            String range = LimitRules.describe(ci);
            if (lowKeeps && highKeeps) {
                status = Status.PASS;
                message = "the whole " + range + " of " + what + " keeps the limit " + bound + " (estimate "
                        + LimitRules.fmt(estimate) + ")";
            } else if (!lowKeeps && !highKeeps) {
                status = broken(rule.severity());
                message = "the whole " + range + " of " + what + " lies beyond the limit " + bound + " (estimate "
                        + LimitRules.fmt(estimate) + "): the disparity is real at this confidence";
            } else {
                status = Status.WARN;
                message = "the " + range + " of " + what + " straddles the limit " + bound + " (estimate "
                        + LimitRules.fmt(estimate) + "): the data cannot tell whether the limit holds";
            }
        }
        return new CheckResult(id, status, Optional.of(rule.metric()), value.value(), value.ci(), Optional.of(limit),
                OptionalDouble.empty(), Optional.empty(), message);
    }

    /**
     * The four-fifths rule with its significance test: a ratio under 0.8 FAILs only when the difference of rates
     * is significant; otherwise it WARNs, saying that adverse impact is not proven on so few rows.
     */
    private static CheckResult fourFifths(AttributeFairness a, ReferenceComparison c, double alpha) {
        String slice = a.attribute() + "=" + c.group();
        String id = "fairness:" + a.attribute() + ":four_fifths:" + c.group();
        String reference = a.reference().orElseThrow();
        Limit limit = new Limit(Limit.Comparison.AT_LEAST, FOUR_FIFTHS, Limit.Judged.ESTIMATE);
        if (!c.ratio().isDefined()) {
            return new CheckResult(id, Status.ERROR, Optional.of("disparate_impact"), OptionalDouble.empty(),
                    Optional.empty(), Optional.of(limit), OptionalDouble.empty(), Optional.of(slice),
                    "disparate impact of " + slice + " against " + reference + " is undefined: "
                            + c.ratio().undefinedReason().orElseThrow());
        }
        double ratio = c.ratio().value().getAsDouble();
        String test = c.test().name() + " p = " + String.format(Locale.ROOT, "%.3g", c.test().pValue());
        String what = "favourable rate of " + slice + " is " + LimitRules.fmt(ratio) + " times that of reference "
                + reference;
        Status status;
        String message;
        if (limit.isKeptBy(ratio)) {
            status = Status.PASS;
            message = what + ": four-fifths rule kept (" + test + ")";
        } else if (c.test().pValue() < alpha) {
            status = Status.FAIL;
            message = what + ", under four fifths, and the difference is significant (" + test + " < "
                    + LimitRules.fmt(alpha) + "): adverse impact";
        } else {
            status = Status.WARN;
            message = what + ", under four fifths, but the difference is not significant (" + test + " >= "
                    + LimitRules.fmt(alpha) + "): adverse impact is not proven on these rows";
        }
        return new CheckResult(id, status, Optional.of("disparate_impact"), c.ratio().value(), c.ratio().ci(),
                Optional.of(limit), OptionalDouble.empty(), Optional.of(slice), message);
    }

    private static Status broken(Severity severity) {
        return severity == Severity.FAIL ? Status.FAIL : Status.WARN;
    }
}
