package io.mlgates.plugin.logic;

import io.mlgates.core.gate.CheckResult;
import io.mlgates.core.gate.Status;
import java.util.Comparator;

/** Checks from the worst down, in {@link Status#WORST_FIRST} order. */
final class Severity {
    static final Comparator<CheckResult> WORST_FIRST_ORDER = Comparator.comparing(CheckResult::status,
            Status.WORST_FIRST);

    private Severity() {
    }

    /** The statuses a reviewer must look at. */
    static boolean needsAttention(Status s) {
        return s == Status.ERROR || s == Status.FAIL || s == Status.WARN;
    }
}
