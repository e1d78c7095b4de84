package io.mlgates.core.metrics;

/** The kind of model being judged; it decides which columns are read and which metrics exist. */
public enum TaskType {
    BINARY,
    MULTICLASS,
    REGRESSION
}
