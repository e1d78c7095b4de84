package io.mlgates.core.release;

import java.util.Objects;

/**
 * A rule that keeps a promotion, an approval or a rollback from happening.
 *
 * @param rule the rule's id: {@code evidence.missing}, {@code approvals.quorum}, {@code train.departure}, ...
 * @param message what is missing or wrong, in one sentence a reviewer can act on
 */
public record Refusal(String rule, String message) {
    public Refusal {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return rule + ": " + message;
    }
}
