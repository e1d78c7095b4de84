package io.mlgates.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgates.core.fairness.AttributeFairness;
import io.mlgates.core.fairness.FairnessAccumulator;
import io.mlgates.core.fairness.FairnessOptions;
import io.mlgates.core.fairness.FairnessResult;
import io.mlgates.core.fairness.GroupFairness;
import io.mlgates.core.fairness.ReferenceComparison;
import io.mlgates.core.metrics.Interval;
import io.mlgates.core.metrics.MetricValue;
import io.mlgates.core.policy.FairnessJudge;
import io.mlgates.core.policy.FairnessLimit;
import io.mlgates.core.policy.FairnessPolicy;
import io.mlgates.core.policy.Favourable;
import io.mlgates.core.policy.MissingValues;
import io.mlgates.core.policy.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every disparity, interval and p-value against tools/fairness_expected.py, which computes them with Fairlearn's and
 * AIF360's published formulas in numpy and with scipy (fisher_exact, relative_risk, norm); and on the examples in
 * the style of Fairlearn's user guide, whose groups have 2 to 10 rows, the checks say the groups are too small to
 * judge while every value is reported.
 */
class FairnessExpectedTest {
    private static final double VALUE = 1e-12;
    /** Normal quantiles differ between scipy and commons-math in the last digits. */
    private static final double BOUND = 1e-8;

    static Stream<JsonNode> cases() throws IOException {
        try (InputStream in = FairnessExpectedTest.class.getResourceAsStream(
                "/io/mlgates/core/fairness/fairness-expected.json")) {
            List<JsonNode> out = new ArrayList<>();
            new ObjectMapper().readTree(in).required("cases").forEach(out::add);
            return out.stream();
        }
    }

    private static AttributeFairness compute(JsonNode c) {
        FairnessAccumulator acc = new FairnessAccumulator(List.of("g"), List.of(), false, 10, 100);
        for (JsonNode row : c.required("rows")) {
            acc.add(new String[] {row.get(2).asText()}, row.get(0).asInt() == 1, row.get(1).asInt() == 1, 0.5, 1);
        }
        Map<String, String> reference = new HashMap<>();
        if (c.required("reference").isTextual()) {
            reference.put("g", c.required("reference").asText());
        }
        FairnessResult r = acc.compute(new FairnessOptions(0.95, 10, c.required("minGroupSize").asInt(), true,
                reference, false));
        return r.attributes().get("g");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static void assertValues(String what, Map<String, MetricValue> actual, JsonNode expected) {
        expected.properties().forEach(e -> {
            MetricValue v = actual.get(e.getKey());
            if (e.getValue().isNull()) {
                assertThat(v.isDefined()).as(what + " " + e.getKey() + " is undefined").isFalse();
                assertThat(v.undefinedReason()).as(what + " " + e.getKey()).isPresent();
            } else {
                assertThat(v.value()).as(what + " " + e.getKey() + " " + v.undefinedReason()).isPresent();
                assertThat(v.value().getAsDouble()).as(what + " " + e.getKey())
                        .isCloseTo(e.getValue().asDouble(), within(VALUE));
            }
        });
    }

    private static void assertIntervals(String what, Map<String, MetricValue> actual, JsonNode expected) {
        expected.properties().forEach(e -> {
            Interval ci = actual.get(e.getKey()).ci().orElseThrow(() -> new AssertionError(what + " " + e.getKey()
                    + " has no interval"));
            assertThat(ci.level()).isEqualTo(0.95);
            assertThat(ci.method()).endsWith("-bonferroni");
            assertThat(ci.low()).as(what + " low of " + e.getKey()).isCloseTo(e.getValue().get(0).asDouble(),
                    within(BOUND));
            assertThat(ci.high()).as(what + " high of " + e.getKey()).isCloseTo(e.getValue().get(1).asDouble(),
                    within(BOUND));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("reported and judged disparities, simultaneous intervals and four-fifths tests equal the generator's")
    void agreesWithTheGenerator(JsonNode c) {
        String name = c.required("name").asText();
        AttributeFairness a = compute(c);
        assertValues(name + " reported", a.disparities(), c.required("reported"));
        assertIntervals(name + " reported", a.disparities(), c.required("reportedIntervals"));
        assertThat(a.judged().groups()).containsExactlyElementsOf(texts(c.required("judgedGroups")));
        assertThat(a.judged().leftOut()).containsExactlyElementsOf(texts(c.required("leftOut")));
        assertValues(name + " judged", a.judged().values(), c.required("judged"));
        assertIntervals(name + " judged", a.judged().values(), c.required("judgedIntervals"));
        JsonNode against = c.required("comparedWith");
        assertThat(a.comparedWith().orElse(null)).isEqualTo(against.isNull() ? null : against.asText());
        JsonNode comparisons = c.required("comparisons");
        assertThat(a.comparisons()).hasSize(comparisons.size());
        for (int i = 0; i < comparisons.size(); i++) {
            JsonNode e = comparisons.get(i);
            ReferenceComparison actual = a.comparisons().get(i);
            assertThat(actual.group()).isEqualTo(e.required("group").asText());
            assertThat(actual.ratio().value().getAsDouble()).isCloseTo(e.required("ratio").asDouble(), within(VALUE));
            if (e.has("ci")) {
                Interval ci = actual.ratio().ci().orElseThrow();
                assertThat(ci.low()).isCloseTo(e.get("ci").get(0).asDouble(), within(BOUND));
                assertThat(ci.high()).isCloseTo(e.get("ci").get(1).asDouble(), within(BOUND));
            }
            assertThat(actual.test().name()).isEqualTo("fisher-exact");
            assertThat(actual.test().pValue()).isCloseTo(e.required("pValue").asDouble(), within(1e-9));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("on groups under minGroupSize every fairness check says the groups are too small to judge; none passes")
    void smallGroupsAreReportedNotJudged(JsonNode c) {
        AttributeFairness a = compute(c);
        if (!c.required("judgedGroups").isEmpty()) {
            return;
        }
        FairnessPolicy withLimits = new FairnessPolicy(List.of("g"), List.of(), Favourable.POSITIVE,
                c.required("minGroupSize").asInt(), Map.of(), List.of(
                new FairnessLimit("demographic_parity_difference", List.of(), OptionalDouble.empty(),
                        OptionalDouble.of(0.5), Severity.FAIL, FairnessJudge.INTERVAL),
                new FairnessLimit("equal_opportunity_difference", List.of(), OptionalDouble.empty(),
                        OptionalDouble.of(0.5), Severity.FAIL, FairnessJudge.ESTIMATE)), MissingValues.GROUP);
        FairnessResult result = new FairnessResult(new GroupFairness(0, 0, Map.of(),
                Map.of(), Optional.empty()), Map.of("g", a));
        List<CheckResult> limits = FairnessChecks.of(result, withLimits, 0.95);
        assertThat(limits).noneMatch(check -> check.status() == Status.PASS);
        for (String metric : List.of("demographic_parity_difference", "equal_opportunity_difference")) {
            CheckResult check = limits.stream().filter(x -> x.id().equals("fairness:g:" + metric + ":max"))
                    .findFirst().orElseThrow();
            MetricValue reported = a.disparities().get(metric);
            if (reported.isDefined()) {
                assertThat(check.status()).isEqualTo(Status.WARN);
                assertThat(check.message()).contains("the groups are too small to judge the limit")
                        .contains(LimitRules.fmt(reported.value().getAsDouble()));
            } else {
                assertThat(check.status()).isEqualTo(Status.ERROR);
            }
        }
        FairnessPolicy defaultRule = new FairnessPolicy(List.of("g"), List.of(), Favourable.POSITIVE,
                c.required("minGroupSize").asInt(), Map.of(), List.of(), MissingValues.GROUP);
        List<CheckResult> fourFifths = FairnessChecks.of(result, defaultRule, 0.95);
        assertThat(fourFifths).noneMatch(check -> check.status() == Status.PASS);
        assertThat(fourFifths).anySatisfy(check -> {
            assertThat(check.id()).isEqualTo("fairness:g:four_fifths");
            assertThat(check.status()).isEqualTo(Status.WARN);
            // the default rule, or a declared reference that is itself too small
            assertThat(check.message()).contains("could not be judged: ").contains("minGroupSize 30");
        });
    }
}
