package io.mlgates.core.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.mlgates.core.report.GateResultFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our envelopes checked by an implementation other than ours: tools/dsse_verify.py, on Python's cryptography
 * (Debian's python3-cryptography, under /usr/bin/python3). Where it is missing the tests are skipped with a message,
 * except on CI ({@code CI=true}), where {@code .ci/run} installs it through {@code .ci/install-python-cryptography}
 * and its absence fails them.
 */
class PythonVerifierTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path TOOL = Path.of("../tools/dsse_verify.py");
    private static boolean present;

    @BeforeAll
    static void findPython() throws Exception {
        present = Files.isExecutable(PYTHON) && run(List.of(PYTHON.toString(), "-c",
                "import cryptography.hazmat.primitives.asymmetric.ed25519")).exit() == 0;
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("/usr/bin/python3 with the cryptography package is missing on CI: .ci/run installs it through "
                    + ".ci/install-python-cryptography");
        }
    }

    @BeforeEach
    void assumePresent() {
        Assumptions.assumeTrue(present, "/usr/bin/python3 with cryptography is not installed (bash "
                + ".ci/install-python-cryptography): the outside verification of our envelopes is skipped");
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    private static Result verify(Path envelopes, String publicKey) throws Exception {
        return run(List.of(PYTHON.toString(), TOOL.toString(), envelopes.toString(),
                Fixtures.path(publicKey).toString()));
    }

    private static Path envelopes(Path dir) throws Exception {
        SigningKey key = Fixtures.signer();
        List<ResourceDescriptor> subjects = List.of(ResourceDescriptor.of("model/weights.bin", "sha256",
                "11".repeat(32)));
        String lines = key.sign(TestResultStatement.of(GateResultFixtures.ethics(GateResultFixtures.HOSTILE),
                subjects, Optional.empty())).toJson() + "\n" + SigningKey.parse(
                        Fixtures.bytes("keys/signer.pkcs8.pem"), "pem").sign(TestResultStatement.of(
                                GateResultFixtures.full("m\u00e9"), subjects, Optional.empty())).toJson() + "\n";
        return Files.writeString(dir.resolve("ethics.intoto.jsonl"), lines);
    }

    @Test
    void pythonsCryptographyVerifiesOurEnvelopesWithEitherPublicKeyForm(@TempDir Path dir) throws Exception {
        Path file = envelopes(dir);
        for (String key : List.of("keys/signer.pub", "keys/signer.spki.pem")) {
            Result result = verify(file, key);
            assertThat(result.output()).isEqualTo("OK 1 " + TestResultStatement.PREDICATE_TYPE + " 1\n"
                    + "OK 2 " + TestResultStatement.PREDICATE_TYPE + " 1\n");
            assertThat(result.exit()).isZero();
        }
    }

    @Test
    void pythonsCryptographyRefusesThemWithAnotherKeyOrTampered(@TempDir Path dir) throws Exception {
        Path file = envelopes(dir);
        Result other = verify(file, "keys/other.pub");
        assertThat(other.exit()).as(other.output()).isEqualTo(1);
        assertThat(other.output()).startsWith("BAD 1 ");
        Envelope envelope = Envelope.parse(Files.readAllLines(file).get(0), "line 1");
        byte[] payload = envelope.payload();
        payload[payload.length / 2] ^= 1;
        Path tampered = Files.writeString(dir.resolve("tampered.jsonl"), new Envelope(envelope.payloadType(),
                payload, envelope.signatures()).toJson() + "\n");
        Result refused = verify(tampered, "keys/signer.pub");
        assertThat(refused.exit()).as(refused.output()).isEqualTo(1);
    }
}
