package io.mlgates.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgates.core.metrics.Direction;
import io.mlgates.core.policy.Policy;
import io.mlgates.core.report.GateResultJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A disparity is defined once, in {@link Disparity}: the policy schema, the result schema and the docs follow it. */
class DisparityDefinitionTest {
    private static JsonNode schema(Class<?> owner, String name) throws IOException {
        try (InputStream in = owner.getResourceAsStream(name)) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    @Test
    @DisplayName("the policy schema's fairness metric names are exactly the disparities, in their order")
    void policySchema() throws IOException {
        JsonNode names = schema(Policy.class, "mlgates-policy.schema.json").at("/$defs/fairnessMetric/enum");
        assertThat(texts(names)).containsExactlyElementsOf(Disparity.ids());
    }

    @Test
    @DisplayName("the result schema requires every disparity on each attribute")
    void resultSchema() throws IOException {
        JsonNode required = schema(GateResultJson.class, "gate-result.schema.json").at("/$defs/attribute/required");
        assertThat(texts(required)).containsAll(Disparity.ids());
    }

    @Test
    @DisplayName("docs/fairness.md's table gives each disparity's definition, source, direction and interval method")
    void docsTable() throws IOException {
        List<String> rows = Files.readAllLines(Path.of("..", "docs", "fairness.md")).stream()
                .filter(l -> l.startsWith("| `")).filter(l -> l.split("\\|").length == 6).toList();
        List<String> expected = Arrays.stream(Disparity.values()).map(d -> "| `" + d.id() + "` | " + d.definition()
                + " | " + d.source() + " | " + (d.direction() == Direction.LOWER_IS_BETTER ? "lower" : "higher")
                + " | " + d.interval().description() + " |").toList();
        assertThat(rows).containsExactlyElementsOf(expected);
    }
}
