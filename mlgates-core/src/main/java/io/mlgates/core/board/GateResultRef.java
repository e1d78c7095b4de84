package io.mlgates.core.board;

import io.mlgates.core.gate.Status;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One gate's result for a candidate, as an index records it.
 *
 * @param gate the gate: {@code validate}, {@code ethics}
 * @param id the result's id (a step's {@code id}; the gate's name by default)
 * @param status its verdict
 * @param judgedAt when the gate ran, when the index says
 * @param link a link to the result page or file, when there is one
 */
public record GateResultRef(String gate, String id, Status status, Optional<Instant> judgedAt,
                            Optional<String> link) {
    public GateResultRef {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(judgedAt, "judgedAt");
        Objects.requireNonNull(link, "link");
    }
}
