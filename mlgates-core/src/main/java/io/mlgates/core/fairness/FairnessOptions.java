package io.mlgates.core.fairness;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How group metrics and disparities are computed.
 *
 * @param confidenceLevel level of every interval, in (0, 1); the significance level of the tests is 1 minus it
 * @param calibrationBins bins of the per-group expected calibration error
 * @param minGroupSize groups with fewer rows are reported but not judged, with their size stated
 * @param favourableIsPositive whether the positive prediction is the outcome that benefits the person
 * @param reference the reference group of an attribute, for {@code disparate_impact}
 * @param excludeMissing whether rows with no value of an attribute are left out of its groups (counted) rather than
 *     forming the group {@link FairnessAccumulator#MISSING}
 */
public record FairnessOptions(double confidenceLevel, int calibrationBins, int minGroupSize,
                              boolean favourableIsPositive, Map<String, String> reference, boolean excludeMissing) {
    public FairnessOptions {
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("confidence level must lie in (0, 1): " + confidenceLevel);
        }
        if (minGroupSize < 1) {
            throw new IllegalArgumentException("minGroupSize must be at least 1: " + minGroupSize);
        }
        reference = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(reference, "reference")));
    }
}
