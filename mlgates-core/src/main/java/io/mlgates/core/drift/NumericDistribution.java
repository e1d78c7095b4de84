package io.mlgates.core.drift;

/**
 * The finite values of a numeric column: every distinct value with its count ({@link ExactValues}), or, past
 * a cap of distinct values, a {@link QuantileSketch} whose rank error it states.
 */
public sealed interface NumericDistribution permits ExactValues, QuantileSketch {
    /** Values summarised. */
    long count();

    /** The smallest value; the distribution must not be empty. */
    double min();

    /** The largest value; the distribution must not be empty. */
    double max();

    /** Population mean of the values (numpy's {@code mean}); the distribution must not be empty. */
    double mean();

    /** Sum of squared deviations from the mean: {@code m2 / count} is numpy's {@code var} (ddof 0). */
    double m2();

    /** Both parts' values, exact while their distinct values stay within the cap. */
    NumericDistribution merge(NumericDistribution other, SketchSettings settings);
}
