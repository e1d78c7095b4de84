package io.mlgates.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgates.core.docs.CardSection;
import io.mlgates.core.policy.LoadedPolicy;
import io.mlgates.core.policy.Policy;
import io.mlgates.core.policy.PolicyLoader;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
    @TempDir
    Path tmp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(TestEnvironment.FIXED, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    @DisplayName("init then run without edits, with a model file and label,score predictions: WARN, not PASS; each"
            + " gate says it judged nothing (policy:judged) and the ethics gate names every unfilled card section")
    void initThenRunWithoutEditsWarns() throws Exception {
        Path repo = initWithAModelAndPredictions("churn-model");

        assertThat(run("run", repo.toString())).as("WARN exits 0").isZero();
        assertThat(out.toString()).contains("validate gate: WARN").contains("ethics gate: WARN")
                .contains("model churn-model").doesNotContain("verdict: PASS");
        assertThat(repo.resolve(".mlgates/results/report/index.html")).exists();
        assertThat(err.toString()).contains("report" + java.io.File.separator + "index.html");

        ObjectMapper json = new ObjectMapper();
        JsonNode validate = json.readTree(repo.resolve(".mlgates/results/validate.json").toFile());
        JsonNode ethics = json.readTree(repo.resolve(".mlgates/results/ethics.json").toFile());
        assertThat(validate.get("status").asText()).isEqualTo("WARN");
        assertThat(ethics.get("status").asText()).isEqualTo("WARN");
        assertThat(statuses(validate)).containsEntry("policy:judged", "WARN").containsEntry("data:rows", "PASS")
                .hasSize(2);
        Map<String, String> ethicsChecks = statuses(ethics);
        assertThat(ethicsChecks).containsEntry("policy:judged", "WARN");
        for (CardSection section : CardSection.values()) {
            assertThat(ethicsChecks).containsEntry("docs:model_card:" + section.id(), "WARN");
            assertThat(message(ethics, "docs:model_card:" + section.id()))
                    .contains("the model card's " + section.title() + " section still holds the template's TODO:");
        }
        assertThat(ethicsChecks).doesNotContainValue("FAIL").doesNotContainValue("ERROR");
    }

    @Test
    @DisplayName("at tier high, the untouched model card and datasheet fail: each unfilled section counts as missing,"
            + " named")
    void untouchedTemplatesFailAtTierHigh() throws Exception {
        Path repo = initWithAModelAndPredictions("m");
        Files.writeString(repo.resolve("model/features.json"), "[\"income\"]");
        Files.writeString(repo.resolve("mlgates.yaml"), "ethics:\n  riskTier: high\n  datasets:\n"
                + "    - {name: loans, licence: CC0-1.0, datasheet: DATASHEET.md}\n");
        out.getBuffer().setLength(0);

        assertThat(run("ethics", "--policy", repo.resolve("mlgates.yaml").toString(), "--format", "json"))
                .isEqualTo(1);
        JsonNode ethics = new ObjectMapper().readTree(out.toString());
        for (CardSection section : CardSection.values()) {
            assertThat(statuses(ethics)).containsEntry("docs:model_card:" + section.id(), "FAIL");
            assertThat(message(ethics, "docs:model_card:" + section.id())).contains(section.title() + " section"
                    + " still holds the template's TODO: text, so it counts as missing; tier high requires it");
        }
        assertThat(statuses(ethics)).containsEntry("docs:datasheet:loans", "FAIL");
        assertThat(message(ethics, "docs:datasheet:loans")).contains("still holds the template's TODO: text in its"
                + " motivation, composition, collection, preprocessing, uses, distribution, maintenance sections");
    }

    /** A repository as init leaves it, with a model file and label,score predictions: nothing else edited. */
    private Path initWithAModelAndPredictions(String name) throws Exception {
        Path repo = tmp.resolve(name);
        assertThat(run("init", repo.toString())).isZero();
        Files.createDirectories(repo.resolve("model"));
        Files.write(repo.resolve("model/model.bin"), new byte[] {1, 2, 3});
        Files.createDirectories(repo.resolve("eval"));
        Files.writeString(repo.resolve("eval/predictions.csv"), "label,score\n1,0.9\n0,0.2\n1,0.7\n0,0.4\n");
        return repo;
    }

    private static Map<String, String> statuses(JsonNode result) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        result.get("checks").forEach(c -> out.put(c.get("id").asText(), c.get("status").asText()));
        return out;
    }

    private static String message(JsonNode result, String id) {
        for (JsonNode c : result.get("checks")) {
            if (c.get("id").asText().equals(id)) {
                return c.get("message").asText();
            }
        }
        throw new AssertionError("no check " + id);
    }

    @Test
    @DisplayName("the scaffolded policy means exactly what no policy means: the defaults")
    void scaffoldedPolicyIsTheDefaults() throws Exception {
        Path repo = tmp.resolve("m");
        assertThat(run("init", repo.toString())).isZero();
        LoadedPolicy loaded = new PolicyLoader().loadFromRepository(repo);
        assertThat(loaded.fileName()).isPresent();
        assertThat(loaded.policy()).isEqualTo(Policy.defaults("m"));
    }

    @Test
    @DisplayName("the scaffolded policy names every key the policy schema accepts, set or commented")
    void everyKeyIsThere() throws Exception {
        JsonNode schema;
        try (InputStream in = Policy.class.getResourceAsStream("mlgates-policy.schema.json")) {
            schema = new ObjectMapper().readTree(in);
        }
        Set<String> keys = new TreeSet<>();
        collectKeys(schema, schema, keys);
        assertThat(keys).contains("version", "artifacts", "invalidRows", "maxRelativeDrop", "minSize", "judge");
        String template = InitCommand.template("mlgates.yaml");
        for (String key : keys) {
            assertThat(Pattern.compile("(?m)^\\s*(#\\s*)*(- )?" + Pattern.quote(key) + ":").matcher(template).find())
                    .as("key '%s' in the scaffolded mlgates.yaml", key).isTrue();
        }
    }

    /** Every property name in the schema, following $ref into $defs. */
    private static void collectKeys(JsonNode node, JsonNode root, Set<String> keys) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.asText().startsWith("#/$defs/")) {
                collectKeys(root.get("$defs").get(ref.asText().substring("#/$defs/".length())), root, keys);
            }
            JsonNode properties = node.get("properties");
            if (properties != null) {
                for (Map.Entry<String, JsonNode> e : properties.properties()) {
                    keys.add(e.getKey());
                    collectKeys(e.getValue(), root, keys);
                }
            }
            for (String child : new String[] {"items", "oneOf", "anyOf", "allOf"}) {
                if (node.has(child)) {
                    collectKeys(node.get(child), root, keys);
                }
            }
        } else if (node.isArray()) {
            node.forEach(n -> collectKeys(n, root, keys));
        }
    }

    @Test
    @DisplayName("a second init names the first file it would overwrite, then each other one once")
    void secondInitNamesEachFileOnce() throws Exception {
        Path repo = tmp.resolve("m");
        assertThat(run("init", repo.toString())).isZero();
        assertThat(run("init", repo.toString())).isEqualTo(2);
        String message = err.toString();
        assertThat(message).contains("mlgates.yaml: already exists (so do MODEL_CARD.md, DATASHEET.md");
        assertThat(message.split("mlgates.yaml", -1)).hasSize(2);
    }

    @Test
    @DisplayName("existing files are left alone and nothing is written, unless --force")
    void refusesToOverwrite() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("m"));
        Files.writeString(repo.resolve("mlgates.yaml"), "task: regression\n");
        assertThat(run("init", repo.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("mlgates.yaml").contains("already exists").contains("--force");
        assertThat(Files.readString(repo.resolve("mlgates.yaml"))).isEqualTo("task: regression\n");
        assertThat(repo.resolve("MODEL_CARD.md")).doesNotExist();
        assertThat(repo.resolve(".gitignore")).doesNotExist();

        assertThat(run("init", repo.toString(), "--force")).isZero();
        assertThat(Files.readString(repo.resolve("mlgates.yaml"))).contains("task: binary");
        assertThat(repo.resolve("MODEL_CARD.md")).exists();
    }

    @Test
    @DisplayName(".gitignore gains the results line once, keeping what it had")
    void gitignore() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("m"));
        Files.writeString(repo.resolve(".gitignore"), "*.pyc");
        assertThat(run("init", repo.toString())).isZero();
        assertThat(Files.readString(repo.resolve(".gitignore")))
                .isEqualTo("*.pyc\n# ML Gates: local results and reports\n.mlgates/\n");
        assertThat(run("init", repo.toString(), "--force")).isZero();
        assertThat(Files.readString(repo.resolve(".gitignore")).lines().filter(".mlgates/"::equals)).hasSize(1);
    }

    @Test
    @DisplayName("the model card has Hugging Face front matter and every section the ethics gate will require")
    void modelCard() throws Exception {
        Path repo = tmp.resolve("credit: \"risk\"\nx");
        assertThat(run("init", repo.toString())).isZero();
        String card = Files.readString(repo.resolve("MODEL_CARD.md"));
        assertThat(card).startsWith("---\n").contains("\n---\n");
        String frontMatter = card.substring(4, card.indexOf("\n---\n"));
        JsonNode yaml = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(frontMatter);
        assertThat(yaml.get("model_name").asText()).isEqualTo("credit: \"risk\"\nx");
        for (String key : new String[] {"license", "datasets", "metrics", "owner", "contact", "risk_tier"}) {
            assertThat(yaml.has(key)).as(key).isTrue();
        }
        for (String section : new String[] {"Intended use", "Out-of-scope uses", "Training data", "Evaluation data",
                "Metrics", "Ethical considerations", "Caveats and recommendations", "Owner and contact"}) {
            assertThat(card).contains("\n## " + section + "\n");
        }
        assertThat(new PolicyLoader().loadFromRepository(repo).policy().modelName()).isEqualTo("credit: \"risk\"\nx");
    }

    @Test
    @DisplayName("the model card's commented model_parameters, uncommented and filled in, are what the card declares")
    void modelParametersTemplate() throws Exception {
        Path repo = tmp.resolve("m");
        assertThat(run("init", repo.toString())).isZero();
        Path card = repo.resolve("MODEL_CARD.md");
        io.mlgates.core.docs.ModelCard template = io.mlgates.core.docs.ModelCard.read(card, "MODEL_CARD.md");
        assertThat(template.declaredModel().isEmpty()).isTrue();
        String filled = Files.readString(card).replace("# model_parameters:", "model_parameters:")
                .replace("#   approach: supervised", "  approach: supervised")
                .replace("#   architecture_family: \"\"", "  architecture_family: gradient boosting")
                .replace("#   model_architecture: \"\"", "  model_architecture: xgboost 2.1, 300 trees")
                .replace("#   inputs: [tabular]", "  inputs: [tabular]")
                .replace("#   outputs: [probability]", "  outputs: [probability]");
        Files.writeString(card, filled);
        io.mlgates.core.docs.DeclaredModel declared = io.mlgates.core.docs.ModelCard.read(card, "MODEL_CARD.md")
                .declaredModel();
        assertThat(declared.approach()).contains("supervised");
        assertThat(declared.architectureFamily()).contains("gradient boosting");
        assertThat(declared.modelArchitecture()).contains("xgboost 2.1, 300 trees");
        assertThat(declared.inputs()).containsExactly("tabular");
        assertThat(declared.outputs()).containsExactly("probability");
    }

    @Test
    @DisplayName("the datasheet and the Jenkinsfile: sections of a datasheet; the gate steps the plugin has, and no other")
    void datasheetAndJenkinsfile() throws Exception {
        Path repo = tmp.resolve("m");
        assertThat(run("init", repo.toString())).isZero();
        assertThat(Files.readString(repo.resolve("DATASHEET.md"))).contains("## Motivation", "## Composition",
                "## Collection process", "## Distribution and licence", "## Maintenance", "license:");
        String jenkinsfile = Files.readString(repo.resolve("Jenkinsfile"));
        assertThat(jenkinsfile).contains("mlValidate()").contains("mlEthicsGate()")
                .contains("junit testResults: '.mlgates/results/**/TEST-*.xml'");
        assertThat(jenkinsfile.lines().filter(l -> !l.strip().startsWith("//")))
                .noneMatch(l -> l.contains("mlPromote"));
    }

    @Test
    @DisplayName("init into a file, or with an unknown option, is bad usage: exit 2")
    void badUsage() throws Exception {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertThat(run("init", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("not a folder");
        assertThat(run("init", "--frobnicate")).isEqualTo(2);
    }
}
