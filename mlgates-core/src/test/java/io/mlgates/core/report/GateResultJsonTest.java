package io.mlgates.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.mlgates.core.gate.GateResult;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

public class GateResultJsonTest {
    private final GateResultJson json = new GateResultJson();

    public static List<Error> validate(String document) throws Exception {
        try (InputStream schemaIn = GateResultJson.class.getResourceAsStream(GateResultJson.SCHEMA_RESOURCE)) {
            String schemaText = new String(schemaIn.readAllBytes(), StandardCharsets.UTF_8);
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(schemaText);
            return schema.validate(new ObjectMapper().readTree(document));
        }
    }

    @Test
    @DisplayName("the JSON of a result with every kind of field validates against the published schema")
    void validatesAgainstSchema() throws Exception {
        String text = json.toJson(GateResultFixtures.full("credit-risk"));
        assertThat(validate(text)).isEmpty();
    }

    @Test
    @DisplayName("the schema is not a rubber stamp: a missing field and a wrong status are caught")
    void schemaBites() throws Exception {
        String text = json.toJson(GateResultFixtures.full("m"));
        assertThat(validate(text.replace("\"status\" : \"ERROR\"", "\"status\" : \"OK\""))).isNotEmpty();
        assertThat(validate(text.replace("\"candidate\"", "\"kandidate\""))).isNotEmpty();
    }

    @Test
    @DisplayName("the evidence fields: each file read with its digest, the chain head seen (or why none), the"
            + " overrides; the schema refuses a head without a reason, an unknown override and a bad digest")
    void evidenceFields() throws Exception {
        String text = json.toJson(GateResultFixtures.full("m"));
        JsonNode root = new ObjectMapper().readTree(text);
        assertThat(root.path("inputs").get(0).path("digest").asText()).isEqualTo("sha256:" + "12".repeat(32));
        assertThat(root.path("registryHead").path("seq").asLong()).isEqualTo(7);
        assertThat(root.path("overrides").path("predictions").asText()).isEqualTo("eval/p.csv");
        assertThat(root.path("data").path("failedPredictions").asLong()).isEqualTo(2);
        assertThat(validate(text.replace("\"seq\" : 7", "\"seq\" : null"))).isNotEmpty();
        assertThat(validate(text.replace("\"predictions\" : \"eval/p.csv\"\n  }",
                "\"columns\" : \"eval/p.csv\"\n  }"))).isNotEmpty();
        assertThat(validate(text.replace("\"sha256:" + "12".repeat(32), "\"md5:12"))).isNotEmpty();
        String none = json.toJson(GateResultFixtures.ethics(""));
        assertThat(new ObjectMapper().readTree(none).path("registryHead").path("reason").asText()).isEqualTo("not read");
        assertThat(validate(none)).isEmpty();
    }

    @Test
    @DisplayName("an undefined metric is null with its reason; an interval is [low, high]")
    void undefinedIsNullWithReason() throws Exception {
        JsonNode root = new ObjectMapper().readTree(json.toJson(GateResultFixtures.full("m")));
        JsonNode recall = root.path("metrics").path("recall");
        assertThat(recall.get("value").isNull()).isTrue();
        assertThat(recall.get("reason").asText()).isEqualTo("no positive labels: recall is 0/0");
        JsonNode accuracy = root.path("metrics").path("accuracy");
        assertThat(accuracy.get("value").asDouble()).isEqualTo(0.75);
        assertThat(accuracy.get("ci").get(0).asDouble()).isEqualTo(0.409);
        assertThat(accuracy.get("ci").get(1).asDouble()).isEqualTo(0.929);
        assertThat(root.path("metrics").path("reported.val_auc").get("source").asText()).isEqualTo("reported");
    }

    @Test
    @DisplayName("writing and reading back gives the same result, hostile strings included")
    void roundTrip() throws Exception {
        GateResult original = GateResultFixtures.full(GateResultFixtures.HOSTILE);
        String text = json.toJson(original);
        assertThat(json.read(text.getBytes(StandardCharsets.UTF_8), "validate.json")).isEqualTo(original);
    }

    @Test
    @DisplayName("an ethics result validates: fairness maps each attribute to its groups and each disparity by name")
    void ethicsValidatesAgainstSchema() throws Exception {
        String text = json.toJson(GateResultFixtures.ethics(""));
        assertThat(validate(text)).isEmpty();
        JsonNode fairness = new ObjectMapper().readTree(text).path("fairness");
        assertThat(fairness.fieldNames()).toIterable().containsExactly("sex", "age", "sex&age");
        JsonNode female = fairness.path("sex").path("groups").path("f");
        for (String rate : List.of("selection_rate", "tpr", "fpr", "fnr", "ppv", "accuracy")) {
            assertThat(female.path(rate).has("value")).as(rate).isTrue();
        }
        assertThat(female.path("count").asInt()).isEqualTo(40);
        assertThat(fairness.path("sex&age").path("groups").has("x&old")).isTrue();
        assertThat(fairness.path("sex&age").path("groups").path("x&old").path("excluded").asText())
                .isEqualTo("3 rows, fewer than minGroupSize 30");
        assertThat(fairness.path("sex").path("demographic_parity_ratio").path("ci").size()).isEqualTo(2);
        assertThat(fairness.path("sex").path("theil_index").path("ci").isNull()).isTrue();
    }

    @Test
    @DisplayName("an undefined disparity is null with its reason, which the schema insists on")
    void undefinedDisparityIsNullWithReason() throws Exception {
        JsonNode root = new ObjectMapper().readTree(json.toJson(GateResultFixtures.ethics("")));
        JsonNode di = root.path("fairness").path("age").path("disparate_impact");
        assertThat(di.get("value").isNull()).isTrue();
        assertThat(di.get("reason").asText()).isEqualTo("no reference group is declared for 'age'");
        String text = json.toJson(GateResultFixtures.ethics(""));
        assertThat(validate(text.replace("\"reason\" : \"no reference group is declared for 'age'\"",
                "\"note\" : \"x\""))).isNotEmpty();
    }

    @Test
    @DisplayName("a WAIVED check carries its waiver; any other status carries none")
    void waivedCheckCarriesItsWaiver() throws Exception {
        JsonNode checks = new ObjectMapper().readTree(json.toJson(GateResultFixtures.ethics(""))).path("checks");
        JsonNode waived = checks.get(1);
        assertThat(waived.path("status").asText()).isEqualTo("WAIVED");
        assertThat(waived.path("waiver").path("approver").asText()).isEqualTo("Jane ");
        assertThat(waived.path("waiver").path("was").asText()).isEqualTo("FAIL");
        assertThat(checks.get(0).path("waiver").isNull()).isTrue();
    }

    @Test
    @DisplayName("an ethics result with hostile group values and texts round-trips intact and validates")
    void ethicsRoundTripWithHostileInput() throws Exception {
        GateResult original = GateResultFixtures.ethics(GateResultFixtures.HOSTILE);
        String text = json.toJson(original);
        assertThat(validate(text)).isEmpty();
        assertThat(json.read(text.getBytes(StandardCharsets.UTF_8), "ethics.json")).isEqualTo(original);
        assertThat(text).doesNotContain("\u0007").doesNotContain("\u001b");
    }

    @Test
    @DisplayName("curves are written as operating points and calibration bins, an empty bin with null mean and rate")
    void curvesInJson() throws Exception {
        String text = json.toJson(GateResultFixtures.full("m"));
        JsonNode curves = new ObjectMapper().readTree(text).path("curves");
        assertThat(curves.path("operatingPoints")).hasSize(3);
        assertThat(curves.path("operatingPoints").get(1).get("tpr").asDouble()).isEqualTo(0.75);
        assertThat(curves.has("reason")).isFalse();
        assertThat(curves.path("calibration").get(1).get("meanScore").isNull()).isTrue();
        assertThat(curves.path("calibration").get(1).get("rows").asLong()).isZero();
        assertThat(validate(text)).isEmpty();
    }

    @Test
    @DisplayName("a result without curves writes null, validates, and reads back the same")
    void withoutCurves() throws Exception {
        GateResult original = GateResultFixtures.withoutCurves("m");
        String text = json.toJson(original);
        assertThat(new ObjectMapper().readTree(text).get("curves").isNull()).isTrue();
        assertThat(validate(text)).isEmpty();
        assertThat(json.read(text.getBytes(StandardCharsets.UTF_8), "validate.json")).isEqualTo(original);
    }

    @Test
    @DisplayName("the schema holds curves strictly: a rate above 1, an empty bin with a mean, points without a reason")
    void schemaBitesOnCurves() throws Exception {
        String text = json.toJson(GateResultFixtures.full("m"));
        assertThat(validate(text.replace("\"tpr\" : 0.75", "\"tpr\" : 1.75"))).isNotEmpty();
        assertThat(validate(text.replace("\"meanScore\" : null", "\"meanScore\" : 0.7"))).isNotEmpty();
        String noPoints = text.replaceAll("(?s)\"operatingPoints\" : \\[.*?\\],", "\"operatingPoints\" : [ ],");
        assertThat(noPoints).isNotEqualTo(text);
        assertThat(validate(noPoints)).isNotEmpty();
        assertThat(validate(noPoints.replace("\"operatingPoints\" : [ ],",
                "\"operatingPoints\" : [ ], \"reason\" : \"no rows\",")))
                .isEmpty();
    }
}
