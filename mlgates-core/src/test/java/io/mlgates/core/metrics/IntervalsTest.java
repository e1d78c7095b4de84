package io.mlgates.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntervalsTest {

    /**
     * Reference quantiles: scipy.stats.norm.ppf((1 + level) / 2), scipy 1.10; near 1, where (1 + level) / 2 rounds
     * to 1, scipy.stats.norm.isf((1 - level) / 2). The largest double below 1 still has a finite z.
     */
    @ParameterizedTest(name = "z for a two-sided {0} level is {1}")
    @CsvSource({
            "0.90, 1.6448536269514722",
            "0.95, 1.959963984540054",
            "0.99, 2.5758293035489004",
            "0.999999, 4.8916384756929325",
            "0.9999999999999999, 8.292361075813597"})
    void zIsTheNormalQuantileForATwoSidedLevel(double level, double expected) {
        assertThat(Intervals.z(level)).isCloseTo(expected, within(1e-9 * expected));
    }

    @Test
    void theLargestLevelBelowOneGivesFiniteIntervals() {
        double level = Math.nextDown(1.0);
        Interval ci = Intervals.wilson(0.5, 100, level).orElseThrow();
        assertThat(ci.low()).isGreaterThan(0).isLessThan(Intervals.wilson(0.5, 100, 0.95).orElseThrow().low());
        assertThat(ci.high()).isLessThan(1);
    }

    /**
     * Newcombe RG (1998), "Two-sided confidence intervals for the single proportion: comparison of seven methods",
     * Statistics in Medicine 17:857-872, Table II, method 3 (Wilson score, no continuity correction), 95%, published
     * to 4 decimals. The 1e-12 column is the same formula evaluated in Python (scipy 1.10 for z).
     */
    @ParameterizedTest(name = "{0}/{1} gives [{2}, {3}] as published by Newcombe")
    @CsvSource({
            "81, 263, 0.2553, 0.3662, 0.2552885198782742, 0.36620957698280004",
            "15, 148, 0.0624, 0.1605, 0.0623863995307363, 0.16048724172330803",
            "0, 20, 0.0000, 0.1611, 0.0, 0.16112515805281938",
            "1, 29, 0.0061, 0.1718, 0.006113214292762653, 0.17175521879320288"})
    void wilsonMatchesNewcombesPublishedExamples(int successes, int trials, double low4, double high4,
                                                 double low, double high) {
        Interval ci = Intervals.wilson((double) successes / trials, trials, 0.95).orElseThrow();
        assertThat(ci.low()).isCloseTo(low4, within(0.5e-4));
        assertThat(ci.high()).isCloseTo(high4, within(0.5e-4));
        assertThat(ci.low()).isCloseTo(low, within(1e-12));
        assertThat(ci.high()).isCloseTo(high, within(1e-12));
        assertThat(ci.level()).isEqualTo(0.95);
        assertThat(ci.method()).isEqualTo("wilson");
    }

    @Test
    void wilsonIsEmptyWithoutTrials() {
        assertThat(Intervals.wilson(0, 0, 0.95)).isEmpty();
    }

    @Test
    void wilsonOfAllSuccessesEndsAtOneAndStartsBelowIt() {
        Interval ci = Intervals.wilson(1.0, 10, 0.95).orElseThrow();
        assertThat(ci.high()).isEqualTo(1.0);
        // n / (n + z^2) for x = n
        double z = Intervals.z(0.95);
        assertThat(ci.low()).isCloseTo(10 / (10 + z * z), within(1e-12));
    }

    @Test
    void wilsonWithAFractionalEffectiveSampleSizeUsesItAsN() {
        // the same formula with n = 7.5 (a Kish effective size), evaluated in Python
        Interval ci = Intervals.wilson(0.6, 7.5, 0.95).orElseThrow();
        double z = Intervals.z(0.95);
        double n = 7.5;
        double center = (0.6 + z * z / (2 * n)) / (1 + z * z / n);
        double half = z / (1 + z * z / n) * Math.sqrt(0.6 * 0.4 / n + z * z / (4 * n * n));
        assertThat(ci.low()).isCloseTo(center - half, within(1e-15));
        assertThat(ci.high()).isCloseTo(center + half, within(1e-15));
    }

    @Test
    void aWiderLevelGivesAWiderInterval() {
        Interval ninety = Intervals.wilson(0.3, 50, 0.90).orElseThrow();
        Interval ninetyNine = Intervals.wilson(0.3, 50, 0.99).orElseThrow();
        assertThat(ninetyNine.low()).isLessThan(ninety.low());
        assertThat(ninetyNine.high()).isGreaterThan(ninety.high());
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThatThrownBy(() -> Intervals.wilson(1.5, 10, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Intervals.wilson(Double.NaN, 10, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Intervals.wilson(0.5, -1, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Intervals.wilson(0.5, 10, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Intervals.z(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
