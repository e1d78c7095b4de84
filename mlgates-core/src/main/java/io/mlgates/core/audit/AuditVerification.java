package io.mlgates.core.audit;

import java.util.List;

/**
 * The outcome of checking an audit log's chain.
 *
 * @param entries how many entries were read
 * @param findings what is wrong, in log order; empty when the chain is intact
 */
public record AuditVerification(long entries, List<AuditFinding> findings) {
    public AuditVerification {
        findings = List.copyOf(findings);
    }

    public boolean intact() {
        return findings.isEmpty();
    }
}
