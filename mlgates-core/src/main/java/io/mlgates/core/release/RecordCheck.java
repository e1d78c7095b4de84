package io.mlgates.core.release;

import io.mlgates.core.audit.AuditFinding;
import io.mlgates.core.audit.AuditVerification;
import io.mlgates.core.registry.ModelRegistry;
import io.mlgates.core.registry.RegistryException;
import java.util.List;

/**
 * Nothing is decided on a record that does not hold: before a promotion, an approval or a rollback reads the
 * registry, its audit chain is verified and replayed against the state, and any finding refuses the change.
 */
final class RecordCheck {
    /** How many findings a refusal quotes; {@code mlgates audit verify} lists them all. */
    private static final int QUOTED = 3;

    private RecordCheck() {
    }

    static AuditVerification verify(ModelRegistry registry) throws RegistryException {
        return registry.verifyAudit();
    }

    /** The refusal for a record that does not hold; empty when it holds. */
    static List<Refusal> refusals(AuditVerification verification, String location) {
        if (verification.intact()) {
            return List.of();
        }
        List<AuditFinding> findings = verification.findings();
        StringBuilder message = new StringBuilder("the audit log of " + location + " was tampered with, so nothing is"
                + " decided on it: ");
        for (int i = 0; i < Math.min(QUOTED, findings.size()); i++) {
            message.append(i == 0 ? "" : "; ").append(findings.get(i).message());
        }
        if (findings.size() > QUOTED) {
            message.append("; and ").append(findings.size() - QUOTED).append(" more");
        }
        message.append(" (mlgates audit verify lists every finding)");
        return List.of(new Refusal("audit.tampered", message.toString()));
    }
}
