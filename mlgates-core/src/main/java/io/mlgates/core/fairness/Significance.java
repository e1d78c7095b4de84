package io.mlgates.core.fairness;

import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Tests of whether two groups' rates of the favourable outcome differ, paired with the four-fifths rule so that a
 * ratio under 0.8 on a handful of rows is not reported as proven adverse impact.
 */
public final class Significance {
    /** Groups with at least this many rows each are compared with the z-test; smaller ones with Fisher's test. */
    public static final long LARGE_GROUP = 1000;

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);
    /** Relative tolerance for "as or less likely than the observed table", as R's fisher.test uses. */
    private static final double RELATIVE_ERROR = 1 + 1e-7;

    private Significance() {
    }

    /** A test's name and two-sided p-value. */
    public record Test(String name, double pValue) {
    }

    /**
     * Fisher's exact test, two-sided, of the 2x2 table (a of n1, b of n2): the sum of the hypergeometric
     * probabilities of every table with the same margins that is at most as likely as the observed one.
     */
    public static Test fisherExact(long a, long n1, long b, long n2) {
        checkCounts(a, n1, b, n2);
        long population = n1 + n2;
        long successes = a + b;
        if (population == 0 || successes == 0 || successes == population) {
            return new Test("fisher-exact", 1.0);
        }
        HypergeometricDistribution h = new HypergeometricDistribution(null, Math.toIntExact(population),
                Math.toIntExact(successes), Math.toIntExact(n1));
        double observed = h.probability(Math.toIntExact(a));
        double p = 0;
        for (int x = h.getSupportLowerBound(); x <= h.getSupportUpperBound(); x++) {
            double px = h.probability(x);
            if (px <= observed * RELATIVE_ERROR) {
                p += px;
            }
        }
        return new Test("fisher-exact", Math.min(1, p));
    }

    /**
     * The pooled two-proportion z-test, two-sided, on proportions p1 and p2 of n1 and n2 (effective) trials.
     * Identical rates of 0 or 1 in both groups give p = 1.
     */
    public static Test twoProportionZ(double p1, double n1, double p2, double n2) {
        double pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
        double variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
        if (!(variance > 0)) {
            return new Test("two-proportion-z", 1.0);
        }
        double z = (p1 - p2) / Math.sqrt(variance);
        return new Test("two-proportion-z", Math.min(1, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z))));
    }

    private static void checkCounts(long a, long n1, long b, long n2) {
        if (a < 0 || b < 0 || a > n1 || b > n2) {
            throw new IllegalArgumentException("counts must satisfy 0 <= a <= n1 and 0 <= b <= n2: " + a + "/" + n1
                    + ", " + b + "/" + n2);
        }
    }
}
