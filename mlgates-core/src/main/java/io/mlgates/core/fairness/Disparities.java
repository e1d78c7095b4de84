package io.mlgates.core.fairness;

import io.mlgates.core.fairness.GroupCounts.Rate;
import io.mlgates.core.metrics.Interval;
import io.mlgates.core.metrics.MetricValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The disparity metrics of one attribute, with the definitions of Fairlearn (between groups: max - min, min / max;
 * to overall: the largest distance from the overall value) and AIF360 (disparate impact against a reference group,
 * average odds difference, Theil index). Formulas and citations are in {@code docs/fairness.md}. A value the data
 * leaves undefined (fewer than two groups, a group without positives, 0/0) is undefined with the reason.
 */
public final class Disparities {
    public static final List<String> NAMES = List.of(
            "demographic_parity_difference", "demographic_parity_difference_to_overall",
            "demographic_parity_ratio", "demographic_parity_ratio_to_overall",
            "equalized_odds_difference", "equalized_odds_difference_to_overall",
            "equalized_odds_ratio", "equalized_odds_ratio_to_overall",
            "equal_opportunity_difference", "equal_opportunity_difference_to_overall",
            "average_odds_difference", "average_odds_difference_to_overall",
            "predictive_parity_difference", "predictive_parity_difference_to_overall",
            "disparate_impact", "disparate_impact_to_overall",
            "theil_index", "between_group_theil_index");

    private Disparities() {
    }

    /** A group's rates, and the counts behind them. */
    record Group(String name, Map<String, Rate> rates, GroupCounts counts) {
        Rate rate(String rate) {
            return rates.get(rate);
        }
    }

    /** Everything one attribute needs: its included groups, the overall rates, the options. */
    static Map<String, MetricValue> compute(List<Group> included, Group overall, String minGroupNote,
                                            FairnessOptions options, Optional<Group> reference,
                                            Optional<String> referenceProblem) {
        Map<String, MetricValue> out = new LinkedHashMap<>();
        double level = options.confidenceLevel();
        if (included.size() < 2) {
            String reason = "fewer than two groups " + minGroupNote + ": nothing to compare";
            NAMES.forEach(n -> out.put(n, MetricValue.undefined(n, reason)));
            out.put("theil_index", theil("theil_index", List.of(overall), overall, options));
            return out;
        }
        Side sr = side(included, overall, GroupCounts.SELECTION_RATE);
        Side tpr = side(included, overall, GroupCounts.TPR);
        Side fpr = side(included, overall, GroupCounts.FPR);
        Side ppv = side(included, overall, GroupCounts.PPV);
        Side favourable = options.favourableIsPositive() ? sr : side(included, overall, GroupCounts.SELECTION_RATE)
                .complement();

        out.put("demographic_parity_difference", sr.difference("demographic_parity_difference", level));
        out.put("demographic_parity_difference_to_overall",
                sr.differenceToOverall("demographic_parity_difference_to_overall"));
        out.put("demographic_parity_ratio", sr.ratio("demographic_parity_ratio", level));
        out.put("demographic_parity_ratio_to_overall", sr.ratioToOverall("demographic_parity_ratio_to_overall"));
        out.put("equalized_odds_difference", larger("equalized_odds_difference",
                tpr.difference("tpr difference", level), fpr.difference("fpr difference", level)));
        out.put("equalized_odds_difference_to_overall", larger("equalized_odds_difference_to_overall",
                tpr.differenceToOverall("tpr"), fpr.differenceToOverall("fpr")));
        out.put("equalized_odds_ratio", smaller("equalized_odds_ratio", tpr.ratio("tpr ratio", level),
                fpr.ratio("fpr ratio", level)));
        out.put("equalized_odds_ratio_to_overall", smaller("equalized_odds_ratio_to_overall",
                tpr.ratioToOverall("tpr"), fpr.ratioToOverall("fpr")));
        out.put("equal_opportunity_difference", tpr.difference("equal_opportunity_difference", level));
        out.put("equal_opportunity_difference_to_overall",
                tpr.differenceToOverall("equal_opportunity_difference_to_overall"));
        out.put("average_odds_difference", averageOdds(tpr, fpr, level));
        out.put("average_odds_difference_to_overall", averageOddsToOverall(tpr, fpr));
        out.put("predictive_parity_difference", ppv.difference("predictive_parity_difference", level));
        out.put("predictive_parity_difference_to_overall",
                ppv.differenceToOverall("predictive_parity_difference_to_overall"));
        out.put("disparate_impact", disparateImpact(favourable, reference, referenceProblem, level));
        out.put("disparate_impact_to_overall", favourable.minRatioToOverall("disparate_impact_to_overall"));
        out.put("theil_index", theil("theil_index", List.of(overall), overall, options));
        out.put("between_group_theil_index", theil("between_group_theil_index", included, overall, options));
        return out;
    }

    /** One rate across the included groups and overall; {@code problem} says why it cannot be compared. */
    private record Side(String rate, List<String> names, double[] p, double[] n, Interval[] ci, double overall,
                        Optional<String> problem) {
        Side complement() {
            if (problem.isPresent()) {
                return this;
            }
            double[] q = new double[p.length];
            Interval[] cq = new Interval[p.length];
            for (int i = 0; i < p.length; i++) {
                q[i] = 1 - p[i];
                cq[i] = new Interval(1 - ci[i].high(), 1 - ci[i].low(), ci[i].level(), ci[i].method());
            }
            return new Side("favourable rate", names, q, n, cq, 1 - overall, problem);
        }

        int argMax() {
            int best = 0;
            for (int i = 1; i < p.length; i++) {
                if (p[i] > p[best]) {
                    best = i;
                }
            }
            return best;
        }

        int argMin() {
            int best = 0;
            for (int i = 1; i < p.length; i++) {
                if (p[i] < p[best]) {
                    best = i;
                }
            }
            return best;
        }

        MetricValue difference(String name, double level) {
            if (problem.isPresent()) {
                return MetricValue.undefined(name, problem.get());
            }
            int hi = argMax();
            int lo = argMin();
            return MetricValue.of(name, p[hi] - p[lo], DisparityIntervals.newcombe(p[hi], ci[hi], p[lo], ci[lo]));
        }

        MetricValue differenceToOverall(String name) {
            if (problem.isPresent()) {
                return MetricValue.undefined(name, problem.get());
            }
            double worst = 0;
            for (double v : p) {
                worst = Math.max(worst, Math.abs(v - overall));
            }
            return MetricValue.of(name, worst);
        }

        MetricValue ratio(String name, double level) {
            if (problem.isPresent()) {
                return MetricValue.undefined(name, problem.get());
            }
            int hi = argMax();
            int lo = argMin();
            if (p[hi] == 0) {
                return MetricValue.undefined(name, "every group's " + rate + " is 0: the ratio is 0/0");
            }
            MetricValue v = MetricValue.of(name, p[lo] / p[hi]);
            return DisparityIntervals.katzLog(p[lo], n[lo], p[hi], n[hi], level).map(v::withInterval).orElse(v);
        }

        MetricValue ratioToOverall(String name) {
            if (problem.isPresent()) {
                return MetricValue.undefined(name, problem.get());
            }
            if (overall == 0) {
                return MetricValue.undefined(name, "the overall " + rate + " is 0: the ratio is 0/0");
            }
            double worst = 1;
            for (double v : p) {
                worst = Math.min(worst, v == 0 ? 0 : Math.min(v / overall, overall / v));
            }
            return MetricValue.of(name, worst);
        }

        MetricValue minRatioToOverall(String name) {
            if (problem.isPresent()) {
                return MetricValue.undefined(name, problem.get());
            }
            if (overall == 0) {
                return MetricValue.undefined(name, "the overall " + rate + " is 0: the ratio is 0/0");
            }
            double worst = Double.POSITIVE_INFINITY;
            for (double v : p) {
                worst = Math.min(worst, v / overall);
            }
            return MetricValue.of(name, worst);
        }
    }

    private static Side side(List<Group> included, Group overall, String rate) {
        int size = included.size();
        double[] p = new double[size];
        double[] n = new double[size];
        Interval[] ci = new Interval[size];
        List<String> names = new ArrayList<>(size);
        Optional<String> problem = Optional.empty();
        for (int i = 0; i < size; i++) {
            Group g = included.get(i);
            Rate r = g.rate(rate);
            names.add(g.name());
            if (!r.isDefined()) {
                if (problem.isEmpty()) {
                    problem = Optional.of("group '" + g.name() + "' has " + r.value().undefinedReason().orElseThrow());
                }
                continue;
            }
            p[i] = r.p();
            n[i] = r.trials();
            ci[i] = r.value().ci().orElseThrow();
        }
        Rate all = overall.rate(rate);
        return new Side(rate, names, p, n, ci, all.isDefined() ? all.p() : 0, problem);
    }

    /** The larger of two values, carrying the interval of the one that attains it (Fairlearn's max of the two). */
    private static MetricValue larger(String name, MetricValue a, MetricValue b) {
        return pick(name, a, b, x -> x);
    }

    private static MetricValue smaller(String name, MetricValue a, MetricValue b) {
        return pick(name, a, b, x -> -x);
    }

    private static MetricValue pick(String name, MetricValue a, MetricValue b, Function<Double, Double> key) {
        for (MetricValue v : List.of(a, b)) {
            if (!v.isDefined()) {
                return MetricValue.undefined(name, v.undefinedReason().orElseThrow());
            }
        }
        MetricValue chosen = key.apply(a.value().getAsDouble()) >= key.apply(b.value().getAsDouble()) ? a : b;
        MetricValue v = MetricValue.of(name, chosen.value().getAsDouble());
        return chosen.ci().map(v::withInterval).orElse(v);
    }

    /** AIF360's average odds difference, ((FPR_a - FPR_b) + (TPR_a - TPR_b)) / 2, between the extreme groups. */
    private static MetricValue averageOdds(Side tpr, Side fpr, double level) {
        String name = "average_odds_difference";
        Optional<String> problem = tpr.problem().or(fpr::problem);
        if (problem.isPresent()) {
            return MetricValue.undefined(name, problem.get());
        }
        int hi = 0;
        int lo = 0;
        for (int i = 1; i < tpr.p().length; i++) {
            if (odds(tpr, fpr, i) > odds(tpr, fpr, hi)) {
                hi = i;
            }
            if (odds(tpr, fpr, i) < odds(tpr, fpr, lo)) {
                lo = i;
            }
        }
        Interval ci = DisparityIntervals.mover(new double[] {0.5, 0.5, -0.5, -0.5},
                new double[] {tpr.p()[hi], fpr.p()[hi], tpr.p()[lo], fpr.p()[lo]},
                new Interval[] {tpr.ci()[hi], fpr.ci()[hi], tpr.ci()[lo], fpr.ci()[lo]});
        return MetricValue.of(name, odds(tpr, fpr, hi) - odds(tpr, fpr, lo), ci);
    }

    private static MetricValue averageOddsToOverall(Side tpr, Side fpr) {
        String name = "average_odds_difference_to_overall";
        Optional<String> problem = tpr.problem().or(fpr::problem);
        if (problem.isPresent()) {
            return MetricValue.undefined(name, problem.get());
        }
        double overall = (tpr.overall() + fpr.overall()) / 2;
        double worst = 0;
        for (int i = 0; i < tpr.p().length; i++) {
            worst = Math.max(worst, Math.abs(odds(tpr, fpr, i) - overall));
        }
        return MetricValue.of(name, worst);
    }

    private static double odds(Side tpr, Side fpr, int i) {
        return (tpr.p()[i] + fpr.p()[i]) / 2;
    }

    /** The smallest ratio of a group's favourable rate to the reference group's (AIF360 disparate impact). */
    private static MetricValue disparateImpact(Side favourable, Optional<Group> reference,
                                               Optional<String> referenceProblem, double level) {
        String name = "disparate_impact";
        if (referenceProblem.isPresent()) {
            return MetricValue.undefined(name, referenceProblem.get());
        }
        if (favourable.problem().isPresent()) {
            return MetricValue.undefined(name, favourable.problem().get());
        }
        int ref = favourable.names().indexOf(reference.orElseThrow().name());
        double pr = favourable.p()[ref];
        if (pr == 0) {
            return MetricValue.undefined(name, "the reference group's favourable rate is 0: the ratio is x/0");
        }
        int worst = -1;
        for (int i = 0; i < favourable.p().length; i++) {
            if (i != ref && (worst < 0 || favourable.p()[i] < favourable.p()[worst])) {
                worst = i;
            }
        }
        double p = favourable.p()[worst];
        MetricValue v = MetricValue.of(name, p / pr);
        return DisparityIntervals.katzLog(p, favourable.n()[worst], pr, favourable.n()[ref], level)
                .map(v::withInterval).orElse(v);
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
