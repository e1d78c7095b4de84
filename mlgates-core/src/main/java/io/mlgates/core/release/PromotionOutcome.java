package io.mlgates.core.release;

import io.mlgates.core.audit.AuditHead;
import io.mlgates.core.registry.Approval;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What became of a promotion.
 *
 * @param result promoted, unchanged (the stage already pointed to the candidate) or refused
 * @param model the model's name
 * @param stage the stage
 * @param digest the candidate's digest
 * @param version the candidate's version, when it is registered
 * @param from the version the stage pointed to before (for a refusal: points to now), if any
 * @param refusals every rule that refused it, empty unless refused
 * @param nextDeparture for a stage that rides the train: the next departure it could take, when one comes
 * @param emergency whether the emergency path was taken
 * @param head the audit chain's head: after the move when promoted (the move's own entry), else as the promotion
 *     saw it; empty when the log is empty. Kept outside the registry, it shows later whether the log was cut back
 * @param approvals the approvals the promotion counted toward the stage's quorum (each with its identity kind),
 *     empty when the stage needs none or they were not reached
 */
public record PromotionOutcome(Result result, String model, String stage, String digest, OptionalInt version,
                               OptionalInt from, List<Refusal> refusals, Optional<ZonedDateTime> nextDeparture,
                               boolean emergency, Optional<AuditHead> head, List<Approval> approvals) {
    public PromotionOutcome {
        approvals = List.copyOf(approvals);
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(from, "from");
        refusals = List.copyOf(refusals);
        Objects.requireNonNull(nextDeparture, "nextDeparture");
        Objects.requireNonNull(head, "head");
        if ((result == Result.REFUSED) == refusals.isEmpty()) {
            throw new IllegalArgumentException("a refused promotion, and only one, names the rules that refused it");
        }
    }

    /** An outcome that counted no approvals. */
    public PromotionOutcome(Result result, String model, String stage, String digest, OptionalInt version,
                            OptionalInt from, List<Refusal> refusals, Optional<ZonedDateTime> nextDeparture,
                            boolean emergency, Optional<AuditHead> head) {
        this(result, model, stage, digest, version, from, refusals, nextDeparture, emergency, head, List.of());
    }

    /** Promoted, unchanged or refused. */
    public enum Result {
        PROMOTED,
        UNCHANGED,
        REFUSED
    }

    /**
     * The rules only the release train's next departure mends: no departure open now, a freeze, or a candidate or
     * quorum later than the open departure's cut-off. A promotion refused by these alone is ready and waits.
     */
    public static final Set<String> TRAIN_RULES = Set.of("train.departure", "train.freeze", "train.cutoff");

    /** Whether it was refused only because the train has not departed: nothing but time is missing. */
    public boolean waitsForTrain() {
        return result == Result.REFUSED && refusals.stream().allMatch(r -> TRAIN_RULES.contains(r.rule()));
    }

    /** The ids of the rules that refused it. */
    public List<String> rules() {
        return refusals.stream().map(Refusal::rule).toList();
    }
}
