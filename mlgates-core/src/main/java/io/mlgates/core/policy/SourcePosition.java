package io.mlgates.core.policy;

/** A place in the policy file: 1-based line and column, 0 when unknown. */
record SourcePosition(long line, long column) {
    static final SourcePosition UNKNOWN = new SourcePosition(0, 0);
}
