package io.mlgates.core.metrics;

/**
 * How metrics are computed, as the policy sets it.
 *
 * @param confidenceLevel level of every confidence interval, in (0, 1)
 * @param calibrationBins number of equal-width bins over [0, 1] for the expected calibration error
 */
public record MetricOptions(double confidenceLevel, int calibrationBins) {
    public static final MetricOptions DEFAULTS = new MetricOptions(0.95, 10);
    /** The most calibration bins a policy may ask for (its schema's maximum), and a statistics file may hold. */
    public static final int MAX_CALIBRATION_BINS = 1000;

    public MetricOptions {
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("confidence level must lie in (0, 1): " + confidenceLevel);
        }
        if (calibrationBins < 1) {
            throw new IllegalArgumentException("calibration bins must be at least 1: " + calibrationBins);
        }
    }
}
