package io.mlgates.core.release;

import io.mlgates.core.audit.AuditHead;
import io.mlgates.core.registry.Approval;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of an approval or a rejection.
 *
 * @param recorded the decision as recorded; empty when refused
 * @param version the version it concerns
 * @param refusals why it was not recorded; empty when recorded
 * @param head the audit chain's head: the decision's own entry when recorded, else as the desk saw it
 */
public record DecisionOutcome(Optional<Approval> recorded, int version, List<Refusal> refusals,
                              Optional<AuditHead> head) {
    public DecisionOutcome {
        Objects.requireNonNull(recorded, "recorded");
        Objects.requireNonNull(head, "head");
        refusals = List.copyOf(refusals);
        if (recorded.isPresent() == !refusals.isEmpty()) {
            throw new IllegalArgumentException("a decision is either recorded or refused with reasons");
        }
    }
}
