package io.mlgates.core.board;

import java.time.Instant;
import java.util.Objects;

/**
 * A promotion that waits for people: an {@code mlPromote} step paused on a build until approvals arrive.
 *
 * @param stage the stage it promotes to
 * @param label what waits, as shown: {@code build #42, promotion production}
 * @param link the promotion's page (relative to the Jenkins root), where its Approve and Reject forms post
 * @param since when it began to wait
 */
public record PendingDecision(String stage, String label, String link, Instant since) {
    public PendingDecision {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(since, "since");
    }
}
