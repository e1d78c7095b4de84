package io.mlgates.core.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgates.core.drift.ColumnDistribution;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.ValidationGate;
import io.mlgates.core.gate.ValidationRequest;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.report.GateResultJson;
import io.mlgates.core.testing.FixedClock;
import io.mlgates.core.workspace.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each judged column's distributions: carried in validate.json, read back unchanged, and drawn as an inline SVG in
 * the data section with every user-supplied name escaped.
 */
class DriftChartTest {
    private static final String COLUMN = "<script>";
    private static final String CATEGORY = "\"><img src=x onerror=alert(1)>";

    @TempDir
    static Path repo;
    private static GateResult result;

    @BeforeAll
    static void judge() throws Exception {
        Files.createDirectories(repo.resolve("model"));
        Files.createDirectories(repo.resolve("eval"));
        Files.writeString(repo.resolve("model/m.bin"), "model");
        // <script>: 1..30 on both sides (binned: more than 20 distinct); kind: a and b in the reference, the hostile
        // category only in the current data
        StringBuilder predictions = new StringBuilder("label,score,<script>,kind\n");
        StringBuilder reference = new StringBuilder("<script>,kind\n");
        for (int i = 1; i <= 30; i++) {
            predictions.append(i % 2).append(',').append(i % 2 == 1 ? "0.8" : "0.3").append(',').append(i)
                    .append(',').append(i <= 10 ? "a" : "\"\"\"><img src=x onerror=alert(1)>\"").append('\n');
            reference.append(i).append(',').append(i % 3 == 0 ? "b" : "a").append('\n');
        }
        Files.writeString(repo.resolve("eval/predictions.csv"), predictions);
        Files.writeString(repo.resolve("reference.csv"), reference);
        Files.writeString(repo.resolve("mlgates.yaml"), "model: {name: m}\ndata: {reference: reference.csv}\n"
                + "limits:\n  - {metric: roc_auc, min: 0.5}\n");
        result = new ValidationGate().evaluate(ValidationRequest.of(Workspace.at(repo),
                new PolicyLoader().loadFromRepository(repo), FixedClock.CLOCK));
    }

    @Test
    @DisplayName("validate.json carries each column's counts, valid against the schema, and reads back unchanged")
    void roundTrip() throws Exception {
        GateResultJson json = new GateResultJson();
        String text = json.toJson(result);
        JsonNode columns = new ObjectMapper().readTree(text).path("drift").path("columns");

        JsonNode bins = columns.path(COLUMN).path("distribution");
        assertThat(bins.path("kind").asText()).isEqualTo("bins");
        // 60 values from 1 to 30: log2(60) + 1 = 6.9, so 7 bins; the same values on both sides, the same counts
        assertThat(bins.path("edges")).hasSize(8);
        assertThat(bins.path("reference").toString()).isEqualTo(bins.path("current").toString());
        JsonNode categories = columns.path("kind").path("distribution");
        assertThat(categories.path("kind").asText()).isEqualTo("categories");
        // category order by code point: '"' before 'a' before 'b'; reference 20 a, 10 b; current 10 a, 20 hostile
        assertThat(categories.path("values").toString())
                .isEqualTo(new ObjectMapper().writeValueAsString(java.util.List.of(CATEGORY, "a", "b")));
        assertThat(categories.path("reference").toString()).isEqualTo("[0,20,10]");
        assertThat(categories.path("current").toString()).isEqualTo("[20,10,0]");
        assertThat(io.mlgates.core.report.GateResultJsonTest.validate(text)).isEmpty();

        GateResult back = json.read(text.getBytes(StandardCharsets.UTF_8), "validate.json");
        assertThat(back.drift().orElseThrow().columns().get("kind").distribution().orElseThrow().kind())
                .isEqualTo(ColumnDistribution.Kind.CATEGORIES);
        assertThat(json.toJson(back)).isEqualTo(text);
    }

    @Test
    @DisplayName("the schema refuses bins without edges and a count below 0")
    void schemaBites() throws Exception {
        String text = new GateResultJson().toJson(result);
        assertThat(io.mlgates.core.report.GateResultJsonTest.validate(text.replaceFirst("\"edges\"", "\"edgez\"")))
                .isNotEmpty();
        assertThat(io.mlgates.core.report.GateResultJsonTest.validate(text.replace("\"current\" : [ 20,",
                "\"current\" : [ -20,"))).isNotEmpty();
    }

    @Test
    @DisplayName("a chart per judged column, reference and current as two series of shares, names escaped")
    void chart() throws Exception {
        String fragment = new HtmlReport().gate(result);
        Document doc = HtmlChecks.valid(HtmlChecks.page(fragment));

        assertThat(doc.select("img, script")).isEmpty();
        assertThat(doc.select("section.data figure svg")).hasSize(2);
        Element kind = doc.select("section.data figure").stream()
                .filter(f -> f.select("figcaption bdi").first().text().equals("kind")).findFirst().orElseThrow();
        assertThat(kind.select("svg title").first().text()).startsWith("kind: reference and current distributions");
        assertThat(kind.select("svg desc").text()).contains(CATEGORY + " 0% / 66.6667%");
        assertThat(kind.select("rect.dist-ref")).hasSize(3 + 1);
        assertThat(kind.select("rect.dist-cur")).hasSize(3 + 1);
        assertThat(kind.select("text.group").eachText()).hasSize(3).last().isEqualTo("b");
        assertThat(kind.select("figcaption").text()).contains("drifted");
        Element script = doc.select("section.data figure").stream()
                .filter(f -> f.select("figcaption bdi").first().text().equals(COLUMN)).findFirst().orElseThrow();
        assertThat(script.select("svg title").first().text()).startsWith(COLUMN + ": reference and current");
        assertThat(script.select("text.axis-title").eachText()).contains("bin of " + COLUMN);
        HtmlChecks.isolated(doc, CATEGORY);
    }
}
