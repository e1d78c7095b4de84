package io.mlgates.plugin.logic.promotion;

import io.mlgates.core.registry.Approval;
import io.mlgates.core.release.PromotionOutcome;
import io.mlgates.core.release.Refusal;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a promotion stands after one judgement: promoted, waiting (for approvals, or for the train's departure), ended
 * by a rejection, or refused by a rule that waiting cannot mend.
 *
 * @param kind where it stands
 * @param outcome the core's outcome of the judgement
 * @param group the approver group whose approvals count, when the stage (or the emergency path) takes approvals
 * @param quorum how many approvals the stage (or the emergency path) needs; 0 when it takes none
 * @param counted the approvals that count now, oldest first
 * @param ignored why each other decision does not count (expired, not in the group, the author's own...)
 * @param rejection the rejection that ended it, for {@link Kind#REJECTED}
 */
public record PromotionState(Kind kind, PromotionOutcome outcome, Optional<String> group, int quorum,
                             List<Approval> counted, List<String> ignored, Optional<Approval> rejection) {
    public PromotionState {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(group, "group");
        counted = List.copyOf(counted);
        ignored = List.copyOf(ignored);
        Objects.requireNonNull(rejection, "rejection");
        if ((kind == Kind.REJECTED) != rejection.isPresent()) {
            throw new IllegalArgumentException("a rejected promotion, and only one, names its rejection");
        }
    }

    /** Where a promotion stands. */
    public enum Kind {
        /** The stage points to the candidate (now, or it already did). */
        PROMOTED,
        /** Every other rule holds or waits; approvals are still missing. */
        WAITING_FOR_APPROVALS,
        /** Every rule holds but the train: no departure is open now, or a freeze is on. */
        WAITING_FOR_DEPARTURE,
        /** An approver rejected the candidate for this stage: the promotion ends, as a rejected input does. */
        REJECTED,
        /** A rule that time and approvers cannot mend refused it: evidence, stage order, the record, no approvers. */
        REFUSED;

        public boolean waiting() {
            return this == WAITING_FOR_APPROVALS || this == WAITING_FOR_DEPARTURE;
        }
    }

    /** Every rule that keeps it from the stage now, empty when promoted. */
    public List<Refusal> refusals() {
        return outcome.refusals();
    }

    /** Approvals still needed: the quorum less those that count. */
    public int stillNeeded() {
        return Math.max(0, quorum - counted.size());
    }

    /** The next departure the candidate could take, for a stage that rides the train. */
    public Optional<ZonedDateTime> nextDeparture() {
        return outcome.nextDeparture();
    }
}
