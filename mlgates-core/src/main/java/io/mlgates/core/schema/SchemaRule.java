package io.mlgates.core.schema;

import java.util.Locale;

/**
 * What a schema check judges: the last part of its id {@code schema:<column>:<rule>}. The first three compare the
 * declared schema with production's, the others the evaluation data with the declared schema.
 */
public enum SchemaRule {
    /** An input production's schema has and the candidate's does not: a breaking change. */
    REMOVED,
    /** An input whose type differs from production's: a breaking change. */
    RETYPED,
    /** An input production's schema does not have. */
    ADDED,
    /** A declared input the evaluation data does not carry. */
    MISSING,
    /** Values that are not of the declared type (text in a numeric column, 2.5 in an integer column). */
    TYPE,
    /** Values outside the declared range. */
    RANGE,
    /** Values outside the declared categories. */
    CATEGORY,
    /** A share of null values above the limit. */
    NULLS;

    /** As check ids spell it: {@code removed}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the change breaks callers of the production model unless declared. */
    public boolean breaking() {
        return this == REMOVED || this == RETYPED;
    }
}
