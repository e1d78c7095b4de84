package io.mlgates.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mlgates.core.metrics.MetricValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The credit-risk example's 300 held-out rows, grouped by sex, age band and both, with and without weights: every
 * disparity against the Fairlearn and AIF360 formulas, evaluated here from group counts the test tallies itself.
 * Positive class {@code bad}; the favourable outcome is the prediction {@code good}.
 */
class CreditRiskFairnessTest {
    private static final Path PREDICTIONS = Path.of("..", "examples", "credit-risk", "eval", "predictions.csv");
    private static final double EPS = 1e-12;

    private record Row(int id, boolean bad, boolean predictedBad, double score, String sex, String age) {
        String both() {
            return sex + "&" + age;
        }
    }

    private static List<Row> rows;

    @BeforeAll
    static void read() throws Exception {
        rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(PREDICTIONS);
        assertThat(lines.get(0)).isEqualTo("id,label,score,prediction,sex,age_band,foreign_worker");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            rows.add(new Row(Integer.parseInt(f[0]), f[1].equals("bad"), f[3].equals("bad"),
                    Double.parseDouble(f[2]), f[4], f[5]));
        }
        assertThat(rows).hasSize(300);
    }

    /** Weighted tallies of one group, as the test computes them. */
    private static final class Counts {
        double tp;
        double fp;
        double tn;
        double fn;

        void add(Row r, double w) {
            if (r.bad()) {
                if (r.predictedBad()) {
                    tp += w;
                } else {
                    fn += w;
                }
            } else if (r.predictedBad()) {
                fp += w;
            } else {
                tn += w;
            }
        }

        double n() {
            return tp + fp + tn + fn;
        }

        double sr() {
            return (tp + fp) / n();
        }

        double tpr() {
            return tp / (tp + fn);
        }

        double fpr() {
            return fp / (fp + tn);
        }

        double ppv() {
            return tp / (tp + fp);
        }

        double favourable() {
            return (tn + fn) / n();
        }
    }

    private static Map<String, Counts> groups(Function<Row, String> key, ToIntFunction<Row> weight) {
        Map<String, Counts> groups = new TreeMap<>();
        for (Row r : rows) {
            groups.computeIfAbsent(key.apply(r), k -> new Counts()).add(r, weight.applyAsInt(r));
        }
        return groups;
    }

    private static Counts overall(ToIntFunction<Row> weight) {
        Counts all = new Counts();
        rows.forEach(r -> all.add(r, weight.applyAsInt(r)));
        return all;
    }

    private static FairnessResult compute(ToIntFunction<Row> weight, int minGroupSize) {
        FairnessAccumulator acc = new FairnessAccumulator(List.of("sex", "age_band"),
                List.of(List.of("sex", "age_band")), true, 10, 100);
        for (Row r : rows) {
            acc.add(new String[] {r.sex(), r.age()}, r.bad(), r.predictedBad(), r.score(), weight.applyAsInt(r));
        }
        return acc.compute(new FairnessOptions(0.95, 10, minGroupSize, false,
                Map.of("sex", "male", "age_band", "25-39", "sex&age_band", "male&25-39"), false));
    }

    private static double max(Map<String, Counts> g, Function<Counts, Double> f) {
        return g.values().stream().mapToDouble(f::apply).max().orElseThrow();
    }

    private static double min(Map<String, Counts> g, Function<Counts, Double> f) {
        return g.values().stream().mapToDouble(f::apply).min().orElseThrow();
    }

    private static double maxDistance(Map<String, Counts> g, Function<Counts, Double> f, double overall) {
        return g.values().stream().mapToDouble(c -> Math.abs(f.apply(c) - overall)).max().orElseThrow();
    }

    private static double minRatioToOverall(Map<String, Counts> g, Function<Counts, Double> f, double overall) {
        return g.values().stream().mapToDouble(c -> Math.min(f.apply(c) / overall, overall / f.apply(c)))
                .min().orElseThrow();
    }

    private static double value(AttributeFairness a, String name) {
        MetricValue v = a.judged().value(name);
        assertThat(v.isDefined()).as(name + ": " + v.undefinedReason()).isTrue();
        return v.value().getAsDouble();
    }

    @ParameterizedTest(name = "{0}, weights {1}")
    @ValueSource(strings = {"sex/unit", "age_band/unit", "sex/weighted", "age_band/weighted"})
    @DisplayName("every disparity of sex and age band equals its formula, without and with sample weights")
    void disparitiesEqualTheFormulas(String which) {
        String attribute = which.split("/")[0];
        ToIntFunction<Row> weight = which.endsWith("weighted") ? r -> 1 + r.id() % 3 : r -> 1;
        Function<Row, String> key = attribute.equals("sex") ? Row::sex : Row::age;
        Counts all = overall(weight);
        Map<String, Counts> g = groups(key, weight);
        g.values().removeIf(c -> rows.stream().filter(r -> g.get(key.apply(r)) == c).count() < 30);
        String reference = attribute.equals("sex") ? "male" : "25-39";
        AttributeFairness a = compute(weight, 30).attributes().get(attribute);
        Map<String, Counts> present = groups(key, weight);
        MetricValue reported = a.disparities().get("demographic_parity_difference");
        assertThat(reported.value().getAsDouble()).as("over every group present")
                .isCloseTo(max(present, Counts::sr) - min(present, Counts::sr), within(EPS));

        assertThat(value(a, "demographic_parity_difference")).isCloseTo(max(g, Counts::sr) - min(g, Counts::sr),
                within(EPS));
        assertThat(value(a, "demographic_parity_ratio")).isCloseTo(min(g, Counts::sr) / max(g, Counts::sr),
                within(EPS));
        assertThat(value(a, "demographic_parity_difference_to_overall"))
                .isCloseTo(maxDistance(g, Counts::sr, all.sr()), within(EPS));
        assertThat(value(a, "demographic_parity_ratio_to_overall"))
                .isCloseTo(minRatioToOverall(g, Counts::sr, all.sr()), within(EPS));
        double tprDiff = max(g, Counts::tpr) - min(g, Counts::tpr);
        double fprDiff = max(g, Counts::fpr) - min(g, Counts::fpr);
        assertThat(value(a, "equalized_odds_difference")).isCloseTo(Math.max(tprDiff, fprDiff), within(EPS));
        assertThat(value(a, "equalized_odds_ratio")).isCloseTo(Math.min(min(g, Counts::tpr) / max(g, Counts::tpr),
                min(g, Counts::fpr) / max(g, Counts::fpr)), within(EPS));
        assertThat(value(a, "equalized_odds_difference_to_overall")).isCloseTo(Math.max(
                maxDistance(g, Counts::tpr, all.tpr()), maxDistance(g, Counts::fpr, all.fpr())), within(EPS));
        assertThat(value(a, "equal_opportunity_difference")).isCloseTo(tprDiff, within(EPS));
        Function<Counts, Double> odds = c -> (c.tpr() + c.fpr()) / 2;
        assertThat(value(a, "average_odds_difference")).isCloseTo(max(g, odds) - min(g, odds), within(EPS));
        assertThat(value(a, "average_odds_difference_to_overall"))
                .isCloseTo(maxDistance(g, odds, odds.apply(all)), within(EPS));
        assertThat(value(a, "predictive_parity_difference")).isCloseTo(max(g, Counts::ppv) - min(g, Counts::ppv),
                within(EPS));
        double ref = g.get(reference).favourable();
        double worst = g.entrySet().stream().filter(e -> !e.getKey().equals(reference))
                .mapToDouble(e -> e.getValue().favourable() / ref).min().orElseThrow();
        assertThat(value(a, "disparate_impact")).isCloseTo(worst, within(EPS));
        assertThat(value(a, "disparate_impact_to_overall"))
                .isCloseTo(min(g, Counts::favourable) / all.favourable(), within(EPS));
        // Theil index over individual benefits b = yhat - y + 1, the favourable outcome (predicted good) as 1:
        // a good prediction for a bad applicant is b = 2, a bad prediction for a good one b = 0
        double mu = (all.tp + all.tn + 2 * all.fn) / all.n();
        double theil = ((all.tp + all.tn) * (1 / mu) * Math.log(1 / mu) + all.fn * (2 / mu) * Math.log(2 / mu))
                / all.n();
        assertThat(value(a, "theil_index")).isCloseTo(theil, within(EPS));
        double included = g.values().stream().mapToDouble(Counts::n).sum();
        double muIncluded = g.values().stream().mapToDouble(c -> c.tp + c.tn + 2 * c.fn).sum() / included;
        double between = g.values().stream().mapToDouble(c -> {
            double m = (c.tp + c.tn + 2 * c.fn) / c.n() / muIncluded;
            return c.n() * m * Math.log(m);
        }).sum() / included;
        assertThat(value(a, "between_group_theil_index")).isCloseTo(between, within(EPS));
    }

    @Test
    @DisplayName("the example's real disparity: applicants under 25 are granted loans at 0.74 times the rate of 25-39")
    void ageDisparity() {
        AttributeFairness age = compute(r -> 1, 30).attributes().get("age_band");
        ReferenceComparison under25 = age.comparisons().stream().filter(c -> c.group().equals("<25")).findFirst()
                .orElseThrow();
        // granted (predicted good): 23 of 45 under 25, 113 of 164 at 25-39
        assertThat(under25.ratio().value().getAsDouble()).isCloseTo((23.0 / 45) / (113.0 / 164), within(EPS));
        assertThat(under25.test().name()).isEqualTo("fisher-exact");
        assertThat(under25.test().pValue()).isLessThan(0.05).isGreaterThan(0.01);
        assertThat(age.groups().get("60+").excluded()).hasValue("14 rows, fewer than minGroupSize 30");
    }

    @Test
    @DisplayName("intersections: every group of sex & age band has the counts of the rows with both values")
    void intersections() {
        AttributeFairness both = compute(r -> 1, 1).attributes().get("sex&age_band");
        Map<String, Counts> expected = groups(Row::both, r -> 1);
        assertThat(both.groups().keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((group, c) -> {
            GroupFairness actual = both.groups().get(group);
            assertThat(actual.count()).as(group).isEqualTo((long) c.n());
            assertThat(actual.rate("selection_rate").value().getAsDouble()).as(group).isCloseTo(c.sr(), within(EPS));
        });
    }

    @Test
    @DisplayName("undefined cases: a group without positive predictions has no ppv, and ppv disparities say which")
    void undefinedCases() {
        AttributeFairness both = compute(r -> 1, 1).attributes().get("sex&age_band");
        GroupFairness female60 = both.groups().get("female&60+");
        assertThat(female60.count()).isEqualTo(3);
        assertThat(female60.rate("ppv").undefinedReason()).hasValue("no positive predictions: ppv is 0/0");
        assertThat(both.disparities().get("predictive_parity_difference").undefinedReason())
                .hasValue("group 'female&60+' has no positive predictions: ppv is 0/0");
        assertThat(both.disparities().get("demographic_parity_difference").isDefined()).isTrue();
    }
}
