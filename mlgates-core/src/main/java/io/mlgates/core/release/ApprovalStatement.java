package io.mlgates.core.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.mlgates.core.audit.CanonicalJson;
import io.mlgates.core.registry.Approval;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * What an approver signs: one decision on one candidate for one stage, by one person at one time. The signed bytes
 * are the UTF-8 canonical JSON ({@link CanonicalJson}: keys sorted, no whitespace, no trailing newline) of
 * <pre>{"approver", "at", "candidate", "decision", "model", "reason", "stage", "statement": "mlgates approval 1",
 * "version"}</pre>
 * signed with {@code ssh-keygen -Y sign -n mlgates}, as git signs commits. Every field a reviewer relies on is in
 * it, so a signature over one decision cannot be reused for another candidate, stage, decision or reason.
 *
 * @param model the model's name
 * @param version the registered version
 * @param candidate the candidate's digest
 * @param stage the stage
 * @param decision approve or reject
 * @param reason the reason, as given
 * @param approver who decides: the principal the allowed-signers file must list for the key
 * @param at when, to the millisecond
 */
public record ApprovalStatement(String model, int version, String candidate, String stage,
                                Approval.Decision decision, String reason, String approver, Instant at) {
    /** The SSH signature namespace of approvals ({@code ssh-keygen -Y sign -n mlgates}). */
    public static final String NAMESPACE = "mlgates";
    private static final String FORMAT = "mlgates approval 1";

    public ApprovalStatement {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(approver, "approver");
        at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS);
    }

    /** The text that is signed. */
    public String text() {
        return CanonicalJson.of(JsonNodeFactory.instance.objectNode().put("statement", FORMAT).put("model", model)
                .put("version", version).put("candidate", candidate).put("stage", stage)
                .put("decision", decision.action()).put("reason", reason).put("approver", approver)
                .put("at", at.toString()));
    }

    /** The bytes that are signed: {@link #text} in UTF-8. */
    public byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a statement back from its text; empty when it is not one. */
    public static Optional<ApprovalStatement> parse(String text) {
        try {
            JsonNode n = CanonicalJson.parse(text);
            if (!FORMAT.equals(n.path("statement").asText()) || !n.path("version").isInt()) {
                return Optional.empty();
            }
            for (Approval.Decision decision : Approval.Decision.values()) {
                if (decision.action().equals(n.path("decision").asText())) {
                    ApprovalStatement s = new ApprovalStatement(n.path("model").asText(), n.path("version").asInt(),
                            n.path("candidate").asText(), n.path("stage").asText(), decision,
                            n.path("reason").asText(), n.path("approver").asText(),
                            Instant.parse(n.path("at").asText()));
                    // only the canonical text of a statement is one: anything else was not made by mlgates
                    return s.text().equals(text) ? Optional.of(s) : Optional.empty();
                }
            }
            return Optional.empty();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
