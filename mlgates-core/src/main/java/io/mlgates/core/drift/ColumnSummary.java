package io.mlgates.core.drift;

/**
 * What one streaming pass keeps of one column on one side (reference or current), enough for every drift method;
 * summaries of parts of a file merge into the summary of the whole.
 */
public sealed interface ColumnSummary permits NumericSummary, CategoricalSummary {
    /** Rows read. */
    long rows();

    /** Rows without a usable value: empty, null, and for numeric columns NaN and ±infinity (Evidently drops them). */
    long nulls();

    /** Rows with a value: what the drift methods see. */
    default long values() {
        return rows() - nulls();
    }
}
