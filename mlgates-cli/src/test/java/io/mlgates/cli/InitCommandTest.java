package io.mlgates.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    @DisplayName("init then run, with a model file and a trivial prediction file, gives a verdict and a report")
    void initThenRunGivesAVerdict() throws Exception {
        Path repo = tmp.resolve("churn-model");
        assertThat(run("init", repo.toString())).isZero();
        Files.createDirectories(repo.resolve("model"));
        Files.write(repo.resolve("model/model.bin"), new byte[] {1, 2, 3});
        Files.createDirectories(repo.resolve("eval"));
        Files.writeString(repo.resolve("eval/predictions.csv"), "label,score\n1,0.9\n0,0.2\n1,0.7\n0,0.4\n");

        assertThat(run("run", repo.toString())).isZero();
        assertThat(out.toString()).contains("validate gate: PASS").contains("model churn-model")
                .contains("verdict: PASS");
        assertThat(repo.resolve(".mlgates/results/validate.json")).exists();
        assertThat(repo.resolve(".mlgates/results/report/index.html")).exists();
        assertThat(err.toString()).contains("report" + java.io.File.separator + "index.html");
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
