package io.mlgates.core.gate;

import java.util.Collection;
import java.util.Comparator;

/**
 * The outcome of a check or a gate. A gate's status is its worst check; SKIPPED checks (a check that does
 * not apply, with the reason said) do not count, unless every check was skipped.
 */
public enum Status {
    PASS(1),
    SKIPPED(0),
    WAIVED(2),
    WARN(3),
    FAIL(4),
    /** The check could not be evaluated: bad or missing input. Never silently a pass. */
    ERROR(5);

    /**
     * The one order of severity, worst first: ERROR, FAIL, WARN, WAIVED, PASS, SKIPPED. SKIPPED comes last because
     * a gate's status ignores skipped checks, so any prefix of a list in this order has the status of the whole.
     */
    public static final Comparator<Status> WORST_FIRST = Comparator.comparingInt((Status s) -> s.rank).reversed();

    private final int rank;

    Status(int rank) {
        this.rank = rank;
    }

    /** Worst of the given statuses by the rule above; SKIPPED for an empty collection. */
    public static Status worstOf(Collection<Status> statuses) {
        Status worst = null;
        for (Status s : statuses) {
            if (s == SKIPPED) {
                continue;
            }
            if (worst == null || s.rank > worst.rank) {
                worst = s;
            }
        }
        return worst == null ? SKIPPED : worst;
    }

    /** True for the statuses that let a pipeline go on (the CLI exits 0 on them). */
    public boolean isSuccessful() {
        return this == PASS || this == WARN || this == WAIVED || this == SKIPPED;
    }
}
