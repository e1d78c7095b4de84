package io.mlgates.core.metrics;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a reviewer plots for a binary model with scores: operating points across thresholds (the ROC and
 * precision-recall curves) and the calibration bins (the reliability diagram). Bounded in size whatever the row
 * count: at most {@link #MAX_POINTS} operating points, one bin per calibration bin of the policy.
 *
 * <p>The ROC curve starts at (0, 0), which no threshold among the scores reaches and so is not stored, and runs
 * through the points in order; the last point, at the lowest score, is (1, 1).
 *
 * @param operatingPoints thresholds from the highest down, downsampled (see {@code docs/metrics.md}); empty exactly
 *        when the data leaves the curves undefined
 * @param undefinedReason why there are no operating points (a single class, no rows); present exactly when
 *        {@code operatingPoints} is empty
 * @param calibration every calibration bin, from score 0 up
 */
public record ScoreCurves(List<OperatingPoint> operatingPoints, Optional<String> undefinedReason,
                          List<CalibrationBin> calibration) {
    /** Upper bound on the number of operating points kept. */
    public static final int MAX_POINTS = 200;

    public ScoreCurves {
        operatingPoints = List.copyOf(operatingPoints);
        Objects.requireNonNull(undefinedReason, "undefinedReason");
        calibration = List.copyOf(calibration);
        if (operatingPoints.isEmpty() != undefinedReason.isPresent()) {
            throw new IllegalArgumentException("curves need either operating points or the reason there are none");
        }
        if (operatingPoints.size() > MAX_POINTS) {
            throw new IllegalArgumentException("at most " + MAX_POINTS + " operating points: " + operatingPoints.size());
        }
        for (int i = 1; i < operatingPoints.size(); i++) {
            OperatingPoint before = operatingPoints.get(i - 1);
            OperatingPoint p = operatingPoints.get(i);
            if (!(p.threshold() < before.threshold() && p.truePositiveRate() >= before.truePositiveRate()
                    && p.falsePositiveRate() >= before.falsePositiveRate())) {
                throw new IllegalArgumentException("operating points must run from the highest threshold down");
            }
        }
        if (calibration.isEmpty()) {
            throw new IllegalArgumentException("at least one calibration bin");
        }
    }
}
