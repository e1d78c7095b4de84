package io.mlgates.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicySchemaTest {
    private final JsonNode schema = PolicySchema.get().node();

    @Test
    void isShippedBesideThePolicyClassesAsDraft202012() {
        assertThat(PolicySchema.class.getResource("/io/mlgates/core/policy/mlgates-policy.schema.json")).isNotNull();
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void everyMappingForbidsUnknownKeys() {
        List<String> open = new ArrayList<>();
        walk(schema, "", (pointer, node) -> {
            // A mapping whose keys are names the user chooses (promotion.groups) checks each value by a schema.
            JsonNode additional = node.path("additionalProperties");
            // (and so does fairness.reference: reference groups by attribute)
            boolean map = additional.isObject() && !node.has("properties");
            if ("object".equals(node.path("type").asText()) && !map
                    && (!additional.isBoolean() || additional.asBoolean())) {
                open.add(pointer);
            }
        });
        assertThat(open).isEmpty();
    }

    @Test
    void everyRequiredKeyIsAlsoDeclared() {
        List<String> undeclared = new ArrayList<>();
        walk(schema, "", (pointer, node) -> node.path("required").forEach(key -> {
            if (node.has("properties") && !node.path("properties").has(key.asText())) {
                undeclared.add(pointer + " " + key.asText());
            }
        }));
        assertThat(undeclared).isEmpty();
    }

    @Test
    void theTopLevelKeysAreThoseOfTheDocumentedFormat() {
        List<String> keys = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(keys::add);

        assertThat(keys).containsExactly("version", "model", "task", "predictions", "metrics", "limits", "baseline",
                "data", "drift", "identity", "promotion", "slices", "schema", "ethics", "waivers");
    }

    private interface Visitor {
        void visit(String pointer, JsonNode node);
    }

    private static void walk(JsonNode node, String pointer, Visitor visitor) {
        if (node.isObject()) {
            visitor.visit(pointer, node);
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                walk(member.getValue(), pointer + "/" + member.getKey(), visitor);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, visitor);
            }
        }
    }
}
