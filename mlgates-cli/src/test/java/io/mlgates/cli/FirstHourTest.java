package io.mlgates.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgates.core.registry.Registration;
import io.mlgates.core.registry.SqliteRegistry;
import io.mlgates.core.registry.StageMove;
import io.mlgates.core.registry.StageMoveRequest;
import io.mlgates.core.testing.FixedClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data scientist's first hour: predictions from anywhere, a notebook's file without a model folder, fairness and
 * baselines on the command line, run's options, and a run started in a subfolder.
 */
class FirstHourTest {
    @TempDir
    Path tmp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final ObjectMapper json = new ObjectMapper();

    private int run(String... args) {
        return run(TestEnvironment.FIXED, args);
    }

    private int run(Environment environment, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Main.execute(environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private JsonNode read(Path file) throws IOException {
        return json.readTree(file.toFile());
    }

    private static JsonNode check(JsonNode result, String id) {
        for (JsonNode check : result.path("checks")) {
            if (check.path("id").asText().equals(id)) {
                return check;
            }
        }
        throw new AssertionError("no check " + id + " in " + result.path("checks"));
    }

    private static List<String> checkIds(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.path("checks").forEach(c -> ids.add(c.path("id").asText()));
        return ids;
    }

    private Path repository(String policy) throws IOException {
        return SmallRepository.create(tmp, SmallRepository.EIGHT_ROWS, policy);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    @DisplayName("a --predictions file outside the repository is the user's own: judged, and recorded by its path")
    void predictionsOutsideTheRepository() throws Exception {
        Path repo = ExampleRepository.copyInto(tmp);
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Path outside = Files.copy(repo.resolve("eval/predictions.csv"), elsewhere.resolve("held-out.csv"));
        int code = run("validate", "--policy", repo.resolve("mlgates.yaml").toString(), "--predictions",
                outside.toString(), "--format", "json");
        assertThat(code).as(err.toString()).isZero();
        JsonNode result = json.readTree(out.toString());
        assertThat(result.path("data").path("predictions").asText()).isEqualTo(outside.toString());
        assertThat(result.path("data").path("rows").asInt()).isEqualTo(300);
        assertThat(result.path("overrides").path("predictions").asText()).isEqualTo(outside.toString());
        assertThat(result.path("candidate").path("kind").asText()).isEqualTo("model");
    }

    @Test
    @DisplayName("a --baseline and --out outside the repository are the user's too")
    void baselineAndOutOutsideTheRepository() throws Exception {
        Path repo = ExampleRepository.copyInto(tmp);
        Path base = Files.writeString(tmp.resolve("base.json"), "{\"roc_auc\": 0.80}");
        Path results = tmp.resolve("results");
        assertThat(run("validate", "--policy", repo.resolve("mlgates.yaml").toString(), "--baseline",
                base.toString(), "--out", results.toString())).as(err.toString()).isZero();
        JsonNode result = read(results.resolve("validate.json"));
        // 0.8079 (the held-out AUC) against 0.80 with the policy's maxDrop 0.02: keeps >= 0.78
        assertThat(check(result, "baseline:roc_auc:max_drop").path("status").asText()).isEqualTo("PASS");
        assertThat(result.path("overrides").path("baseline").asText()).isEqualTo(base.toString());
    }

    @Test
    @DisplayName("a notebook's prediction file without model/ is judged as a predictions candidate, by the digest of"
            + " its bytes; run says so and refuses to promote it, naming the reason")
    void notebookFileWithoutModelFolder() throws Exception {
        Path notebook = Files.createDirectories(tmp.resolve("notebook"));
        Files.createDirectories(notebook.resolve(".git"));
        Path predictions = Files.writeString(notebook.resolve("preds.csv"), SmallRepository.EIGHT_ROWS);
        Environment there = TestEnvironment.FIXED.in(notebook);

        assertThat(run(there, "validate", "--predictions", predictions.toString(), "--format", "json"))
                .as(err.toString()).isZero();
        JsonNode result = json.readTree(out.toString());
        JsonNode candidate = result.path("candidate");
        assertThat(candidate.path("kind").asText()).isEqualTo("predictions");
        assertThat(candidate.path("digest").asText())
                .isEqualTo(sha256(SmallRepository.EIGHT_ROWS.getBytes(StandardCharsets.UTF_8)));
        assertThat(candidate.path("artifacts").asText()).isEqualTo("preds.csv");
        assertThat(result.path("metrics").path("accuracy").path("value").asDouble()).isEqualTo(0.75);
        assertThat(err.toString()).contains("mlgates: no policy file: every default applies; model repository "
                + notebook);

        assertThat(run(there, "validate", "--predictions", predictions.toString())).isZero();
        assertThat(out.toString()).contains("(no model artefacts: the digest of the prediction file, "
                + SmallRepository.EIGHT_ROWS.length() + " bytes)");

        assertThat(run(there, "run", "--predictions", predictions.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("candidate.kind: the candidate is a prediction file (preds.csv), not a"
                + " model: without model artefacts nothing ties what would be deployed to this verdict");
        assertThat(read(notebook.resolve(".mlgates/results/ethics.json")).path("candidate").path("kind").asText())
                .isEqualTo("predictions");
        assertThat(Files.readString(notebook.resolve(".mlgates/results/report/validate.html")))
                .contains("no model artefacts: the digest of the prediction file");
    }

    @Test
    @DisplayName("--sensitive 'sex,foreign_worker,sex&foreign_worker' and --reference judge exactly what the same"
            + " keys in the policy judge, and are recorded as overrides")
    void fairnessFromTheCommandLine() throws Exception {
        Path repo = ExampleRepository.copyInto(tmp);
        Path fromOptions = tmp.resolve("options");
        assertThat(run("ethics", "--policy", repo.resolve("mlgates.yaml").toString(), "--sensitive",
                "sex,foreign_worker,sex&foreign_worker", "--reference", "foreign_worker=no", "--reference",
                "sex&foreign_worker=female&yes", "--out", fromOptions.toString())).as(err.toString()).isZero();
        JsonNode options = read(fromOptions.resolve("ethics.json"));
        assertThat(options.path("fairness").has("age_band")).isFalse();
        assertThat(options.path("fairness").path("foreign_worker").path("reference").asText()).isEqualTo("no");
        assertThat(options.path("fairness").path("sex&foreign_worker").path("reference").asText())
                .isEqualTo("female&yes");
        assertThat(options.path("fairness").path("sex").path("reference").asText()).isEqualTo("male");
        assertThat(options.path("overrides").path("sensitive").asText())
                .isEqualTo("sex,foreign_worker,sex&foreign_worker");
        assertThat(options.path("overrides").path("reference").asText())
                .isEqualTo("foreign_worker=no,sex&foreign_worker=female&yes");

        Path policy = repo.resolve("mlgates.yaml");
        Files.writeString(policy, Files.readString(policy)
                .replace("sensitive: [sex, age_band]", "sensitive: [sex, foreign_worker]")
                .replace("- [sex, age_band]", "- [sex, foreign_worker]")
                .replace("age_band: 25-39", "foreign_worker: \"no\"\n      sex&foreign_worker: female&yes"));
        Path fromYaml = tmp.resolve("yaml");
        assertThat(run("ethics", "--policy", policy.toString(), "--out", fromYaml.toString())).as(err.toString())
                .isZero();
        JsonNode yaml = read(fromYaml.resolve("ethics.json"));
        assertThat(options.path("fairness")).isEqualTo(yaml.path("fairness"));
        assertThat(checkIds(options)).isEqualTo(checkIds(yaml));
    }

    @Test
    @DisplayName("--sensitive with an intersection of unlisted columns, or a --reference of an attribute not judged,"
            + " is bad input naming the fix")
    void fairnessOptionsThatDoNotHold() throws Exception {
        Path repo = ExampleRepository.copyInto(tmp);
        String policy = repo.resolve("mlgates.yaml").toString();
        assertThat(run("ethics", "--policy", policy, "--sensitive", "sex&age_band")).isEqualTo(2);
        assertThat(err.toString()).contains("--sensitive: the intersection 'sex&age_band' joins 'sex', which is not"
                + " one of the sensitive columns; list it too, as in 'sex,sex&age_band'");
        assertThat(run("ethics", "--policy", policy, "--reference", "foreign_worker=no")).isEqualTo(2);
        assertThat(err.toString()).contains("--reference: 'foreign_worker' is not a judged attribute; judged"
                + " attributes: sex, age_band, sex&age_band");
        assertThat(run("ethics", "--policy", policy, "--reference", "age_band")).isEqualTo(2);
        assertThat(err.toString()).contains("'age_band' is not ATTRIBUTE=GROUP");
    }

    @Test
    @DisplayName("--baseline reads the tool's own validate.json; with no baseline.compare every metric of known"
            + " direction is compared at maxDrop 0 as a WARN, and the checks say so")
    void baselineFromTheToolsOwnResult() throws Exception {
        Path repo = repository("model: {name: m}\n");
        Path earlier = tmp.resolve("earlier");
        assertThat(run("validate", "--policy", repo.resolve("mlgates.yaml").toString(), "--out", earlier.toString()))
                .as(err.toString()).isZero();
        // the candidate gets worse: one more positive below the cut-off (recall 3/4 -> 2/4)
        Files.writeString(repo.resolve("eval/predictions.csv"), SmallRepository.EIGHT_ROWS.replace("1,0.7", "1,0.45"));
        assertThat(run("validate", "--policy", repo.resolve("mlgates.yaml").toString(), "--baseline",
                earlier.resolve("validate.json").toString(), "--format", "json")).as(err.toString()).isZero();
        JsonNode result = json.readTree(out.toString());
        assertThat(result.path("status").asText()).isEqualTo("WARN");
        JsonNode recall = check(result, "baseline:recall:max_drop");
        assertThat(recall.path("status").asText()).isEqualTo("WARN");
        assertThat(recall.path("baseline").asDouble()).isEqualTo(0.75);
        assertThat(recall.path("message").asText()).contains("recall = 0.5 against baseline 0.75")
                .endsWith("(no baseline.compare in the policy: the default comparison, every metric of known"
                        + " direction at maxDrop 0, as a warning)");
        // precision 3/4 -> 2/3 (the predicted positives are now 0.9, 0.8 and the negative 0.6): lower, WARN
        assertThat(check(result, "baseline:precision:max_drop").path("status").asText()).isEqualTo("WARN");
        // specificity is unchanged (3 of 4 negatives below the cut-off): kept
        assertThat(check(result, "baseline:specificity:max_drop").path("status").asText()).isEqualTo("PASS");
        assertThat(checkIds(result)).doesNotContain("policy:judged");
    }

    /** A registry whose production stage holds version 1 of {@code m}, registered with these metrics. */
    private static void production(Path repo, Map<String, Double> metrics) throws Exception {
        Files.createDirectories(repo.resolve(".mlgates"));
        try (SqliteRegistry registry = SqliteRegistry.open(repo.resolve(".mlgates/registry.db"),
                ".mlgates/registry.db", FixedClock.CLOCK)) {
            var version = registry.register(new Registration("m", "sha256:" + "ab".repeat(32), "model",
                    Optional.empty(), "alice", FixedClock.CLOCK.instant(), metrics, List.of()), "alice");
            registry.move(new StageMoveRequest("m", "production", OptionalInt.empty(), version.version(),
                    StageMove.Kind.PROMOTE, "bob", FixedClock.CLOCK.instant(), "", false,
                    "{\"approvals\":[],\"departure\":null,\"gates\":[]}"));
        }
    }

    @Test
    @DisplayName("--baseline registry:production compares with the metrics recorded for the version in production")
    void baselineFromTheRegistry() throws Exception {
        Path repo = repository("""
                model: {name: m}
                baseline:
                  path: base.json
                  compare:
                    - {metric: accuracy, maxDrop: 0.1}
                """);
        production(repo, Map.of("accuracy", 0.9, "recall", 0.5));
        assertThat(run("validate", "--policy", repo.resolve("mlgates.yaml").toString(), "--baseline",
                "registry:production", "--format", "json")).isEqualTo(1);
        JsonNode result = json.readTree(out.toString());
        // 0.75 against 0.9 with maxDrop 0.1: breaks >= 0.8
        JsonNode accuracy = check(result, "baseline:accuracy:max_drop");
        assertThat(accuracy.path("status").asText()).isEqualTo("FAIL");
        assertThat(accuracy.path("baseline").asDouble()).isEqualTo(0.9);
        assertThat(result.path("overrides").path("baseline").asText()).isEqualTo("registry:production");
        JsonNode input = result.path("inputs").get(1);
        assertThat(input.path("role").asText()).isEqualTo("baseline");
        assertThat(input.path("file").asText()).isEqualTo("registry:production (version 1, sha256:" + "ab".repeat(32)
                + ", in .mlgates/registry.db)");
        assertThat(input.path("digest").asText()).isEqualTo(sha256(
                "{\"accuracy\":0.9,\"recall\":0.5}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("baseline.from: production in the policy compares with the registry's record by default; with no"
            + " version there yet the comparison is skipped, saying why")
    void baselineFromProductionInThePolicy() throws Exception {
        Path repo = repository("model: {name: m}\nbaseline:\n  from: production\n");
        String policy = repo.resolve("mlgates.yaml").toString();
        assertThat(run("validate", "--policy", policy, "--format", "json")).isZero();
        JsonNode none = json.readTree(out.toString());
        assertThat(check(none, "baseline:registry:production").path("status").asText()).isEqualTo("SKIPPED");
        assertThat(check(none, "baseline:registry:production").path("message").asText())
                .isEqualTo("no registry at .mlgates/registry.db yet, so no version is in production: nothing to"
                        + " compare with");

        production(repo, Map.of("accuracy", 0.9, "recall", 0.5));
        assertThat(run("validate", "--policy", policy, "--format", "json")).isZero();
        JsonNode result = json.readTree(out.toString());
        assertThat(result.path("status").asText()).isEqualTo("WARN");
        assertThat(check(result, "baseline:accuracy:max_drop").path("status").asText()).isEqualTo("WARN");
        assertThat(check(result, "baseline:recall:max_drop").path("status").asText()).isEqualTo("PASS");
        assertThat(checkIds(result)).filteredOn(id -> id.startsWith("baseline:")).hasSize(2);
        assertThat(result.path("overrides").size()).isZero();
    }

    @Test
    @DisplayName("run takes the gates' options and --no-promote, and says it did not promote and why")
    void runWithTheGatesOptionsAndNoPromote() throws Exception {
        Path repo = ExampleRepository.copyInto(tmp);
        Path elsewhere = Files.copy(repo.resolve("eval/predictions.csv"), tmp.resolve("held-out.csv"));
        Path base = Files.writeString(tmp.resolve("base.json"), "{\"roc_auc\": 0.80}");
        int code = run("run", repo.toString(), "--predictions", elsewhere.toString(), "--baseline", base.toString(),
                "--sensitive", "sex", "--reference", "sex=female", "--no-promote");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).endsWith("verdict: WARN (validate WARN, ethics WARN). Not promoted: --no-promote"
                + " was given.\n");
        assertThat(repo.resolve(".mlgates/registry.db")).doesNotExist();
        JsonNode validate = read(repo.resolve(".mlgates/results/validate.json"));
        assertThat(validate.path("overrides").path("predictions").asText()).isEqualTo(elsewhere.toString());
        assertThat(validate.path("overrides").path("baseline").asText()).isEqualTo(base.toString());
        JsonNode ethics = read(repo.resolve(".mlgates/results/ethics.json"));
        assertThat(ethics.path("fairness").path("sex").path("reference").asText()).isEqualTo("female");
        assertThat(ethics.path("overrides").path("sensitive").asText()).isEqualTo("sex");
    }

    @Test
    @DisplayName("run with overrides promotes nothing the stage does not accept, and says which rule refused")
    void runWithOverridesIsRefusedWithTheReason() throws Exception {
        Path repo = ExampleRepository.copyInto(tmp);
        assertThat(run("run", repo.toString(), "--sensitive", "sex")).isEqualTo(1);
        assertThat(out.toString()).contains("refused: credit-risk").contains("evidence.overrides: ethics.json was"
                + " judged with inputs other than the policy names (sensitive 'sex')");
    }

    @Test
    @DisplayName("run started in a subfolder finds the repository above it, says which policy it used, and judges"
            + " the repository, not the subfolder with the defaults")
    void runFromASubfolder() throws Exception {
        Path repo = ExampleRepository.copyInto(tmp);
        Path subfolder = repo.resolve("eval");
        assertThat(run(TestEnvironment.FIXED.in(subfolder), "run")).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("mlgates: policy " + repo.resolve("mlgates.yaml")
                + "; model repository " + repo + ", found above " + subfolder + "\n");
        assertThat(read(repo.resolve(".mlgates/results/validate.json")).path("policy").path("file").asText())
                .isEqualTo("mlgates.yaml");
        assertThat(subfolder.resolve(".mlgates")).doesNotExist();
        assertThat(out.toString()).containsPattern("promoted credit-risk version 1 \\(sha256:[0-9a-f]{64}\\) to"
                + " staging");
    }

    @Test
    @DisplayName("the search stops at the folder holding .git: a repository without a policy file is judged at its"
            + " root with the defaults, and the console says so")
    void searchStopsAtTheGitRoot() throws Exception {
        Path repo = repository("model: {name: m}\n");
        Files.delete(repo.resolve("mlgates.yaml"));
        Files.createDirectories(repo.resolve(".git"));
        Files.writeString(tmp.resolve("mlgates.yaml"), "this: is not the repository's policy\n");
        Path notebooks = Files.createDirectories(repo.resolve("notebooks"));
        assertThat(run(TestEnvironment.FIXED.in(notebooks), "validate", "--format", "json")).as(err.toString())
                .isZero();
        assertThat(err.toString()).contains("mlgates: no policy file: every default applies; model repository "
                + repo + ", found above " + notebooks);
        JsonNode result = json.readTree(out.toString());
        assertThat(result.path("data").path("predictions").asText()).isEqualTo("eval/predictions.csv");
        assertThat(result.path("candidate").path("kind").asText()).isEqualTo("model");
    }
}
