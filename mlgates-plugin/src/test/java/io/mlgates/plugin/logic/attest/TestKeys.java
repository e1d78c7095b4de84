package io.mlgates.plugin.logic.attest;

import io.mlgates.core.attestation.Envelope;
import io.mlgates.core.attestation.TrustedKeys;
import io.mlgates.core.attestation.VerifiedEnvelope;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The test keys of {@code src/test/resources/keys} (made by ssh-keygen and OpenSSL, their fingerprints as ssh-keygen
 * printed them, keys/README.md), as credentials the plugin signs with, and the core's verifier for what they signed.
 */
public final class TestKeys {
    public static final Path KEYS = Path.of("src/test/resources/keys");
    /** {@code ssh-keygen -lf keys/signing-openssh.pub}. */
    public static final String OPENSSH_FINGERPRINT = "SHA256:TZyX8SkafhLN2BUCbLGGh28rKH+9RNpPF4nFt6PuEv0";
    /** {@code ssh-keygen -lf keys/signing-pkcs8.pub}, the PEM key's public half in OpenSSH's form. */
    public static final String PEM_FINGERPRINT = "SHA256:Y0MJqDt2QlDGJRJlcarqdbxeaiF+xDkX5uU2y9Wo0JY";

    private TestKeys() {
    }

    /** Signing with the SSH private key credential {@code mlgates-signing} holding {@code file}. */
    public static Signing sshKey(String file) {
        return new Signing(() -> Optional.of(KeyCredential.ofSshKey("mlgates-signing",
                List.of(Files.readString(KEYS.resolve(file))), false)), Optional.of("https://ci.example.com/"));
    }

    /** Signing with the secret file credential {@code pem-key} holding {@code file}, without Jenkins' root URL. */
    public static Signing secretFile(String file) {
        return new Signing(() -> Optional.of(KeyCredential.ofFile("pem-key",
                new ByteArrayInputStream(Files.readAllBytes(KEYS.resolve(file))))), Optional.empty());
    }

    /** The core's verifier, trusting the public key of {@code publicKeyFile} alone. */
    public static VerifiedEnvelope verify(SignedEnvelope envelope, String publicKeyFile) throws Exception {
        TrustedKeys key = TrustedKeys.parsePublicKey(Files.readAllBytes(KEYS.resolve(publicKeyFile)), publicKeyFile);
        return key.verify(Envelope.parse(envelope.json(), "envelope"), Instant.parse("2026-11-26T12:00:00Z"));
    }
}
