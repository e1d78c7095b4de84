package io.mlgates.core.metrics;

/** Which way a metric improves; comparisons with a baseline need it. */
public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER
}
