package io.mlgates.plugin.logic.attest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * The signing key's text as a Jenkins credential holds it, read on the controller when a step signs: an OpenSSH
 * private key or a PKCS#8 PEM file. Lives only for the call that signs; never serialized, logged or shown: its
 * {@link #toString} names the credential, not the key.
 */
public final class KeyCredential {
    /** A key file is a few hundred bytes; a bigger "key" is a wrong file, refused before it is read whole. */
    static final int MAX_BYTES = 64 * 1024;

    private final String id;
    private final String kind;
    private final String text;

    private KeyCredential(String id, String kind, String text) {
        this.id = Objects.requireNonNull(id, "id");
        this.kind = kind;
        this.text = text;
    }

    /**
     * The key of an "SSH Username with private key" credential.
     *
     * @param keys the credential's private keys, as entered
     * @param encrypted whether the credential has a passphrase
     * @throws UnusableKey when the key is encrypted, or the credential holds no key or several
     */
    public static KeyCredential ofSshKey(String id, List<String> keys, boolean encrypted) throws UnusableKey {
        String where = "the SSH private key credential '" + id + "'";
        if (encrypted) {
            // The key is read on every signing, by the controller alone: a passphrase kept beside it in the same
            // credentials store would protect nothing, and the core reads unencrypted keys only.
            throw new UnusableKey(where + " has a passphrase; expected an unencrypted Ed25519 key (keep it in a"
                    + " credential of scope System, which no job can read)");
        }
        if (keys.size() != 1 || keys.get(0) == null || keys.get(0).isBlank()) {
            throw new UnusableKey(where + " holds " + keys.size() + " keys; expected exactly one Ed25519 key");
        }
        return new KeyCredential(id, "an SSH private key", keys.get(0));
    }

    /**
     * The key of a secret file credential, read as UTF-8 text (OpenSSH and PEM keys are ASCII).
     *
     * @throws UnusableKey when the file is larger than a key could be, or is not text
     */
    public static KeyCredential ofFile(String id, InputStream content) throws UnusableKey, IOException {
        String where = "the secret file credential '" + id + "'";
        byte[] bytes = content.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new UnusableKey(where + " is larger than " + MAX_BYTES + " bytes; expected an Ed25519 key file"
                    + " (OpenSSH or PKCS#8 PEM)");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return new KeyCredential(id, "a secret file", text);
        } catch (CharacterCodingException e) {
            throw new UnusableKey(where + " is not text; expected an Ed25519 key file (OpenSSH or PKCS#8 PEM)");
        }
    }

    /** The credential's id. */
    public String id() {
        return id;
    }

    /** How messages name it: "the secret file credential 'mlgates-signing'". */
    public String describe() {
        return "the credential '" + id + "' (" + kind + ")";
    }

    /** The key's text, for the core's key reader only. */
    String text() {
        return text;
    }

    @Override
    public String toString() {
        return describe();
    }
}
