package io.mlgates.core.report;

import io.mlgates.core.gate.CheckResult;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.Status;
import java.util.List;

/** Which checks a reader's view (the console, the HTML report) leaves out; the JSON and JUnit results keep all. */
public final class ShownChecks {
    private ShownChecks() {
    }

    /** The checks of {@code r} a reader's view shows, in the result's order. */
    public static List<CheckResult> of(GateResult r) {
        return r.checks().stream().filter(c -> !isIdleWaiver(c)).toList();
    }

    /** How many shown checks of {@code r} have status {@code s}. */
    public static long count(GateResult r, Status s) {
        return of(r).stream().filter(c -> c.status() == s).count();
    }

    /**
     * A valid waiver that waived nothing in this gate: its own PASS check says "waives 0 checks", which is noise
     * where another gate is the one it serves. An expired or unapproved waiver is a FAIL and always shows.
     */
    public static boolean isIdleWaiver(CheckResult c) {
        return c.id().startsWith("waiver:") && c.status() == Status.PASS && c.metric().isEmpty()
                && c.observed().isPresent() && c.observed().getAsDouble() == 0;
    }
}
