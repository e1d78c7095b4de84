package io.mlgates.plugin;

import java.util.Objects;
import jenkins.model.CauseOfInterruption;

/** Why a promotion ended: who rejected it, and why, as the build's log and page show it. */
final class Rejection extends CauseOfInterruption {
    private static final long serialVersionUID = 1L;

    private final String approver;
    private final String reason;

    Rejection(String approver, String reason) {
        this.approver = Objects.requireNonNull(approver, "approver");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String getShortDescription() {
        return "Promotion rejected by " + approver + ": " + reason;
    }
}
