package io.mlgates.core.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgates.core.BadInputException;
import io.mlgates.core.audit.AuditHead;
import io.mlgates.core.audit.CanonicalJson;
import io.mlgates.core.candidate.Candidate;
import io.mlgates.core.candidate.CandidateDigest;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.policy.ApprovalRule;
import io.mlgates.core.policy.PromotionPolicy;
import io.mlgates.core.policy.StagePolicy;
import io.mlgates.core.registry.Approval;
import io.mlgates.core.release.CurrentPolicy;
import io.mlgates.core.release.PromotionOutcome;
import io.mlgates.core.release.PromotionRequest;
import io.mlgates.core.release.Refusal;
import io.mlgates.core.report.GateResultFixtures;
import io.mlgates.core.workspace.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Statements' fields against the published examples of the in-toto Test Result v0.1 and SLSA Verification
 * Summary v1 predicates (published/, copied from the specifications), and the mappings docs/attestations.md states.
 */
class StatementsTest {
    private static final List<ResourceDescriptor> SUBJECTS = List.of(
            ResourceDescriptor.of("model/weights.bin", "sha256", "11".repeat(32)),
            ResourceDescriptor.of("model", CandidateSubjects.TREE_ALGORITHM, "ab".repeat(32)));
    private static final Instant AT = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void aGateResultsStatementHasEveryFieldOfThePublishedTestResultExample() {
        Statement statement = TestResultStatement.of(GateResultFixtures.ethics(""), SUBJECTS,
                Optional.of("https://ci.example/job/credit-risk/7/ml-gates-ethics/"));
        JsonNode ours = statement.toTree();
        JsonNode example = PublishedShapes.example("published/test-result-v0.1-example.json");
        // downloadLocation, optional in a ResourceDescriptor, is left out: the policies are files of the model
        // repository and of the organisation, named by path and digest, with no download location ML Gates knows.
        PublishedShapes.assertSameShape(ours, example, Set.of("$.predicate.configuration[].downloadLocation"));
        assertThat(ours.get("_type").asText()).isEqualTo(example.get("_type").asText());
        assertThat(ours.get("predicateType").asText()).isEqualTo(example.get("predicateType").asText());
    }

    @Test
    void checksAreListedByStatusAndTheGateResultMapsToThreeStates() {
        JsonNode p = TestResultStatement.of(GateResultFixtures.full("m"), SUBJECTS, Optional.empty()).toTree()
                .get("predicate");
        // full(): data:rows PASS, limit:accuracy:min FAIL, limit:recall:min ERROR, a slice SKIPPED, a baseline WARN.
        assertThat(p.get("result").asText()).isEqualTo("FAILED");
        assertThat(texts(p.get("passedTests"))).containsExactly("data:rows");
        assertThat(texts(p.get("warnedTests"))).containsExactly("baseline:accuracy:max_drop");
        assertThat(texts(p.get("failedTests"))).containsExactly("limit:accuracy:min", "limit:recall:min");
        assertThat(texts(p.get(TestResultStatement.SKIPPED_TESTS))).containsExactly("slice:g=m:recall");
        assertThat(p.has("url")).isFalse();
        assertThat(p.get("configuration")).hasSize(1);
        assertThat(p.get("configuration").get(0).toString())
                .isEqualTo("{\"name\":\"mlgates.yaml\",\"digest\":{\"sha256\":\"" + "cd".repeat(32) + "\"}}");
        assertThat(p.get(TestResultStatement.INPUTS).get(0).toString()).isEqualTo("{\"name\":\"eval/p.csv\","
                + "\"digest\":{\"sha256\":\"" + "12".repeat(32) + "\"},\"annotations\":{\"role\":\"predictions\"}}");
        assertThat(p.get(TestResultStatement.GATE).get("status").asText()).isEqualTo("ERROR");
    }

    @Test
    void aWaivedCheckIsWarnedWithItsWaiverAndTheOrganisationPolicyIsConfiguration() {
        GateResult ethics = GateResultFixtures.ethics("");
        JsonNode p = TestResultStatement.of(ethics, SUBJECTS, Optional.empty()).toTree().get("predicate");
        assertThat(texts(p.get("warnedTests"))).contains("fairness:sex:four_fifths:f");
        JsonNode waiver = p.get(TestResultStatement.WAIVERS).get(0);
        assertThat(waiver.get("check").asText()).isEqualTo("fairness:sex:four_fifths:f");
        assertThat(waiver.get("was").asText()).isEqualTo("FAIL");
        assertThat(waiver.get("approver").asText()).isEqualTo("Jane ");
        assertThat(waiver.get("expires").asText()).isEqualTo("2027-01-31");
        assertThat(p.get("configuration").get(1).get("name").asText()).isEqualTo("org-policy.yaml");
        assertThat(p.get("configuration").get(1).get("digest").get("sha256").asText()).isEqualTo("ef".repeat(32));
    }

    @Test
    void statusesMapAsDocumented() {
        assertThat(TestResultStatement.result(io.mlgates.core.gate.Status.PASS)).isEqualTo("PASSED");
        assertThat(TestResultStatement.result(io.mlgates.core.gate.Status.WARN)).isEqualTo("WARNED");
        assertThat(TestResultStatement.result(io.mlgates.core.gate.Status.WAIVED)).isEqualTo("WARNED");
        assertThat(TestResultStatement.result(io.mlgates.core.gate.Status.SKIPPED)).isEqualTo("WARNED");
        assertThat(TestResultStatement.result(io.mlgates.core.gate.Status.FAIL)).isEqualTo("FAILED");
        assertThat(TestResultStatement.result(io.mlgates.core.gate.Status.ERROR)).isEqualTo("FAILED");
    }

    @Test
    void aPromotionsSummaryHasEveryRequiredFieldOfThePublishedVsaExample() {
        JsonNode ours = VerificationSummaryStatement.of(request(), promoted(), SUBJECTS, AT).toTree();
        JsonNode example = PublishedShapes.example("published/vsa-v1-example.jsonc");
        // Optional fields ML Gates leaves out: it reads no input attestations (a verifier that does not may leave
        // inputAttestations out), makes no claim about dependencies (unset dependencyLevels), and evaluates no SLSA
        // track (slsaVersion is optional).
        PublishedShapes.assertSameShape(ours, example, Set.of("$.predicate.inputAttestations",
                "$.predicate.dependencyLevels", "$.predicate.slsaVersion"));
        assertThat(ours.get("predicateType").asText()).isEqualTo(example.get("predicateType").asText());
        JsonNode p = ours.get("predicate");
        assertThat(p.get("verificationResult").asText()).isEqualTo("PASSED");
        assertThat(texts(p.get("verifiedLevels"))).containsExactly("SLSA_BUILD_LEVEL_UNEVALUATED");
        assertThat(p.get("timeVerified").asText()).isEqualTo("2026-11-26T12:00:00Z");
        assertThat(p.get("resourceUri").asText()).isEqualTo("urn:mlgates:model:credit-risk@sha256:" + "ab".repeat(32));
        assertThat(p.get("policy").get("uri").asText()).isEqualTo("mlgates.yaml#promotion.stages.production");
    }

    @Test
    void thePolicyDigestIsTheSha256OfTheCanonicalStageRulesItCarries() throws Exception {
        JsonNode p = VerificationSummaryStatement.of(request(), promoted(), SUBJECTS, AT).toTree().get("predicate");
        JsonNode rules = p.get(VerificationSummaryStatement.STAGE_RULES);
        assertThat(rules.get("approvals").get("quorum").asInt()).isEqualTo(2);
        assertThat(rules.get("policy").get("digest").asText()).isEqualTo("sha256:" + "cd".repeat(32));
        String canonical = CanonicalJson.of(rules);
        assertThat(p.get("policy").get("digest").get("sha256").asText()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void theApprovalsCountedTheirIdentityKindAndTheChainHeadAreRecorded() {
        JsonNode p = VerificationSummaryStatement.of(request(), promoted(), SUBJECTS, AT).toTree().get("predicate");
        JsonNode approvals = p.get(VerificationSummaryStatement.APPROVALS);
        assertThat(approvals).hasSize(2);
        assertThat(approvals.get(0).get("approver").asText()).isEqualTo("carol");
        assertThat(approvals.get(0).get("identity").asText()).isEqualTo("verified");
        assertThat(approvals.get(0).get("keyFingerprint").asText()).isEqualTo("SHA256:" + "A".repeat(43));
        assertThat(approvals.get(1).get("identity").asText()).isEqualTo("declared");
        assertThat(approvals.get(1).has("keyFingerprint")).isFalse();
        JsonNode promotion = p.get(VerificationSummaryStatement.PROMOTION);
        assertThat(promotion.get("auditChainHead").asText()).isEqualTo("12:" + "9f".repeat(32));
        assertThat(promotion.get("outcome").asText()).isEqualTo("PROMOTED");
        assertThat(promotion.get("version").asInt()).isEqualTo(3);
    }

    @Test
    void aRefusedPromotionIsFailedWithItsRules() {
        PromotionOutcome refused = new PromotionOutcome(PromotionOutcome.Result.REFUSED, "credit-risk", "production",
                "sha256:" + "ab".repeat(32), OptionalInt.empty(), OptionalInt.empty(),
                List.of(new Refusal("approvals.quorum", "1 of 2 approvals")), Optional.empty(), false,
                Optional.empty());
        JsonNode p = VerificationSummaryStatement.of(request(), refused, SUBJECTS, AT).toTree().get("predicate");
        assertThat(p.get("verificationResult").asText()).isEqualTo("FAILED");
        assertThat(texts(p.get("verifiedLevels"))).containsExactly("FAILED");
        JsonNode promotion = p.get(VerificationSummaryStatement.PROMOTION);
        assertThat(promotion.get("refusals").get(0).get("rule").asText()).isEqualTo("approvals.quorum");
        assertThat(promotion.get("auditChainHead").isNull()).isTrue();
        assertThat(promotion.get("version").isNull()).isTrue();
    }

    @Test
    void aStatementRoundTripsThroughItsSignedJson() throws Exception {
        Statement statement = TestResultStatement.of(GateResultFixtures.full("m"), SUBJECTS, Optional.empty());
        assertThat(Statement.parse(statement.toJson(), "s")).isEqualTo(statement);
        assertThatThrownBy(() -> Statement.parse("{\"_type\":\"x\"}".getBytes(StandardCharsets.UTF_8), "f.jsonl:1"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("f.jsonl:1: the payload is not an in-toto");
    }

    @Test
    void theCandidatesSubjectsAreItsFilesAndItsTreeDigest(@TempDir Path repo) throws Exception {
        Files.createDirectories(repo.resolve("model/sub"));
        Files.writeString(repo.resolve("model/weights.bin"), "weights");
        Files.writeString(repo.resolve("model/sub/config.json"), "{}");
        Workspace workspace = Workspace.at(repo);
        Candidate candidate = CandidateDigest.of(workspace, "model", "t");
        List<ResourceDescriptor> subjects = CandidateSubjects.of(workspace, candidate, "t");
        assertThat(subjects).containsExactly(
                ResourceDescriptor.of("model/sub/config.json", "sha256", sha256("{}")),
                ResourceDescriptor.of("model/weights.bin", "sha256", sha256("weights")),
                ResourceDescriptor.of("model", CandidateSubjects.TREE_ALGORITHM, candidate.digest().substring(7)));
        Files.writeString(repo.resolve("model/weights.bin"), "retrained");
        assertThatThrownBy(() -> CandidateSubjects.of(workspace, candidate, "t")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("model: the candidate's files changed since they were judged");
    }

    @Test
    void aPredictionsCandidateIsItsOneFile(@TempDir Path repo) throws Exception {
        Files.createDirectories(repo.resolve("eval"));
        Files.writeString(repo.resolve("eval/p.csv"), "label,score\n1,0.9\n");
        Candidate candidate = Candidate.ofPredictions("sha256:" + sha256("label,score\n1,0.9\n"), "eval/p.csv", 18);
        assertThat(CandidateSubjects.of(Workspace.at(repo), candidate, "t")).containsExactly(
                ResourceDescriptor.of("eval/p.csv", "sha256", sha256("label,score\n1,0.9\n")));
    }

    private static String sha256(String text) throws Exception {
        // sha256sum's value, by the JDK's SHA-256 over the same bytes.
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static PromotionRequest request() {
        PromotionPolicy policy = new PromotionPolicy(List.of(StagePolicy.of("staging"), new StagePolicy("production",
                List.of("validate", "ethics"), true, true, Optional.of(new ApprovalRule("risk", 2, Duration.ofDays(7))),
                false, true, false)), false, true, Map.of("risk", List.of("carol", "dave")), Optional.empty(),
                Optional.empty(), PromotionPolicy.DEFAULT_REGISTRY, PromotionPolicy.DEFAULT_RESULTS);
        return new PromotionRequest("credit-risk", new Candidate("sha256:" + "ab".repeat(32), "model", 2, 1024), policy,
                "production", Map.of(), "jenkins", "alice", "model", Optional.empty(), Optional.empty(),
                new CurrentPolicy("mlgates.yaml", "sha256:" + "cd".repeat(32), Optional.empty()));
    }

    private static PromotionOutcome promoted() {
        Approval verified = new Approval("credit-risk", "sha256:" + "ab".repeat(32), "production", "carol",
                Approval.Decision.APPROVE, "reviewed the fairness report", AT.minusSeconds(3600),
                Optional.of(new Approval.Signature("statement", "armored", "SHA256:" + "A".repeat(43))));
        Approval declared = new Approval("credit-risk", "sha256:" + "ab".repeat(32), "production", "dave",
                Approval.Decision.APPROVE, "ok", AT.minusSeconds(60));
        return new PromotionOutcome(PromotionOutcome.Result.PROMOTED, "credit-risk", "production",
                "sha256:" + "ab".repeat(32), OptionalInt.of(3), OptionalInt.of(2), List.of(), Optional.empty(), false,
                Optional.of(new AuditHead(12, "9f".repeat(32))), List.of(verified, declared));
    }
}
