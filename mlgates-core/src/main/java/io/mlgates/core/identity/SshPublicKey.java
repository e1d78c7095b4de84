package io.mlgates.core.identity;

import io.mlgates.core.BadInputException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An SSH public key as OpenSSH encodes it (RFC 4253 section 6.6, RFC 8709): its type and blob. Keys of the types
 * ML Gates verifies ({@code ssh-ed25519}, {@code ssh-rsa}) are decoded into the JDK's keys; keys of the other types
 * OpenSSH knows are kept by name, so that an allowed-signers file listing them still loads and a signature made
 * with one is refused by its type's name.
 */
public final class SshPublicKey {
    public static final String ED25519 = "ssh-ed25519";
    public static final String RSA = "ssh-rsa";
    /** OpenSSH's limits on RSA moduli (sshkey.h): smaller keys are refused by ssh-keygen too. */
    private static final int RSA_MIN_BITS = 1024;
    private static final int RSA_MAX_BITS = 16384;
    private static final Set<String> OTHER_OPENSSH_TYPES = Set.of("ssh-dss", "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "sk-ecdsa-sha2-nistp256@openssh.com",
            "sk-ssh-ed25519@openssh.com", "ssh-ed25519-cert-v01@openssh.com", "ssh-rsa-cert-v01@openssh.com",
            "ssh-dss-cert-v01@openssh.com", "ecdsa-sha2-nistp256-cert-v01@openssh.com",
            "ecdsa-sha2-nistp384-cert-v01@openssh.com", "ecdsa-sha2-nistp521-cert-v01@openssh.com",
            "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com", "sk-ssh-ed25519-cert-v01@openssh.com");

    private final String type;
    private final byte[] blob;
    private final PublicKey javaKey;

    private SshPublicKey(String type, byte[] blob, PublicKey javaKey) {
        this.type = type;
        this.blob = blob;
        this.javaKey = javaKey;
    }

    /** Whether OpenSSH knows {@code name} as a key type, supported here or not. */
    static boolean isKeyType(String name) {
        return ED25519.equals(name) || RSA.equals(name) || OTHER_OPENSSH_TYPES.contains(name);
    }

    /** Decodes a key blob; a supported key is checked in full, another known type by its name only. */
    static SshPublicKey decode(byte[] blob) throws SshWire.MalformedException {
        SshWire wire = new SshWire(blob);
        String type = wire.text("key type");
        if (ED25519.equals(type)) {
            byte[] point = wire.bytes("Ed25519 public key");
            wire.end("the ssh-ed25519 key");
            if (point.length != 32) {
                throw new SshWire.MalformedException("the Ed25519 public key has " + point.length
                        + " bytes, expected 32");
            }
            return new SshPublicKey(type, blob.clone(), ed25519(point));
        }
        if (RSA.equals(type)) {
            BigInteger e = wire.positiveMpint("RSA public exponent");
            BigInteger n = wire.positiveMpint("RSA modulus");
            wire.end("the ssh-rsa key");
            if (n.bitLength() < RSA_MIN_BITS || n.bitLength() > RSA_MAX_BITS) {
                throw new SshWire.MalformedException("the RSA modulus has " + n.bitLength()
                        + " bits, expected " + RSA_MIN_BITS + " to " + RSA_MAX_BITS + " as OpenSSH accepts");
            }
            if (e.compareTo(BigInteger.valueOf(3)) < 0 || !e.testBit(0)) {
                throw new SshWire.MalformedException("the RSA public exponent " + e + " is not an odd number >= 3");
            }
            return new SshPublicKey(type, blob.clone(), rsa(n, e));
        }
        if (OTHER_OPENSSH_TYPES.contains(type)) {
            return new SshPublicKey(type, blob.clone(), null);
        }
        throw new SshWire.MalformedException("unknown key type \"" + Shown.clip(type) + "\"");
    }

    private static PublicKey ed25519(byte[] encoded) throws SshWire.MalformedException {
        // RFC 8032 section 5.1.2: y little-endian, with the top bit of the last byte holding x's parity.
        byte[] bigEndian = new byte[32];
        for (int i = 0; i < 32; i++) {
            bigEndian[i] = encoded[31 - i];
        }
        boolean xOdd = (bigEndian[0] & 0x80) != 0;
        bigEndian[0] &= 0x7F;
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519,
                    new EdECPoint(xOdd, new BigInteger(1, bigEndian))));
        } catch (GeneralSecurityException e) {
            throw new SshWire.MalformedException("the Ed25519 public key is not a valid point: " + e.getMessage());
        }
    }

    private static PublicKey rsa(BigInteger n, BigInteger e) throws SshWire.MalformedException {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
        } catch (GeneralSecurityException ex) {
            throw new SshWire.MalformedException("the RSA key is not usable: " + ex.getMessage());
        }
    }

    /** The key type's name, as in an allowed-signers line: {@code ssh-ed25519}, {@code ssh-rsa}, ... */
    public String type() {
        return type;
    }

    /** Whether signatures by this key can be verified here (Ed25519 and RSA). */
    public boolean supported() {
        return javaKey != null;
    }

    /** The key's fingerprint as {@code ssh-keygen -l} prints it by default: {@code SHA256:} and unpadded base64. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Reads one public key line as OpenSSH writes it ({@code id_ed25519.pub}): {@code type base64 [comment]}.
     *
     * @param line the line; leading and trailing white space is ignored
     * @param source the file or credential it came from, for messages
     */
    public static SshPublicKey parseLine(String line, String source) throws BadInputException {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(source, "source");
        String[] fields = line.strip().split("[ \t]+", 3);
        if (fields.length < 2 || !isKeyType(fields[0])) {
            throw new BadInputException(source, 1, 1, "expected an OpenSSH public key line: key type ("
                    + ED25519 + ", " + RSA + "), base64 key and an optional comment");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(fields[1]);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(source, 1, fields[0].length() + 2, "the key is not valid base64 ("
                    + e.getMessage() + ")");
        }
        SshPublicKey key;
        try {
            key = decode(blob);
        } catch (SshWire.MalformedException e) {
            throw new BadInputException(source, 1, fields[0].length() + 2, "the " + fields[0] + " key is malformed: "
                    + e.getMessage());
        }
        if (!key.type().equals(fields[0])) {
            throw new BadInputException(source, 1, fields[0].length() + 2, "the key says it is " + key.type()
                    + " but the line says " + fields[0] + "; expected the key type that the key itself names");
        }
        return key;
    }

    /** The {@code ssh-ed25519} key of a raw 32-byte Ed25519 public key (RFC 8032 encoding). */
    public static SshPublicKey ofEd25519(byte[] encoded) throws SignatureException {
        if (encoded.length != 32) {
            throw new SignatureException("an Ed25519 public key has 32 bytes, this one " + encoded.length);
        }
        byte[] type = ED25519.getBytes(StandardCharsets.US_ASCII);
        byte[] blob = ByteBuffer.allocate(4 + type.length + 4 + 32).putInt(type.length).put(type)
                .putInt(32).put(encoded).array();
        try {
            return decode(blob);
        } catch (SshWire.MalformedException e) {
            throw new SignatureException("not an Ed25519 public key: " + e.getMessage());
        }
    }

    /** The {@code ssh-ed25519} key of the JDK's Ed25519 public key (a PEM SubjectPublicKeyInfo's, say). */
    public static SshPublicKey ofEd25519(EdECPublicKey key) throws SignatureException {
        if (!"Ed25519".equals(((NamedParameterSpec) key.getParams()).getName())) {
            throw new SignatureException("expected an Ed25519 key, not " + key.getParams());
        }
        byte[] y = key.getPoint().getY().toByteArray();
        byte[] encoded = new byte[32];
        // RFC 8032 section 5.1.2: y little-endian, x's parity in the top bit of the last byte.
        for (int i = 0; i < y.length && i < 32; i++) {
            encoded[i] = y[y.length - 1 - i];
        }
        if (key.getPoint().isXOdd()) {
            encoded[31] |= (byte) 0x80;
        }
        return ofEd25519(encoded);
    }

    /** The JDK's key, for supported types: to verify signatures of other formats made with the same key. */
    public Optional<PublicKey> javaKey() {
        return Optional.ofNullable(javaKey);
    }

    /**
     * Whether {@code signature} is this Ed25519 key's signature over {@code message}: false for another key type,
     * a signature that is not 64 bytes, or one the JDK refuses as malformed.
     */
    public boolean verifiesEd25519(byte[] message, byte[] signature) {
        if (!ED25519.equals(type) || signature.length != 64) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(javaKey);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (java.security.SignatureException e) {
            // The JDK throws rather than returns false on some malformed encodings.
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Java 17 verifies Ed25519", e);
        }
    }

    int rsaModulusBytes() {
        return (((java.security.interfaces.RSAPublicKey) javaKey).getModulus().bitLength() + 7) / 8;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SshPublicKey key && Arrays.equals(blob, key.blob);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(blob);
    }

    @Override
    public String toString() {
        return type + " " + fingerprint();
    }
}
