package io.mlgates.core.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Compares a Statement of ours with a specification's published example, field by field: every field the example
 * has, ours has with the same JSON type (objects compared again inside, an array's elements with the example's
 * first), except the optional fields the caller says it omits; a field of ours that the example lacks must be an
 * extension, named by a URI (the in-toto parsing rules), or, where the example has a ResourceDescriptor, one of the
 * framework's ResourceDescriptor fields (spec/v1/resource_descriptor.md). In maps whose keys the producer chooses (a digest set, the
 * verifier's version map) only the values' type is compared.
 */
final class PublishedShapes {
    private static final Set<String> PRODUCER_KEYED = Set.of("$.subject[].digest", "$.predicate.configuration[].digest",
            "$.predicate.verifier.version", "$.predicate.policy.digest");

    /** Where the specifications put a ResourceDescriptor, whose fields the framework defines beyond the example's. */
    private static final Set<String> DESCRIPTORS = Set.of("$.subject[]", "$.predicate.configuration[]",
            "$.predicate.policy");
    private static final Set<String> DESCRIPTOR_FIELDS = Set.of("name", "uri", "digest", "content",
            "downloadLocation", "mediaType", "annotations");

    private PublishedShapes() {
    }

    static JsonNode example(String resource) {
        String text = new String(Fixtures.bytes(resource), StandardCharsets.UTF_8);
        if (resource.endsWith(".jsonc")) {
            // The SLSA page's example is JSON with // comments and trailing commas, without its outer braces.
            text = "{" + text.replaceAll("(?m)^\\s*//.*$", "").replaceAll(",(\\s*[}\\]])", "$1") + "}";
        }
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param omitted paths of optional fields of the example that ours leaves out, each said why in the test
     */
    static void assertSameShape(JsonNode ours, JsonNode example, Set<String> omitted) {
        compare(ours, example, "$", omitted);
    }

    private static void compare(JsonNode ours, JsonNode example, String path, Set<String> omitted) {
        assertThat(ours.getNodeType()).as("JSON type of %s", path).isEqualTo(example.getNodeType());
        if (PRODUCER_KEYED.contains(path)) {
            JsonNode exampleValue = example.elements().next();
            assertThat(ours.size()).as("entries of %s", path).isPositive();
            ours.elements().forEachRemaining(v -> assertThat(v.getNodeType()).as("values of %s", path)
                    .isEqualTo(exampleValue.getNodeType()));
            return;
        }
        if (example.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = example.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String at = path + "." + field.getKey();
                if (omitted.contains(at)) {
                    assertThat(ours.has(field.getKey())).as("%s is left out", at).isFalse();
                    continue;
                }
                assertThat(ours.has(field.getKey())).as("%s is present", at).isTrue();
                compare(ours.get(field.getKey()), field.getValue(), at, omitted);
            }
            for (Iterator<String> it = ours.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!example.has(name) && !(DESCRIPTORS.contains(path) && DESCRIPTOR_FIELDS.contains(name))) {
                    assertThat(name).as("%s.%s, not in the published example, is an extension named by a URI",
                            path, name).startsWith("https://");
                }
            }
        } else if (example.isArray() && !example.isEmpty()) {
            for (JsonNode element : ours) {
                compare(element, example.get(0), path + "[]", omitted);
            }
        }
    }
}
