package io.mlgates.core.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * The approvals a stage needs: a quorum of distinct approvers from one group, each approval valid for a while.
 *
 * @param group the group whose members' approvals count
 * @param quorum how many distinct members must approve
 * @param expiresAfter how long an approval stays valid after it was given
 */
public record ApprovalRule(String group, int quorum, Duration expiresAfter) {
    public static final int DEFAULT_QUORUM = 1;
    public static final Duration DEFAULT_EXPIRY = Duration.ofDays(30);

    public ApprovalRule {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(expiresAfter, "expiresAfter");
        if (quorum < 1) {
            throw new IllegalArgumentException("quorum must be at least 1: " + quorum);
        }
        if (expiresAfter.isNegative() || expiresAfter.isZero()) {
            throw new IllegalArgumentException("expiresAfter must be positive: " + expiresAfter);
        }
    }
}
