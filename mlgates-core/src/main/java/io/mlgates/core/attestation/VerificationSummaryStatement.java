package io.mlgates.core.attestation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgates.core.EngineVersion;
import io.mlgates.core.audit.CanonicalJson;
import io.mlgates.core.policy.StagePolicy;
import io.mlgates.core.registry.Approval;
import io.mlgates.core.release.CurrentPolicy;
import io.mlgates.core.release.PromotionOutcome;
import io.mlgates.core.release.PromotionRequest;
import io.mlgates.core.release.Refusal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A promotion decision as a SLSA Verification Summary Attestation (predicate type {@link #PREDICATE_TYPE},
 * slsa.dev/spec/v1.0/verification_summary): ML Gates is the verifier, the stage's rules (by the SHA-256 of their
 * canonical JSON, which the predicate carries in {@link #STAGE_RULES}) the policy, and the decision the
 * {@code verificationResult}: PASSED when the candidate was promoted or already was at the stage, FAILED when the
 * promotion was refused. ML Gates evaluates no SLSA track, so a passed candidate's {@code verifiedLevels} is
 * {@code SLSA_BUILD_LEVEL_UNEVALUATED}, as the specification provides, and a failed one's {@code FAILED}. The
 * approvals counted (with their identity kind), the refusals and the audit chain head are extension fields.
 */
public final class VerificationSummaryStatement {
    public static final String PREDICATE_TYPE = "https://slsa.dev/verification_summary/v1";
    /** {@code verifier.id}: ML Gates' promotion, whatever registry it records in. */
    public static final String VERIFIER_ID = "https://mlgates.io/verifier/promotion";
    /** Extension: the stage's rules whose canonical JSON's SHA-256 is {@code policy.digest.sha256}. */
    public static final String STAGE_RULES = "https://mlgates.io/attestation/stageRules";
    /** Extension: the approvals counted toward the stage's quorum. */
    public static final String APPROVALS = "https://mlgates.io/attestation/approvals";
    /** Extension: the promotion: model, stage, outcome, versions, refusals, audit chain head. */
    public static final String PROMOTION = "https://mlgates.io/attestation/promotion";

    private VerificationSummaryStatement() {
    }

    /**
     * The Statement of a promotion's outcome.
     *
     * @param request what was asked, with the policy it was judged under
     * @param outcome what the promoter decided ({@code Promoter.promote})
     * @param subjects the candidate's subjects, {@link CandidateSubjects#of}
     * @param verifiedAt when the decision was made (the promoter's clock)
     */
    public static Statement of(PromotionRequest request, PromotionOutcome outcome, List<ResourceDescriptor> subjects,
                               Instant verifiedAt) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
        if (!request.digest().equals(outcome.digest()) || !request.stage().equals(outcome.stage())) {
            throw new IllegalArgumentException("the outcome is not that of the request");
        }
        StagePolicy stage = request.policy().stage(request.stage()).orElseThrow(() -> new IllegalArgumentException(
                "the policy has no stage " + request.stage()));
        ObjectNode rules = stageRules(stage, request.currentPolicy());
        boolean passed = outcome.result() != PromotionOutcome.Result.REFUSED;

        ObjectNode predicate = JsonNodeFactory.instance.objectNode();
        ObjectNode verifier = predicate.putObject("verifier");
        verifier.put("id", VERIFIER_ID);
        verifier.putObject("version").put("mlgates", EngineVersion.current());
        predicate.put("timeVerified", verifiedAt.toString());
        predicate.put("resourceUri", resourceUri(request.model(), request.digest()));
        ObjectNode policy = predicate.putObject("policy");
        policy.put("uri", request.currentPolicy().file() + "#promotion.stages." + stage.name());
        policy.putObject("digest").put("sha256", sha256(CanonicalJson.of(rules)));
        predicate.put("verificationResult", passed ? "PASSED" : "FAILED");
        predicate.putArray("verifiedLevels").add(passed ? "SLSA_BUILD_LEVEL_UNEVALUATED" : "FAILED");
        predicate.set(STAGE_RULES, rules);
        ArrayNode approvals = predicate.putArray(APPROVALS);
        for (Approval approval : outcome.approvals()) {
            ObjectNode a = approvals.addObject();
            a.put("approver", approval.approver());
            a.put("identity", approval.identity());
            approval.signature().ifPresent(s -> a.put("keyFingerprint", s.keyFingerprint()));
            a.put("at", approval.at().toString());
            a.put("reason", approval.reason());
        }
        ObjectNode promotion = predicate.putObject(PROMOTION);
        promotion.put("model", outcome.model());
        promotion.put("stage", outcome.stage());
        promotion.put("candidate", outcome.digest());
        promotion.put("outcome", outcome.result().name());
        if (outcome.version().isPresent()) {
            promotion.put("version", outcome.version().getAsInt());
        } else {
            promotion.putNull("version");
        }
        if (outcome.from().isPresent()) {
            promotion.put("from", outcome.from().getAsInt());
        } else {
            promotion.putNull("from");
        }
        promotion.put("emergency", outcome.emergency());
        ArrayNode refusals = promotion.putArray("refusals");
        for (Refusal refusal : outcome.refusals()) {
            refusals.addObject().put("rule", refusal.rule()).put("message", refusal.message());
        }
        if (outcome.head().isPresent()) {
            promotion.put("auditChainHead", outcome.head().get().toString());
        } else {
            promotion.putNull("auditChainHead");
        }
        return new Statement(subjects, PREDICATE_TYPE, predicate);
    }

    /**
     * {@code urn:mlgates:model:NAME@sha256:HEX}: the candidate of a model, whatever registry holds it (the name
     * percent-encoded as in a URL's query).
     */
    public static String resourceUri(String model, String digest) {
        return "urn:mlgates:model:" + URLEncoder.encode(model, StandardCharsets.UTF_8) + "@" + digest;
    }

    /** The rules a stage judged by, with the policy files they came from, as {@link #STAGE_RULES} holds them. */
    static ObjectNode stageRules(StagePolicy stage, CurrentPolicy policy) {
        ObjectNode rules = JsonNodeFactory.instance.objectNode();
        rules.put("stage", stage.name());
        ArrayNode gates = rules.putArray("gates");
        stage.gates().forEach(gates::add);
        rules.put("acceptWarn", stage.acceptWarn());
        rules.put("acceptWaived", stage.acceptWaived());
        if (stage.approvals().isPresent()) {
            ObjectNode approvals = rules.putObject("approvals");
            approvals.put("group", stage.approvals().get().group());
            approvals.put("quorum", stage.approvals().get().quorum());
            approvals.put("expiresAfter", stage.approvals().get().expiresAfter().toString());
        } else {
            rules.putNull("approvals");
        }
        rules.put("train", stage.train());
        rules.put("verifiedIdentity", stage.verifiedIdentity());
        rules.put("acceptOverrides", stage.acceptOverrides());
        rules.putObject("policy").put("file", policy.file()).put("digest", policy.digest());
        if (policy.organisation().isPresent()) {
            rules.putObject("organisationPolicy").put("file", policy.organisation().get().file())
                    .put("digest", policy.organisation().get().digest());
        } else {
            rules.putNull("organisationPolicy");
        }
        return rules;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
