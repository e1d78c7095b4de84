package io.mlgates.core.gate;

import java.util.Collection;

/**
 * The outcome of a check or a gate. A gate's status is its worst check; SKIPPED checks (a check that does
 * not apply, with the reason said) do not count, unless every check was skipped.
 */
public enum Status {
    PASS(0),
    SKIPPED(0),
    WAIVED(1),
    WARN(2),
    FAIL(3),
    /** The check could not be evaluated: bad or missing input. Never silently a pass. */
    ERROR(4);

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
