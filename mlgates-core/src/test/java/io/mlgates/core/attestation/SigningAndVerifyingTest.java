package io.mlgates.core.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgates.core.BadInputException;
import io.mlgates.core.identity.AllowedSigners;
import io.mlgates.core.identity.SignatureException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Signing with the keys tools/attestation_keys.py wrote with Python's cryptography (and OpenSSH for the encrypted
 * one), and verifying against their public forms. Ed25519 is deterministic (RFC 8032), so our signature over the
 * same PAE must be the bytes cryptography made: expected-envelope.json.
 */
class SigningAndVerifyingTest {
    private static final JsonNode EXPECTED = Fixtures.json("keys/expected-envelope.json");
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private static byte[] payload() {
        return Base64.getDecoder().decode(EXPECTED.get("payloadBase64").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"keys/signer.openssh", "keys/signer.pkcs8.pem"})
    void bothKeyFormatsSignTheBytesCryptographySigned(String file) throws Exception {
        SigningKey key = SigningKey.parse(Fixtures.bytes(file), file);
        Envelope envelope = key.sign(Dsse.IN_TOTO_PAYLOAD_TYPE, payload());
        assertThat(envelope.pae()).isEqualTo(Base64.getDecoder().decode(EXPECTED.get("paeBase64").asText()));
        assertThat(key.keyId()).isEqualTo(EXPECTED.get("keyid").asText());
        assertThat(envelope.signatures()).singleElement().satisfies(s -> {
            assertThat(s.keyId()).contains(EXPECTED.get("keyid").asText());
            assertThat(Base64.getEncoder().encodeToString(s.sig())).isEqualTo(EXPECTED.get("sigBase64").asText());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"keys/signer.pub", "keys/signer.spki.pem"})
    void bothPublicKeyFormatsVerify(String file) throws Exception {
        TrustedKeys trusted = TrustedKeys.parsePublicKey(Fixtures.bytes(file), file);
        VerifiedEnvelope verified = trusted.verify(Fixtures.signer().sign(Dsse.IN_TOTO_PAYLOAD_TYPE, payload()), NOW);
        assertThat(verified.payload()).isEqualTo(payload());
        assertThat(verified.signers()).singleElement().satisfies(s -> {
            assertThat(s.keyFingerprint()).isEqualTo(EXPECTED.get("keyid").asText());
            assertThat(s.principals()).isEmpty();
        });
    }

    @Test
    void aWrongKeyATamperedPayloadAndATamperedSignatureAreRefused() throws Exception {
        Envelope good = Fixtures.signer().sign(Dsse.IN_TOTO_PAYLOAD_TYPE, payload());
        TrustedKeys signer = TrustedKeys.parsePublicKey(Fixtures.bytes("keys/signer.pub"), "signer.pub");
        TrustedKeys other = TrustedKeys.parsePublicKey(Fixtures.bytes("keys/other.pub"), "other.pub");
        assertThatThrownBy(() -> other.verify(good, NOW)).isInstanceOf(SignatureException.class)
                .hasMessageContaining("no signature of the envelope verifies with a trusted key of other.pub")
                .hasMessageContaining(EXPECTED.get("keyid").asText());
        byte[] altered = payload();
        altered[altered.length - 3] ^= 1;
        Envelope payloadTampered = new Envelope(good.payloadType(), altered, good.signatures());
        assertThatThrownBy(() -> signer.verify(payloadTampered, NOW)).isInstanceOf(SignatureException.class);
        byte[] sig = good.signatures().get(0).sig();
        sig[10] ^= 0x20;
        Envelope signatureTampered = new Envelope(good.payloadType(), good.payload(),
                List.of(new Envelope.Signature(good.signatures().get(0).keyId(), sig)));
        assertThatThrownBy(() -> signer.verify(signatureTampered, NOW)).isInstanceOf(SignatureException.class);
        Envelope typeChanged = new Envelope("application/json", good.payload(), good.signatures());
        assertThatThrownBy(() -> signer.verify(typeChanged, NOW)).isInstanceOf(SignatureException.class);
        assertThat(signer.verify(Envelope.parse(good.toJson(), "line 1"), NOW).payload()).isEqualTo(payload());
    }

    @Test
    void aKeyidNamingTheTrustedKeyDoesNotMakeAnotherKeysSignatureCount() throws Exception {
        SigningKey other = SigningKey.parse(Fixtures.bytes("keys/other.openssh"), "other");
        Envelope forged = other.sign(Dsse.IN_TOTO_PAYLOAD_TYPE, payload());
        Envelope claimed = new Envelope(forged.payloadType(), forged.payload(), List.of(new Envelope.Signature(
                Optional.of(EXPECTED.get("keyid").asText()), forged.signatures().get(0).sig())));
        assertThatThrownBy(() -> TrustedKeys.parsePublicKey(Fixtures.bytes("keys/signer.pub"), "signer.pub")
                .verify(claimed, NOW)).isInstanceOf(SignatureException.class);
    }

    @Test
    void anAllowedSignersFileNamesWhoSigned(@TempDir Path dir) throws Exception {
        String signerKey = new String(Fixtures.bytes("keys/signer.pub"), StandardCharsets.US_ASCII).strip();
        String otherKey = new String(Fixtures.bytes("keys/other.pub"), StandardCharsets.US_ASCII).strip();
        Path file = Files.writeString(dir.resolve("allowed_signers"), "# release engineering\n"
                + "ci@example.com namespaces=\"mlgates-attestation\" " + signerKey + "\n"
                + "bob@example.com " + otherKey + "\n");
        TrustedKeys trusted = TrustedKeys.of(AllowedSigners.parse(file, ZoneOffset.UTC));
        VerifiedEnvelope verified = trusted.verify(Fixtures.signer().sign(Dsse.IN_TOTO_PAYLOAD_TYPE, payload()),
                NOW);
        assertThat(verified.signers()).singleElement().satisfies(s -> {
            assertThat(s.principals()).containsExactly("ci@example.com");
            assertThat(s.describe()).isEqualTo("ci@example.com (key " + EXPECTED.get("keyid").asText() + ")");
        });
    }

    @Test
    void anAllowedSignerOutsideItsNamespaceOrTimeIsRefusedWithItsLine(@TempDir Path dir) throws Exception {
        String signerKey = new String(Fixtures.bytes("keys/signer.pub"), StandardCharsets.US_ASCII).strip();
        Path approvalsOnly = Files.writeString(dir.resolve("a"), "ci@example.com namespaces=\"mlgates\" "
                + signerKey + "\n");
        Envelope envelope = Fixtures.signer().sign(Dsse.IN_TOTO_PAYLOAD_TYPE, payload());
        assertThatThrownBy(() -> TrustedKeys.of(AllowedSigners.parse(approvalsOnly, ZoneOffset.UTC))
                .verify(envelope, NOW)).isInstanceOf(SignatureException.class)
                .hasMessageContaining(approvalsOnly + ":1: ")
                .hasMessageContaining("not permitted for namespace \"mlgates-attestation\"");
        Path expired = Files.writeString(dir.resolve("b"), "ci@example.com valid-before=\"20261101Z\" "
                + signerKey + "\n");
        assertThatThrownBy(() -> TrustedKeys.of(AllowedSigners.parse(expired, ZoneOffset.UTC))
                .verify(envelope, NOW)).isInstanceOf(SignatureException.class).hasMessageContaining("has expired");
    }

    @Test
    void anEncryptedKeyIsRefusedNamingItsFile() {
        assertThatThrownBy(() -> SigningKey.read(Fixtures.path("keys/signer-encrypted.openssh")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("signer-encrypted.openssh: is encrypted with a passphrase (cipher aes256-ctr, "
                        + "KDF bcrypt); expected an unencrypted key");
    }

    @Test
    void aPublicKeyOrSomethingElseIsNotASigningKey() {
        assertThatThrownBy(() -> SigningKey.parse(Fixtures.bytes("keys/signer.pub"), "cred-7"))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("cred-7:1:1: is a public key");
        assertThatThrownBy(() -> SigningKey.parse("hello".getBytes(StandardCharsets.UTF_8), "k"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("expected an Ed25519 private key");
        String broken = new String(Fixtures.bytes("keys/signer.openssh"), StandardCharsets.US_ASCII)
                .replaceFirst("\n.", "\n@");
        assertThatThrownBy(() -> SigningKey.parse(broken.getBytes(StandardCharsets.US_ASCII), "k"))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("k: ");
    }

    @Test
    void aKeyNeverShowsItsSecretInText() throws Exception {
        assertThat(Fixtures.signer().toString()).isEqualTo("Ed25519 signing key " + EXPECTED.get("keyid").asText());
    }
}
