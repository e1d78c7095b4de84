package io.mlgates.core.gate;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The waiver that a WAIVED check carries, as it was applied.
 *
 * @param pattern the waiver's check id or glob, as the policy states it
 * @param reason why the exception is acceptable
 * @param approver who approved it
 * @param expires the last day it applies
 * @param was the status the check had before it was waived
 */
public record WaiverNote(String pattern, String reason, String approver, LocalDate expires, Status was) {
    public WaiverNote {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(approver, "approver");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(was, "was");
        if (was == Status.WAIVED) {
            throw new IllegalArgumentException("a waived check had another status before");
        }
    }
}
