package io.mlgates.core.attestation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The Dead Simple Signing Envelope's pre-authentication encoding (DSSE protocol v1,
 * github.com/secure-systems-lab/dsse, protocol.md): what a signature is made over, so that the payload's type is
 * signed with it and neither can be swapped.
 */
public final class Dsse {
    /** The payload type of an in-toto Statement in a DSSE envelope. */
    public static final String IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";

    private Dsse() {
    }

    /**
     * {@code PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body}, LEN the byte length in ASCII
     * decimal without leading zeros, the type in UTF-8.
     */
    public static byte[] pae(String payloadType, byte[] payload) {
        Objects.requireNonNull(payloadType, "payloadType");
        Objects.requireNonNull(payload, "payload");
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(type.length + payload.length + 32);
        out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(type);
        out.writeBytes((" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(payload);
        return out.toByteArray();
    }
}
