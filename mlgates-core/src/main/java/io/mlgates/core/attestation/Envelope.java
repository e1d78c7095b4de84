package io.mlgates.core.attestation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgates.core.BadInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A DSSE JSON envelope (github.com/secure-systems-lab/dsse, envelope.md): the payload, its type and the
 * signatures over {@link Dsse#pae}. Written on one line, as an {@code .intoto.jsonl} file holds one envelope a line.
 *
 * @param payloadType the payload's type, {@link Dsse#IN_TOTO_PAYLOAD_TYPE} for a Statement
 * @param payload the serialized body exactly as signed
 * @param signatures one or more signatures
 */
public record Envelope(String payloadType, byte[] payload, List<Signature> signatures) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Far larger than any attestation ML Gates writes; a bound so that a hostile file cannot exhaust memory. */
    public static final int MAX_CHARS = 16 << 20;

    public Envelope {
        Objects.requireNonNull(payloadType, "payloadType");
        payload = Objects.requireNonNull(payload, "payload").clone();
        signatures = List.copyOf(signatures);
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("an envelope has at least one signature");
        }
    }

    /**
     * One signature.
     *
     * @param keyId the unauthenticated hint of the key ({@code SHA256:} fingerprint for ML Gates' keys); never
     *     trusted, only used to say which key was tried
     * @param sig the signature's bytes
     */
    public record Signature(Optional<String> keyId, byte[] sig) {
        public Signature {
            Objects.requireNonNull(keyId, "keyId");
            sig = Objects.requireNonNull(sig, "sig").clone();
        }

        @Override
        public byte[] sig() {
            return sig.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Signature s && keyId.equals(s.keyId) && Arrays.equals(sig, s.sig);
        }

        @Override
        public int hashCode() {
            return 31 * keyId.hashCode() + Arrays.hashCode(sig);
        }
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** What each signature is made over. */
    public byte[] pae() {
        return Dsse.pae(payloadType, payload);
    }

    /** The envelope as one line of JSON, without the line break; base64 in the standard alphabet, padded. */
    public String toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("payloadType", payloadType);
        root.put("payload", Base64.getEncoder().encodeToString(payload));
        ArrayNode list = root.putArray("signatures");
        for (Signature signature : signatures) {
            ObjectNode s = list.addObject();
            signature.keyId().ifPresent(id -> s.put("keyid", id));
            s.put("sig", Base64.getEncoder().encodeToString(signature.sig));
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serializes", e);
        }
    }

    /**
     * Reads one envelope. Fields the specification does not define are ignored, as it asks; an empty keyid is no
     * keyid; base64 in either the standard or the URL-safe alphabet is read, as the specification requires.
     *
     * @param json the envelope's JSON text
     * @param source the file and line, for messages
     */
    public static Envelope parse(String json, String source) throws BadInputException {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(source, "source");
        if (json.length() > MAX_CHARS) {
            throw new BadInputException(source, 0, 0, "has " + json.length() + " characters, more than the "
                    + MAX_CHARS + " an envelope may have");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new BadInputException(source, 0, 0, "not JSON" + (e.getLocation() == null ? "" : " at column "
                    + e.getLocation().getColumnNr()) + ": " + e.getOriginalMessage() + "; expected a DSSE envelope");
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException(source, 0, 0, "expected a DSSE envelope, a JSON object with payload, "
                    + "payloadType and signatures");
        }
        String payloadType = text(root, "payloadType", source);
        byte[] payload = base64(text(root, "payload", source), "payload", source);
        JsonNode list = root.get("signatures");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new BadInputException(source, 0, 0, "the envelope has no signatures; expected a non-empty array "
                    + "\"signatures\"");
        }
        List<Signature> signatures = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            String where = "signatures[" + i + "]";
            if (!s.isObject()) {
                throw new BadInputException(source, 0, 0, where + " is not an object; expected {\"keyid\", \"sig\"}");
            }
            JsonNode keyId = s.get("keyid");
            if (keyId != null && !keyId.isTextual() && !keyId.isNull()) {
                throw new BadInputException(source, 0, 0, where + ".keyid is not a string");
            }
            Optional<String> id = keyId == null || keyId.isNull() || keyId.asText().isEmpty() ? Optional.empty()
                    : Optional.of(keyId.asText());
            signatures.add(new Signature(id, base64(text(s, "sig", source, where + "."), where + ".sig", source)));
        }
        return new Envelope(payloadType, payload, signatures);
    }

    private static String text(JsonNode node, String field, String source) throws BadInputException {
        return text(node, field, source, "");
    }

    private static String text(JsonNode node, String field, String source, String prefix) throws BadInputException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new BadInputException(source, 0, 0, "the envelope's " + prefix + field + " is "
                    + (value == null ? "missing" : "not a string") + "; expected a string");
        }
        return value.asText();
    }

    private static byte[] base64(String text, String field, String source) throws BadInputException {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException standard) {
            try {
                return Base64.getUrlDecoder().decode(text);
            } catch (IllegalArgumentException urlSafe) {
                throw new BadInputException(source, 0, 0, "the envelope's " + field + " is not base64 ("
                        + standard.getMessage() + "); expected standard or URL-safe base64");
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Envelope e && payloadType.equals(e.payloadType) && Arrays.equals(payload, e.payload)
                && signatures.equals(e.signatures);
    }

    @Override
    public int hashCode() {
        return (payloadType.hashCode() * 31 + Arrays.hashCode(payload)) * 31 + signatures.hashCode();
    }

    @Override
    public String toString() {
        return "DSSE envelope of " + payloadType + ", " + payload.length + " bytes, " + signatures.size()
                + (signatures.size() == 1 ? " signature" : " signatures");
    }
}
