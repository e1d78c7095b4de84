package io.mlgates.core.drift;

import java.util.Arrays;
import java.util.Optional;

/**
 * A drift test, named as Evidently names it, with its default threshold and the comparison by which Evidently
 * declares drift: a test's p-value at or below ({@link #KS}) or strictly below ({@link #CHI_SQUARE}, {@link #Z})
 * the threshold; a distance at or above it.
 */
public enum DriftMethod {
    /** Two-sample Kolmogorov–Smirnov test (scipy {@code ks_2samp}, two-sided, method 'auto'). */
    KS("ks", true, 0.05),
    /** Pearson's chi-square test, expected frequencies from the reference's proportions. */
    CHI_SQUARE("chisquare", true, 0.05),
    /** Two-proportion z-test: the first value (in sorted order) against all others. */
    Z("z", true, 0.05),
    /** First Wasserstein distance divided by the reference's standard deviation. */
    WASSERSTEIN("wasserstein", false, 0.1),
    /** Jensen–Shannon distance, natural logarithm, over Evidently's bins or categories. */
    JENSEN_SHANNON("jensenshannon", false, 0.1),
    /** Population stability index over Evidently's bins, empty bins replaced. */
    PSI("psi", false, 0.1),
    /** Kullback–Leibler divergence of reference from current over Evidently's bins, empty bins replaced. */
    KL_DIVERGENCE("kl_div", false, 0.1),
    /** Hellinger distance over Evidently's densities or category shares. */
    HELLINGER("hellinger", false, 0.1);

    private final String id;
    private final boolean test;
    private final double defaultThreshold;

    DriftMethod(String id, boolean test, double defaultThreshold) {
        this.id = id;
        this.test = test;
        this.defaultThreshold = defaultThreshold;
    }

    /** The name in policies and results, Evidently's own ({@code ks}, {@code chisquare}, {@code kl_div}, …). */
    public String id() {
        return id;
    }

    /** True for a statistical test, whose result carries a p-value; false for a distance. */
    public boolean isTest() {
        return test;
    }

    public double defaultThreshold() {
        return defaultThreshold;
    }

    /**
     * Whether a score (the p-value of a test, else the distance) means drift at this threshold, compared as
     * Evidently compares it.
     */
    public boolean drifted(double score, double threshold) {
        return switch (this) {
            case KS -> score <= threshold;
            case CHI_SQUARE, Z -> score < threshold;
            default -> score >= threshold;
        };
    }

    /** The method a policy names by its id, if any. */
    public static Optional<DriftMethod> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }
}
