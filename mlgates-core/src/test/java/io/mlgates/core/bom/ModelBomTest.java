package io.mlgates.core.bom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgates.core.candidate.ArtefactFile;
import io.mlgates.core.candidate.Artefacts;
import io.mlgates.core.docs.ModelCard;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.metrics.TaskType;
import io.mlgates.core.report.GateResultFixtures;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.ExternalReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ModelBomTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static BomSources sources(GateResult result) {
        Artefacts artefacts = new Artefacts(result.candidate(), List.of(
                new ArtefactFile("model.bin", "sha256:" + "01".repeat(32), 1000),
                new ArtefactFile("sub/features.json", "sha256:" + "02".repeat(32), 234)));
        return new BomSources(result.modelName(), artefacts, "model", TaskType.BINARY,
                new BomSources.Document("mlgates.yaml", result.policyDigest()), Optional.empty(),
                List.of(new BomSources.DataSet("rows" + GateResultFixtures.HOSTILE, "cc-by-4.0", Optional.empty()),
                        new BomSources.DataSet("internal", "LicenseRef-acme-internal", Optional.empty())),
                List.of(new BomSources.ResultFile(result, new BomSources.Document("results/validate.json",
                        "sha256:" + "03".repeat(32)))), "0.1.0-test", result.evaluatedAt());
    }

    @Test
    @DisplayName("an undefined metric has no value, never 0, and its reason is kept as a property")
    void undefinedIsNotZero() throws Exception {
        JsonNode bom = JSON.readTree(BomJson.validated(ModelBom.of(sources(GateResultFixtures.full("m")))));
        JsonNode card = bom.path("metadata").path("component").path("modelCard");
        Map<String, JsonNode> metrics = new HashMap<>();
        card.path("quantitativeAnalysis").path("performanceMetrics").forEach(m ->
                metrics.put(m.path("type").asText() + "|" + m.path("slice").asText(""), m));
        Map<String, String> properties = new HashMap<>();
        card.path("properties").forEach(p -> properties.put(p.path("name").asText(), p.path("value").asText()));

        assertThat(metrics.get("recall|").has("value")).isFalse();
        assertThat(metrics.get("recall|").has("confidenceInterval")).isFalse();
        assertThat(properties).containsEntry("mlgates:undefined:recall", "no positive labels: recall is 0/0");
        // a slice too small to judge, which no other result defines
        assertThat(metrics.get("recall|g=m").has("value")).isFalse();
        assertThat(properties).containsEntry("mlgates:undefined:recall [g=m]", "slice has 2 rows m");

        assertThat(metrics.get("accuracy|").path("value").asText()).isEqualTo("0.75");
        assertThat(metrics.get("accuracy|").path("confidenceInterval").path("lowerBound").asText())
                .isEqualTo("0.409");
        assertThat(properties).containsEntry("mlgates:interval:accuracy", "95.0 % wilson");
    }

    @Test
    @DisplayName("users' strings (model and data set names) reach the BOM as they are, and it still validates")
    void hostileNamesValidate() throws Exception {
        GateResult hostile = GateResultFixtures.full(GateResultFixtures.HOSTILE);
        JsonNode bom = JSON.readTree(BomJson.validated(ModelBom.of(sources(hostile))));
        assertThat(bom.path("metadata").path("component").path("name").asText())
                .isEqualTo(GateResultFixtures.HOSTILE);
        JsonNode data = bom.path("components");
        assertThat(data.get(0).path("licenses").get(0).path("license").path("id").asText()).isEqualTo("CC-BY-4.0");
        // an organisation's own licence is no SPDX identifier: a named licence
        assertThat(data.get(1).path("licenses").get(0).path("license").path("name").asText())
                .isEqualTo("LicenseRef-acme-internal");
        assertThat(bom.path("metadata").path("component").path("components").get(1).path("name").asText())
                .isEqualTo("model/sub/features.json");
    }

    private static BomSources withCard(GateResult result, String card) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("MODEL_CARD", ".md");
        try {
            java.nio.file.Files.writeString(file, card);
            BomSources s = sources(result);
            return new BomSources(s.modelName(), s.artefacts(), s.artifactsPath(), s.task(), s.policy(),
                    Optional.of(new BomSources.Card(ModelCard.read(file, "MODEL_CARD.md"),
                            new BomSources.Document("MODEL_CARD.md", "sha256:" + "04".repeat(32)))), s.datasets(),
                    s.results(), s.engineVersion(), s.timestamp());
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    @DisplayName("the architecture and the input and output formats the model card declares are the BOM's model"
            + " parameters, and it validates")
    void declaredModelParameters() throws Exception {
        BomSources s = withCard(GateResultFixtures.full("m"), """
                ---
                model_parameters:
                  approach: semi-supervised
                  architecture_family: gradient-boosted trees
                  model_architecture: XGBoost 2.0, 400 trees of depth 6
                  inputs: [tabular]
                  outputs: [{format: probability}, class label]
                ---
                # Model card
                """);
        JsonNode parameters = JSON.readTree(BomJson.validated(ModelBom.of(s))).path("metadata").path("component")
                .path("modelCard").path("modelParameters");

        assertThat(parameters.path("approach").path("type").asText()).isEqualTo("semi-supervised");
        assertThat(parameters.path("task").asText()).isEqualTo("binary classification");
        assertThat(parameters.path("architectureFamily").asText()).isEqualTo("gradient-boosted trees");
        assertThat(parameters.path("modelArchitecture").asText()).isEqualTo("XGBoost 2.0, 400 trees of depth 6");
        assertThat(parameters.path("inputs").findValuesAsText("format")).containsExactly("tabular");
        assertThat(parameters.path("outputs").findValuesAsText("format"))
                .containsExactly("probability", "class label");
    }

    @Test
    @DisplayName("where the model card is silent (or absent), the BOM states no architecture, inputs or outputs")
    void silentCardAddsNothing() throws Exception {
        for (BomSources s : List.of(sources(GateResultFixtures.full("m")),
                withCard(GateResultFixtures.full("m"), "---\nmodel_parameters:\n  inputs: [tabular]\n---\n# Card\n"))) {
            JsonNode parameters = JSON.readTree(BomJson.validated(ModelBom.of(s))).path("metadata")
                    .path("component").path("modelCard").path("modelParameters");
            assertThat(parameters.path("approach").path("type").asText()).isEqualTo("supervised");
            assertThat(parameters.has("architectureFamily")).isFalse();
            assertThat(parameters.has("modelArchitecture")).isFalse();
            assertThat(parameters.has("outputs")).isFalse();
        }
        JsonNode none = JSON.readTree(BomJson.validated(ModelBom.of(sources(GateResultFixtures.full("m")))))
                .path("metadata").path("component").path("modelCard").path("modelParameters");
        assertThat(none.has("inputs")).isFalse();
    }

    @Test
    @DisplayName("the same sources give the same BOM, serial number included")
    void reproducible() throws Exception {
        BomSources s = sources(GateResultFixtures.full("m"));
        assertThat(BomJson.validated(ModelBom.of(s))).isEqualTo(BomJson.validated(ModelBom.of(s)));
    }

    @Test
    @DisplayName("a BOM the schema refuses is never returned: the library's own model-card reference type is one")
    void refusesAnInvalidBom() {
        Bom bom = ModelBom.of(sources(GateResultFixtures.full("m")));
        ExternalReference ref = new ExternalReference();
        // cyclonedx-core-java writes MODEL_CARD as "model_card"; the 1.6 schema says "model-card"
        ref.setType(ExternalReference.Type.MODEL_CARD);
        ref.setUrl("MODEL_CARD.md");
        bom.getMetadata().getComponent().addExternalReference(ref);
        assertThatThrownBy(() -> BomJson.validated(bom)).isInstanceOf(InvalidBomException.class)
                .hasMessageContaining("CycloneDX 1.6 schema").hasMessageContaining("enumeration");
    }

    @Test
    @DisplayName("a model card section becomes items: each list item, each paragraph; a table stays whole")
    void sectionItems() {
        assertThat(ModelBom.items("""
                First paragraph,
                on two lines.

                - one
                  continued
                * two
                1. three

                | a | b |
                | - | - |
                """)).containsExactly("First paragraph, on two lines.", "one continued", "two", "three",
                "| a | b |\n| - | - |");
    }
}
