package io.mlgates.core.release;

import io.mlgates.core.identity.AllowedSigners;
import io.mlgates.core.identity.SignatureException;
import io.mlgates.core.identity.SshSignatures;
import io.mlgates.core.identity.VerifiedSigner;
import io.mlgates.core.registry.Approval;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Declared and verified identities of approvers. A declared identity is a name typed ({@code --as}) or the
 * environment's user; a verified one is an SSH signature over the {@link ApprovalStatement}, checked against the
 * organisation's allowed signers for the approver's name. The signature is kept in the audit entry and checked again
 * whenever a stage that accepts only verified approvals counts it, so an entry appended by someone with the
 * registry file, without the approver's key, never counts as verified.
 */
public final class Identities {
    /** How far in the future an approval may be dated: clocks of two machines differ a little, never more. */
    public static final Duration SKEW = Duration.ofMinutes(2);

    private Identities() {
    }

    /** Verifies a signature over a statement for the statement's approver, at the statement's time. */
    public static VerifiedSigner verify(AllowedSigners signers, ApprovalStatement statement, String armored)
            throws SignatureException {
        return SshSignatures.verify(signers, statement.approver(), ApprovalStatement.NAMESPACE, statement.bytes(),
                armored, statement.at());
    }

    /** Why an approval dated {@code at} is refused at {@code now}; empty when it is not in the future. */
    public static Optional<String> future(Instant at, Instant now) {
        return at.isAfter(now.plus(SKEW)) ? Optional.of("it is dated " + at + ", in the future (now " + now
                + ", clocks may differ by " + Durations.show(SKEW) + " at most)") : Optional.empty();
    }

    /**
     * Why a recorded decision does not count as verified; empty when its signature verifies now for this candidate.
     *
     * @param version the registered version of the decision's candidate
     * @param signers the organisation's allowed signers, when the organisation policy names them
     */
    static Optional<String> unverified(Approval a, int version, Optional<AllowedSigners> signers) {
        if (a.signature().isEmpty()) {
            return Optional.of("its identity is declared (" + a.approver() + " as typed), not verified by a"
                    + " signature");
        }
        if (signers.isEmpty()) {
            return Optional.of("no allowed signers to verify its signature against: the organisation policy names"
                    + " none (identity.allowedSigners)");
        }
        Approval.Signature s = a.signature().get();
        Optional<ApprovalStatement> statement = ApprovalStatement.parse(s.statement());
        if (statement.isEmpty()) {
            return Optional.of("its signed statement is not an approval statement");
        }
        ApprovalStatement st = statement.get();
        if (!st.equals(new ApprovalStatement(a.model(), version, a.digest(), a.stage(), a.decision(), a.reason(),
                a.approver(), st.at())) || Duration.between(st.at(), a.at()).abs().compareTo(SKEW) > 0) {
            return Optional.of("its signed statement is about another decision than the one recorded");
        }
        try {
            verify(signers.get(), st, s.armored());
            return Optional.empty();
        } catch (SignatureException e) {
            return Optional.of("its signature does not verify: " + e.getMessage());
        }
    }
}
