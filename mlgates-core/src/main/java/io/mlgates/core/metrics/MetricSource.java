package io.mlgates.core.metrics;

/** Where a metric value comes from: measured here from the predictions, or reported by the training job. */
public enum MetricSource {
    COMPUTED,
    REPORTED
}
