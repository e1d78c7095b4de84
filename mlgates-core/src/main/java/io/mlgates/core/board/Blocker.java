package io.mlgates.core.board;

import java.util.Objects;

/**
 * Why a candidate cannot move on, named as a promotion would refuse it.
 *
 * @param rule the promotion rule it breaks ({@code evidence.missing}, {@code evidence.status},
 *     {@code approvals.rejected}, {@code train.cutoff}, ...), as docs/promotion.md lists them
 * @param message what is missing or wrong, in a sentence that names the gate, group or person
 */
public record Blocker(String rule, String message) {
    public Blocker {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }
}
