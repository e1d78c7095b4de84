package io.mlgates.core.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One text for one JSON value, so that a hash over it is stable: object keys sorted by their UTF-16 code units,
 * no whitespace, strings escaped as Jackson escapes them, numbers in Jackson's shortest form.
 */
public final class CanonicalJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CanonicalJson() {
    }

    /** The canonical text of a value. */
    public static String of(JsonNode value) {
        try {
            return MAPPER.writeValueAsString(sorted(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serializes", e);
        }
    }

    /** Reads canonical (or any) JSON text back into a tree. */
    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    private static JsonNode sorted(JsonNode value) {
        if (value.isObject()) {
            List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
            value.properties().forEach(members::add);
            members.sort(Map.Entry.comparingByKey());
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            members.forEach(m -> copy.set(m.getKey(), sorted(m.getValue())));
            return copy;
        }
        if (value.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            value.forEach(v -> copy.add(sorted(v)));
            return copy;
        }
        return value;
    }
}
