package io.mlgates.core.registry;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgates.core.gate.Status;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A gate result as evidence for a candidate: which gate judged which digest under which policy, with what outcome.
 *
 * @param gate the gate's name ({@code validate}, {@code ethics})
 * @param status its status
 * @param candidateDigest the digest it judged
 * @param policyDigest the digest of the policy it judged under
 * @param evaluatedAt when, to the millisecond
 */
public record GateEvidence(String gate, Status status, String candidateDigest, String policyDigest,
                           Instant evaluatedAt) {
    public GateEvidence {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(candidateDigest, "candidateDigest");
        Objects.requireNonNull(policyDigest, "policyDigest");
        evaluatedAt = Objects.requireNonNull(evaluatedAt, "evaluatedAt").truncatedTo(ChronoUnit.MILLIS);
    }

    /** The JSON form registries store and the audit log records. */
    public ObjectNode toJson() {
        return JsonNodeFactory.instance.objectNode().put("gate", gate).put("status", status.name())
                .put("candidateDigest", candidateDigest).put("policyDigest", policyDigest)
                .put("evaluatedAt", evaluatedAt.toString());
    }
}
