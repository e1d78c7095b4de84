package io.mlgates.core.registry;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A stage move that happened.
 *
 * @param id its place in the model's history, increasing
 * @param request what was asked and done; its {@code expected} version is the one the stage pointed to before
 */
public record StageMove(long id, StageMoveRequest request) {
    public StageMove {
        Objects.requireNonNull(request, "request");
    }

    public String stage() {
        return request.stage();
    }

    /** The version the stage pointed to before the move, if any. */
    public OptionalInt from() {
        return request.expected();
    }

    public int to() {
        return request.to();
    }

    /** Why a stage moved. */
    public enum Kind {
        PROMOTE,
        ROLLBACK;

        /** As written in the history and the audit log: {@code promote}, {@code rollback}. */
        public String action() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
