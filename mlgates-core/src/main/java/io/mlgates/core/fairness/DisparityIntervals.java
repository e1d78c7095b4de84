package io.mlgates.core.fairness;

import io.mlgates.core.metrics.Interval;
import io.mlgates.core.metrics.Intervals;
import java.util.Optional;

/**
 * Intervals for differences and ratios of group rates, built from each group's Wilson interval or its effective
 * number of trials. Definitions and citations are in {@code docs/fairness.md}.
 */
public final class DisparityIntervals {
    /** Newcombe's hybrid score interval for a difference of two independent proportions (method 10). */
    public static final String NEWCOMBE = "newcombe";
    /** The method of variance estimates recovery over Wilson intervals, for a sum of such differences. */
    public static final String MOVER = "mover-wilson";
    /** Katz's log-method interval for a ratio of two independent proportions. */
    public static final String KATZ_LOG = "katz-log";

    private DisparityIntervals() {
    }

    /**
     * Newcombe (1998), method 10: for d = p1 - p2 with Wilson intervals [l1, u1] and [l2, u2],
     * [d - sqrt((p1 - l1)^2 + (u2 - p2)^2), d + sqrt((u1 - p1)^2 + (p2 - l2)^2)].
     */
    public static Interval newcombe(double p1, Interval ci1, double p2, Interval ci2) {
        Interval mover = mover(new double[] {1, -1}, new double[] {p1, p2}, new Interval[] {ci1, ci2});
        return new Interval(mover.low(), mover.high(), mover.level(), NEWCOMBE);
    }

    /**
     * Zou and Donner (2008), MOVER, for theta = sum c_i p_i of independent proportions with intervals [l_i, u_i]:
     * [theta - sqrt(sum (c_i p_i - min(c_i l_i, c_i u_i))^2), theta + sqrt(sum (max(c_i l_i, c_i u_i) - c_i p_i)^2)].
     * With c = (1, -1) this is Newcombe's interval.
     */
    public static Interval mover(double[] c, double[] p, Interval[] ci) {
        double theta = 0;
        double below = 0;
        double above = 0;
        for (int i = 0; i < c.length; i++) {
            double point = c[i] * p[i];
            double a = c[i] * ci[i].low();
            double b = c[i] * ci[i].high();
            theta += point;
            below += square(point - Math.min(a, b));
            above += square(Math.max(a, b) - point);
        }
        double bound = 0;
        for (double weight : c) {
            bound += Math.abs(weight);
        }
        double low = Math.max(-bound, theta - Math.sqrt(below));
        double high = Math.min(bound, theta + Math.sqrt(above));
        return new Interval(low, Math.max(low, high), ci[0].level(), MOVER);
    }

    /**
     * Katz, Baptista, Azen and Pike (1978), the log method: ln(p1 / p2) +- z sqrt((1 - p1) / (n1 p1) + (1 - p2) /
     * (n2 p2)), exponentiated. Empty when either proportion is 0 (the logarithm is not finite) or a trial count is 0.
     */
    public static Optional<Interval> katzLog(double p1, double n1, double p2, double n2, double level) {
        if (!(p1 > 0 && p2 > 0 && n1 > 0 && n2 > 0)) {
            return Optional.empty();
        }
        double z = Intervals.z(level);
        double log = Math.log(p1 / p2);
        double se = Math.sqrt((1 - p1) / (n1 * p1) + (1 - p2) / (n2 * p2));
        return Optional.of(new Interval(Math.exp(log - z * se), Math.exp(log + z * se), level, KATZ_LOG));
    }

    private static double square(double x) {
        return x * x;
    }
}
