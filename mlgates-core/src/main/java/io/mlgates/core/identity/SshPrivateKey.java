package io.mlgates.core.identity;

import io.mlgates.core.BadInputException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * An Ed25519 private key in OpenSSH's own format ({@code -----BEGIN OPENSSH PRIVATE KEY-----}, PROTOCOL.key,
 * {@code openssh-key-v1}), as {@code ssh-keygen -t ed25519} writes it. Only unencrypted keys are read: an encrypted
 * one (bcrypt KDF) is refused by name, since its passphrase has no place in a batch job; give the job a key of its
 * own without one, kept in the CI's secret store.
 *
 * <p>The key is checked whole: the public key in the header, the one beside the private key and the one the private
 * key derives must agree (a test signature is verified), and the padding is OpenSSH's.
 */
public final class SshPrivateKey {
    public static final String BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";
    private static final String END = "-----END OPENSSH PRIVATE KEY-----";
    private static final String MAGIC = "openssh-key-v1\0";
    /** An Ed25519 key file is about 400 bytes; a bound keeps a wrong file from being read whole. */
    private static final int MAX_CHARS = 16 * 1024;

    private final SshPublicKey publicKey;
    private final PrivateKey privateKey;

    private SshPrivateKey(SshPublicKey publicKey, PrivateKey privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    /**
     * Reads an OpenSSH private key file's text.
     *
     * @param text the file's text, armored
     * @param source the file or credential it came from, for messages
     */
    public static SshPrivateKey parse(String text, String source) throws BadInputException {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        if (text.length() > MAX_CHARS) {
            throw bad(source, "has " + text.length() + " characters, far more than an OpenSSH private key");
        }
        String stripped = text.strip();
        if (!stripped.startsWith(BEGIN) || !stripped.endsWith(END)) {
            throw bad(source, "expected an OpenSSH private key between " + BEGIN + " and " + END);
        }
        byte[] blob;
        try {
            blob = Base64.getMimeDecoder().decode(stripped.substring(BEGIN.length(), stripped.length()
                    - END.length()).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw bad(source, "the text between its header and footer is not base64 (" + e.getMessage() + ")");
        }
        try {
            return decode(blob, source);
        } catch (SshWire.MalformedException e) {
            throw bad(source, "malformed OpenSSH private key: " + e.getMessage());
        }
    }

    private static SshPrivateKey decode(byte[] blob, String source) throws SshWire.MalformedException,
            BadInputException {
        SshWire wire = new SshWire(blob);
        wire.magic(MAGIC, "the key");
        String cipher = wire.text("cipher name");
        String kdf = wire.text("KDF name");
        wire.bytes("KDF options");
        if (!cipher.equals("none") || !kdf.equals("none")) {
            throw bad(source, "is encrypted with a passphrase (cipher " + Shown.clip(cipher) + ", KDF "
                    + Shown.clip(kdf) + "); expected an unencrypted key: give ML Gates a signing key of its own "
                    + "without a passphrase, kept in the CI's secret store");
        }
        long count = wire.uint32("number of keys");
        if (count != 1) {
            throw new SshWire.MalformedException("it holds " + count + " keys, expected 1");
        }
        SshPublicKey header = SshPublicKey.decode(wire.bytes("public key"));
        byte[] section = wire.bytes("private key section");
        wire.end("the key");
        if (!header.type().equals(SshPublicKey.ED25519)) {
            throw bad(source, "is a " + header.type() + " key; expected an " + SshPublicKey.ED25519
                    + " key (ssh-keygen -t ed25519)");
        }
        SshWire inner = new SshWire(section);
        if (inner.uint32("first check number") != inner.uint32("second check number")) {
            throw new SshWire.MalformedException("its two check numbers differ (a wrong passphrase or a damaged key)");
        }
        String type = inner.text("private key type");
        if (!type.equals(SshPublicKey.ED25519)) {
            throw new SshWire.MalformedException("the private key is of type " + Shown.clip(type)
                    + " but the header says " + header.type());
        }
        byte[] point = inner.bytes("Ed25519 public key");
        byte[] secret = inner.bytes("Ed25519 private key");
        inner.text("comment");
        int padding = 1;
        for (byte b : inner.remaining()) {
            if ((b & 0xFF) != padding++) {
                throw new SshWire.MalformedException("the padding after the private key is not 1, 2, 3, ...");
            }
        }
        if (secret.length != 64 || point.length != 32) {
            throw new SshWire.MalformedException("the Ed25519 key parts have " + secret.length + " and "
                    + point.length + " bytes, expected 64 and 32");
        }
        // OpenSSH stores the 32-byte seed followed by the public key.
        if (!Arrays.equals(secret, 32, 64, point, 0, 32)) {
            throw new SshWire.MalformedException("the private key's public half differs from its public key");
        }
        SshPublicKey publicKey;
        try {
            publicKey = SshPublicKey.ofEd25519(point);
        } catch (SignatureException e) {
            throw new SshWire.MalformedException(e.getMessage());
        }
        if (!publicKey.equals(header)) {
            throw new SshWire.MalformedException("the header's public key differs from the private key's");
        }
        PrivateKey privateKey = ed25519(Arrays.copyOfRange(secret, 0, 32));
        if (!signsFor(privateKey, publicKey)) {
            throw new SshWire.MalformedException("the private key does not belong to its public key "
                    + publicKey.fingerprint());
        }
        return new SshPrivateKey(publicKey, privateKey);
    }

    /** The JDK's Ed25519 private key of a 32-byte seed (RFC 8032 section 5.1.5). */
    public static PrivateKey ed25519(byte[] seed) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519,
                    seed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Java 17 has Ed25519", e);
        }
    }

    /** Whether {@code privateKey} signs what {@code publicKey} verifies: the two halves of one key. */
    public static boolean signsFor(PrivateKey privateKey, SshPublicKey publicKey) {
        byte[] probe = "ML Gates key check".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(probe);
            return publicKey.verifiesEd25519(probe, signer.sign());
        } catch (java.security.SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Java 17 has Ed25519", e);
        }
    }

    private static BadInputException bad(String source, String problem) {
        return new BadInputException(source, 0, 0, problem);
    }

    public SshPublicKey publicKey() {
        return publicKey;
    }

    /** The JDK's private key, to sign with. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** Never the key itself. */
    @Override
    public String toString() {
        return "OpenSSH private key of " + publicKey;
    }
}
