package io.mlgates.core.gate;

import io.mlgates.core.fairness.AttributeFairness;
import io.mlgates.core.fairness.FairnessResult;
import io.mlgates.core.fairness.GroupFairness;
import io.mlgates.core.fairness.JudgedDisparities;
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
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The ethics gate's fairness checks: groups too small to judge, rows left out for a missing value, the policy's
 * limits on disparities (judged over the groups with at least {@code minGroupSize} rows), and the four-fifths rule
 * paired with a significance test: against the declared reference group, or, for an attribute with no limit and no
 * reference, against its most favoured group (the default rule).
 */
final class FairnessChecks {
    /** The four-fifths rule of the US Uniform Guidelines on Employee Selection Procedures (1978), section 4D. */
    static final double FOUR_FIFTHS = 0.8;
    private static final String DISPARATE_IMPACT = "disparate_impact";

    private FairnessChecks() {
    }

    static List<CheckResult> of(FairnessResult result, FairnessPolicy policy, double confidenceLevel) {
        List<CheckResult> checks = new ArrayList<>();
        for (AttributeFairness a : result.attributes().values()) {
            if (a.missingExcluded() > 0) {
                checks.add(new CheckResult("fairness:" + a.attribute() + ":missing", Status.WARN, Optional.empty(),
                        OptionalDouble.of(a.missingExcluded()), Optional.empty(), Optional.empty(),
                        OptionalDouble.empty(), Optional.empty(), a.missingExcluded() + " rows have no value of "
                        + a.attribute() + " and are left out of its groups (ethics.fairness.missing: exclude)"));
            }
            for (String left : a.judged().leftOut()) {
                GroupFairness g = a.groups().get(left);
                String slice = a.attribute() + "=" + left;
                checks.add(new CheckResult("fairness:" + slice + ":size", Status.SKIPPED, Optional.empty(),
                        OptionalDouble.of(g.count()), Optional.empty(), Optional.empty(), OptionalDouble.empty(),
                        Optional.of(slice), "group " + slice + " has " + g.count() + " rows, fewer than minGroupSize "
                        + policy.minGroupSize() + ": reported, and counted in the reported disparities of "
                        + a.attribute() + ", but not judged"));
            }
            boolean limited = false;
            for (FairnessLimit limit : policy.limits()) {
                if (limit.appliesTo(a.attribute())) {
                    limited = true;
                    checks.addAll(limit(a, limit, policy.minGroupSize()));
                }
            }
            if (a.reference().isPresent()) {
                checks.addAll(fourFifths(a, 1 - confidenceLevel, false, policy.minGroupSize()));
            } else if (!limited) {
                checks.addAll(fourFifths(a, 1 - confidenceLevel, true, policy.minGroupSize()));
            }
        }
        return checks;
    }

    private static List<CheckResult> limit(AttributeFairness a, FairnessLimit rule, int minGroupSize) {
        List<CheckResult> out = new ArrayList<>(2);
        rule.min().ifPresent(min -> out.add(one(a, rule, Limit.Comparison.AT_LEAST, min, minGroupSize)));
        rule.max().ifPresent(max -> out.add(one(a, rule, Limit.Comparison.AT_MOST, max, minGroupSize)));
        return out;
    }

    /** "the 3 judged groups (<25, 25-39, 40-59; not judged: 60+ with 14 rows)". */
    private static String judgedGroups(AttributeFairness a) {
        JudgedDisparities j = a.judged();
        StringBuilder s = new StringBuilder("the ").append(j.groups().size()).append(" judged groups (")
                .append(String.join(", ", j.groups()));
        if (!j.leftOut().isEmpty()) {
            s.append("; not judged: ");
            for (int i = 0; i < j.leftOut().size(); i++) {
                String g = j.leftOut().get(i);
                s.append(i == 0 ? "" : ", ").append(g).append(" with ").append(a.groups().get(g).count())
                        .append(" rows");
            }
        }
        return s.append(')').toString();
    }

    private static CheckResult one(AttributeFairness a, FairnessLimit rule, Limit.Comparison comparison,
                                   double threshold, int minGroupSize) {
        String id = "fairness:" + a.attribute() + ":" + rule.metric() + ":"
                + (comparison == Limit.Comparison.AT_LEAST ? "min" : "max");
        boolean interval = rule.judge() == FairnessJudge.INTERVAL;
        Limit limit = new Limit(comparison, threshold, interval ? Limit.Judged.INTERVAL : Limit.Judged.ESTIMATE);
        MetricValue reported = a.disparities().get(rule.metric());
        MetricValue value = a.judged().value(rule.metric());
        String what = rule.metric() + " of " + a.attribute();
        String bound = comparison.symbol() + " " + LimitRules.fmt(threshold);
        if (a.judged().groups().size() < 2 && reported.isDefined()) {
            // defined, but on groups too small to judge: said so, never a pass
            return new CheckResult(id, Status.WARN, Optional.of(rule.metric()), reported.value(), Optional.empty(),
                    Optional.of(limit), OptionalDouble.empty(), Optional.empty(), what + " = "
                    + LimitRules.fmt(reported.value().getAsDouble()) + " over all " + a.groups().size()
                    + " groups, but " + (a.judged().groups().isEmpty() ? "no group has" : "only "
                    + a.judged().groups().get(0) + " has") + " at least minGroupSize " + minGroupSize
                    + " rows: the groups are too small to judge the limit " + bound);
        }
        if (!value.isDefined()) {
            return new CheckResult(id, Status.ERROR, Optional.of(rule.metric()), OptionalDouble.empty(),
                    Optional.empty(), Optional.of(limit), OptionalDouble.empty(), Optional.empty(),
                    what + " is undefined: " + value.undefinedReason().orElseThrow());
        }
        double estimate = value.value().getAsDouble();
        String over = " over " + judgedGroups(a);
        Status status;
        String message;
        if (!interval) {
            boolean kept = limit.isKeptBy(estimate);
            status = kept ? Status.PASS : broken(rule.severity());
            message = what + " = " + LimitRules.fmt(estimate) + over + (kept ? " keeps " : " breaks ") + "the limit "
                    + bound + value.ci().map(ci -> " (" + simultaneous(ci, a) + ")").orElse("");
        } else if (value.ci().isEmpty()) {
            return new CheckResult(id, Status.ERROR, Optional.of(rule.metric()), value.value(), Optional.empty(),
                    Optional.of(limit), OptionalDouble.empty(), Optional.empty(), what + " = "
                    + LimitRules.fmt(estimate) + " has no confidence interval, so judge: interval cannot judge it"
                    + " (intervals exist for between-group differences and for ratios of rates above 0)");
        } else {
            Interval ci = value.ci().get();
            boolean lowKeeps = limit.isKeptBy(ci.low());
            boolean highKeeps = limit.isKeptBy(ci.high());
            String range = simultaneous(ci, a);
            String estimated = " (estimate " + LimitRules.fmt(estimate) + over + ")";
            if (lowKeeps && highKeeps) {
                status = Status.PASS;
                message = "the whole " + range + " of " + what + " keeps the limit " + bound + estimated;
            } else if (!lowKeeps && !highKeeps) {
                status = broken(rule.severity());
                message = "the whole " + range + " of " + what + " lies beyond the limit " + bound + estimated
                        + ": the data show, at this confidence and whichever groups are the extremes, that "
                        + rule.metric() + " breaks the limit";
            } else {
                status = Status.WARN;
                message = "the " + range + " of " + what + " straddles the limit " + bound + estimated
                        + ": the data cannot tell whether the limit holds";
            }
        }
        return new CheckResult(id, status, Optional.of(rule.metric()), value.value(), value.ci(), Optional.of(limit),
                OptionalDouble.empty(), Optional.empty(), message);
    }

    /** "95% simultaneous interval [0.01, 0.3] (newcombe-bonferroni, 3 groups)": the judged groups. */
    private static String simultaneous(Interval ci, AttributeFairness a) {
        return String.format(Locale.ROOT, "%s%% simultaneous interval [%s, %s] (%s, %d groups)",
                LimitRules.fmt(ci.level() * 100), LimitRules.fmt(ci.low()), LimitRules.fmt(ci.high()), ci.method(),
                a.judged().groups().size());
    }

    /**
     * The four-fifths rule with its significance test: a ratio under 0.8 FAILs only when the difference of rates
     * is significant; otherwise it WARNs, saying that adverse impact is not proven on so few rows. Against the most
     * favoured group (the default rule), the group was chosen by the data, so the test's level is divided among
     * the k(k-1)/2 pairs of judged groups (Bonferroni), any of which the choice could have picked.
     */
    private static List<CheckResult> fourFifths(AttributeFairness a, double alpha, boolean byDefault,
                                                int minGroupSize) {
        String rule = byDefault ? "default rule, no fairness limit applies to " + a.attribute() + ": " : "";
        if (a.comparisons().isEmpty()) {
            String why = byDefault
                    ? (a.judged().groups().size() < 2 ? "fewer than two groups have at least minGroupSize "
                    + minGroupSize + " rows (" + a.groups().size() + " groups present)" : "nothing to compare")
                    : a.judged().value(DISPARATE_IMPACT).undefinedReason().orElse("nothing to compare");
            // nothing was compared, so no metric value to carry: a WARN, since a rule that judged nothing is no pass
            return List.of(new CheckResult("fairness:" + a.attribute() + ":four_fifths", Status.WARN,
                    Optional.empty(), OptionalDouble.empty(), Optional.empty(), Optional.empty(),
                    OptionalDouble.empty(), Optional.empty(), rule + "the four-fifths rule on " + a.attribute()
                    + " could not be judged: " + why));
        }
        String reference = a.comparedWith().orElseThrow();
        long tests = byDefault ? a.judged().pairs() : 1;
        double level = alpha / tests;
        String alphaText = LimitRules.fmt(alpha) + (tests > 1 ? "/" + tests + ", Bonferroni over the " + tests
                + " pairs of judged groups" : "");
        List<CheckResult> out = new ArrayList<>();
        for (ReferenceComparison c : a.comparisons()) {
            out.add(fourFifths(a, c, level, alphaText, rule, byDefault ? "the most favoured group " + reference
                    : "reference " + reference));
        }
        return out;
    }

    private static CheckResult fourFifths(AttributeFairness a, ReferenceComparison c, double alpha, String alphaText,
                                          String rule, String reference) {
        String slice = a.attribute() + "=" + c.group();
        String id = "fairness:" + a.attribute() + ":four_fifths:" + c.group();
        Limit limit = new Limit(Limit.Comparison.AT_LEAST, FOUR_FIFTHS, Limit.Judged.ESTIMATE);
        if (!c.ratio().isDefined()) {
            return new CheckResult(id, Status.ERROR, Optional.of(DISPARATE_IMPACT), OptionalDouble.empty(),
                    Optional.empty(), Optional.of(limit), OptionalDouble.empty(), Optional.of(slice),
                    rule + "disparate impact of " + slice + " against " + reference + " is undefined: "
                            + c.ratio().undefinedReason().orElseThrow());
        }
        double ratio = c.ratio().value().getAsDouble();
        String test = c.test().name() + " p = " + String.format(Locale.ROOT, "%.3g", c.test().pValue());
        String what = rule + "favourable rate of " + slice + " is " + LimitRules.fmt(ratio) + " times that of "
                + reference;
        Status status;
        String message;
        if (limit.isKeptBy(ratio)) {
            status = Status.PASS;
            message = what + ": four-fifths rule kept (" + test + ")";
        } else if (c.test().pValue() < alpha) {
            status = Status.FAIL;
            message = what + ", under four fifths, and the difference is significant (" + test + " < "
                    + alphaText + "): adverse impact";
        } else {
            status = Status.WARN;
            message = what + ", under four fifths, but the difference is not significant (" + test + " >= "
                    + alphaText + "): adverse impact is not proven on these rows";
        }
        return new CheckResult(id, status, Optional.of(DISPARATE_IMPACT), c.ratio().value(), c.ratio().ci(),
                Optional.of(limit), OptionalDouble.empty(), Optional.of(slice), message);
    }

    private static Status broken(Severity severity) {
        return severity == Severity.FAIL ? Status.FAIL : Status.WARN;
    }
}
