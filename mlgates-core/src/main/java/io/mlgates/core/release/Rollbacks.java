package io.mlgates.core.release;

import io.mlgates.core.BadInputException;
import io.mlgates.core.audit.CanonicalJson;
import io.mlgates.core.registry.ModelRegistry;
import io.mlgates.core.registry.RegistryException;
import io.mlgates.core.registry.RegistryTamperedException;
import io.mlgates.core.registry.StageConflictException;
import io.mlgates.core.registry.StageMove;
import io.mlgates.core.registry.StageMoveRequest;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Rolls a stage back to the version it pointed to before its current one. Rollbacks unwind: after promotions to
 * 1, 2 and 3, a rollback returns to 2 and a second one to 1. A rollback needs a reason but no evidence or
 * approvals: it returns to a version that held the stage before. It is refused on a registry whose record does not
 * hold, because the version it returns to is read from that record.
 */
public final class Rollbacks {
    private final ModelRegistry registry;
    private final Clock clock;

    public Rollbacks(ModelRegistry registry, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The result: the move made, or why none was. */
    public record Outcome(OptionalInt from, OptionalInt to, List<Refusal> refusals) {
        public Outcome {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            refusals = List.copyOf(refusals);
        }
    }

    public Outcome rollback(String model, String stage, String actor, String reason) throws BadInputException,
            RegistryException {
        if (reason.isBlank()) {
            throw new BadInputException("--reason", 0, 0, "a rollback needs a reason");
        }
        List<Refusal> tampered = RecordCheck.refusals(RecordCheck.verify(registry), registry.location());
        if (!tampered.isEmpty()) {
            return new Outcome(OptionalInt.empty(), OptionalInt.empty(), tampered);
        }
        Deque<Integer> held = new ArrayDeque<>();
        for (StageMove move : registry.history(model)) {
            if (move.stage().equals(stage)) {
                if (move.request().kind() == StageMove.Kind.ROLLBACK) {
                    if (held.isEmpty()) {
                        throw new RegistryTamperedException(registry.location() + ": tampered with: stage_history row "
                                + move.id() + " rolls " + model + " " + stage + " back before any promotion");
                    }
                    held.pop();
                } else {
                    held.push(move.to());
                }
            }
        }
        OptionalInt current = held.isEmpty() ? OptionalInt.empty() : OptionalInt.of(held.pop());
        if (held.isEmpty()) {
            return new Outcome(current, OptionalInt.empty(), List.of(new Refusal("rollback.none", model + " " + stage
                    + (current.isPresent() ? " has held no version before version " + current.getAsInt()
                    : " holds no version") + "; there is nothing to roll back to")));
        }
        int previous = held.peek();
        try {
            registry.move(new StageMoveRequest(model, stage, current, previous, StageMove.Kind.ROLLBACK, actor,
                    clock.instant(), reason, false, CanonicalJson.of(CanonicalJson.parse("{}"))));
        } catch (StageConflictException e) {
            return new Outcome(e.actual(), OptionalInt.empty(), List.of(new Refusal("stage.conflict", e.getMessage())));
        }
        return new Outcome(current, OptionalInt.of(previous), List.of());
    }
}
