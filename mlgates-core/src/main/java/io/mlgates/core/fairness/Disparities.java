package io.mlgates.core.fairness;

import io.mlgates.core.fairness.Disparity.IntervalMethod;
import io.mlgates.core.fairness.GroupCounts.Rate;
import io.mlgates.core.metrics.Interval;
import io.mlgates.core.metrics.Intervals;
import io.mlgates.core.metrics.MetricValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleBinaryOperator;

/**
 * The values of every {@link Disparity} over a set of groups, with the definitions of Fairlearn (between groups:
 * max - min, min / max; to overall: the largest distance from the overall value) and AIF360 (disparate impact
 * against a reference group, average odds difference, Theil index). Formulas and citations are in
 * {@code docs/fairness.md}. A value the data leaves undefined (one group, a rate 0/0 in a group, a ratio x/0) is
 * undefined with the reason.
 *
 * <p>The between-groups intervals are simultaneous: each pairwise interval is built at level 1 - alpha/m (Bonferroni,
 * m the comparisons of {@link Disparity.IntervalMethod}), and the interval of max - min (or min / max) is the range
 * those pairwise intervals allow for the largest gap (or smallest ratio). It therefore holds for the extreme groups,
 * whichever they turn out to be, at the stated level.
 */
final class Disparities {
    /** Suffix of a between-groups interval's method: Bonferroni-adjusted pairwise intervals. */
    static final String SIMULTANEOUS = "-bonferroni";

    private Disparities() {
    }

    /** A group's rates, and the counts behind them. */
    record Group(String name, Map<String, Rate> rates, GroupCounts counts) {
        Rate rate(String rate) {
            return rates.get(rate);
        }
    }

    /**
     * Every disparity over {@code groups}.
     *
     * @param tooFew why there is nothing to compare when fewer than two groups are given
     * @param reference the declared reference group among {@code groups}, or why there is none
     */
    static Map<String, MetricValue> compute(List<Group> groups, Group overall, String tooFew,
                                            FairnessOptions options, Reference reference) {
        Map<String, MetricValue> out = new LinkedHashMap<>();
        double level = options.confidenceLevel();
        int k = groups.size();
        if (k < 2) {
            for (Disparity d : Disparity.values()) {
                out.put(d.id(), MetricValue.undefined(d.id(), tooFew));
            }
            out.put(Disparity.THEIL_INDEX.id(), theil(Disparity.THEIL_INDEX.id(), List.of(overall), overall,
                    options));
            return out;
        }
        Side sr = side(groups, overall, GroupCounts.SELECTION_RATE);
        Side tpr = side(groups, overall, GroupCounts.TPR);
        Side fpr = side(groups, overall, GroupCounts.FPR);
        Side ppv = side(groups, overall, GroupCounts.PPV);
        Side favourable = options.favourableIsPositive() ? sr : sr.complement();
        double pairs = pairLevel(level, IntervalMethod.PAIRS.comparisons(k));
        double pairsTwice = pairLevel(level, IntervalMethod.PAIRS_TWICE.comparisons(k));

        put(out, Disparity.DEMOGRAPHIC_PARITY_DIFFERENCE, sr.difference(level, pairs));
        put(out, Disparity.DEMOGRAPHIC_PARITY_DIFFERENCE_TO_OVERALL, sr.differenceToOverall());
        put(out, Disparity.DEMOGRAPHIC_PARITY_RATIO, sr.ratio(level, pairs));
        put(out, Disparity.DEMOGRAPHIC_PARITY_RATIO_TO_OVERALL, sr.ratioToOverall());
        put(out, Disparity.EQUALIZED_ODDS_DIFFERENCE, larger(tpr.difference(level, pairsTwice),
                fpr.difference(level, pairsTwice)));
        put(out, Disparity.EQUALIZED_ODDS_DIFFERENCE_TO_OVERALL, larger(tpr.differenceToOverall(),
                fpr.differenceToOverall()));
        put(out, Disparity.EQUALIZED_ODDS_RATIO, smaller(tpr.ratio(level, pairsTwice), fpr.ratio(level,
                pairsTwice)));
        put(out, Disparity.EQUALIZED_ODDS_RATIO_TO_OVERALL, smaller(tpr.ratioToOverall(), fpr.ratioToOverall()));
        put(out, Disparity.EQUAL_OPPORTUNITY_DIFFERENCE, tpr.difference(level, pairs));
        put(out, Disparity.EQUAL_OPPORTUNITY_DIFFERENCE_TO_OVERALL, tpr.differenceToOverall());
        put(out, Disparity.AVERAGE_ODDS_DIFFERENCE, averageOdds(tpr, fpr, level, pairs));
        put(out, Disparity.AVERAGE_ODDS_DIFFERENCE_TO_OVERALL, averageOddsToOverall(tpr, fpr));
        put(out, Disparity.PREDICTIVE_PARITY_DIFFERENCE, ppv.difference(level, pairs));
        put(out, Disparity.PREDICTIVE_PARITY_DIFFERENCE_TO_OVERALL, ppv.differenceToOverall());
        put(out, Disparity.DISPARATE_IMPACT, disparateImpact(groups, reference, options));
        put(out, Disparity.DISPARATE_IMPACT_TO_OVERALL, favourable.minRatioToOverall());
        out.put(Disparity.THEIL_INDEX.id(), theil(Disparity.THEIL_INDEX.id(), List.of(overall), overall, options));
        out.put(Disparity.BETWEEN_GROUP_THEIL_INDEX.id(), theil(Disparity.BETWEEN_GROUP_THEIL_INDEX.id(), groups,
                overall, options));
        return out;
    }

    /** The declared reference group among the groups compared, or why there is none. */
    record Reference(Optional<Group> group, Optional<String> problem) {
        Reference {
            if (group.isPresent() == problem.isPresent()) {
                throw new IllegalArgumentException("a reference is either a group or the reason there is none");
            }
        }
    }

    /**
     * The level of each of m intervals so that all hold together at {@code level} (Bonferroni); at most the largest
     * double below 1, which a level within a few ulps of 1 would otherwise round to.
     */
    static double pairLevel(double level, long comparisons) {
        return Math.min(Math.nextDown(1.0), 1 - (1 - level) / Math.max(1, comparisons));
    }

    /** The value under the disparity's name (components are computed under the rate's name). */
    private static void put(Map<String, MetricValue> out, Disparity d, Result r) {
        out.put(d.id(), r.problem().isPresent() ? MetricValue.undefined(d.id(), r.problem().get())
                : r.ci().map(ci -> MetricValue.of(d.id(), r.value(), ci)).orElse(MetricValue.of(d.id(), r.value())));
    }

    /** A value with its interval when there is one, or why the value is undefined. */
    private record Result(double value, Optional<Interval> ci, Optional<String> problem) {
        static Result of(double value, Optional<Interval> ci) {
            return new Result(value, ci, Optional.empty());
        }

        static Result undefined(String problem) {
            return new Result(0, Optional.empty(), Optional.of(problem));
        }
    }

    /** One rate across the groups and overall; {@code problem} says why it cannot be compared. */
    private record Side(String rate, double[] p, double[] n, double overall, Optional<String> problem) {
        Side complement() {
            if (problem.isPresent()) {
                return this;
            }
            double[] q = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                q[i] = 1 - p[i];
            }
            return new Side("favourable rate", q, n, 1 - overall, problem);
        }

        double max() {
            double best = p[0];
            for (double v : p) {
                best = Math.max(best, v);
            }
            return best;
        }

        double min() {
            double best = p[0];
            for (double v : p) {
                best = Math.min(best, v);
            }
            return best;
        }

        /** Each group's Wilson interval at the pairwise level; empty when one cannot be built. */
        Optional<Interval[]> wilson(double pairLevel) {
            Interval[] ci = new Interval[p.length];
            for (int i = 0; i < p.length; i++) {
                Optional<Interval> w = Intervals.wilson(p[i], n[i], pairLevel);
                if (w.isEmpty()) {
                    return Optional.empty();
                }
                ci[i] = w.get();
            }
            return Optional.of(ci);
        }

        /**
         * max - min, with the simultaneous interval: Newcombe's interval for every pair at the pairwise level, and
         * the largest gap's bounds are the largest of the pairs' lower bounds (in either order) and of their upper
         * bounds.
         */
        Result difference(double level, double pairLevel) {
            if (problem.isPresent()) {
                return Result.undefined(problem.get());
            }
            double d = max() - min();
            Optional<Interval[]> ci = wilson(pairLevel);
            if (ci.isEmpty()) {
                return Result.of(d, Optional.empty());
            }
            Interval[] w = ci.get();
            double low = 0;
            double high = 0;
            for (int i = 0; i < p.length; i++) {
                for (int j = i + 1; j < p.length; j++) {
                    Interval pair = DisparityIntervals.newcombe(p[i], w[i], p[j], w[j]);
                    low = Math.max(low, Math.max(pair.low(), -pair.high()));
                    high = Math.max(high, Math.max(pair.high(), -pair.low()));
                }
            }
            return Result.of(d, Optional.of(new Interval(Math.min(low, d), Math.max(high, d), level,
                    DisparityIntervals.NEWCOMBE + SIMULTANEOUS)));
        }

        Result differenceToOverall() {
            if (problem.isPresent()) {
                return Result.undefined(problem.get());
            }
            double worst = 0;
            for (double v : p) {
                worst = Math.max(worst, Math.abs(v - overall));
            }
            return Result.of(worst, Optional.empty());
        }

        /**
         * min / max, with the simultaneous interval: the log-method interval of every ratio of two groups at the
         * pairwise level; the smallest ratio's bounds are the smallest of the pairs' bounds, in either order.
         */
        Result ratio(double level, double pairLevel) {
            if (problem.isPresent()) {
                return Result.undefined(problem.get());
            }
            double hi = max();
            if (hi == 0) {
                return Result.undefined("every group's " + rate + " is 0: the ratio is 0/0");
            }
            double r = min() / hi;
            double low = 1;
            double high = 1;
            for (int i = 0; i < p.length; i++) {
                for (int j = i + 1; j < p.length; j++) {
                    Optional<Interval> pair = DisparityIntervals.katzLog(p[i], n[i], p[j], n[j], pairLevel);
                    if (pair.isEmpty()) {
                        // a rate of 0: the log method has no bounds, so the ratio is reported without an interval
                        return Result.of(r, Optional.empty());
                    }
                    low = Math.min(low, Math.min(pair.get().low(), 1 / pair.get().high()));
                    high = Math.min(high, Math.min(pair.get().high(), 1 / pair.get().low()));
                }
            }
            return Result.of(r, Optional.of(new Interval(Math.min(low, r), Math.max(high, r), level,
                    DisparityIntervals.KATZ_LOG + SIMULTANEOUS)));
        }

        Result ratioToOverall() {
            if (problem.isPresent()) {
                return Result.undefined(problem.get());
            }
            if (overall == 0) {
                return Result.undefined("the overall " + rate + " is 0: the ratio is 0/0");
            }
            double worst = 1;
            for (double v : p) {
                worst = Math.min(worst, v == 0 ? 0 : Math.min(v / overall, overall / v));
            }
            return Result.of(worst, Optional.empty());
        }

        Result minRatioToOverall() {
            if (problem.isPresent()) {
                return Result.undefined(problem.get());
            }
            if (overall == 0) {
                return Result.undefined("the overall " + rate + " is 0: the ratio is 0/0");
            }
            return Result.of(min() / overall, Optional.empty());
        }
    }

    private static Side side(List<Group> groups, Group overall, String rate) {
        int size = groups.size();
        double[] p = new double[size];
        double[] n = new double[size];
        Optional<String> problem = Optional.empty();
        for (int i = 0; i < size; i++) {
            Group g = groups.get(i);
            Rate r = g.rate(rate);
            if (!r.isDefined()) {
                if (problem.isEmpty()) {
                    problem = Optional.of("group '" + g.name() + "' has " + r.value().undefinedReason().orElseThrow());
                }
                continue;
            }
            p[i] = r.p();
            n[i] = r.trials();
        }
        Rate all = overall.rate(rate);
        return new Side(rate, p, n, all.isDefined() ? all.p() : 0, problem);
    }

    /** Fairlearn's max of two components; the interval holds for the larger of the two true values. */
    private static Result larger(Result a, Result b) {
        return either(a, b, Math::max);
    }

    /** Fairlearn's min of two components; the interval holds for the smaller of the two true values. */
    private static Result smaller(Result a, Result b) {
        return either(a, b, Math::min);
    }

    /** The two components combined by {@code pick}, bound by bound; undefined when either is. */
    private static Result either(Result a, Result b, DoubleBinaryOperator pick) {
        if (a.problem().isPresent()) {
            return a;
        }
        if (b.problem().isPresent()) {
            return b;
        }
        Optional<Interval> ci = a.ci().isPresent() && b.ci().isPresent()
                ? Optional.of(new Interval(pick.applyAsDouble(a.ci().get().low(), b.ci().get().low()),
                pick.applyAsDouble(a.ci().get().high(), b.ci().get().high()), a.ci().get().level(),
                a.ci().get().method()))
                : Optional.empty();
        return Result.of(pick.applyAsDouble(a.value(), b.value()), ci);
    }

    /**
     * AIF360's average odds difference, ((FPR_a - FPR_b) + (TPR_a - TPR_b)) / 2, between the extreme groups, with
     * MOVER intervals of every pair at the pairwise level, combined as for {@link Side#difference}.
     */
    private static Result averageOdds(Side tpr, Side fpr, double level, double pairLevel) {
        Optional<String> problem = tpr.problem().or(fpr::problem);
        if (problem.isPresent()) {
            return Result.undefined(problem.get());
        }
        int k = tpr.p().length;
        double[] odds = new double[k];
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            odds[i] = (tpr.p()[i] + fpr.p()[i]) / 2;
            max = Math.max(max, odds[i]);
            min = Math.min(min, odds[i]);
        }
        double d = max - min;
        Optional<Interval[]> ct = tpr.wilson(pairLevel);
        Optional<Interval[]> cf = fpr.wilson(pairLevel);
        if (ct.isEmpty() || cf.isEmpty()) {
            return Result.of(d, Optional.empty());
        }
        double[] c = {0.5, 0.5, -0.5, -0.5};
        double low = 0;
        double high = 0;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                Interval pair = DisparityIntervals.mover(c,
                        new double[] {tpr.p()[i], fpr.p()[i], tpr.p()[j], fpr.p()[j]},
                        new Interval[] {ct.get()[i], cf.get()[i], ct.get()[j], cf.get()[j]});
                low = Math.max(low, Math.max(pair.low(), -pair.high()));
                high = Math.max(high, Math.max(pair.high(), -pair.low()));
            }
        }
        return Result.of(d, Optional.of(new Interval(Math.min(low, d), Math.max(high, d), level,
                DisparityIntervals.MOVER + SIMULTANEOUS)));
    }

    private static Result averageOddsToOverall(Side tpr, Side fpr) {
        Optional<String> problem = tpr.problem().or(fpr::problem);
        if (problem.isPresent()) {
            return Result.undefined(problem.get());
        }
        double overall = (tpr.overall() + fpr.overall()) / 2;
        double worst = 0;
        for (int i = 0; i < tpr.p().length; i++) {
            worst = Math.max(worst, Math.abs((tpr.p()[i] + fpr.p()[i]) / 2 - overall));
        }
        return Result.of(worst, Optional.empty());
    }

    /**
     * AIF360's disparate impact against the declared reference: the smallest of the groups' {@link ReferenceComparison}
     * ratios, each with its log-method interval at level 1 - alpha/(k-1), so that the smallest ratio's interval holds
     * whichever group attains it.
     */
    private static Result disparateImpact(List<Group> groups, Reference reference, FairnessOptions options) {
        if (reference.problem().isPresent()) {
            return Result.undefined(reference.problem().get());
        }
        Group ref = reference.group().orElseThrow();
        double level = pairLevel(options.confidenceLevel(), IntervalMethod.REFERENCE.comparisons(groups.size()));
        double value = Double.POSITIVE_INFINITY;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.POSITIVE_INFINITY;
        boolean intervals = true;
        for (Group g : groups) {
            if (g == ref) {
                continue;
            }
            MetricValue ratio = ReferenceComparison.ratio(g, ref, options.favourableIsPositive(), level);
            if (!ratio.isDefined()) {
                return Result.undefined(ratio.undefinedReason().orElseThrow());
            }
            value = Math.min(value, ratio.value().getAsDouble());
            if (ratio.ci().isEmpty()) {
                intervals = false;
            } else {
                low = Math.min(low, ratio.ci().get().low());
                high = Math.min(high, ratio.ci().get().high());
            }
        }
        return Result.of(value, intervals ? Optional.of(new Interval(low, high, options.confidenceLevel(),
                DisparityIntervals.KATZ_LOG + SIMULTANEOUS)) : Optional.empty());
    }

    /**
     * AIF360's Theil index (generalized entropy index, alpha = 1) of the benefits b = yhat - y + 1 with the
     * favourable outcome as 1: over all rows of {@code groups} when that is the overall group, or between groups
     * when each row's benefit is replaced by its group's mean. Weighted by the row weights.
     */
    private static MetricValue theil(String name, List<Group> groups, Group overall, FairnessOptions options) {
        double total = 0;
        double benefit = 0;
        double[] groupWeight = new double[groups.size()];
        double[] groupBenefit = new double[groups.size()];
        double[] twos = new double[groups.size()];
        double[] ones = new double[groups.size()];
        for (int i = 0; i < groups.size(); i++) {
            GroupCounts c = groups.get(i).counts();
            // with the favourable outcome as 1: a favourable prediction for an unfavourable label has b = 2,
            // the reverse b = 0, a right prediction b = 1
            double two = options.favourableIsPositive() ? c.falsePositives().weight() : c.falseNegatives().weight();
            double one = c.truePositives().weight() + c.trueNegatives().weight();
            twos[i] = two;
            ones[i] = one;
            groupWeight[i] = c.weight();
            groupBenefit[i] = one + 2 * two;
            total += c.weight();
            benefit += one + 2 * two;
        }
        if (total == 0) {
            return MetricValue.undefined(name, "no rows");
        }
        double mu = benefit / total;
        if (mu == 0) {
            return MetricValue.undefined(name, "every benefit is 0 (every favourable label predicted unfavourable):"
                    + " the index divides by a mean of 0");
        }
        double sum = 0;
        boolean between = groups.size() > 1 || groups.get(0) != overall;
        for (int i = 0; i < groups.size(); i++) {
            if (between) {
                if (groupWeight[i] == 0) {
                    continue; // a group whose rows all weigh 0 adds nothing (0 log 0 / 0)
                }
                double m = groupBenefit[i] / groupWeight[i] / mu;
                sum += groupWeight[i] * xlogx(m);
            } else {
                sum += ones[i] * xlogx(1 / mu) + twos[i] * xlogx(2 / mu);
            }
        }
        return MetricValue.of(name, Math.max(0, sum / total));
    }

    private static double xlogx(double x) {
        return x == 0 ? 0 : x * Math.log(x);
    }
}
