package io.mlgates.core.attestation;

import io.mlgates.core.BadInputException;
import io.mlgates.core.identity.SignatureException;
import io.mlgates.core.identity.SshPrivateKey;
import io.mlgates.core.identity.SshPublicKey;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An Ed25519 key that signs attestations: read from OpenSSH's private key format ({@code ssh-keygen -t ed25519},
 * unencrypted) or from a PKCS#8 PEM file ({@code -----BEGIN PRIVATE KEY-----}, {@code openssl genpkey -algorithm
 * ed25519}). The envelope's keyid is the public key's {@code SHA256:} fingerprint, as {@code ssh-keygen -l} prints
 * it, whichever format the key came in.
 */
public final class SigningKey {
    private static final String PKCS8_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PKCS8_END = "-----END PRIVATE KEY-----";
    private static final int MAX_BYTES = 16 * 1024;

    private final SshPublicKey publicKey;
    private final PrivateKey privateKey;

    private SigningKey(SshPublicKey publicKey, PrivateKey privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    /** Reads a key file (OpenSSH or PKCS#8 PEM, told apart by their first line). */
    public static SigningKey read(Path file) throws BadInputException {
        String name = file.toString();
        return parse(BoundedFiles.read(file, name, MAX_BYTES, "a private key", "no such signing key file",
                "is larger than " + MAX_BYTES + " bytes; expected an Ed25519 private key"), name);
    }

    /**
     * Reads a key from its bytes, as a secret store hands them over (a Jenkins credential's file or text).
     *
     * @param key the key file's bytes: OpenSSH {@code openssh-key-v1} or PKCS#8 PEM, UTF-8 or ASCII
     * @param source what to call it in messages (a file name, a credential id); never the key itself
     */
    public static SigningKey parse(byte[] key, String source) throws BadInputException {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(source, "source");
        if (key.length > MAX_BYTES) {
            throw new BadInputException(source, 0, 0, "has " + key.length + " bytes; expected an Ed25519 private "
                    + "key, far smaller");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(key)).toString().strip();
        } catch (CharacterCodingException e) {
            throw new BadInputException(source, 0, 0, "is not text; expected an Ed25519 private key in OpenSSH "
                    + "format or PKCS#8 PEM (a DER file converts with: openssl pkey -inform DER -in KEY)");
        }
        if (text.startsWith(SshPrivateKey.BEGIN)) {
            SshPrivateKey ssh = SshPrivateKey.parse(text, source);
            return new SigningKey(ssh.publicKey(), ssh.privateKey());
        }
        if (text.startsWith(PKCS8_BEGIN)) {
            return pkcs8(text, source);
        }
        if (text.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            throw new BadInputException(source, 1, 1, "is an encrypted PKCS#8 key; expected an unencrypted key: give "
                    + "ML Gates a signing key of its own without a passphrase, kept in the CI's secret store");
        }
        if (text.startsWith("ssh-") || text.startsWith("-----BEGIN PUBLIC KEY-----")) {
            throw new BadInputException(source, 1, 1, "is a public key; expected the private key to sign with "
                    + "(the public key is what verifies)");
        }
        throw new BadInputException(source, 1, 1, "expected an Ed25519 private key: " + SshPrivateKey.BEGIN
                + " (ssh-keygen -t ed25519) or " + PKCS8_BEGIN + " (openssl genpkey -algorithm ed25519)");
    }

    private static SigningKey pkcs8(String text, String source) throws BadInputException {
        if (!text.endsWith(PKCS8_END)) {
            throw new BadInputException(source, 0, 0, "has no line " + PKCS8_END + " at its end");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(PKCS8_BEGIN.length(), text.length()
                    - PKCS8_END.length()).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(source, 0, 0, "the text between its header and footer is not base64 ("
                    + e.getMessage() + ")");
        }
        PrivateKey key;
        try {
            key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new BadInputException(source, 0, 0, "is not an Ed25519 PKCS#8 key (" + e.getMessage()
                    + "); expected a key made with: openssl genpkey -algorithm ed25519");
        }
        byte[] seed = ((EdECPrivateKey) key).getBytes().orElseThrow(() -> new BadInputException(source, 0, 0,
                "the key's private bytes cannot be read"));
        SshPublicKey publicKey = publicKeyOf(seed, source);
        return new SigningKey(publicKey, SshPrivateKey.ed25519(seed));
    }

    /**
     * The public key of an Ed25519 seed. The JDK derives it only while generating a pair, so the generator is
     * handed the seed as its randomness, and the result is checked to hold that very seed.
     */
    private static SshPublicKey publicKeyOf(byte[] seed, String source) throws BadInputException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new FixedRandom(seed));
            KeyPair pair = generator.generateKeyPair();
            Optional<byte[]> generated = ((EdECPrivateKey) pair.getPrivate()).getBytes();
            if (generated.isEmpty() || !Arrays.equals(generated.get(), seed)) {
                throw new IllegalStateException("the Java runtime's Ed25519 generator did not take the seed as given");
            }
            SshPublicKey publicKey = SshPublicKey.ofEd25519((EdECPublicKey) pair.getPublic());
            if (!SshPrivateKey.signsFor(SshPrivateKey.ed25519(seed), publicKey)) {
                throw new IllegalStateException("the derived Ed25519 public key does not verify the key's signature");
            }
            return publicKey;
        } catch (GeneralSecurityException | SignatureException e) {
            throw new BadInputException(source, 0, 0, "the Ed25519 key is not usable: " + e.getMessage());
        }
    }

    /** Hands out the given bytes once: the seed, as the key generator's randomness. */
    private static final class FixedRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] bytes;
        private boolean used;

        FixedRandom(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public synchronized void nextBytes(byte[] out) {
            if (used || out.length != bytes.length) {
                throw new IllegalStateException("the key generator asked for other randomness than a 32-byte seed");
            }
            used = true;
            System.arraycopy(bytes, 0, out, 0, out.length);
        }
    }

    /** The public key, to verify this key's signatures with; its fingerprint is the envelopes' keyid. */
    public SshPublicKey publicKey() {
        return publicKey;
    }

    /** The keyid written into envelopes: the public key's {@code SHA256:} fingerprint. */
    public String keyId() {
        return publicKey.fingerprint();
    }

    /** Signs {@code payload} as {@code payloadType}: a DSSE envelope with one Ed25519 signature over the PAE. */
    public Envelope sign(String payloadType, byte[] payload) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(Dsse.pae(payloadType, payload));
            return new Envelope(payloadType, payload, List.of(new Envelope.Signature(Optional.of(keyId()),
                    signer.sign())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Java 17 signs with Ed25519", e);
        }
    }

    /** Signs an in-toto Statement: payload type {@link Dsse#IN_TOTO_PAYLOAD_TYPE}. */
    public Envelope sign(Statement statement) {
        return sign(Dsse.IN_TOTO_PAYLOAD_TYPE, statement.toJson());
    }

    /** Never the key itself. */
    @Override
    public String toString() {
        return "Ed25519 signing key " + keyId();
    }
}
