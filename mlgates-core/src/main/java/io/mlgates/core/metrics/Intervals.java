package io.mlgates.core.metrics;

import java.util.Optional;
import org.apache.commons.math3.distribution.NormalDistribution;

/** Confidence intervals shared by the accumulators. */
public final class Intervals {
    /** Method name carried by Wilson score intervals. */
    public static final String WILSON = "wilson";
    /** Method name carried by DeLong intervals for ROC AUC. */
    public static final String DELONG = "delong";

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private Intervals() {
    }

    /**
     * Wilson score interval (Wilson 1927; Newcombe 1998, method 3) for a proportion successes/trials; empty when
     * trials == 0. With weights, callers pass the weighted proportion and the Kish effective sample size
     * (sum w)^2 / sum w^2, which equals n for unit weights.
     *
     * @param proportion the observed proportion, in [0, 1]
     * @param effectiveTrials the number of trials, or the effective sample size; not negative
     * @param level two-sided confidence level in (0, 1)
     */
    public static Optional<Interval> wilson(double proportion, double effectiveTrials, double level) {
        if (!(proportion >= 0 && proportion <= 1)) {
            throw new IllegalArgumentException("proportion must lie in [0, 1]: " + proportion);
        }
        if (!(effectiveTrials >= 0) || Double.isInfinite(effectiveTrials)) {
            throw new IllegalArgumentException("trials must be finite and not negative: " + effectiveTrials);
        }
        double z = z(level);
        if (effectiveTrials == 0) {
            return Optional.empty();
        }
        double n = effectiveTrials;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double center = (proportion + z2 / (2 * n)) / denominator;
        double half = z / denominator * Math.sqrt(proportion * (1 - proportion) / n + z2 / (4 * n * n));
        // exact ends for 0 and 1, which the formula reaches only up to rounding
        double low = proportion == 0 ? 0 : clamp01(center - half);
        double high = proportion == 1 ? 1 : clamp01(center + half);
        return Optional.of(new Interval(low, Math.max(low, high), level, WILSON));
    }

    /**
     * Normal quantile z for a two-sided level: the (1 + level) / 2 quantile of the standard normal, taken from the
     * lower tail as -q((1 - level) / 2), where 1 - level is exact: (1 + level) / 2 rounds to 1 for levels within
     * 1.2e-16 of 1 (0.9999999999999999 gave an infinite z), while the tail keeps every level below 1 finite.
     */
    public static double z(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must lie in (0, 1): " + level);
        }
        return -STANDARD_NORMAL.inverseCumulativeProbability((1 - level) / 2);
    }

    static double clamp01(double x) {
        return Math.min(1, Math.max(0, x));
    }
}
