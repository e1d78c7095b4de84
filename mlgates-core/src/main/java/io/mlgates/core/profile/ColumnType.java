package io.mlgates.core.profile;

/**
 * How a column is typed: {@code NUMERIC} when it holds at least one value and every value that is not null reads as
 * a decimal number (optional sign, digits with an optional point, optional exponent: {@code 42}, {@code -0.5},
 * {@code 1e-3}); otherwise {@code CATEGORICAL}. The type follows the data alone, so two files of the same column type
 * it alike (docs/statistics.md, "Column profiles").
 */
public enum ColumnType {
    NUMERIC,
    CATEGORICAL
}
