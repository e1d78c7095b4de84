package io.mlgates.core.audit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of checking an audit log's chain.
 *
 * @param entries how many entries were read
 * @param head the newest entry as the log holds it, if any: the anchor to keep outside the registry
 * @param findings what is wrong, in log order; empty when the chain is intact
 * @param limits what this check could not cover for this store, one sentence each (an old schema without a head)
 */
public record AuditVerification(long entries, Optional<AuditHead> head, List<AuditFinding> findings,
                                List<String> limits) {
    public AuditVerification {
        Objects.requireNonNull(head, "head");
        findings = List.copyOf(findings);
        limits = List.copyOf(limits);
    }

    public boolean intact() {
        return findings.isEmpty();
    }

    /** The same check with more findings, for example those of the state tables. */
    public AuditVerification with(List<AuditFinding> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<AuditFinding> all = new java.util.ArrayList<>(findings);
        all.addAll(more);
        return new AuditVerification(entries, head, all, limits);
    }
}
