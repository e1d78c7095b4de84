package io.mlgates.core.attestation;

import io.mlgates.core.BadInputException;
import io.mlgates.core.identity.AllowedSigner;
import io.mlgates.core.identity.AllowedSigners;
import io.mlgates.core.identity.SignatureException;
import io.mlgates.core.identity.SshPublicKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The keys an envelope's signature is checked against: one Ed25519 public key (an OpenSSH {@code ssh-ed25519} line
 * or a PEM SubjectPublicKeyInfo), or an organisation's allowed-signers file, whose lines also say who the signer is.
 * An allowed-signers line counts for attestations when its {@code namespaces} option, if any, admits
 * {@link #NAMESPACE} and the time of verification is within its {@code valid-after} and {@code valid-before}.
 */
public final class TrustedKeys {
    /** The namespace an allowed-signers line must admit to sign attestations (when it restricts namespaces). */
    public static final String NAMESPACE = "mlgates-attestation";
    private static final String SPKI_BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String SPKI_END = "-----END PUBLIC KEY-----";
    private static final int MAX_BYTES = 16 * 1024;

    private final String source;
    private final List<SshPublicKey> keys;
    private final List<AllowedSigner> signers;

    private TrustedKeys(String source, List<SshPublicKey> keys, List<AllowedSigner> signers) {
        this.source = source;
        this.keys = List.copyOf(keys);
        this.signers = List.copyOf(signers);
    }

    /** One public key from its text: an OpenSSH public key line, or a PEM SubjectPublicKeyInfo. */
    public static TrustedKeys parsePublicKey(byte[] text, String source) throws BadInputException {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        if (text.length > MAX_BYTES) {
            throw new BadInputException(source, 0, 0, "has " + text.length + " bytes; expected one public key");
        }
        String key = new String(text, StandardCharsets.UTF_8).strip();
        SshPublicKey publicKey;
        if (key.startsWith(SPKI_BEGIN)) {
            publicKey = spki(key, source);
        } else if (key.startsWith("-----BEGIN")) {
            throw new BadInputException(source, 1, 1, "expected a public key (" + SPKI_BEGIN + " or an ssh-ed25519 "
                    + "line), not " + key.lines().findFirst().orElse(""));
        } else {
            publicKey = SshPublicKey.parseLine(key.lines().findFirst().orElse(""), source);
        }
        if (!publicKey.type().equals(SshPublicKey.ED25519)) {
            throw new BadInputException(source, 1, 1, "is a " + publicKey.type() + " key; attestations are signed with "
                    + "Ed25519, expected an " + SshPublicKey.ED25519 + " key");
        }
        return new TrustedKeys(source, List.of(publicKey), List.of());
    }

    /** One public key file: an OpenSSH {@code .pub} file or a PEM SubjectPublicKeyInfo. */
    public static TrustedKeys readPublicKey(Path file) throws BadInputException {
        return parsePublicKey(read(file, "public key"), file.toString());
    }

    /** The Ed25519 keys of an allowed-signers file, each with its principals and options. */
    public static TrustedKeys of(AllowedSigners allowed) {
        return new TrustedKeys(allowed.source(), List.of(), allowed.signers());
    }

    /** Reads an allowed-signers file, as {@link AllowedSigners#parse(Path)} does. */
    public static TrustedKeys readAllowedSigners(Path file) throws BadInputException {
        return of(AllowedSigners.parse(file));
    }

    private static byte[] read(Path file, String what) throws BadInputException {
        return BoundedFiles.read(file, file.toString(), MAX_BYTES, "a " + what, "no such " + what + " file",
                "is larger than " + MAX_BYTES + " bytes; expected a " + what);
    }

    private static SshPublicKey spki(String text, String source) throws BadInputException {
        if (!text.endsWith(SPKI_END)) {
            throw new BadInputException(source, 0, 0, "has no line " + SPKI_END + " at its end");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(text.substring(SPKI_BEGIN.length(),
                    text.length() - SPKI_END.length()).replaceAll("\\s", ""));
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
            return SshPublicKey.ofEd25519((EdECPublicKey) key);
        } catch (IllegalArgumentException | GeneralSecurityException | SignatureException e) {
            throw new BadInputException(source, 0, 0, "is not an Ed25519 public key (" + e.getMessage()
                    + "); expected one made with: openssl pkey -pubout");
        }
    }

    /** Where the keys came from, for messages. */
    public String source() {
        return source;
    }

    /**
     * Verifies the envelope: at least one of its signatures is an Ed25519 signature over its PAE by a trusted key
     * (DSSE's (1, n) rule). The keyid is a hint only and is never relied on.
     *
     * @param at the time of verification, against allowed-signers validity options
     * @return the verified payload (the very bytes checked) and every trusted signer that signed it
     * @throws SignatureException naming what failed: no signature by a trusted key, or a trusted key that may not
     *     sign attestations (namespace, validity), with the allowed-signers line
     */
    public VerifiedEnvelope verify(Envelope envelope, Instant at) throws SignatureException {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(at, "at");
        byte[] pae = envelope.pae();
        List<VerifiedEnvelope.Signer> verified = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        List<String> tried = new ArrayList<>();
        for (Envelope.Signature signature : envelope.signatures()) {
            tried.add(signature.keyId().orElse("(no keyid)"));
            for (SshPublicKey key : keys) {
                if (key.verifiesEd25519(pae, signature.sig())
                        && verified.stream().noneMatch(v -> v.keyFingerprint().equals(key.fingerprint()))) {
                    verified.add(new VerifiedEnvelope.Signer(key.fingerprint(), List.of()));
                }
            }
            for (SshPublicKey key : signers.stream().map(AllowedSigner::key).distinct().toList()) {
                if (!key.verifiesEd25519(pae, signature.sig())
                        || verified.stream().anyMatch(v -> v.keyFingerprint().equals(key.fingerprint()))) {
                    continue;
                }
                List<String> principals = new ArrayList<>();
                for (AllowedSigner line : signers) {
                    if (!line.key().equals(key)) {
                        continue;
                    }
                    String where = source + ":" + line.line() + ": ";
                    if (!line.allowsNamespace(NAMESPACE)) {
                        refusals.add(where + "key " + key.fingerprint() + " is not permitted for namespace \""
                                + NAMESPACE + "\" (namespaces=\"" + line.namespaces().orElseThrow() + "\")");
                    } else if (line.validAfter().isPresent() && at.isBefore(line.validAfter().get())) {
                        refusals.add(where + "key " + key.fingerprint() + " is not yet valid: verify time " + at
                                + " is before valid-after " + line.validAfter().get());
                    } else if (line.validBefore().isPresent() && at.isAfter(line.validBefore().get())) {
                        refusals.add(where + "key " + key.fingerprint() + " has expired: verify time " + at
                                + " is after valid-before " + line.validBefore().get());
                    } else {
                        principals.add(line.principals());
                    }
                }
                if (!principals.isEmpty()) {
                    verified.add(new VerifiedEnvelope.Signer(key.fingerprint(), principals));
                }
            }
        }
        if (!verified.isEmpty()) {
            return new VerifiedEnvelope(envelope.payloadType(), envelope.payload(), verified);
        }
        if (!refusals.isEmpty()) {
            throw new SignatureException("the envelope is signed by a listed key that may not sign attestations: "
                    + String.join("; ", refusals));
        }
        throw new SignatureException("no signature of the envelope verifies with a trusted key of " + source
                + " (signatures by " + String.join(", ", tried) + "; trusted: " + trusted()
                + "): the payload or the signature was altered, or another key signed it");
    }

    private String trusted() {
        List<SshPublicKey> all = keys.isEmpty() ? signers.stream().map(AllowedSigner::key)
                .filter(k -> SshPublicKey.ED25519.equals(k.type())).distinct().toList() : keys;
        if (all.isEmpty()) {
            return "no Ed25519 key";
        }
        return all.stream().map(SshPublicKey::fingerprint).collect(Collectors.joining(", "));
    }
}
