package io.mlgates.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Signatures made by OpenSSH's ssh-keygen, verified in Java; every verdict is checked against
 * {@code ssh-keygen -Y verify} on the same allowed signers, principal, namespace, message and time, except where we
 * refuse by design what OpenSSH accepts (key types other than Ed25519 and RSA).
 */
class SshSignaturesTest {
    private static final String NS = "mlgates";
    /** The verification time of every test, and its spelling for ssh-keygen's verify-time option. */
    private static final Instant AT = Instant.parse("2026-06-01T12:00:00Z");
    private static final String AT_OPENSSH = "20260601120000Z";
    private static final byte[] MESSAGE = "approve credit-risk sha256:0123abcd for production\n"
            .getBytes(StandardCharsets.UTF_8);

    private static OpenSsh openSsh;
    @TempDir
    static Path keys;
    private static Path alice;
    private static Path bob;
    private static Path mallory;

    @TempDir
    Path tmp;
    private Path message;

    @BeforeAll
    static void makeKeys() throws Exception {
        openSsh = OpenSsh.findOrFailOnCi();
        if (openSsh != null) {
            alice = openSsh.newKey(keys, "alice", "-t", "ed25519");
            bob = openSsh.newKey(keys, "bob", "-t", "rsa", "-b", "3072");
            mallory = openSsh.newKey(keys, "mallory", "-t", "ed25519");
        }
    }

    @BeforeEach
    void needsSshKeygen() throws Exception {
        OpenSsh.assumePresent(openSsh);
        message = Files.write(tmp.resolve("message"), MESSAGE);
    }

    private Path allowedSigners(String text) throws Exception {
        return Files.writeString(tmp.resolve("allowed_signers"), text);
    }

    private static String key(Path privateKey) throws Exception {
        return OpenSsh.publicKey(privateKey);
    }

    /** Java and ssh-keygen both accept; returns what Java verified. */
    private VerifiedSigner accepted(Path allowed, String principal, String signature, Instant at, String atOpenSsh)
            throws Exception {
        VerifiedSigner signer = SshSignatures.verify(AllowedSigners.parse(allowed), principal, NS, MESSAGE,
                signature, at);
        assertThat(openSsh.verifies(allowed, principal, NS, message, signature, Optional.of(atOpenSsh)))
                .as("ssh-keygen -Y verify accepts it too").isTrue();
        return signer;
    }

    /** Java and ssh-keygen both refuse; Java's message is asserted by the caller. */
    private org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> refused(Path allowed,
            String principal, byte[] verifiedMessage, String signature, Instant at, String atOpenSsh)
            throws Exception {
        Path messageFile = Files.write(tmp.resolve("verified-message"), verifiedMessage);
        assertThat(openSsh.verifies(allowed, principal, NS, messageFile, signature, Optional.of(atOpenSsh)))
                .as("ssh-keygen -Y verify refuses it too").isFalse();
        AllowedSigners signers = AllowedSigners.parse(allowed);
        return assertThatThrownBy(() -> SshSignatures.verify(signers, principal, NS, verifiedMessage, signature, at))
                .isInstanceOf(SignatureException.class);
    }

    @ParameterizedTest(name = "{0} key, {1}: verified, with the fingerprint ssh-keygen -l prints")
    @CsvSource({"alice, ''", "alice, hashalg=sha256", "bob, ''", "bob, hashalg=sha256"})
    @DisplayName("a signature by ssh-keygen -Y sign is verified in Java, as ssh-keygen -Y verify verifies it")
    void signedByOpenSshVerifiedInJava(String who, String option) throws Exception {
        Path privateKey = who.equals("alice") ? alice : bob;
        String signature = option.isEmpty() ? openSsh.sign(privateKey, NS, message)
                : openSsh.sign(privateKey, NS, message, option);
        Path allowed = allowedSigners("# the team\n\n" + who + "@example.com " + key(privateKey) + "\n");

        VerifiedSigner signer = accepted(allowed, who + "@example.com", signature, AT, AT_OPENSSH);

        assertThat(signer).isEqualTo(new VerifiedSigner(who + "@example.com", openSsh.fingerprint(privateKey)));
    }

    @Test
    @DisplayName("SshKeygen.sign makes a signature that Java and ssh-keygen -Y verify accept")
    void signThroughSshKeygen() throws Exception {
        String signature = SshKeygen.sign(alice, NS, MESSAGE);
        Path allowed = allowedSigners("alice@example.com " + key(alice) + "\n");

        assertThat(signature).startsWith("-----BEGIN SSH SIGNATURE-----\n").endsWith("-----END SSH SIGNATURE-----\n");
        assertThat(accepted(allowed, "alice@example.com", signature, AT, AT_OPENSSH).keyFingerprint())
                .isEqualTo(openSsh.fingerprint(alice));
    }

    @Test
    @DisplayName("a key that no line lists is refused, naming the lines that list the principal's keys")
    void wrongKey() throws Exception {
        String signature = openSsh.sign(mallory, NS, message);
        Path allowed = allowedSigners("alice@example.com " + key(alice) + "\n");

        refused(allowed, "alice@example.com", MESSAGE, signature, AT, AT_OPENSSH).hasMessage("key "
                + openSsh.fingerprint(mallory) + " is not an allowed signer: " + allowed
                + " lists other keys for principal \"alice@example.com\" (line 1)");
    }

    @Test
    @DisplayName("a principal that no line lists is refused by name")
    void unknownPrincipal() throws Exception {
        String signature = openSsh.sign(mallory, NS, message);
        Path allowed = allowedSigners("alice@example.com " + key(alice) + "\n");

        refused(allowed, "mallory@example.com", MESSAGE, signature, AT, AT_OPENSSH).hasMessage("principal "
                + "\"mallory@example.com\" is not in the allowed signers " + allowed + " (the signature's key is "
                + openSsh.fingerprint(mallory) + ")");
    }

    @Test
    @DisplayName("a listed key signing for another principal is refused, naming the line and whom it allows")
    void wrongPrincipal() throws Exception {
        String signature = openSsh.sign(alice, NS, message);
        Path allowed = allowedSigners("alice@example.com " + key(alice) + "\nbob@example.com " + key(bob) + "\n");

        refused(allowed, "bob@example.com", MESSAGE, signature, AT, AT_OPENSSH).hasMessage("key "
                + openSsh.fingerprint(alice) + " is not allowed for principal \"bob@example.com\": " + allowed
                + ":1 allows it for \"alice@example.com\"");
    }

    @ParameterizedTest(name = "principals {0}, signing as {1}: accepted {2}")
    @CsvSource(delimiter = '|', value = {
            "*@example.com                     | carol@example.com  | true",
            "*@example.com,!eve@example.com    | eve@example.com    | false",
            "!eve@example.com,*@example.com    | eve@example.com    | false",
            "*@example.com,!eve@example.com    | carol@example.com  | true",
            "a?ice@example.com                 | alice@example.com  | true",
            "a?ice@example.com                 | aliice@example.com | false",
            "ALICE@example.com                 | alice@example.com  | false",
            "!eve@example.com                  | alice@example.com  | false",
            "\"alice@example.com,bob@example.com\" | bob@example.com | true",
            "*                                 | anyone             | true"})
    @DisplayName("principal patterns match as OpenSSH matches them")
    void principalPatterns(String principals, String principal, boolean accepted) throws Exception {
        String signature = openSsh.sign(alice, NS, message);
        Path allowed = allowedSigners(principals + " " + key(alice) + "\n");

        if (accepted) {
            assertThat(accepted(allowed, principal, signature, AT, AT_OPENSSH).principal()).isEqualTo(principal);
        } else {
            refused(allowed, principal, MESSAGE, signature, AT, AT_OPENSSH)
                    .hasMessageContaining("is not allowed for principal \"" + principal + "\"");
        }
    }

    @Test
    @DisplayName("a signature for another namespace is refused, naming both")
    void wrongNamespace() throws Exception {
        String signature = openSsh.sign(alice, "git", message);
        Path allowed = allowedSigners("alice@example.com " + key(alice) + "\n");

        refused(allowed, "alice@example.com", MESSAGE, signature, AT, AT_OPENSSH)
                .hasMessage("the signature is for namespace \"git\", expected \"mlgates\"");
    }

    @Test
    @DisplayName("a namespaces option that excludes the namespace refuses the key, naming the line")
    void namespacesOption() throws Exception {
        String signature = openSsh.sign(alice, NS, message);
        Path allowed = allowedSigners("alice@example.com namespaces=\"git,file\" " + key(alice) + "\n");

        refused(allowed, "alice@example.com", MESSAGE, signature, AT, AT_OPENSSH).hasMessage("key "
                + openSsh.fingerprint(alice) + " may not sign for principal \"alice@example.com\": " + allowed
                + ":1: the key is not permitted for namespace \"mlgates\" (namespaces=\"git,file\")");
        Path patterns = allowedSigners("alice@example.com namespaces=\"git,ml*\" " + key(alice) + "\n");
        assertThat(accepted(patterns, "alice@example.com", signature, AT, AT_OPENSSH).principal())
                .isEqualTo("alice@example.com");
    }

    @Test
    @DisplayName("a tampered message is a bad signature")
    void tamperedMessage() throws Exception {
        String signature = openSsh.sign(alice, NS, message);
        Path allowed = allowedSigners("alice@example.com " + key(alice) + "\n");
        byte[] tampered = new String(MESSAGE, StandardCharsets.UTF_8).replace("production", "productiom")
                .getBytes(StandardCharsets.UTF_8);

        refused(allowed, "alice@example.com", tampered, signature, AT, AT_OPENSSH).hasMessage("bad signature: key "
                + openSsh.fingerprint(alice) + " did not sign this message in namespace \"mlgates\" (the message "
                + "or the signature was altered, or the signature belongs to another message)");
    }

    @Test
    @DisplayName("an altered signature byte is a bad signature, for RSA too")
    void tamperedSignature() throws Exception {
        String signature = openSsh.sign(bob, NS, message);
        byte[] blob = SshSigBlobs.dearmor(signature);
        blob[blob.length - 5] ^= 0x01;
        Path allowed = allowedSigners("bob@example.com " + key(bob) + "\n");

        refused(allowed, "bob@example.com", MESSAGE, SshSigBlobs.armor(blob), AT, AT_OPENSSH)
                .hasMessageStartingWith("bad signature: key " + openSsh.fingerprint(bob));
    }

    @Test
    @DisplayName("outside valid-after and valid-before the key is refused; on their boundaries it is valid")
    void validity() throws Exception {
        String signature = openSsh.sign(alice, NS, message);
        Path allowed = allowedSigners("alice@example.com valid-after=\"20260101Z\",valid-before=\"20260531Z\" "
                + key(alice) + "\n");

        refused(allowed, "alice@example.com", MESSAGE, signature, AT, AT_OPENSSH).hasMessage("key "
                + openSsh.fingerprint(alice) + " may not sign for principal \"alice@example.com\": " + allowed
                + ":1: the key has expired: verify time 2026-06-01T12:00:00Z is after valid-before "
                + "2026-05-31T00:00:00Z");
        Instant before = Instant.parse("2025-12-31T23:59:59Z");
        refused(allowed, "alice@example.com", MESSAGE, signature, before, "20251231235959Z")
                .hasMessageEndingWith(":1: the key is not yet valid: verify time 2025-12-31T23:59:59Z is before "
                        + "valid-after 2026-01-01T00:00:00Z");
        assertThat(accepted(allowed, "alice@example.com", signature, Instant.parse("2026-01-01T00:00:00Z"),
                "20260101000000Z")).isNotNull();
        assertThat(accepted(allowed, "alice@example.com", signature, Instant.parse("2026-05-31T00:00:00Z"),
                "20260531000000Z")).isNotNull();
    }

    @Test
    @DisplayName("of several lines for one key, one that allows it is enough; the others' refusals are not errors")
    void severalLines() throws Exception {
        String signature = openSsh.sign(alice, NS, message);
        Path allowed = allowedSigners("alice@example.com valid-before=\"20250101Z\" " + key(alice) + "\n"
                + "alice@example.com valid-after=\"20260101Z\" " + key(alice) + "\n");

        assertThat(accepted(allowed, "alice@example.com", signature, AT, AT_OPENSSH).principal())
                .isEqualTo("alice@example.com");
    }

    @Test
    @DisplayName("an RSA signature over SHA-1 (ssh-rsa) is refused as OpenSSH refuses it; rsa-sha2-256 is not")
    void rsaSha1Refused() throws Exception {
        Path rsa = openSsh.newKey(tmp, "pkcs8", "-t", "rsa", "-b", "2048", "-m", "PKCS8");
        var privateKey = SshSigBlobs.rsaPrivateKey(rsa);
        byte[] publicBlob = SshSigBlobs.publicKeyBlob(key(rsa));
        Path allowed = allowedSigners("dave@example.com " + key(rsa) + "\n");

        String sha256 = SshSigBlobs.rsaSignature(privateKey, publicBlob, NS, MESSAGE, "rsa-sha2-256",
                "SHA256withRSA");
        assertThat(accepted(allowed, "dave@example.com", sha256, AT, AT_OPENSSH).principal())
                .isEqualTo("dave@example.com");
        String sha1 = SshSigBlobs.rsaSignature(privateKey, publicBlob, NS, MESSAGE, "ssh-rsa", "SHA1withRSA");
        refused(allowed, "dave@example.com", MESSAGE, sha1, AT, AT_OPENSSH).hasMessage("the RSA signature uses "
                + "SHA-1 (ssh-rsa), which OpenSSH refuses for SSH signatures; expected rsa-sha2-256 or rsa-sha2-512");
    }

    @Test
    @DisplayName("an ECDSA key is refused by its type's name (OpenSSH would accept it; we verify Ed25519 and RSA)")
    void otherKeyTypeRefusedByName() throws Exception {
        Path ecdsa = openSsh.newKey(tmp, "ecdsa", "-t", "ecdsa");
        String signature = openSsh.sign(ecdsa, NS, message);
        AllowedSigners allowed = AllowedSigners.parse(allowedSigners("erin@example.com " + key(ecdsa) + "\n"));

        assertThatThrownBy(() -> SshSignatures.verify(allowed, "erin@example.com", NS, MESSAGE, signature, AT))
                .isInstanceOf(SignatureException.class).hasMessage("the signature was made with a key of type "
                        + "ecdsa-sha2-nistp256 (" + openSsh.fingerprint(ecdsa) + "), which is not supported: "
                        + "expected ssh-ed25519 or ssh-rsa");
    }

    @Test
    @DisplayName("the signature's reserved field is ignored, as PROTOCOL.sshsig says and OpenSSH does")
    void reservedFieldIgnored() throws Exception {
        String signature = openSsh.sign(alice, NS, message);
        byte[] blob = SshSigBlobs.dearmor(signature);
        // SSHSIG, version, public key (4 + 51 bytes), namespace (4 + 7): then the empty reserved field's length.
        int reserved = 6 + 4 + 4 + 51 + 4 + 7;
        assertThat(blob[reserved + 3]).isZero();
        byte[] withReserved = SshSigBlobs.concat(java.util.Arrays.copyOfRange(blob, 0, reserved),
                SshSigBlobs.string("tag"), java.util.Arrays.copyOfRange(blob, reserved + 4, blob.length));
        Path allowed = allowedSigners("alice@example.com " + key(alice) + "\n");

        assertThat(accepted(allowed, "alice@example.com", SshSigBlobs.armor(withReserved), AT, AT_OPENSSH))
                .isNotNull();
    }
}
