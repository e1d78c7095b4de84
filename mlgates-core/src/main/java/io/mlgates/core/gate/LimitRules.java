package io.mlgates.core.gate;

import io.mlgates.core.metrics.Direction;
import io.mlgates.core.metrics.Interval;
import io.mlgates.core.metrics.Metric;
import io.mlgates.core.metrics.MetricValue;
import io.mlgates.core.policy.BaselineComparison;
import io.mlgates.core.policy.Judge;
import io.mlgates.core.policy.MetricLimit;
import io.mlgates.core.policy.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The rule that turns a metric and a limit into a check, written once and used for the whole evaluation set,
 * for each slice, and for comparisons with a baseline. A metric that is missing or undefined, or an interval
 * that a limit needs and that is not there, gives ERROR: never a pass.
 */
final class LimitRules {
    private LimitRules() {
    }

    static List<CheckResult> limit(String idPrefix, MetricLimit limit, Map<String, MetricValue> metrics,
                                   Optional<String> slice) {
        List<CheckResult> checks = new ArrayList<>(2);
        if (limit.min().isPresent()) {
            checks.add(one(idPrefix + limit.metric() + ":min", limit, Limit.Comparison.AT_LEAST,
                    limit.min().getAsDouble(), metrics, slice));
        }
        if (limit.max().isPresent()) {
            checks.add(one(idPrefix + limit.metric() + ":max", limit, Limit.Comparison.AT_MOST,
                    limit.max().getAsDouble(), metrics, slice));
        }
        return checks;
    }

    private static CheckResult one(String id, MetricLimit rule, Limit.Comparison comparison, double threshold,
                                   Map<String, MetricValue> metrics, Optional<String> slice) {
        String where = slice.map(s -> " in slice " + s).orElse("");
        MetricValue value = metrics.get(rule.metric());
        Limit.Judged judged = rule.judge() == Judge.ESTIMATE ? Limit.Judged.ESTIMATE
                : comparison == Limit.Comparison.AT_LEAST ? Limit.Judged.LOWER_BOUND : Limit.Judged.UPPER_BOUND;
        Limit limit = new Limit(comparison, threshold, judged);
        if (value == null) {
            return error(id, rule.metric(), Optional.of(limit), slice,
                    "metric '" + rule.metric() + "' is not known" + where + "; available: "
                            + String.join(", ", metrics.keySet()));
        }
        if (!value.isDefined()) {
            return error(id, rule.metric(), Optional.of(limit), slice,
                    rule.metric() + where + " is undefined: " + value.undefinedReason().orElseThrow());
        }
        double estimate = value.value().getAsDouble();
        double compared = estimate;
        if (judged != Limit.Judged.ESTIMATE) {
            if (value.ci().isEmpty()) {
                return new CheckResult(id, Status.ERROR, Optional.of(rule.metric()), value.value(), Optional.empty(),
                        Optional.of(limit), OptionalDouble.empty(), slice, rule.metric() + where
                        + " has no confidence interval, so its bound cannot be judged (judge: bound)");
            }
            Interval ci = value.ci().get();
            compared = judged == Limit.Judged.LOWER_BOUND ? ci.low() : ci.high();
        }
        boolean kept = limit.isKeptBy(compared);
        Status status = kept ? Status.PASS : broken(rule.severity());
        String what = judged == Limit.Judged.ESTIMATE ? rule.metric()
                : (judged == Limit.Judged.LOWER_BOUND ? "lower" : "upper") + " bound of " + rule.metric();
        String message = what + where + " = " + fmt(compared) + (kept ? " keeps " : " breaks ") + "the limit "
                + comparison.symbol() + " " + fmt(threshold)
                + (judged == Limit.Judged.ESTIMATE ? "" : " (estimate " + fmt(estimate) + ", "
                + describe(value.ci().get()) + ")");
        return new CheckResult(id, status, Optional.of(rule.metric()), value.value(), value.ci(), Optional.of(limit),
                OptionalDouble.empty(), slice, message);
    }

    static List<CheckResult> compare(BaselineComparison rule, Map<String, MetricValue> metrics,
                                     Map<String, OptionalDouble> baseline, String baselineFile) {
        String metric = rule.metric();
        String idPrefix = "baseline:" + metric + ":";
        List<CheckResult> checks = new ArrayList<>(4);
        MetricValue candidate = metrics.get(metric);
        OptionalDouble base = baseline.getOrDefault(metric, null);
        Optional<Direction> direction = rule.direction().or(() -> Metric.named(metric).flatMap(Metric::direction));
        String problem = null;
        if (candidate == null) {
            problem = "metric '" + metric + "' is not measured for the candidate";
        } else if (!candidate.isDefined()) {
            problem = metric + " of the candidate is undefined: " + candidate.undefinedReason().orElseThrow();
        } else if (base == null) {
            problem = "the baseline " + baselineFile + " has no metric '" + metric + "'";
        } else if (base.isEmpty()) {
            problem = "the baseline " + baselineFile + " has " + metric + " undefined (null)";
        } else if (direction.isEmpty()) {
            problem = "whether higher or lower " + metric + " is better is unknown; set direction: higher|lower";
        }
        if (problem != null) {
            checks.add(error(idPrefix + "compare", metric, Optional.empty(), Optional.empty(), problem));
            return checks;
        }
        double b = base.getAsDouble();
        double c = candidate.value().getAsDouble();
        boolean higher = direction.get() == Direction.HIGHER_IS_BETTER;
        // Margins move the baseline against the candidate (drops) or in its favour (gains); relative margins are
        // taken on |baseline| so that a negative baseline cannot turn a regression into a pass.
        addMargin(checks, idPrefix + "max_drop", rule.maxDrop(), false, false, b, c, higher, rule, candidate);
        addMargin(checks, idPrefix + "max_relative_drop", rule.maxRelativeDrop(), false, true, b, c, higher, rule,
                candidate);
        addMargin(checks, idPrefix + "min_gain", rule.minGain(), true, false, b, c, higher, rule, candidate);
        addMargin(checks, idPrefix + "min_relative_gain", rule.minRelativeGain(), true, true, b, c, higher, rule,
                candidate);
        return checks;
    }

    private static void addMargin(List<CheckResult> checks, String id, OptionalDouble margin, boolean gain,
                                  boolean relative, double b, double c, boolean higher, BaselineComparison rule,
                                  MetricValue candidate) {
        if (margin.isEmpty()) {
            return;
        }
        double amount = relative ? margin.getAsDouble() * Math.abs(b) : margin.getAsDouble();
        double signed = gain ? amount : -amount;
        double threshold = higher ? b + signed : b - signed;
        Limit limit = new Limit(higher ? Limit.Comparison.AT_LEAST : Limit.Comparison.AT_MOST, threshold,
                Limit.Judged.ESTIMATE);
        boolean kept = limit.isKeptBy(c);
        String kind = (gain ? "required gain " : "allowed drop ")
                + (relative ? fmt(margin.getAsDouble() * 100) + "% of |baseline|" : fmt(margin.getAsDouble()));
        String message = rule.metric() + " = " + fmt(c) + " against baseline " + fmt(b) + " (" + kind + ", "
                + (higher ? "higher" : "lower") + " is better): " + (kept ? "keeps " : "breaks ")
                + limit.comparison().symbol() + " " + fmt(threshold);
        checks.add(new CheckResult(id, kept ? Status.PASS : broken(rule.severity()), Optional.of(rule.metric()),
                candidate.value(), candidate.ci(), Optional.of(limit), OptionalDouble.of(b), Optional.empty(),
                message));
    }

    static CheckResult skipped(String id, String metric, Optional<String> slice, String reason) {
        return new CheckResult(id, Status.SKIPPED, Optional.of(metric), OptionalDouble.empty(), Optional.empty(),
                Optional.empty(), OptionalDouble.empty(), slice, reason);
    }

    private static CheckResult error(String id, String metric, Optional<Limit> limit, Optional<String> slice,
                                     String message) {
        return new CheckResult(id, Status.ERROR, Optional.of(metric), OptionalDouble.empty(), Optional.empty(),
                limit, OptionalDouble.empty(), slice, message);
    }

    private static Status broken(Severity severity) {
        return severity == Severity.FAIL ? Status.FAIL : Status.WARN;
    }

    static String describe(Interval ci) {
        return String.format(Locale.ROOT, "%s%% %s interval [%s, %s]", fmt(ci.level() * 100), ci.method(),
                fmt(ci.low()), fmt(ci.high()));
    }

    /** Four significant decimals for people; the JSON carries full precision. */
    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        String s = String.format(Locale.ROOT, "%.4f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
