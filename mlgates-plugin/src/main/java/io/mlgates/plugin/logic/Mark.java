package io.mlgates.plugin.logic;

/** How a result marks the build or its stage, as Jenkins users know it from warnings-ng and coverage. */
public enum Mark {
    /** Nothing to mark: PASS, WAIVED, SKIPPED. */
    NONE,
    /** WARN. */
    UNSTABLE,
    /** FAIL or ERROR. */
    FAILURE
}
