package io.mlgates.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.mlgates.core.testing.FixedClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mlgates bom} on the credit-risk example after {@code mlgates run}: the BOM validates against the official
 * CycloneDX 1.6 schema (committed as a test resource, see its README, and checked with the networknt validator, not
 * the writer's own copy), and every figure in it is the one the result JSON holds, read here with plain Jackson.
 */
class BomCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMAS = "/io/mlgates/cli/cyclonedx/";

    @TempDir
    static Path tmp;
    static Path repo;
    static JsonNode bom;
    static JsonNode validate;
    static JsonNode ethics;
    /** (type, slice or "") to the BOM's performance metric. */
    static Map<List<String>, JsonNode> metrics = new HashMap<>();
    static Map<String, String> cardProperties = new HashMap<>();

    private static int run(StringWriter out, StringWriter err, String... args) {
        return Main.execute(TestEnvironment.FIXED, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @BeforeAll
    static void judgeAndWriteTheBom() throws IOException {
        repo = ExampleRepository.copyInto(tmp);
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "run", repo.toString())).as(err.toString()).isZero();
        Path out = tmp.resolve("bom/credit-risk.cdx.json");
        StringWriter said = new StringWriter();
        assertThat(run(said, err, "bom", repo.toString(), "--out", out.toString())).as(err.toString()).isZero();
        assertThat(said.toString().strip()).isEqualTo(out.toString());
        bom = JSON.readTree(out.toFile());
        validate = JSON.readTree(repo.resolve(".mlgates/results/validate.json").toFile());
        ethics = JSON.readTree(repo.resolve(".mlgates/results/ethics.json").toFile());
        JsonNode card = bom.path("metadata").path("component").path("modelCard");
        for (JsonNode m : card.path("quantitativeAnalysis").path("performanceMetrics")) {
            assertThat(metrics.put(List.of(m.path("type").asText(), m.path("slice").asText("")), m))
                    .as("one entry per metric and slice: %s", m).isNull();
        }
        for (JsonNode p : card.path("properties")) {
            cardProperties.put(p.path("name").asText(), p.path("value").asText());
        }
    }

    static Schema officialSchema() throws IOException {
        Map<String, String> schemas = new HashMap<>();
        for (String name : List.of("bom-1.6.schema.json", "spdx.schema.json", "jsf-0.82.schema.json")) {
            try (InputStream in = BomCommandTest.class.getResourceAsStream(SCHEMAS + name)) {
                schemas.put("http://cyclonedx.org/schema/" + name, new String(in.readAllBytes(),
                        StandardCharsets.UTF_8));
            }
        }
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, b -> b.schemas(schemas))
                .getSchema(SchemaLocation.of("http://cyclonedx.org/schema/bom-1.6.schema.json"));
    }

    @Test
    @DisplayName("the credit-risk BOM validates against the official CycloneDX 1.6 schema, which does refuse a broken one")
    void validatesAgainstTheOfficialSchema() throws IOException {
        Schema schema = officialSchema();
        assertThat(schema.validate(bom)).isEmpty();
        assertThat(bom.path("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(bom.path("specVersion").asText()).isEqualTo("1.6");

        // the validator is not vacuous: a hash algorithm CycloneDX does not know, and a metric value as a number
        ObjectNode broken = bom.deepCopy();
        ((ObjectNode) broken.path("metadata").path("component").path("hashes").get(0)).put("alg", "SHA256");
        List<Error> errors = schema.validate(broken);
        assertThat(errors).isNotEmpty();
        ObjectNode number = bom.deepCopy();
        ((ObjectNode) number.path("metadata").path("component").path("modelCard").path("quantitativeAnalysis")
                .path("performanceMetrics").get(0)).put("value", 0.5);
        assertThat(schema.validate(number)).isNotEmpty();
    }

    @Test
    @DisplayName("the model is a machine-learning-model component hashed by the candidate's digest, its files by their own")
    void theModelAndItsFiles() throws Exception {
        JsonNode model = bom.path("metadata").path("component");
        String digest = validate.path("candidate").path("digest").asText();
        assertThat(model.path("type").asText()).isEqualTo("machine-learning-model");
        assertThat(model.path("name").asText()).isEqualTo("credit-risk");
        assertThat(model.path("version").asText()).isEqualTo(digest);
        assertThat(model.path("hashes").get(0).path("alg").asText()).isEqualTo("SHA-256");
        assertThat("sha256:" + model.path("hashes").get(0).path("content").asText()).isEqualTo(digest);

        Map<String, String> expected = new HashMap<>();
        try (Stream<Path> files = Files.list(repo.resolve("model"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                expected.put("model/" + f.getFileName(), HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
            }
        }
        Map<String, String> listed = new HashMap<>();
        for (JsonNode file : model.path("components")) {
            assertThat(file.path("type").asText()).isEqualTo("file");
            assertThat(file.path("hashes").get(0).path("alg").asText()).isEqualTo("SHA-256");
            listed.put(file.path("name").asText(), file.path("hashes").get(0).path("content").asText());
        }
        assertThat(listed).isEqualTo(expected).hasSize(3);
    }

    @Test
    @DisplayName("every overall metric of both results is listed with its value and interval; undefined ones without a value")
    void overallMetrics() {
        for (JsonNode result : List.of(validate, ethics)) {
            for (Iterator<Map.Entry<String, JsonNode>> it = result.path("metrics").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                assertListed(e.getKey(), "", e.getValue());
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = ethics.path("fairnessOverall").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().has("value")) {
                assertListed(e.getKey(), "", e.getValue());
            }
        }
        assertThat(metrics.get(List.of("roc_auc", "")).path("confidenceInterval").path("lowerBound").asDouble())
                .isEqualTo(validate.path("metrics").path("roc_auc").path("ci").get(0).asDouble());
    }

    @Test
    @DisplayName("each validation slice is listed with its interval; one too small for it to judge has the ethics gate's figure")
    void sliceMetrics() {
        int slices = 0;
        for (JsonNode check : validate.path("checks")) {
            if (!check.path("id").asText().startsWith("slice:")) {
                continue;
            }
            slices++;
            JsonNode m = metrics.get(List.of(check.path("metric").asText(), check.path("slice").asText()));
            assertThat(m).as(check.path("id").asText()).isNotNull();
            if (check.path("observed").isNull()) {
                // too few rows for the validation gate to judge; the ethics gate computed the same group's figure
                String[] slice = check.path("slice").asText().split("=", 2);
                assertListed(check.path("metric").asText(), check.path("slice").asText(), ethics.path("fairness")
                        .path(slice[0]).path("groups").path(slice[1]).path("metrics").path(check.path("metric")
                                .asText()));
            } else {
                assertThat(Double.parseDouble(m.path("value").asText())).isEqualTo(check.path("observed").asDouble());
                assertThat(Double.parseDouble(m.path("confidenceInterval").path("lowerBound").asText()))
                        .isEqualTo(check.path("ci").get(0).asDouble());
                assertThat(Double.parseDouble(m.path("confidenceInterval").path("upperBound").asText()))
                        .isEqualTo(check.path("ci").get(1).asDouble());
            }
        }
        assertThat(slices).isEqualTo(6);
        assertThat(metrics.get(List.of("recall", "age_band=60+")).path("value").asText()).isEqualTo("0.0");
    }

    @Test
    @DisplayName("every group of every sensitive attribute and intersection is listed: rates and metrics with their intervals")
    void groupMetricsAndDisparities() {
        int groups = 0;
        for (Iterator<Map.Entry<String, JsonNode>> a = ethics.path("fairness").fields(); a.hasNext(); ) {
            Map.Entry<String, JsonNode> attribute = a.next();
            for (Iterator<Map.Entry<String, JsonNode>> g = attribute.getValue().path("groups").fields(); g.hasNext(); ) {
                Map.Entry<String, JsonNode> group = g.next();
                groups++;
                String slice = attribute.getKey() + "=" + group.getKey();
                for (String rate : List.of("selection_rate", "tpr", "fpr", "fnr", "ppv", "accuracy")) {
                    assertListed(rate, slice, group.getValue().path(rate));
                }
                for (Iterator<Map.Entry<String, JsonNode>> m = group.getValue().path("metrics").fields(); m.hasNext(); ) {
                    Map.Entry<String, JsonNode> metric = m.next();
                    assertListed(metric.getKey(), slice, metric.getValue());
                }
            }
            JsonNode judged = attribute.getValue().path("judged");
            List<String> judgedGroups = new ArrayList<>();
            judged.path("groups").forEach(n -> judgedGroups.add(n.asText()));
            String across = "across " + attribute.getKey() + ": " + String.join(", ", judgedGroups);
            for (String disparity : List.of("demographic_parity_difference", "equal_opportunity_difference",
                    "equalized_odds_difference", "demographic_parity_ratio")) {
                assertListed(disparity, across, judged.path(disparity));
            }
        }
        // sex (2), age_band (4) and their intersection (8)
        assertThat(groups).isEqualTo(14);
        JsonNode female = metrics.get(List.of("tpr", "sex=female"));
        assertThat(female.path("confidenceInterval").has("lowerBound")).isTrue();
        // a rank metric not computed per group is undefined: no value, never 0, and the reason is kept
        assertThat(metrics.get(List.of("roc_auc", "sex=female")).has("value")).isFalse();
        assertThat(cardProperties.get("mlgates:undefined:roc_auc [sex=female]")).isEqualTo("rank metrics not requested");
    }

    @Test
    @DisplayName("the data set carries its SPDX licence and datasheet; the gate results and the model card are referenced by digest")
    void dataSetsAndReferences() throws Exception {
        JsonNode data = bom.path("components").get(0);
        assertThat(data.path("type").asText()).isEqualTo("data");
        assertThat(data.path("name").asText()).isEqualTo("german-credit");
        assertThat(data.path("licenses").get(0).path("license").path("id").asText()).isEqualTo("CC-BY-4.0");
        JsonNode sheet = data.path("externalReferences").get(0);
        assertThat(sheet.path("url").asText()).isEqualTo("../credit-risk/data/DATASHEET.md");
        assertThat(sheet.path("hashes").get(0).path("content").asText()).isEqualTo(sha256(repo.resolve(
                "data/DATASHEET.md")));
        assertThat(bom.path("metadata").path("component").path("modelCard").path("modelParameters")
                .path("datasets").get(0).path("ref").asText()).isEqualTo(data.path("bom-ref").asText());

        Map<String, String> refs = new HashMap<>();
        for (JsonNode ref : bom.path("metadata").path("component").path("externalReferences")) {
            refs.put(ref.path("url").asText(), ref.path("type").asText() + " " + ref.path("hashes").get(0)
                    .path("content").asText());
        }
        Path results = repo.resolve(".mlgates/results");
        assertThat(refs).containsEntry("../credit-risk/.mlgates/results/validate.json",
                        "quality-metrics " + sha256(results.resolve("validate.json")))
                .containsEntry("../credit-risk/.mlgates/results/ethics.json",
                        "quality-metrics " + sha256(results.resolve("ethics.json")))
                .containsEntry("../credit-risk/MODEL_CARD.md", "documentation " + sha256(repo.resolve("MODEL_CARD.md")));
    }

    @Test
    @DisplayName("the model card's sections become the considerations; the policy's task and the card's architecture"
            + " and formats the model parameters")
    void considerations() {
        JsonNode card = bom.path("metadata").path("component").path("modelCard");
        assertThat(card.path("modelParameters").path("task").asText()).isEqualTo("binary classification");
        assertThat(card.path("modelParameters").path("approach").path("type").asText()).isEqualTo("supervised");
        JsonNode c = card.path("considerations");
        // the architecture and formats the example's card states in its front matter (model_parameters)
        JsonNode parameters = card.path("modelParameters");
        assertThat(parameters.path("architectureFamily").asText()).isEqualTo("logistic regression");
        assertThat(parameters.path("modelArchitecture").asText()).isEqualTo("weka.classifiers.functions.Logistic"
                + " (Weka 3.6.14, ridge 1.0E-8)");
        assertThat(parameters.path("inputs").toString()).isEqualTo("[{\"format\":\"tabular\"}]");
        assertThat(parameters.path("outputs").toString()).isEqualTo("[{\"format\":\"probability\"}]");
        assertThat(c.path("useCases").get(0).asText()).startsWith("Illustrating the ML Gates pipeline");
        assertThat(c.path("technicalLimitations").toString()).contains("Out of scope: Deciding on real loan"
                + " applications");
        assertThat(c.path("ethicalConsiderations").get(0).path("name").asText())
                .contains("Protected attributes are inputs");
        assertThat(bom.path("metadata").path("timestamp").asText()).isEqualTo(FixedClock.JUDGED_AT.toString());
    }

    @Test
    @DisplayName("a candidate the gates have not judged as it is now has no BOM: bad input, exit 2, nothing written")
    void aChangedModelHasNoEvidence() throws Exception {
        Path copy = ExampleRepository.copyInto(tmp.resolve("changed"));
        StringWriter err = new StringWriter();
        Path out = tmp.resolve("changed.cdx.json");
        assertThat(run(new StringWriter(), err, "bom", copy.toString(), "--out", out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("results");
        assertThat(out).doesNotExist();

        Files.createDirectories(copy.resolve(".mlgates/results"));
        Files.copy(repo.resolve(".mlgates/results/validate.json"), copy.resolve(".mlgates/results/validate.json"));
        Files.writeString(copy.resolve("model/features.json"), "{}");
        err.getBuffer().setLength(0);
        assertThat(run(new StringWriter(), err, "bom", copy.toString(), "--out", out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no gate result for the candidate sha256:");
        assertThat(out).doesNotExist();
    }

    /** The BOM lists the metric at the slice with the result's value and interval, or without a value when it is null. */
    private static void assertListed(String type, String slice, JsonNode expected) {
        JsonNode m = metrics.get(List.of(type, slice));
        assertThat(m).as("%s [%s]", type, slice).isNotNull();
        if (expected.path("value").isNull()) {
            assertThat(m.has("value")).as("%s [%s] is undefined", type, slice).isFalse();
            assertThat(m.has("confidenceInterval")).isFalse();
            assertThat(cardProperties.get("mlgates:undefined:" + type + (slice.isEmpty() ? "" : " [" + slice + "]")))
                    .isEqualTo(expected.path("reason").asText());
            return;
        }
        assertThat(Double.parseDouble(m.path("value").asText())).as("%s [%s]", type, slice)
                .isEqualTo(expected.path("value").asDouble());
        JsonNode ci = expected.path("ci");
        if (ci.isArray()) {
            assertThat(Double.parseDouble(m.path("confidenceInterval").path("lowerBound").asText()))
                    .isEqualTo(ci.get(0).asDouble());
            assertThat(Double.parseDouble(m.path("confidenceInterval").path("upperBound").asText()))
                    .isEqualTo(ci.get(1).asDouble());
        } else {
            assertThat(m.has("confidenceInterval")).as("%s [%s] has no interval", type, slice).isFalse();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
