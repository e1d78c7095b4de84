package io.mlgates.plugin.logic;

import io.mlgates.core.gate.CheckResult;
import io.mlgates.core.gate.Status;
import java.util.Comparator;
import java.util.List;

/**
 * Checks from the worst down: ERROR, FAIL, WARN, WAIVED, PASS, SKIPPED. SKIPPED comes last because a gate's status
 * ignores skipped checks: any prefix of this order has the status of the whole.
 */
final class Severity {
    private static final List<Status> WORST_FIRST =
            List.of(Status.ERROR, Status.FAIL, Status.WARN, Status.WAIVED, Status.PASS, Status.SKIPPED);

    static final Comparator<CheckResult> WORST_FIRST_ORDER =
            Comparator.comparingInt(c -> WORST_FIRST.indexOf(c.status()));

    private Severity() {
    }

    /** The statuses a reviewer must look at. */
    static boolean needsAttention(Status s) {
        return s == Status.ERROR || s == Status.FAIL || s == Status.WARN;
    }
}
