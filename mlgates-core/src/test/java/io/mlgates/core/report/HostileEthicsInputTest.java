package io.mlgates.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgates.core.gate.EthicsGate;
import io.mlgates.core.gate.EthicsRequest;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.workspace.Workspace;
import io.mlgates.core.testing.FixedClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Group values from a prediction file and text from a model card, holding markup, quotes and control characters,
 * through the ethics gate and out of every output format: escaped where the format needs it, and intact.
 */
class HostileEthicsInputTest {
    /** Markup, both quotes, an ampersand, a bell, an escape sequence and a right-to-left override. */
    private static final String GROUP = "<b onclick='x'>\"g\" & \u0007\u001b[2J\u202E";

    @TempDir
    static Path repo;
    private static GateResult result;

    @BeforeAll
    static void judge() throws Exception {
        Files.createDirectories(repo.resolve("model"));
        Files.writeString(repo.resolve("model/m.bin"), "m");
        Files.createDirectories(repo.resolve("eval"));
        StringBuilder csv = new StringBuilder("label,prediction,grp\n");
        String quoted = "\"" + GROUP.replace("\"", "\"\"") + "\"";
        for (int i = 0; i < 40; i++) {
            csv.append(i % 2).append(',').append(i % 3 == 0 ? 1 : 0).append(",plain\n");
            csv.append(i % 2).append(',').append(i % 5 == 0 ? 1 : 0).append(',').append(quoted).append('\n');
        }
        Files.writeString(repo.resolve("eval/predictions.csv"), csv.toString());
        // the card's metric name carries markup, quotes and a bell (YAML's \a escape)
        Files.writeString(repo.resolve("MODEL_CARD.md"), """
                ---
                model-index:
                  - results:
                      - metrics:
                          - type: "<i>acc</i> \\"q\\" & 'x' \\a"
                            value: 0.5
                ---
                # Card
                """);
        Files.writeString(repo.resolve("mlgates.yaml"), """
                predictions:
                  columns: {prediction: prediction}
                ethics:
                  fairness:
                    sensitive: [grp]
                    reference: {grp: plain}
                """);
        Workspace ws = Workspace.at(repo);
        result = new EthicsGate().evaluate(EthicsRequest.of(ws, new PolicyLoader().loadFromRepository(ws.root()),
                FixedClock.CLOCK));
    }

    @Test
    @DisplayName("the gate keeps the group value and the card's metric name exactly as written")
    void intactInTheResult() {
        assertThat(result.fairness().orElseThrow().attributes().get("grp").groups()).containsKey(GROUP);
        assertThat(result.checks()).anyMatch(c -> c.id().equals("fairness:grp:four_fifths:" + GROUP));
        assertThat(result.checks()).anyMatch(c -> c.id().equals("docs:model_card:metric:<i>acc</i> \"q\" & 'x' \u0007"));
    }

    @Test
    @DisplayName("JSON: escaped, valid against the schema, and read back equal")
    void json() throws Exception {
        GateResultJson json = new GateResultJson();
        String text = json.toJson(result);
        assertThat(text).doesNotContain("\u0007").doesNotContain("\u001b").contains("\\u0007");
        assertThat(GateResultJsonTest.validate(text)).isEmpty();
        assertThat(json.read(text.getBytes(StandardCharsets.UTF_8), "ethics.json")).isEqualTo(result);
        JsonNode groups = new ObjectMapper().readTree(text).path("fairness").path("grp").path("groups");
        assertThat(groups.has(GROUP)).isTrue();
    }

    @Test
    @DisplayName("JUnit XML: well-formed; markup and quotes intact, characters XML cannot carry replaced")
    void junitXml() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JUnitXml().write(result, out);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
        NodeList cases = doc.getElementsByTagName("testcase");
        boolean found = false;
        for (int i = 0; i < cases.getLength(); i++) {
            String name = ((Element) cases.item(i)).getAttribute("name");
            if (name.startsWith("fairness:grp:four_fifths:")) {
                found = true;
                assertThat(name).isEqualTo("fairness:grp:four_fifths:<b onclick='x'>\"g\" & \uFFFD\uFFFD[2J\u202E");
            }
        }
        assertThat(found).isTrue();
    }

    @Test
    @DisplayName("console: no control character reaches the terminal; the visible text is intact")
    void console() {
        String table = new ConsoleTable().render(result);
        assertThat(table).doesNotContain("\u0007").doesNotContain("\u001b").doesNotContain("\u202E")
                .contains("<b onclick='x'>\"g\" & ??[2J?")
                .contains("docs:model_card:metric:<i>acc</i> \"q\" & 'x' ?");
    }
}
