package io.mlgates.core.identity;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Verifies SSH signatures ({@code ssh-keygen -Y sign}, PROTOCOL.sshsig) in Java, with the JDK's Ed25519 and RSA,
 * as {@code ssh-keygen -Y verify -f allowed_signers -I principal -n namespace} does: the signature must be
 * well-formed, made for the namespace, valid over the message, and made by a key that the allowed signers accept
 * for the principal, in that namespace, at that time.
 *
 * <p>Key types: {@code ssh-ed25519}, and {@code ssh-rsa} with the signature algorithms {@code rsa-sha2-256} and
 * {@code rsa-sha2-512}; an RSA signature over SHA-1 ({@code ssh-rsa}) is refused as OpenSSH refuses it, and other
 * key types (ECDSA, security keys, certificates) are refused by name.
 */
public final class SshSignatures {
    private static final String BEGIN = "-----BEGIN SSH SIGNATURE-----";
    private static final String END = "-----END SSH SIGNATURE-----";
    private static final String MAGIC = "SSHSIG";
    private static final long VERSION = 1;
    /** An RSA-16384 signature with its key is under 6 kB armored; anything far larger is not a signature. */
    private static final int MAX_ARMORED_CHARS = 64 * 1024;

    private SshSignatures() {
    }

    /**
     * Verifies {@code armoredSignature} over {@code message} for {@code principal} in {@code namespace} at time
     * {@code at}.
     *
     * @return the principal and the fingerprint of the key that signed
     * @throws SignatureException naming what failed: the armor or blob, the namespace, the signature itself, or the
     *     allowed-signers rule (with its file and line) that refuses the key
     */
    public static VerifiedSigner verify(AllowedSigners signers, String principal, String namespace, byte[] message,
            String armoredSignature, Instant at) throws SignatureException {
        Objects.requireNonNull(signers, "signers");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(armoredSignature, "armoredSignature");
        Objects.requireNonNull(at, "at");
        if (principal.isBlank()) {
            throw new IllegalArgumentException("principal must not be blank");
        }
        if (namespace.isEmpty()) {
            throw new IllegalArgumentException("namespace must not be empty (PROTOCOL.sshsig)");
        }
        SignatureBlob signature = parse(armoredSignature);
        if (!signature.namespace().equals(namespace)) {
            throw new SignatureException("the signature is for namespace \"" + Shown.clip(signature.namespace())
                    + "\", expected \"" + Shown.clip(namespace) + "\"");
        }
        SshPublicKey key = signature.key();
        if (!key.supported()) {
            throw new SignatureException("the signature was made with a key of type " + key.type() + " ("
                    + key.fingerprint() + "), which is not supported: expected " + SshPublicKey.ED25519 + " or "
                    + SshPublicKey.RSA);
        }
        checkSignature(signature, namespace, message);
        return allowed(signers, key, principal, namespace, at);
    }

    private record SignatureBlob(SshPublicKey key, String namespace, String hashAlgorithm, byte[] signature) {
    }

    private static SignatureBlob parse(String armored) throws SignatureException {
        if (armored.length() > MAX_ARMORED_CHARS) {
            throw malformed(armored.length() + " characters, far more than any SSH signature");
        }
        String text = armored.strip();
        String body;
        if (!text.startsWith(BEGIN)) {
            throw malformed("it does not start with " + BEGIN);
        }
        String rest = text.substring(BEGIN.length());
        if (!rest.startsWith("\n") && !rest.startsWith("\r\n")) {
            throw malformed("expected a line break after " + BEGIN);
        }
        int end = rest.lastIndexOf("\n" + END);
        if (end < 0 || !rest.endsWith(END)) {
            throw malformed("it does not end with " + END + " on a line of its own");
        }
        body = rest.substring(0, end).replaceAll("[ \t\r\n]", "");
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw malformed("the text between its header and footer is not base64 (" + e.getMessage() + ")");
        }
        SshWire wire = new SshWire(blob);
        try {
            wire.magic(MAGIC, "the blob");
            long version = wire.uint32("version");
            if (version != VERSION) {
                throw malformed("version " + version + ", expected " + VERSION);
            }
            SshPublicKey key = SshPublicKey.decode(wire.bytes("public key"));
            String namespace = wire.text("namespace");
            if (namespace.isEmpty()) {
                throw malformed("its namespace is empty");
            }
            wire.bytes("reserved field");
            String hash = wire.text("hash algorithm");
            if (!hash.equals("sha256") && !hash.equals("sha512")) {
                throw malformed("hash algorithm \"" + Shown.clip(hash) + "\", expected sha256 or sha512");
            }
            byte[] signature = wire.bytes("signature");
            wire.end("the blob");
            return new SignatureBlob(key, namespace, hash, signature);
        } catch (SshWire.MalformedException e) {
            throw malformed(e.getMessage());
        }
    }

    private static SignatureException malformed(String problem) {
        return new SignatureException("malformed SSH signature: " + problem);
    }

    /** The signed data of PROTOCOL.sshsig section 3, checked with the key's algorithm. */
    private static void checkSignature(SignatureBlob blob, String namespace, byte[] message)
            throws SignatureException {
        SshPublicKey key = blob.key();
        String algorithm;
        byte[] raw;
        try {
            SshWire wire = new SshWire(blob.signature());
            String sigType = wire.text("signature algorithm");
            raw = wire.bytes("signature bytes");
            wire.end("the signature");
            algorithm = javaAlgorithm(key, sigType);
            if (key.type().equals(SshPublicKey.ED25519) && raw.length != 64) {
                throw malformed("the Ed25519 signature has " + raw.length + " bytes, expected 64");
            }
            if (key.type().equals(SshPublicKey.RSA)) {
                raw = rsaSignatureOfModulusLength(raw, key.rsaModulusBytes());
            }
        } catch (SshWire.MalformedException e) {
            throw malformed(e.getMessage());
        }
        boolean valid;
        try {
            byte[] digest = MessageDigest.getInstance(blob.hashAlgorithm().equals("sha256") ? "SHA-256" : "SHA-512")
                    .digest(message);
            ByteArrayOutputStream signed = new ByteArrayOutputStream();
            signed.writeBytes(MAGIC.getBytes(StandardCharsets.US_ASCII));
            writeString(signed, namespace.getBytes(StandardCharsets.UTF_8));
            // OpenSSH verifies over an empty reserved field whatever the blob carries; so do we.
            writeString(signed, new byte[0]);
            writeString(signed, blob.hashAlgorithm().getBytes(StandardCharsets.US_ASCII));
            writeString(signed, digest);
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(key.javaKey().orElseThrow());
            verifier.update(signed.toByteArray());
            valid = verifier.verify(raw);
        } catch (java.security.SignatureException e) {
            // The JDK throws rather than returns false on some malformed encodings (a bad Ed25519 point).
            valid = false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Java runtime lacks " + algorithm + ", which Java 17 has", e);
        }
        if (!valid) {
            throw new SignatureException("bad signature: key " + key.fingerprint() + " did not sign this message "
                    + "in namespace \"" + Shown.clip(namespace) + "\" (the message or the signature was altered, "
                    + "or the signature belongs to another message)");
        }
    }

    private static String javaAlgorithm(SshPublicKey key, String sigType) throws SignatureException {
        if (key.type().equals(SshPublicKey.ED25519)) {
            if (sigType.equals(SshPublicKey.ED25519)) {
                return "Ed25519";
            }
        } else {
            switch (sigType) {
                case "rsa-sha2-256":
                    return "SHA256withRSA";
                case "rsa-sha2-512":
                    return "SHA512withRSA";
                case "ssh-rsa":
                    throw new SignatureException("the RSA signature uses SHA-1 (ssh-rsa), which OpenSSH refuses for "
                            + "SSH signatures; expected rsa-sha2-256 or rsa-sha2-512");
                default:
                    break;
            }
        }
        throw malformed("signature algorithm \"" + Shown.clip(sigType) + "\" does not fit the " + key.type()
                + " key; expected " + (key.type().equals(SshPublicKey.ED25519) ? SshPublicKey.ED25519
                        : "rsa-sha2-256 or rsa-sha2-512"));
    }

    /** OpenSSH accepts an RSA signature shorter than the modulus and pads it with leading zeros; the JDK does not. */
    private static byte[] rsaSignatureOfModulusLength(byte[] raw, int modulusBytes) throws SignatureException {
        if (raw.length > modulusBytes) {
            throw malformed("the RSA signature has " + raw.length + " bytes, more than the key's " + modulusBytes);
        }
        byte[] padded = new byte[modulusBytes];
        System.arraycopy(raw, 0, padded, modulusBytes - raw.length, raw.length);
        return padded;
    }

    private static void writeString(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
        out.writeBytes(value);
    }

    /** The allowed-signers rules for this key and principal, as OpenSSH's check_allowed_keys_line applies them. */
    private static VerifiedSigner allowed(AllowedSigners signers, SshPublicKey key, String principal,
            String namespace, Instant at) throws SignatureException {
        String shownPrincipal = "\"" + Shown.clip(principal) + "\"";
        List<AllowedSigner> withKey = signers.signers().stream().filter(s -> s.key().equals(key)).toList();
        if (withKey.isEmpty()) {
            List<AllowedSigner> forPrincipal = signers.signers().stream().filter(s -> s.allowsPrincipal(principal))
                    .toList();
            if (forPrincipal.isEmpty()) {
                throw new SignatureException("principal " + shownPrincipal + " is not in the allowed signers "
                        + signers.source() + " (the signature's key is " + key.fingerprint() + ")");
            }
            throw new SignatureException("key " + key.fingerprint() + " is not an allowed signer: "
                    + signers.source() + " lists other keys for principal " + shownPrincipal + " (" + lines(
                            forPrincipal) + ")");
        }
        List<AllowedSigner> candidates = withKey.stream().filter(s -> s.allowsPrincipal(principal)).toList();
        if (candidates.isEmpty()) {
            throw new SignatureException("key " + key.fingerprint() + " is not allowed for principal "
                    + shownPrincipal + ": " + withKey.stream().map(s -> signers.source() + ":" + s.line()
                            + " allows it for \"" + Shown.clip(s.principals()) + "\"")
                            .collect(Collectors.joining("; ")));
        }
        List<String> refusals = new ArrayList<>();
        long seconds = at.getEpochSecond();
        for (AllowedSigner signer : candidates) {
            String where = signers.source() + ":" + signer.line() + ": ";
            if (!signer.allowsNamespace(namespace)) {
                refusals.add(where + "the key is not permitted for namespace \"" + Shown.clip(namespace)
                        + "\" (namespaces=\"" + Shown.clip(signer.namespaces().orElseThrow()) + "\")");
            } else if (signer.validAfter().isPresent() && seconds < signer.validAfter().get().getEpochSecond()) {
                refusals.add(where + "the key is not yet valid: verify time " + Instant.ofEpochSecond(seconds)
                        + " is before valid-after " + signer.validAfter().get());
            } else if (signer.validBefore().isPresent() && seconds > signer.validBefore().get().getEpochSecond()) {
                refusals.add(where + "the key has expired: verify time " + Instant.ofEpochSecond(seconds)
                        + " is after valid-before " + signer.validBefore().get());
            } else {
                return new VerifiedSigner(principal, key.fingerprint());
            }
        }
        throw new SignatureException("key " + key.fingerprint() + " may not sign for principal " + shownPrincipal
                + ": " + String.join("; ", refusals));
    }

    private static String lines(List<AllowedSigner> signers) {
        return (signers.size() == 1 ? "line " : "lines ") + signers.stream().map(s -> String.valueOf(s.line()))
                .collect(Collectors.joining(", "));
    }
}
