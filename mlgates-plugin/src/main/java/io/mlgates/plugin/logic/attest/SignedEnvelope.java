package io.mlgates.plugin.logic.attest;

import java.util.Objects;

/**
 * A DSSE envelope the controller signed, as one line of JSON, with the id of the key that signed it.
 *
 * @param json the envelope, one line of JSON
 * @param keyId the signing key's id, as the envelope's signature names it
 */
public record SignedEnvelope(String json, String keyId) {
    public SignedEnvelope {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(keyId, "keyId");
        if (json.isBlank() || json.contains("\n")) {
            throw new IllegalArgumentException("an envelope is one line of JSON");
        }
    }
}
