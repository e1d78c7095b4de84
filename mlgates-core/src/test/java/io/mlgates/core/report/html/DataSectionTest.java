package io.mlgates.core.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.ValidationGate;
import io.mlgates.core.gate.ValidationRequest;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.testing.FixedClock;
import io.mlgates.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validation page's data section: the schema findings and each column's drift as tables, every user-supplied
 * string escaped.
 */
class DataSectionTest {
    private static final String SCRIPT = "<script>alert('x')</script>";
    private static final String HEAD = "{\"format\": \"mlgates-input-schema\", \"version\": 1, \"columns\": [\n";

    @TempDir
    static Path repo;
    private static GateResult result;

    @BeforeAll
    static void judge() throws Exception {
        Files.createDirectories(repo.resolve("model"));
        Files.createDirectories(repo.resolve("production"));
        Files.createDirectories(repo.resolve("eval"));
        Files.writeString(repo.resolve("model/m.bin"), "model");
        // a column named <script> in production only (removed), a category <script> the data meets
        Files.writeString(repo.resolve("production/schema.json"), HEAD
                + "{\"name\": \"<script>alert('x')</script>\", \"type\": \"numeric\"},\n"
                + "{\"name\": \"kind\", \"type\": \"categorical\", \"categories\": [\"a\"]}]}");
        Files.writeString(repo.resolve("model/schema.json"), HEAD
                + "{\"name\": \"kind\", \"type\": \"categorical\", \"categories\": [\"a\"]}]}");
        Files.writeString(repo.resolve("eval/predictions.csv"), "label,score,kind\n1,0.9,a\n0,0.2,"
                + SCRIPT + "\n");
        Files.writeString(repo.resolve("reference.csv"), "kind\na\na\nb\n");
        Files.writeString(repo.resolve("mlgates.yaml"), "model: {name: m}\nschema: {production: production/schema.json}\n"
                + "data: {reference: reference.csv}\nlimits:\n  - {metric: roc_auc, min: 0.5}\n");
        result = new ValidationGate().evaluate(ValidationRequest.of(Workspace.at(repo),
                new PolicyLoader().loadFromRepository(repo), FixedClock.CLOCK));
    }

    @Test
    @DisplayName("the schema findings are a table, worst first, with the column, the rule and the finding")
    void table() throws Exception {
        Document doc = HtmlChecks.valid(HtmlChecks.page(new HtmlReport().gate(result)));

        assertThat(doc.select("section.data table.schema caption").text()).startsWith("The input schema");
        assertThat(doc.select("section.data table.schema tbody tr")).extracting(tr -> tr.select("td").get(0).text()
                + " | " + tr.select("td").get(1).text() + " | " + tr.select("td").get(2).text())
                .containsExactly("FAIL | " + SCRIPT + " | removed", "WARN | kind | category");
    }

    @Test
    @DisplayName("each judged column's drift is a row: method, statistic, threshold, verdict and rows")
    void drift() throws Exception {
        Document doc = HtmlChecks.valid(HtmlChecks.page(new HtmlReport().gate(result)));

        assertThat(doc.select("section.data table.drift caption").text()).startsWith("Drift of each judged column");
        assertThat(doc.select("section.data table.drift tbody tr")).singleElement().satisfies(tr -> {
            assertThat(tr.select("td").get(1).text()).isEqualTo("kind");
            assertThat(tr.select("td").get(2).text()).isEqualTo(result.drift().orElseThrow().columns().get("kind")
                    .method().id());
            assertThat(tr.select("td").get(7).text()).isEqualTo("3 / 2");
        });
    }

    @Test
    @DisplayName("a column named <script> and a value <script> are shown as text, never as markup")
    void escaped() throws Exception {
        String fragment = new HtmlReport().gate(result);

        assertThat(fragment).doesNotContain("<script>");
        Document doc = HtmlChecks.valid(HtmlChecks.page(fragment));
        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("section.data td bdi").eachText()).contains(SCRIPT)
                .anyMatch(t -> t.endsWith("first: eval/predictions.csv:3 '" + SCRIPT + "'"));
    }

    @Test
    @DisplayName("a result without schema checks or drift has no data section")
    void none() throws Exception {
        Files.delete(repo.resolve("model/schema.json"));
        String policy = Files.readString(repo.resolve("mlgates.yaml"));
        Files.writeString(repo.resolve("mlgates.yaml"), "model: {name: m}\nlimits:\n  - {metric: roc_auc, min: 0.5}\n");
        try {
            GateResult plain = new ValidationGate().evaluate(ValidationRequest.of(Workspace.at(repo),
                    new PolicyLoader().loadFromRepository(repo),
                    FixedClock.CLOCK));
            assertThat(plain.checks()).noneMatch(c -> c.id().startsWith("schema:"));
            assertThat(new HtmlReport().gate(plain)).doesNotContain("class=\"data\"");
        } finally {
            Files.writeString(repo.resolve("mlgates.yaml"), policy);
            Files.writeString(repo.resolve("model/schema.json"), HEAD
                    + "{\"name\": \"kind\", \"type\": \"categorical\", \"categories\": [\"a\"]}]}");
        }
    }
}
