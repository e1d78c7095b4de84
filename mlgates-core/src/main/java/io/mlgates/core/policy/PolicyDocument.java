package io.mlgates.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * A policy file read into a tree, with the position of every key and every value in the file, by JSON pointer.
 * Values that an alias brought in are placed at the alias.
 */
final class PolicyDocument {
    private final JsonNode root;
    private final Map<String, SourcePosition> keys;
    private final Map<String, SourcePosition> values;

    PolicyDocument(JsonNode root, Map<String, SourcePosition> keys, Map<String, SourcePosition> values) {
        this.root = root;
        this.keys = Map.copyOf(keys);
        this.values = Map.copyOf(values);
    }

    /** The top-level value; empty when the file holds no document (empty, or only comments). */
    Optional<JsonNode> root() {
        return Optional.ofNullable(root);
    }

    /** Where the value at this pointer starts; for a missing value, where its nearest container starts. */
    SourcePosition valueAt(String pointer) {
        for (String p = pointer; ; p = Pointers.parent(p)) {
            SourcePosition at = values.get(p);
            if (at != null) {
                return at;
            }
            if (p.isEmpty()) {
                return SourcePosition.UNKNOWN;
            }
        }
    }

    /** Where the key of the member at this pointer is; for a list item or the document, where its value is. */
    SourcePosition keyAt(String pointer) {
        SourcePosition at = keys.get(pointer);
        return at != null ? at : valueAt(pointer);
    }
}
