package io.mlgates.core.policy;

/**
 * What the ethics gate does with rows that have no value (an empty cell) in a sensitive column: count them as the
 * group {@code (missing)}, or leave them out of that attribute and report how many.
 */
public enum MissingValues {
    GROUP,
    EXCLUDE
}
