package io.mlgates.plugin.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgates.core.attestation.Statement;
import io.mlgates.core.attestation.VerifiedEnvelope;
import io.mlgates.core.gate.CheckResult;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.Status;
import io.mlgates.core.identity.SignatureException;
import io.mlgates.core.report.GateResultJson;
import io.mlgates.plugin.logic.attest.SignedEnvelope;
import io.mlgates.plugin.logic.attest.Signer;
import io.mlgates.plugin.logic.attest.Signing;
import io.mlgates.plugin.logic.attest.TestKeys;
import io.mlgates.plugin.logic.attest.UnusableKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gate step with a signing key set in Manage Jenkins: the controller signs the result it stores, and the core's
 * verifier, given the public key made by ssh-keygen or OpenSSL, accepts the envelope and reads in it the stored
 * result's checks and candidate. Without a key nothing is signed; a key that cannot sign stops the step before the gate
 * runs.
 */
class GateCallSigningTest {
    @TempDir
    Path work;

    private final Fakes.Build build = new Fakes.Build();
    private final Fakes.Log log = new Fakes.Log();

    private Completion call(Signing signing) throws Exception {
        return new GateCall("mlValidate", new ValidateTask(null, null, null), StepOptions.defaults(), signing)
                .run(new Fakes.Workspace(work, AgentRun.MAX_RESULT_CHARS, log), build, log);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    @Test
    void withAnSshKeyTheStoredResultIsSignedAndTheCoresVerifierAcceptsIt() throws Exception {
        Repos.binary(work, Repos.WARN);

        Completion done = call(TestKeys.sshKey("signing-openssh"));

        assertThat(done.failed()).as(String.valueOf(done.failure())).isFalse();
        SignedEnvelope envelope = build.attestations.get("validate");
        assertThat(envelope.keyId()).isEqualTo(TestKeys.OPENSSH_FINGERPRINT);
        VerifiedEnvelope verified = TestKeys.verify(envelope, "signing-openssh.pub");
        assertThat(verified.signers()).extracting(VerifiedEnvelope.Signer::keyFingerprint)
                .containsExactly(TestKeys.OPENSSH_FINGERPRINT);
        assertThat(verified.payloadType()).isEqualTo("application/vnd.in-toto+json");

        // What was signed is the result the build stores: its checks by status, its candidate, its digest.
        String stored = build.json.get("validate");
        GateResult result = new GateResultJson().read(stored.getBytes(StandardCharsets.UTF_8), "validate.json");
        Statement statement = Statement.parse(verified.payload(), "payload");
        JsonNode predicate = statement.predicate();
        assertThat(statement.predicateType()).isEqualTo("https://in-toto.io/attestation/test-result/v0.1");
        assertThat(predicate.get("result").asText()).isEqualTo("WARNED");
        assertThat(texts(predicate.get("passedTests"))).isEqualTo(ids(result, Status.PASS)).isNotEmpty();
        assertThat(texts(predicate.get("warnedTests"))).isEqualTo(ids(result, Status.WARN)).isNotEmpty();
        assertThat(texts(predicate.get("failedTests"))).isEmpty();
        assertThat(predicate.get("url").asText())
                .isEqualTo("https://ci.example.com/job/credit-risk/42/mlgates/validate/");
        String candidateHex = result.candidate().digest().substring("sha256:".length());
        assertThat(statement.subjects()).singleElement().satisfies(s -> {
            assertThat(s.name()).contains(result.candidate().artifacts());
            assertThat(s.digest()).containsValue(candidateHex);
        });
        JsonNode storedResult = predicate.get(Signer.STORED_RESULT);
        assertThat(storedResult.get("name").asText()).isEqualTo("mlgates/validate.json");
        assertThat("sha256:" + storedResult.get("digest").get("sha256").asText())
                .isEqualTo(build.attached.get("validate").getResultDigest())
                .isEqualTo(ResultSummary.digest(stored));
        assertThat(log.text())
                .contains("signed the result's in-toto attestation with the key " + TestKeys.OPENSSH_FINGERPRINT);
    }

    @Test
    void anotherKeyDoesNotVerifyIt() throws Exception {
        Repos.binary(work, Repos.PASS);

        call(TestKeys.sshKey("signing-openssh"));

        assertThatThrownBy(() -> TestKeys.verify(build.attestations.get("validate"), "other-openssh.pub"))
                .isInstanceOf(SignatureException.class);
    }

    @Test
    void aPkcs8PemKeyInASecretFileSignsToo() throws Exception {
        Repos.binary(work, Repos.PASS);

        Completion done = call(TestKeys.secretFile("signing-pkcs8.pem"));

        assertThat(done.failed()).isFalse();
        SignedEnvelope envelope = build.attestations.get("validate");
        assertThat(envelope.keyId()).isEqualTo(TestKeys.PEM_FINGERPRINT);
        assertThat(TestKeys.verify(envelope, "signing-pkcs8.pub.pem").signers()).extracting(
                VerifiedEnvelope.Signer::keyFingerprint).containsExactly(TestKeys.PEM_FINGERPRINT);
        assertThat(Statement.parse(TestKeys.verify(envelope, "signing-pkcs8.pub").payload(), "payload").predicate()
                .has("url")).as("a relative page without Jenkins' root URL").isTrue();
    }

    @Test
    void withoutAKeyNothingIsSignedAndNothingFails() throws Exception {
        Repos.binary(work, Repos.PASS);

        Completion done = call(Signing.none());

        assertThat(done.failed()).isFalse();
        assertThat(build.attached).containsOnlyKeys("validate");
        assertThat(build.attestations).isEmpty();
        assertThat(log.text()).doesNotContain("signed");
    }

    @Test
    void aCredentialOfAnotherKindFailsTheStepBeforeTheGateRuns() throws Exception {
        Repos.binary(work, Repos.PASS);
        Signing wrong = new Signing(() -> {
            throw UnusableKey.wrongKind("mlgates-signing", "StringCredentialsImpl");
        }, Optional.empty());

        Completion done = call(wrong);

        assertThat(done.failed()).isTrue();
        assertThat(done.failure()).isEqualTo("mlValidate: the signing key set in Manage Jenkins cannot sign: the"
                + " credential 'mlgates-signing' is a StringCredentialsImpl; expected an SSH private key (\"SSH"
                + " Username with private key\") or a secret file holding an Ed25519 key; set a usable key there, or"
                + " none to keep results unsigned");
        assertThat(build.attached).isEmpty();
        assertThat(build.reserved).as("no id taken: the gate did not run").isEmpty();
        assertThat(work.resolve(".mlgates/results")).doesNotExist();
    }

    @Test
    void aCredentialWhoseContentIsNoPrivateKeyFailsTheStepNamingIt() throws Exception {
        Repos.binary(work, Repos.PASS);

        Completion done = call(TestKeys.secretFile("signing-openssh.pub"));

        assertThat(done.failed()).isTrue();
        assertThat(done.failure()).startsWith("mlValidate: the signing key set in Manage Jenkins cannot sign: the"
                + " credential 'pem-key' (a secret file)").doesNotContain("AAAAC3NzaC1lZDI1NTE5");
        assertThat(build.attestations).isEmpty();
    }

    private static List<String> ids(GateResult result, Status status) {
        return result.checks().stream().filter(c -> c.status() == status).map(CheckResult::id).toList();
    }
}
