package io.mlgates.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.mlgates.core.metrics.Interval;
import io.mlgates.core.metrics.Intervals;
import io.mlgates.core.metrics.MetricValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Group rates and disparities on cases small enough to check by hand, against the definitions of Fairlearn
 * ({@code fairlearn.metrics}, between_groups and to_overall) and AIF360 ({@code ClassificationMetric}).
 */
class FairnessAccumulatorTest {
    private static final double EPS = 1e-12;

    /** Adds n rows of one confusion cell to a group. */
    private static void rows(FairnessAccumulator acc, int n, boolean actual, boolean predicted, double weight,
                             String... values) {
        for (int i = 0; i < n; i++) {
            acc.add(values, actual, predicted, 0.5, weight);
        }
    }

    /**
     * Group a: TP 3, FN 1, FP 2, TN 4. Group b: TP 1, FN 3, FP 1, TN 5. Overall: TP 4, FN 4, FP 3, TN 9.
     */
    private static FairnessAccumulator twoGroups(double weightOfA) {
        FairnessAccumulator acc = new FairnessAccumulator(List.of("sex"), List.of(), true, 10, 100);
        rows(acc, 3, true, true, weightOfA, "a");
        rows(acc, 1, true, false, weightOfA, "a");
        rows(acc, 2, false, true, weightOfA, "a");
        rows(acc, 4, false, false, weightOfA, "a");
        rows(acc, 1, true, true, 1, "b");
        rows(acc, 3, true, false, 1, "b");
        rows(acc, 1, false, true, 1, "b");
        rows(acc, 5, false, false, 1, "b");
        return acc;
    }

    private static FairnessOptions options(int minGroupSize, boolean favourablePositive, Map<String, String> ref) {
        return new FairnessOptions(0.95, 10, minGroupSize, favourablePositive, ref, false);
    }

    private static double value(AttributeFairness a, String metric) {
        MetricValue v = a.disparities().get(metric);
        assertThat(v.isDefined()).as(metric + " " + v.undefinedReason()).isTrue();
        return v.value().getAsDouble();
    }

    @Test
    @DisplayName("group rates are Fairlearn's selection_rate, true/false positive and negative rates, ppv, accuracy")
    void groupRates() {
        FairnessResult r = twoGroups(1).compute(options(1, true, Map.of()));
        GroupFairness a = r.attributes().get("sex").groups().get("a");
        assertThat(a.count()).isEqualTo(10);
        assertThat(a.rate("selection_rate").value()).hasValue(0.5);
        assertThat(a.rate("tpr").value()).hasValue(0.75);
        assertThat(a.rate("fpr").value().getAsDouble()).isCloseTo(1.0 / 3, within(EPS));
        assertThat(a.rate("fnr").value()).hasValue(0.25);
        assertThat(a.rate("ppv").value()).hasValue(0.6);
        assertThat(a.rate("accuracy").value()).hasValue(0.7);
        assertThat(a.rate("tpr").ci()).isEqualTo(Intervals.wilson(0.75, 4, 0.95));
        assertThat(r.overall().rate("selection_rate").value()).hasValue(0.35);
        assertThat(a.metrics().get("recall").value()).hasValue(0.75);
        assertThat(a.metrics().get("roc_auc").isDefined()).isFalse();
    }

    @Test
    @DisplayName("between-groups and to-overall disparities equal Fairlearn's and AIF360's formulas")
    void disparities() {
        AttributeFairness sex = twoGroups(1).compute(options(1, true, Map.of("sex", "a"))).attributes().get("sex");
        // selection rates a 0.5, b 0.2, overall 0.35
        assertThat(value(sex, "demographic_parity_difference")).isCloseTo(0.3, within(EPS));
        assertThat(value(sex, "demographic_parity_difference_to_overall")).isCloseTo(0.15, within(EPS));
        assertThat(value(sex, "demographic_parity_ratio")).isCloseTo(0.4, within(EPS));
        assertThat(value(sex, "demographic_parity_ratio_to_overall")).isCloseTo(0.2 / 0.35, within(EPS));
        // tpr a 0.75, b 0.25, overall 0.5; fpr a 1/3, b 1/6, overall 0.25
        assertThat(value(sex, "equalized_odds_difference")).isCloseTo(Math.max(0.5, 1.0 / 6), within(EPS));
        assertThat(value(sex, "equalized_odds_difference_to_overall")).isCloseTo(Math.max(0.25, 1.0 / 12),
                within(EPS));
        assertThat(value(sex, "equalized_odds_ratio")).isCloseTo(Math.min(0.25 / 0.75, (1.0 / 6) / (1.0 / 3)),
                within(EPS));
        assertThat(value(sex, "equalized_odds_ratio_to_overall")).isCloseTo(
                Math.min(Math.min(0.5 / 0.75, 0.25 / 0.5), Math.min(0.25 / (1.0 / 3), (1.0 / 6) / 0.25)),
                within(EPS));
        assertThat(value(sex, "equal_opportunity_difference")).isCloseTo(0.5, within(EPS));
        assertThat(value(sex, "equal_opportunity_difference_to_overall")).isCloseTo(0.25, within(EPS));
        // AIF360: ((FPR_a - FPR_b) + (TPR_a - TPR_b)) / 2
        assertThat(value(sex, "average_odds_difference")).isCloseTo(((1.0 / 3 - 1.0 / 6) + (0.75 - 0.25)) / 2,
                within(EPS));
        assertThat(value(sex, "average_odds_difference_to_overall")).isCloseTo(
                Math.abs((0.75 + 1.0 / 3) / 2 - (0.5 + 0.25) / 2), within(EPS));
        // ppv a 3/5, b 1/2, overall 4/7
        assertThat(value(sex, "predictive_parity_difference")).isCloseTo(0.1, within(EPS));
        assertThat(value(sex, "predictive_parity_difference_to_overall")).isCloseTo(
                Math.max(0.6 - 4.0 / 7, 4.0 / 7 - 0.5), within(EPS));
        // AIF360 disparate impact with the positive prediction favourable and a as reference: 0.2 / 0.5
        assertThat(value(sex, "disparate_impact")).isCloseTo(0.4, within(EPS));
        assertThat(value(sex, "disparate_impact_to_overall")).isCloseTo(0.2 / 0.35, within(EPS));
    }

    @Test
    @DisplayName("the Theil index is AIF360's generalized entropy index with alpha 1 over benefits yhat - y + 1")
    void theilIndex() {
        AttributeFairness sex = twoGroups(1).compute(options(1, true, Map.of())).attributes().get("sex");
        // benefits: FP -> 2 (3 rows), FN -> 0 (4 rows), right -> 1 (13 rows); mean 19/20
        double mu = 19.0 / 20;
        double expected = (13 * (1 / mu) * Math.log(1 / mu) + 3 * (2 / mu) * Math.log(2 / mu)) / 20;
        assertThat(value(sex, "theil_index")).isCloseTo(expected, within(EPS));
        // between groups: a's mean benefit (7 + 2*2)/10 = 1.1, b's (6 + 2*1)/10 = 0.8
        double between = (10 * (1.1 / mu) * Math.log(1.1 / mu) + 10 * (0.8 / mu) * Math.log(0.8 / mu)) / 20;
        assertThat(value(sex, "between_group_theil_index")).isCloseTo(between, within(EPS));
    }

    @Test
    @DisplayName("with the negative prediction favourable, disparate impact compares rates of predicted negatives")
    void favourableNegative() {
        AttributeFairness sex = twoGroups(1).compute(options(1, false, Map.of("sex", "a"))).attributes().get("sex");
        // predicted negative: a 5/10, b 8/10; against reference a, the only other group is b: 0.8 / 0.5
        assertThat(value(sex, "disparate_impact")).isCloseTo(0.8 / 0.5, within(EPS));
        ReferenceComparison b = sex.comparisons().get(0);
        assertThat(b.group()).isEqualTo("b");
        assertThat(b.ratio().value().getAsDouble()).isCloseTo(1.6, within(EPS));
        assertThat(b.test().name()).isEqualTo("fisher-exact");
        // demographic parity stays on the positive prediction, as Fairlearn's selection rate
        assertThat(value(sex, "demographic_parity_ratio")).isCloseTo(0.4, within(EPS));
    }

    @Test
    @DisplayName("sample weights count: a row of weight 3 counts as three rows in every rate")
    void weights() {
        FairnessResult weighted = twoGroups(3).compute(options(1, true, Map.of()));
        AttributeFairness sex = weighted.attributes().get("sex");
        assertThat(sex.groups().get("a").weight()).isEqualTo(30);
        assertThat(sex.groups().get("a").count()).isEqualTo(10);
        // overall selection rate: (5 * 3 + 2) / (30 + 10)
        assertThat(weighted.overall().rate("selection_rate").value().getAsDouble()).isCloseTo(17.0 / 40,
                within(EPS));
        assertThat(value(sex, "demographic_parity_difference_to_overall"))
                .isCloseTo(Math.max(0.5 - 17.0 / 40, 17.0 / 40 - 0.2), within(EPS));
        // within a group, equal weights leave the rates and the effective size as they were
        assertThat(sex.groups().get("a").rate("tpr").ci()).isEqualTo(Intervals.wilson(0.75, 4, 0.95));
    }

    @Test
    @DisplayName("an intersection joins attribute names and group values with '&'")
    void intersections() {
        FairnessAccumulator acc = new FairnessAccumulator(List.of("sex", "age"), List.of(List.of("sex", "age")),
                false, 10, 100);
        rows(acc, 4, true, true, 1, "f", "young");
        rows(acc, 4, false, false, 1, "f", "young");
        rows(acc, 2, true, false, 1, "f", "old");
        rows(acc, 2, false, true, 1, "f", "old");
        rows(acc, 3, true, true, 1, "m", "old");
        rows(acc, 1, false, false, 1, "m", "old");
        FairnessResult r = acc.compute(options(1, true, Map.of("sex&age", "m&old")));
        assertThat(r.attributes()).containsOnlyKeys("sex", "age", "sex&age");
        AttributeFairness both = r.attributes().get("sex&age");
        assertThat(both.groups()).containsOnlyKeys("f&old", "f&young", "m&old");
        assertThat(both.groups().get("f&old").rate("selection_rate").value()).hasValue(0.5);
        // selection rates: f&old 2/4, f&young 4/8, m&old 3/4
        assertThat(value(both, "demographic_parity_difference")).isCloseTo(0.25, within(EPS));
        assertThat(value(both, "disparate_impact")).isCloseTo(0.5 / 0.75, within(EPS));
        assertThat(r.attributes().get("sex").groups().get("f").count()).isEqualTo(12);
    }

    @Test
    @DisplayName("a group without positive labels leaves tpr-based disparities undefined, naming the group")
    void undefinedWithoutPositives() {
        FairnessAccumulator acc = new FairnessAccumulator(List.of("g"), List.of(), false, 10, 100);
        rows(acc, 3, true, true, 1, "x");
        rows(acc, 3, false, false, 1, "x");
        rows(acc, 2, false, true, 1, "y");
        rows(acc, 2, false, false, 1, "y");
        AttributeFairness g = acc.compute(options(1, true, Map.of())).attributes().get("g");
        assertThat(g.groups().get("y").rate("tpr").isDefined()).isFalse();
        for (String metric : List.of("equal_opportunity_difference", "equalized_odds_difference",
                "equalized_odds_ratio", "average_odds_difference")) {
            MetricValue v = g.disparities().get(metric);
            assertThat(v.isDefined()).as(metric).isFalse();
            assertThat(v.undefinedReason()).hasValue("group 'y' has no positive labels: tpr is 0/0");
        }
        assertThat(g.disparities().get("demographic_parity_difference").isDefined()).isTrue();
        assertThat(g.disparities().get("disparate_impact").undefinedReason())
                .hasValue("no reference group is declared for 'g'");
    }

    @Test
    @DisplayName("a group whose rows all weigh 0 is counted, its rates are 0/0, and what needs them is undefined")
    void groupOfWeightZero() {
        FairnessAccumulator acc = twoGroups(1);
        rows(acc, 4, true, true, 0, "c");
        rows(acc, 3, false, false, 0, "c");
        AttributeFairness sex = acc.compute(options(1, true, Map.of())).attributes().get("sex");
        assertThat(sex.groups().get("c").count()).isEqualTo(7);
        assertThat(sex.groups().get("c").rate("selection_rate").undefinedReason())
                .hasValue("only rows of weight 0: selection_rate is 0/0");
        assertThat(sex.disparities().get("demographic_parity_difference").undefinedReason())
                .hasValue("group 'c' has only rows of weight 0: selection_rate is 0/0");
        // the Theil index weighs each row: rows that weigh nothing leave it as it was
        AttributeFairness without = twoGroups(1).compute(options(1, true, Map.of())).attributes().get("sex");
        assertThat(value(sex, "between_group_theil_index")).isEqualTo(value(without, "between_group_theil_index"));
    }

    @Test
    @DisplayName("a ratio whose every rate is 0 is undefined (0/0), never 0 or 1")
    void ratioOfZeros() {
        FairnessAccumulator acc = new FairnessAccumulator(List.of("g"), List.of(), false, 10, 100);
        rows(acc, 2, true, false, 1, "x");
        rows(acc, 2, false, false, 1, "y");
        AttributeFairness g = acc.compute(options(1, true, Map.of())).attributes().get("g");
        assertThat(g.disparities().get("demographic_parity_ratio").undefinedReason())
                .hasValue("every group's selection_rate is 0: the ratio is 0/0");
        assertThat(g.disparities().get("demographic_parity_difference").value()).hasValue(0.0);
    }

    @Test
    @DisplayName("groups under minGroupSize are reported but not judged; fewer than two judged leaves only the judged values undefined")
    void smallGroups() {
        AttributeFairness sex = twoGroups(1).compute(options(11, true, Map.of("sex", "a"))).attributes().get("sex");
        assertThat(sex.groups().get("a").excluded()).hasValue("10 rows, fewer than minGroupSize 11");
        assertThat(value(sex, "demographic_parity_difference")).isCloseTo(0.3, within(EPS));
        assertThat(value(sex, "disparate_impact")).isCloseTo(0.4, within(EPS));
        assertThat(sex.judged().groups()).isEmpty();
        assertThat(sex.judged().leftOut()).containsExactly("a", "b");
        assertThat(sex.judged().value("demographic_parity_difference").undefinedReason())
                .hasValue("fewer than two groups with at least minGroupSize 11 rows: nothing to judge");
        assertThat(sex.judged().value("theil_index").isDefined()).isTrue();
        assertThat(sex.comparisons()).isEmpty();
        assertThat(sex.comparedWith()).isEmpty();
    }

    @Test
    @DisplayName("one group present: every between-groups disparity is undefined, reported and judged")
    void oneGroup() {
        FairnessAccumulator acc = new FairnessAccumulator(List.of("g"), List.of(), false, 10, 100);
        rows(acc, 3, true, true, 1, "x");
        rows(acc, 3, false, false, 1, "x");
        AttributeFairness g = acc.compute(options(1, true, Map.of())).attributes().get("g");
        assertThat(g.disparities().get("demographic_parity_difference").undefinedReason())
                .hasValue("fewer than two groups: nothing to compare");
    }

    @Test
    @DisplayName("with three groups the between-groups interval is simultaneous: Bonferroni over the 3 pairs, bounds of the extreme gap")
    void simultaneousIntervals() {
        FairnessAccumulator acc = new FairnessAccumulator(List.of("g"), List.of(), false, 10, 100);
        // selection rates: x 6/10, y 3/10, z 5/20
        rows(acc, 6, true, true, 1, "x");
        rows(acc, 4, false, false, 1, "x");
        rows(acc, 3, true, true, 1, "y");
        rows(acc, 7, false, false, 1, "y");
        rows(acc, 5, true, true, 1, "z");
        rows(acc, 15, false, false, 1, "z");
        AttributeFairness g = acc.compute(options(1, true, Map.of())).attributes().get("g");
        double pair = 1 - 0.05 / 3;
        double[] p = {0.6, 0.3, 0.25};
        double[] n = {10, 10, 20};
        double low = 0;
        double high = 0;
        double rLow = 1;
        double rHigh = 1;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (i == j) {
                    continue;
                }
                Interval wi = Intervals.wilson(p[i], n[i], pair).orElseThrow();
                Interval wj = Intervals.wilson(p[j], n[j], pair).orElseThrow();
                double d = p[i] - p[j];
                low = Math.max(low, d - Math.sqrt(Math.pow(p[i] - wi.low(), 2) + Math.pow(wj.high() - p[j], 2)));
                high = Math.max(high, d + Math.sqrt(Math.pow(wi.high() - p[i], 2) + Math.pow(p[j] - wj.low(), 2)));
                double se = Math.sqrt((1 - p[i]) / (n[i] * p[i]) + (1 - p[j]) / (n[j] * p[j]));
                rLow = Math.min(rLow, p[i] / p[j] * Math.exp(-Intervals.z(pair) * se));
                rHigh = Math.min(rHigh, p[i] / p[j] * Math.exp(Intervals.z(pair) * se));
            }
        }
        Interval dpd = g.disparities().get("demographic_parity_difference").ci().orElseThrow();
        assertThat(dpd.method()).isEqualTo("newcombe-bonferroni");
        assertThat(dpd.level()).isEqualTo(0.95);
        assertThat(dpd.low()).isCloseTo(low, within(EPS));
        assertThat(dpd.high()).isCloseTo(high, within(EPS));
        Interval dpr = g.disparities().get("demographic_parity_ratio").ci().orElseThrow();
        assertThat(dpr.method()).isEqualTo("katz-log-bonferroni");
        assertThat(dpr.low()).isCloseTo(rLow, within(EPS));
        assertThat(dpr.high()).isCloseTo(rHigh, within(EPS));
        // wider than the two extremes' own 95 % interval, which ignores that they were picked from three
        Interval naive = DisparityIntervals.newcombe(0.6, Intervals.wilson(0.6, 10, 0.95).orElseThrow(), 0.25,
                Intervals.wilson(0.25, 20, 0.95).orElseThrow());
        assertThat(dpd.high() - dpd.low()).isGreaterThan(naive.high() - naive.low());
        assertThat(g.judged().pairs()).isEqualTo(3);
    }

    @Test
    @DisplayName("without a declared reference the comparisons are against the most favoured judged group")
    void mostFavoured() {
        AttributeFairness sex = twoGroups(1).compute(options(1, true, Map.of())).attributes().get("sex");
        assertThat(sex.reference()).isEmpty();
        assertThat(sex.comparedWith()).hasValue("a");
        assertThat(sex.comparisons()).singleElement().satisfies(c -> {
            assertThat(c.group()).isEqualTo("b");
            assertThat(c.ratio().value().getAsDouble()).isCloseTo(0.4, within(EPS));
        });
    }

    @Test
    @DisplayName("empty sensitive values form the group (missing); with missing: exclude they are left out and counted")
    void missingValues() {
        FairnessAccumulator acc = twoGroups(1);
        rows(acc, 2, true, true, 1, "");
        rows(acc, 1, false, false, 1, " ");
        AttributeFairness grouped = acc.compute(options(1, true, Map.of())).attributes().get("sex");
        assertThat(grouped.groups()).containsOnlyKeys("(missing)", "a", "b");
        assertThat(grouped.groups().get("(missing)").count()).isEqualTo(3);
        assertThat(grouped.missingExcluded()).isZero();
        // selection rates: (missing) 2/3, a 0.5, b 0.2
        assertThat(value(grouped, "demographic_parity_difference")).isCloseTo(2.0 / 3 - 0.2, within(EPS));

        AttributeFairness excluded = acc.compute(new FairnessOptions(0.95, 10, 1, true, Map.of(), true))
                .attributes().get("sex");
        assertThat(excluded.groups()).containsOnlyKeys("a", "b");
        assertThat(excluded.missingExcluded()).isEqualTo(3);
        assertThat(value(excluded, "demographic_parity_difference")).isCloseTo(0.3, within(EPS));
        // the overall of the attribute is its remaining rows, as after dropping them
        assertThat(value(excluded, "demographic_parity_difference_to_overall")).isCloseTo(0.15, within(EPS));
    }

    @Test
    @DisplayName("a data value spelled (missing) is refused: it names the group of rows without a value")
    void reservedMissingName() {
        FairnessAccumulator acc = new FairnessAccumulator(List.of("sex"), List.of(), false, 10, 100);
        assertThatThrownBy(() -> acc.add(new String[] {"(missing)"}, true, true, 0, 1))
                .hasMessageContaining("column 'sex' holds the value (missing)");
    }

    @Test
    @DisplayName("with two groups, differences carry Newcombe's interval and ratios Katz's log-method interval, at the level itself")
    void intervals() {
        AttributeFairness sex = twoGroups(1).compute(options(1, true, Map.of())).attributes().get("sex");
        Interval a = Intervals.wilson(0.5, 10, 0.95).orElseThrow();
        Interval b = Intervals.wilson(0.2, 10, 0.95).orElseThrow();
        Interval dpd = sex.disparities().get("demographic_parity_difference").ci().orElseThrow();
        assertThat(dpd.method()).isEqualTo("newcombe-bonferroni");
        // Newcombe's lower bound of a - b is below 0; max - min is never negative, so its bound is 0
        assertThat(0.3 - Math.sqrt(Math.pow(0.5 - a.low(), 2) + Math.pow(b.high() - 0.2, 2))).isNegative();
        assertThat(dpd.low()).isZero();
        assertThat(dpd.high()).isCloseTo(0.3 + Math.sqrt(Math.pow(a.high() - 0.5, 2) + Math.pow(0.2 - b.low(), 2)),
                within(EPS));
        Interval dpr = sex.disparities().get("demographic_parity_ratio").ci().orElseThrow();
        double se = Math.sqrt(0.8 / (10 * 0.2) + 0.5 / (10 * 0.5));
        assertThat(dpr.method()).isEqualTo("katz-log-bonferroni");
        assertThat(dpr.low()).isCloseTo(0.4 * Math.exp(-Intervals.z(0.95) * se), within(EPS));
        // min / max is never above 1, so the bound above Katz's 1.6 is 1
        assertThat(0.4 * Math.exp(Intervals.z(0.95) * se)).isGreaterThan(1);
        assertThat(dpr.high()).isEqualTo(1);
        assertThat(sex.disparities().get("average_odds_difference").ci().orElseThrow().method())
                .isEqualTo("mover-wilson-bonferroni");
        assertThat(sex.disparities().get("demographic_parity_difference_to_overall").ci()).isEmpty();
    }

    @Test
    @DisplayName("two merged halves give exactly the figures of one accumulator over all rows")
    void mergeEqualsOnePass() {
        FairnessAccumulator whole = twoGroups(2);
        FairnessAccumulator first = new FairnessAccumulator(List.of("sex"), List.of(), true, 10, 100);
        FairnessAccumulator second = new FairnessAccumulator(List.of("sex"), List.of(), true, 10, 100);
        rows(first, 3, true, true, 2, "a");
        rows(first, 1, true, false, 2, "a");
        rows(second, 2, false, true, 2, "a");
        rows(second, 4, false, false, 2, "a");
        rows(first, 1, true, true, 1, "b");
        rows(second, 3, true, false, 1, "b");
        rows(first, 1, false, true, 1, "b");
        rows(second, 5, false, false, 1, "b");
        first.merge(second);
        FairnessOptions o = options(1, true, Map.of("sex", "b"));
        assertThat(first.compute(o)).isEqualTo(whole.compute(o));
    }

    @Test
    @DisplayName("a column with more groups than allowed is refused: it holds ids, not groups")
    void tooManyGroups() {
        FairnessAccumulator acc = new FairnessAccumulator(List.of("id"), List.of(), false, 10, 2);
        acc.add(new String[] {"1"}, true, true, 0, 1);
        acc.add(new String[] {"2"}, true, true, 0, 1);
        assertThatThrownBy(() -> acc.add(new String[] {"3"}, true, true, 0, 1))
                .hasMessageContaining("more than 2 groups");
    }
}
