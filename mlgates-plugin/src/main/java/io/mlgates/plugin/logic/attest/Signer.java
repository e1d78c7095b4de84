package io.mlgates.plugin.logic.attest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgates.core.BadInputException;
import io.mlgates.core.attestation.CandidateSubjects;
import io.mlgates.core.attestation.SigningKey;
import io.mlgates.core.attestation.Statement;
import io.mlgates.core.attestation.TestResultStatement;
import io.mlgates.core.attestation.VerificationSummaryStatement;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.release.PromotionOutcome;
import io.mlgates.core.release.PromotionRequest;
import io.mlgates.plugin.logic.StoredResults;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Signs on the controller, with the key Manage Jenkins names, the Statements the core builds: a gate result's in-toto
 * test result, a promotion's SLSA Verification Summary. Lives for one step's call; the key never leaves it. The
 * subject is the candidate alone ({@link CandidateSubjects#candidate}): the controller holds no model file, only the
 * digest the stored result names, and signs no per-file digest it could not check.
 */
public final class Signer {
    /**
     * Extension of the test-result predicate: the result as the build keeps it, {@code mlgates/<id>.json}, by the
     * digest the controller took when it stored it ({@code resultDigest}).
     */
    public static final String STORED_RESULT = "https://mlgates.io/attestation/storedResult";

    private final SigningKey key;

    private Signer(SigningKey key) {
        this.key = key;
    }

    /**
     * The signer of the credential's key.
     *
     * @throws UnusableKey when the key is not an unencrypted Ed25519 key in OpenSSH's or PKCS#8 PEM form
     */
    public static Signer of(KeyCredential credential) throws UnusableKey {
        try {
            return new Signer(SigningKey.parse(credential.text().getBytes(StandardCharsets.UTF_8),
                    credential.describe()));
        } catch (BadInputException e) {
            throw new UnusableKey(e.getMessage());
        }
    }

    /** The key's id, as envelopes name it: its public key's {@code SHA256:} fingerprint. */
    public String keyId() {
        return key.keyId();
    }

    /**
     * The in-toto test-result attestation of a stored result.
     *
     * @param stored the result as the controller read it from the JSON it stores
     * @param id the result's id in the build
     * @param resultDigest the digest of that JSON, as the controller recorded it
     * @param url the result's page
     */
    public SignedEnvelope testResult(GateResult stored, String id, String resultDigest, String url) {
        Statement statement = TestResultStatement.of(stored, List.of(CandidateSubjects.candidate(stored.candidate())),
                Optional.of(url));
        ObjectNode predicate = (ObjectNode) statement.predicate();
        ObjectNode result = predicate.putObject(STORED_RESULT);
        result.put("name", StoredResults.FOLDER + "/" + id + ".json");
        result.putObject("digest").put("sha256", hex(resultDigest));
        return sign(new Statement(statement.subjects(), statement.predicateType(), predicate));
    }

    /**
     * The SLSA Verification Summary of a promotion's decision.
     *
     * @param request the request as judged: the stored results read again and checked, the policy they name
     * @param outcome the registry's outcome
     * @param at when it was decided
     */
    public SignedEnvelope promotion(PromotionRequest request, PromotionOutcome outcome, Instant at) {
        return sign(VerificationSummaryStatement.of(request, outcome,
                List.of(CandidateSubjects.candidate(request.candidate())), at));
    }

    private SignedEnvelope sign(Statement statement) {
        return new SignedEnvelope(key.sign(statement).toJson(), key.keyId());
    }

    private static String hex(String prefixedDigest) {
        Objects.requireNonNull(prefixedDigest, "prefixedDigest");
        return prefixedDigest.substring(prefixedDigest.indexOf(':') + 1);
    }

    /** Never the key. */
    @Override
    public String toString() {
        return "signer " + key.keyId();
    }
}
