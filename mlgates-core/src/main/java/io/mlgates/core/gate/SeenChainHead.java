package io.mlgates.core.gate;

import io.mlgates.core.audit.AuditHead;
import java.util.Objects;
import java.util.Optional;

/**
 * The head of the registry's audit chain as a gate saw it when it judged: an anchor outside the registry, so that a
 * registry whose chain was later cut back below this head shows it.
 *
 * @param registry the registry as named to users, for example {@code .mlgates/registry.db}
 * @param head the newest entry's place and hash; empty when there was none to see
 * @param reason why there is no head (no registry there, a registry without entries, not read where the gate ran);
 *     empty exactly when there is a head
 */
public record SeenChainHead(String registry, Optional<AuditHead> head, Optional<String> reason) {
    public SeenChainHead {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(reason, "reason");
        if (head.isPresent() == reason.isPresent()) {
            throw new IllegalArgumentException("a seen chain head is either a head or the reason there is none");
        }
    }

    public static SeenChainHead of(String registry, AuditHead head) {
        return new SeenChainHead(registry, Optional.of(head), Optional.empty());
    }

    public static SeenChainHead none(String registry, String reason) {
        return new SeenChainHead(registry, Optional.empty(), Optional.of(reason));
    }
}
