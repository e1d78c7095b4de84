package io.mlgates.core.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * The way around the release train for an urgent fix: a larger quorum and a written reason. It never skips a
 * gate: the evidence a stage requires is required all the same.
 *
 * @param quorum how many distinct approvers an emergency promotion needs
 * @param group the group they come from; empty: the stage's own approval group
 */
public record EmergencyPath(int quorum, Optional<String> group) {
    public EmergencyPath {
        Objects.requireNonNull(group, "group");
        if (quorum < 1) {
            throw new IllegalArgumentException("emergency quorum must be at least 1: " + quorum);
        }
    }
}
