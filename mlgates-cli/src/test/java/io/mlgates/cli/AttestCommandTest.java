package io.mlgates.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.attestation.Envelope;
import io.mlgates.core.attestation.SigningKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mlgates attest} and {@code attest verify} on the example, and the promotion's signed Verification Summary,
 * with the keys tools/attestation_keys.py made (the core test-jar's resources): a tampered payload, a tampered
 * signature and a wrong key are refused with exit 1, bad input with exit 2.
 */
class AttestCommandTest {
    private static final Instant THURSDAY = Instant.parse("2026-11-26T10:00:00Z");
    /** The signer key's fingerprint, as ssh-keygen -l prints it for keys/signer.pub. */
    private static final String SIGNER = "SHA256:3sWqMNzwloW+3UJI0rhKCQ9xg5EpmRbqsVmeI+6diK0";

    @TempDir
    Path tmp;
    private Path repo;
    private Path results;
    private StringWriter out;
    private StringWriter err;
    private final Map<String, String> variables = new HashMap<>();

    @BeforeEach
    void example() throws Exception {
        repo = ExampleRepository.copyInto(tmp);
        results = repo.resolve(".mlgates/results");
        for (String name : List.of("signer.openssh", "signer.pkcs8.pem", "signer.pub", "signer.spki.pem",
                "other.pub", "signer-encrypted.openssh")) {
            try (InputStream in = AttestCommandTest.class.getResourceAsStream(
                    "/io/mlgates/core/attestation/keys/" + name)) {
                Files.write(tmp.resolve(name), in.readAllBytes());
            }
        }
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        Environment environment = new Environment("alice", variables, Clock.fixed(THURSDAY, ZoneOffset.UTC));
        return Main.execute(environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private String key(String name) {
        return tmp.resolve(name).toString();
    }

    @Test
    void eachGateResultIsAttestedAndVerifies() throws Exception {
        assertThat(run("run", repo.toString(), "--no-promote")).as(out + "" + err).isZero();
        assertThat(run("attest", repo.toString(), "--key", key("signer.openssh"))).as(out + "" + err).isZero();
        assertThat(out.toString()).contains("attested validate (WARNED, candidate sha256:")
                .contains("attested ethics (WARNED, candidate sha256:").contains("signed by key " + SIGNER);
        for (String gate : List.of("validate", "ethics")) {
            Path file = results.resolve(gate + ".intoto.jsonl");
            assertThat(run("attest", "verify", file.toString(), "--key", key("signer.pub"))).as(err.toString())
                    .isZero();
            assertThat(out.toString()).startsWith("verified: " + file + " envelope 1: "
                    + "https://in-toto.io/attestation/test-result/v0.1 about model/").endsWith(
                    "signed by key " + SIGNER + "\n");
            assertThat(run("attest", "verify", file.toString(), "--key", key("signer.spki.pem"))).isZero();
        }
    }

    @Test
    void aTamperedPayloadATamperedSignatureAndAWrongKeyAreRefusedWithExit1() throws Exception {
        assertThat(run("run", repo.toString(), "--no-promote")).isZero();
        assertThat(run("attest", repo.toString(), "--key", key("signer.pkcs8.pem"))).as(err.toString()).isZero();
        Path file = results.resolve("validate.intoto.jsonl");
        String line = Files.readString(file).strip();
        Envelope envelope = Envelope.parse(line, "v");

        assertThat(run("attest", "verify", file.toString(), "--key", key("other.pub"))).isEqualTo(1);
        assertThat(err.toString()).startsWith("refused: " + file + " envelope 1: no signature of the envelope "
                + "verifies with a trusted key of " + key("other.pub"));

        String payload = new String(envelope.payload(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"result\":\"WARNED\"", "\"result\":\"PASSED\"");
        assertThat(payload).contains("\"result\":\"PASSED\"");
        Path tamperedPayload = Files.writeString(tmp.resolve("payload.intoto.jsonl"), line.replace(
                Base64.getEncoder().encodeToString(envelope.payload()),
                Base64.getEncoder().encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(run("attest", "verify", tamperedPayload.toString(), "--key", key("signer.pub"))).isEqualTo(1);
        assertThat(out.toString()).isEmpty();

        byte[] sig = envelope.signatures().get(0).sig();
        sig[0] ^= 1;
        Path tamperedSig = Files.writeString(tmp.resolve("sig.intoto.jsonl"), line.replace(
                Base64.getEncoder().encodeToString(envelope.signatures().get(0).sig()),
                Base64.getEncoder().encodeToString(sig)));
        assertThat(run("attest", "verify", tamperedSig.toString(), "--key", key("signer.pub"))).isEqualTo(1);
        assertThat(err.toString()).contains("refused: ");
    }

    @Test
    void anAllowedSignersFileNamesThePrincipal() throws Exception {
        assertThat(run("run", repo.toString(), "--no-promote")).isZero();
        assertThat(run("attest", repo.toString(), "--key", key("signer.openssh"))).isZero();
        Path signers = Files.writeString(tmp.resolve("allowed_signers"), "ci@example.com namespaces=\"mlgates-"
                + "attestation\" " + Files.readString(tmp.resolve("signer.pub")));
        assertThat(run("attest", "verify", results.resolve("ethics.intoto.jsonl").toString(), "--allowed-signers",
                signers.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).endsWith("signed by ci@example.com (key " + SIGNER + ")\n");
    }

    @Test
    void badInputIsExit2NamingTheFile() throws Exception {
        assertThat(run("run", repo.toString(), "--no-promote")).isZero();
        assertThat(run("attest", repo.toString(), "--key", key("signer-encrypted.openssh"))).isEqualTo(2);
        assertThat(err.toString()).contains(key("signer-encrypted.openssh") + ": is encrypted with a passphrase");
        assertThat(run("attest", repo.toString(), "--key", key("signer.pub"))).isEqualTo(2);
        Path garbage = Files.writeString(tmp.resolve("g.intoto.jsonl"), "{\"payloadType\":1}\n");
        assertThat(run("attest", "verify", garbage.toString(), "--key", key("signer.pub"))).isEqualTo(2);
        assertThat(err.toString()).contains(garbage + ":1: the envelope's payloadType is not a string");
        assertThat(run("attest", "verify", garbage.toString())).isEqualTo(2);
        Files.writeString(repo.resolve("model/credit-risk.model"), "retrained");
        assertThat(run("attest", repo.toString(), "--key", key("signer.openssh"))).isEqualTo(2);
        assertThat(err.toString()).contains("the candidate's files changed since they were judged");
        assertThat(results.resolve("validate.intoto.jsonl")).doesNotExist();
    }

    @Test
    void everyLinesOutcomeIsToldAndTheExitCodeIsTheWorst() throws Exception {
        assertThat(run("run", repo.toString(), "--no-promote")).isZero();
        assertThat(run("attest", repo.toString(), "--key", key("signer.openssh"))).isZero();
        String good = Files.readString(results.resolve("validate.intoto.jsonl")).strip();
        SigningKey signer = SigningKey.read(tmp.resolve("signer.openssh"));
        String byOther = Files.readString(results.resolve("ethics.intoto.jsonl")).strip();
        Envelope ethics = Envelope.parse(byOther, "e");
        byte[] sig = ethics.signatures().get(0).sig();
        sig[0] ^= 1;
        String tampered = byOther.replace(Base64.getEncoder().encodeToString(ethics.signatures().get(0).sig()),
                Base64.getEncoder().encodeToString(sig));
        String notInToto = signer.sign("text/plain", "hello".getBytes(StandardCharsets.UTF_8)).toJson();

        // refused, verified, bad input (another payload type), verified: every line is told, the worst code wins
        Path mixed = Files.writeString(tmp.resolve("mixed.intoto.jsonl"),
                String.join("\n", tampered, good, notInToto, good) + "\n");
        assertThat(run("attest", "verify", mixed.toString(), "--key", key("signer.pub"))).isEqualTo(2);
        assertThat(err.toString()).contains("refused: " + mixed + " envelope 1: no signature")
                .contains("bad input: " + mixed + " envelope 3: the payload type is \"text/plain\", expected "
                        + "application/vnd.in-toto+json");
        assertThat(out.toString()).contains("verified: " + mixed + " envelope 2: ")
                .contains("verified: " + mixed + " envelope 4: ");

        // a line that is not an envelope, after a refused one: both told, exit 2
        Path unreadable = Files.writeString(tmp.resolve("unreadable.intoto.jsonl"),
                tampered + "\n\n{\"payloadType\":1}\n" + good + "\n");
        assertThat(run("attest", "verify", unreadable.toString(), "--key", key("signer.pub"))).isEqualTo(2);
        assertThat(err.toString()).contains("refused: " + unreadable + " envelope 1: ")
                .contains("bad input: " + unreadable + ":3: the envelope's payloadType is not a string");
        assertThat(out.toString()).contains("verified: " + unreadable + " envelope 3: ");

        // a refused line before verified ones: exit 1, not 0
        Path refusedFirst = Files.writeString(tmp.resolve("refused.intoto.jsonl"), tampered + "\n" + good + "\n");
        assertThat(run("attest", "verify", refusedFirst.toString(), "--key", key("signer.pub"))).isEqualTo(1);
        assertThat(out.toString()).contains("verified: " + refusedFirst + " envelope 2: ");
    }

    @Test
    void aResultWhoseGateNameIsAPathIsRefusedBeforeAnythingIsWritten() throws Exception {
        assertThat(run("run", repo.toString(), "--no-promote")).as(out + "" + err).isZero();
        Path validate = results.resolve("validate.json");
        Files.writeString(validate, Files.readString(validate).replaceFirst("\"gate\"\\s*:\\s*\"validate\"",
                "\"gate\": \"../../escaped\""));
        assertThat(Files.readString(validate)).contains("../../escaped");

        assertThat(run("attest", repo.toString(), "--key", key("signer.openssh"))).isEqualTo(2);
        assertThat(err.toString()).contains("validate.json").contains("is not a file name");
        assertThat(repo.resolve("escaped.intoto.jsonl")).doesNotExist();
        try (var files = Files.list(results)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".intoto.jsonl"));
        }
    }

    @Test
    void aPromotionWithASigningKeyWritesItsSignedVerificationSummary() throws Exception {
        assertThat(run("run", repo.toString(), "--signing-key", key("signer.openssh"))).as(out + "" + err).isZero();
        Path file = results.resolve("promotion-staging.intoto.jsonl");
        assertThat(out.toString()).contains("attestation: " + file + " (SLSA verification summary, PASSED), signed by"
                + " key " + SIGNER);
        assertThat(run("attest", "verify", file.toString(), "--key", key("signer.pub"))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("https://slsa.dev/verification_summary/v1");

        variables.put(Promotions.SIGNING_KEY_VARIABLE, key("signer.pkcs8.pem"));
        assertThat(run("promote", repo.toString(), "--to", "production")).isEqualTo(1);
        Path refused = results.resolve("promotion-production.intoto.jsonl");
        assertThat(out.toString()).contains("attestation: " + refused + " (SLSA verification summary, FAILED)");
        assertThat(run("attest", "verify", refused.toString(), "--key", key("signer.pub"))).isZero();
    }

    @Test
    void aBadSigningKeyStopsThePromotionBeforeAnythingIsRecorded() throws Exception {
        assertThat(run("run", repo.toString(), "--no-promote")).isZero();
        assertThat(run("promote", repo.toString(), "--to", "staging", "--signing-key",
                key("signer-encrypted.openssh"))).isEqualTo(2);
        assertThat(run("registry", "list", repo.toString())).as(out + "" + err).isZero();
        assertThat(out.toString()).doesNotContain("staging");
    }
}
