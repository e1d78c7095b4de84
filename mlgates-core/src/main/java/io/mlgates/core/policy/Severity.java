package io.mlgates.core.policy;

/** What a broken limit means: a FAIL (the default) or a WARN. */
public enum Severity {
    FAIL,
    WARN
}
