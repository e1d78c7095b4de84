package io.mlgates.core.identity;

import static io.mlgates.core.identity.SshSigBlobs.armor;
import static io.mlgates.core.identity.SshSigBlobs.concat;
import static io.mlgates.core.identity.SshSigBlobs.string;
import static io.mlgates.core.identity.SshSigBlobs.uint32;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed signatures, field by field of PROTOCOL.sshsig, each refused with what is wrong before any key is
 * trusted. Signatures are written here with a Java Ed25519 key, so no ssh-keygen is needed; that such a signature is
 * well formed when unaltered is the first test.
 */
class SignatureFormatTest {
    private static final String NS = "mlgates";
    private static final Instant AT = Instant.parse("2026-06-01T12:00:00Z");
    private static final byte[] MESSAGE = "approve".getBytes(StandardCharsets.UTF_8);
    private static final byte[] MAGIC = "SSHSIG".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path tmp;
    private KeyPair pair;
    private byte[] publicBlob;
    private AllowedSigners signers;

    @BeforeEach
    void key() throws Exception {
        pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] x509 = pair.getPublic().getEncoded();
        publicBlob = concat(string("ssh-ed25519"), string(Arrays.copyOfRange(x509, x509.length - 32, x509.length)));
        signers = AllowedSigners.parse(Files.writeString(tmp.resolve("allowed_signers"),
                "alice@example.com ssh-ed25519 " + Base64.getEncoder().encodeToString(publicBlob) + "\n"));
    }

    /** The fields of a signature blob, to alter one at a time. */
    private record Fields(byte[] magic, long version, byte[] publicKey, String namespace, String hash, byte[] sigAlg,
            byte[] signature, byte[] trailing) {
        byte[] blob() {
            return concat(magic, uint32(version), string(publicKey), string(namespace), string(new byte[0]),
                    string(hash), string(concat(sigAlg, string(signature))), trailing);
        }
    }

    private Fields valid() throws Exception {
        byte[] signed = concat(MAGIC, string(NS), string(new byte[0]), string("sha512"),
                string(MessageDigest.getInstance("SHA-512").digest(MESSAGE)));
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(signed);
        return new Fields(MAGIC, 1, publicBlob, NS, "sha512", string("ssh-ed25519"), signer.sign(), new byte[0]);
    }

    private void refuses(String armored, String expected) {
        assertThatThrownBy(() -> SshSignatures.verify(signers, "alice@example.com", NS, MESSAGE, armored, AT))
                .isInstanceOf(SignatureException.class).hasMessage(expected);
    }

    @Test
    @DisplayName("the unaltered signature written here verifies, so each refusal below is the alteration's")
    void unaltered() throws Exception {
        assertThat(SshSignatures.verify(signers, "alice@example.com", NS, MESSAGE, armor(valid().blob()), AT)
                .principal()).isEqualTo("alice@example.com");
    }

    static Stream<Arguments> alterations() {
        return Stream.of(
                Arguments.of("bad magic", (UnaryOperator<Fields>) f -> new Fields("SSHSIH".getBytes(
                        StandardCharsets.US_ASCII), f.version(), f.publicKey(), f.namespace(), f.hash(), f.sigAlg(),
                        f.signature(), f.trailing()), "malformed SSH signature: the blob does not start with \"SSHSIG\""),
                Arguments.of("version 2", (UnaryOperator<Fields>) f -> new Fields(f.magic(), 2, f.publicKey(),
                        f.namespace(), f.hash(), f.sigAlg(), f.signature(), f.trailing()),
                        "malformed SSH signature: version 2, expected 1"),
                Arguments.of("version 0", (UnaryOperator<Fields>) f -> new Fields(f.magic(), 0, f.publicKey(),
                        f.namespace(), f.hash(), f.sigAlg(), f.signature(), f.trailing()),
                        "malformed SSH signature: version 0, expected 1"),
                Arguments.of("hash md5", (UnaryOperator<Fields>) f -> new Fields(f.magic(), f.version(),
                        f.publicKey(), f.namespace(), "md5", f.sigAlg(), f.signature(), f.trailing()),
                        "malformed SSH signature: hash algorithm \"md5\", expected sha256 or sha512"),
                Arguments.of("empty namespace", (UnaryOperator<Fields>) f -> new Fields(f.magic(), f.version(),
                        f.publicKey(), "", f.hash(), f.sigAlg(), f.signature(), f.trailing()),
                        "malformed SSH signature: its namespace is empty"),
                Arguments.of("trailing byte", (UnaryOperator<Fields>) f -> new Fields(f.magic(), f.version(),
                        f.publicKey(), f.namespace(), f.hash(), f.sigAlg(), f.signature(), new byte[] {0}),
                        "malformed SSH signature: the blob has 1 bytes of trailing data"),
                Arguments.of("unknown key type", (UnaryOperator<Fields>) f -> new Fields(f.magic(), f.version(),
                        concat(string("ssh-foo"), string(new byte[32])), f.namespace(), f.hash(), f.sigAlg(),
                        f.signature(), f.trailing()), "malformed SSH signature: unknown key type \"ssh-foo\""),
                Arguments.of("short Ed25519 key", (UnaryOperator<Fields>) f -> new Fields(f.magic(), f.version(),
                        concat(string("ssh-ed25519"), string(new byte[31])), f.namespace(), f.hash(), f.sigAlg(),
                        f.signature(), f.trailing()),
                        "malformed SSH signature: the Ed25519 public key has 31 bytes, expected 32"),
                Arguments.of("63-byte signature", (UnaryOperator<Fields>) f -> new Fields(f.magic(), f.version(),
                        f.publicKey(), f.namespace(), f.hash(), f.sigAlg(), Arrays.copyOf(f.signature(), 63),
                        f.trailing()), "malformed SSH signature: the Ed25519 signature has 63 bytes, expected 64"),
                Arguments.of("RSA algorithm on an Ed25519 key", (UnaryOperator<Fields>) f -> new Fields(f.magic(),
                        f.version(), f.publicKey(), f.namespace(), f.hash(), string("rsa-sha2-256"), f.signature(),
                        f.trailing()), "malformed SSH signature: signature algorithm \"rsa-sha2-256\" does not fit "
                        + "the ssh-ed25519 key; expected ssh-ed25519"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("alterations")
    @DisplayName("an altered field of the blob is refused, naming the field and what was expected")
    void alteredField(String name, UnaryOperator<Fields> alteration, String expected) throws Exception {
        refuses(armor(alteration.apply(valid()).blob()), expected);
    }

    @Test
    @DisplayName("a blob cut short is refused, saying which field ran out")
    void truncated() throws Exception {
        byte[] blob = valid().blob();
        refuses(armor(Arrays.copyOf(blob, blob.length - 10)),
                "malformed SSH signature: the signature claims 83 bytes but only 73 remain");
        refuses(armor(Arrays.copyOf(blob, 8)), "malformed SSH signature: truncated before the version");
    }

    @Test
    @DisplayName("broken armor is refused: no header, no line break, no footer, not base64, far too long")
    void brokenArmor() throws Exception {
        String good = armor(valid().blob());
        refuses("", "malformed SSH signature: it does not start with -----BEGIN SSH SIGNATURE-----");
        refuses(good.replace("BEGIN SSH SIGNATURE", "BEGIN PGP SIGNATURE"),
                "malformed SSH signature: it does not start with -----BEGIN SSH SIGNATURE-----");
        refuses(good.replace("-----\n", "----- "), "malformed SSH signature: expected a line break after "
                + "-----BEGIN SSH SIGNATURE-----");
        refuses(good.replace("-----END SSH SIGNATURE-----", ""), "malformed SSH signature: it does not end with "
                + "-----END SSH SIGNATURE----- on a line of its own");
        refuses(good + "trailer", "malformed SSH signature: it does not end with -----END SSH SIGNATURE----- on a "
                + "line of its own");
        refuses("-----BEGIN SSH SIGNATURE-----\n@@@@\n-----END SSH SIGNATURE-----\n", "malformed SSH signature: "
                + "the text between its header and footer is not base64 (Illegal base64 character 40)");
        refuses("x".repeat(70_000), "malformed SSH signature: 70000 characters, far more than any SSH signature");
    }

    @Test
    @DisplayName("Windows line ends in the armor are accepted, as OpenSSH accepts them")
    void crlfArmor() throws Exception {
        String crlf = armor(valid().blob()).replace("\n", "\r\n");
        assertThat(SshSignatures.verify(signers, "alice@example.com", NS, MESSAGE, crlf, AT).principal())
                .isEqualTo("alice@example.com");
    }
}
