package io.mlgates.core.attestation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgates.core.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An in-toto Statement v1 (attestation framework, spec/v1/statement.md): what a predicate says about which
 * subjects. Its JSON is what a DSSE envelope signs.
 *
 * @param subjects the artefacts the predicate is about, each with a name and a digest
 * @param predicateType the predicate's type URI
 * @param predicate the predicate, a JSON object (copied in and out, so the record stays immutable)
 */
public record Statement(List<ResourceDescriptor> subjects, String predicateType, JsonNode predicate) {
    public static final String TYPE = "https://in-toto.io/Statement/v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    public Statement {
        subjects = List.copyOf(subjects);
        Objects.requireNonNull(predicateType, "predicateType");
        Objects.requireNonNull(predicate, "predicate");
        if (subjects.isEmpty()) {
            throw new IllegalArgumentException("a Statement has at least one subject");
        }
        for (ResourceDescriptor subject : subjects) {
            if (subject.name().isEmpty() || subject.digest().isEmpty()) {
                throw new IllegalArgumentException("each subject of a Statement has a name and a digest: " + subject);
            }
        }
        if (!predicate.isObject()) {
            throw new IllegalArgumentException("a predicate is a JSON object");
        }
        predicate = predicate.deepCopy();
    }

    @Override
    public JsonNode predicate() {
        return predicate.deepCopy();
    }

    /** The Statement as a JSON tree: {@code _type}, {@code subject}, {@code predicateType}, {@code predicate}. */
    public ObjectNode toTree() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("_type", TYPE);
        ArrayNode list = root.putArray("subject");
        subjects.forEach(s -> list.add(s.toJson()));
        root.put("predicateType", predicateType);
        root.set("predicate", predicate.deepCopy());
        return root;
    }

    /** The compact UTF-8 JSON that is signed. */
    public byte[] toJson() {
        try {
            return JSON.writeValueAsString(toTree()).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /**
     * Reads a Statement from a verified payload. Only its frame is checked here ({@code _type}, subjects with name
     * and digest, a predicate type and an object predicate); the predicate is for its reader.
     */
    public static Statement parse(byte[] payload, String source) throws BadInputException {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (IOException e) {
            throw new BadInputException(source, 0, 0, "the payload is not JSON (" + e.getMessage()
                    + "); expected an in-toto Statement");
        }
        if (root == null || !root.isObject() || !TYPE.equals(root.path("_type").asText(null))) {
            throw new BadInputException(source, 0, 0, "the payload is not an in-toto Statement: expected \"_type\": \""
                    + TYPE + "\"");
        }
        JsonNode subjectList = root.get("subject");
        if (subjectList == null || !subjectList.isArray() || subjectList.isEmpty()) {
            throw new BadInputException(source, 0, 0, "the Statement has no subject; expected a non-empty array");
        }
        List<ResourceDescriptor> subjects = new ArrayList<>();
        for (JsonNode s : subjectList) {
            JsonNode digest = s.get("digest");
            if (!s.path("name").isTextual() || digest == null || !digest.isObject() || digest.isEmpty()) {
                throw new BadInputException(source, 0, 0, "a subject of the Statement lacks a name or a digest");
            }
            Map<String, String> set = new LinkedHashMap<>();
            digest.fields().forEachRemaining(e -> set.put(e.getKey(), e.getValue().asText()));
            try {
                subjects.add(new ResourceDescriptor(Optional.of(s.get("name").asText()),
                        Optional.empty(), set, Optional.empty()));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(source, 0, 0, "a subject of the Statement is malformed: " + e.getMessage());
            }
        }
        if (!root.path("predicateType").isTextual() || !root.path("predicate").isObject()) {
            throw new BadInputException(source, 0, 0, "the Statement lacks its predicateType or its predicate object");
        }
        return new Statement(subjects, root.get("predicateType").asText(), root.get("predicate"));
    }
}
