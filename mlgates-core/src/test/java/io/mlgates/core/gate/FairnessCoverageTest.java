package io.mlgates.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.fairness.AttributeFairness;
import io.mlgates.core.fairness.DisparityIntervals;
import io.mlgates.core.fairness.FairnessAccumulator;
import io.mlgates.core.fairness.FairnessOptions;
import io.mlgates.core.fairness.FairnessResult;
import io.mlgates.core.fairness.GroupFairness;
import io.mlgates.core.metrics.Interval;
import io.mlgates.core.metrics.Intervals;
import io.mlgates.core.policy.FairnessJudge;
import io.mlgates.core.policy.FairnessLimit;
import io.mlgates.core.policy.FairnessPolicy;
import io.mlgates.core.policy.Favourable;
import io.mlgates.core.policy.MissingValues;
import io.mlgates.core.policy.Severity;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The coverage simulation of docs/fairness.md: k groups with the same true selection rate, so that any FAIL on a
 * between-groups disparity is a false one. With judge: interval on the tightest limits the truth keeps
 * (demographic_parity_difference at most 0, demographic_parity_ratio at least 1), and the default four-fifths rule,
 * the share of runs with a FAIL must stay at or under the nominal 5 %. The two extremes' own 95 % interval, which
 * ignores that they were picked from k groups, is counted beside it to show what the simultaneous interval fixes.
 */
class FairnessCoverageTest {
    static final int RUNS = 1000;
    static final int ROWS_PER_GROUP = 100;
    static final double RATE = 0.3;
    static final double LEVEL = 0.95;
    static final long SEED = 20261203L;

    private static final FairnessPolicy POLICY = new FairnessPolicy(List.of("g"), List.of(), Favourable.POSITIVE,
            30, Map.of(), List.of(
            new FairnessLimit("demographic_parity_difference", List.of(), OptionalDouble.empty(),
                    OptionalDouble.of(0), Severity.FAIL, FairnessJudge.INTERVAL),
            new FairnessLimit("demographic_parity_ratio", List.of(), OptionalDouble.of(1), OptionalDouble.empty(),
                    Severity.FAIL, FairnessJudge.INTERVAL)), MissingValues.GROUP);
    /** The same attribute with no limit: the default four-fifths rule applies. */
    private static final FairnessPolicy DEFAULT_RULE = new FairnessPolicy(List.of("g"), List.of(),
            Favourable.POSITIVE, 30, Map.of(), List.of(), MissingValues.GROUP);

    /** False-FAIL counts of one simulation. */
    record Rates(int groups, double limits, double fourFifths, double extremesAlone) {
    }

    static Rates simulate(int groups) {
        SplittableRandom random = new SplittableRandom(SEED + groups);
        FairnessOptions options = new FairnessOptions(LEVEL, 10, 30, true, Map.of(), false);
        int limitFails = 0;
        int fourFifthsFails = 0;
        int extremeFails = 0;
        String[] value = new String[1];
        for (int run = 0; run < RUNS; run++) {
            FairnessAccumulator acc = new FairnessAccumulator(List.of("g"), List.of(), false, 10, 100);
            for (int g = 0; g < groups; g++) {
                value[0] = "group" + g;
                for (int i = 0; i < ROWS_PER_GROUP; i++) {
                    acc.add(value, random.nextDouble() < 0.5, random.nextDouble() < RATE, 0, 1);
                }
            }
            FairnessResult result = acc.compute(options);
            if (FairnessChecks.of(result, POLICY, LEVEL).stream().anyMatch(c -> c.status() == Status.FAIL)) {
                limitFails++;
            }
            if (FairnessChecks.of(result, DEFAULT_RULE, LEVEL).stream().anyMatch(c -> c.status() == Status.FAIL)) {
                fourFifthsFails++;
            }
            if (extremesAloneExcludeZero(result.attributes().get("g"))) {
                extremeFails++;
            }
        }
        return new Rates(groups, (double) limitFails / RUNS, (double) fourFifthsFails / RUNS,
                (double) extremeFails / RUNS);
    }

    /** Newcombe's 95 % interval of the two extreme groups alone, as if they had been chosen in advance. */
    private static boolean extremesAloneExcludeZero(AttributeFairness a) {
        double max = -1;
        double min = 2;
        for (GroupFairness g : a.groups().values()) {
            double p = g.rate("selection_rate").value().getAsDouble();
            max = Math.max(max, p);
            min = Math.min(min, p);
        }
        Interval d = DisparityIntervals.newcombe(max, Intervals.wilson(max, ROWS_PER_GROUP, LEVEL).orElseThrow(),
                min, Intervals.wilson(min, ROWS_PER_GROUP, LEVEL).orElseThrow());
        return d.low() > 0;
    }

    @ParameterizedTest(name = "{0} groups")
    @ValueSource(ints = {2, 8, 20})
    @DisplayName("with equal true rates, judge: interval and the default four-fifths rule FAIL in at most 5 % of runs")
    void falseFailsStayUnderTheNominalLevel(int groups) {
        Rates r = simulate(groups);
        System.out.printf("fairness coverage, %d groups of %d rows, rate %.1f, %d runs: limits %.3f,"
                        + " four-fifths default %.3f, the extremes' own interval %.3f%n", groups, ROWS_PER_GROUP, RATE,
                RUNS, r.limits(), r.fourFifths(), r.extremesAlone());
        assertThat(r.limits()).isLessThanOrEqualTo(1 - LEVEL);
        assertThat(r.fourFifths()).isLessThanOrEqualTo(1 - LEVEL);
        if (groups == 20) {
            // what the simultaneous interval fixes: the extremes of 20 groups look different far more often
            assertThat(r.extremesAlone()).isGreaterThan(3 * (1 - LEVEL));
        }
    }
}
