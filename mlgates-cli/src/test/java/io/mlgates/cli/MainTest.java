package io.mlgates.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path tmp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(TestEnvironment.FIXED, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path repo;

    @BeforeEach
    void copyOfTheExample() throws IOException {
        repo = ExampleRepository.copyInto(tmp);
    }

    @Test
    @DisplayName("mlgates run on the credit-risk example: validate then ethics, both WARN (the ethics one with its"
            + " waivers), exit 0, files written, the candidate promoted to staging")
    void runOnTheExample() throws Exception {
        Path results = tmp.resolve("results");
        int code = run("run", repo.toString(), "--out", results.toString());
        assertThat(out.toString()).contains("validate gate: WARN").contains("verdict: WARN")
                .contains("slice:age_band=60+:recall")
                .contains("fairness of age_band (reference group 25-39)");
        assertThat(results.resolve("report/index.html")).exists();
        JsonNode json = new ObjectMapper().readTree(results.resolve("validate.json").toFile());
        assertThat(json.get("status").asText()).isEqualTo("WARN");
        assertThat(json.get("data").get("rows").asInt()).isEqualTo(300);
        assertThat(results.resolve("TEST-mlgates-validate.xml")).exists();
        JsonNode ethics = new ObjectMapper().readTree(results.resolve("ethics.json").toFile());
        assertThat(ethics.get("fairness").get("age_band").get("groups").get("<25").get("count").asInt())
                .isEqualTo(45);
        assertThat(results.resolve("TEST-mlgates-ethics.xml")).exists();
        assertThat(code).isZero();
        assertThat(out.toString()).contains("ethics gate: WARN").contains("WAIVED")
                .containsPattern("promoted credit-risk version 1 \\(sha256:[0-9a-f]{64}\\) to staging"
                        + " \\(was: none\\) in .mlgates/registry.db");
        assertThat(repo.resolve(".mlgates/registry.db")).exists();
        assertThat(ethics.get("status").asText()).isEqualTo("WARN");
        // the console: no waiver where it waived nothing, the small groups on one line, the verdict last
        assertThat(out.toString()).doesNotContain("waives 0 checks")
                .contains("SKIPPED  fairness:sex&age_band=*:size                             5 groups too small to"
                        + " judge, reported but not judged: female&40-59 (17 rows), female&60+ (3 rows), female&<25"
                        + " (22 rows), male&60+ (11 rows), male&<25 (23 rows)")
                .contains("not judged, fewer than minGroupSize 30 rows: female&40-59 (17 rows), female&60+ (3 rows),"
                        + " female&<25 (22 rows), male&60+ (11 rows), male&<25 (23 rows)\n");
        assertThat(lastLine(out.toString())).isEqualTo("verdict: WARN (validate WARN, ethics WARN). Promoted to"
                + " staging as version 1 in .mlgates/registry.db.");
        // the report, written again once the promotion was decided, states it on every page
        for (String page : List.of("index.html", "validate.html", "ethics.html")) {
            assertThat(Files.readString(results.resolve("report").resolve(page)))
                    .contains("<p class=\"verdict-promotion\"><bdi>Promoted to staging as version 1 in"
                            + " .mlgates/registry.db.</bdi></p>");
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    @DisplayName("after 2027-11-30 the example's waivers have expired: ethics FAILs naming them, exit 1, nothing"
            + " promoted")
    void runOnTheExampleAfterItsWaiversExpire() {
        Environment dayAfter = new Environment("tester", Map.of(),
                Clock.fixed(Instant.parse("2027-12-01T00:00:00Z"), ZoneOffset.UTC));
        int code = Main.execute(dayAfter, new PrintWriter(out, true), new PrintWriter(err, true), "run",
                repo.toString(), "--out", tmp.resolve("results").toString());
        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("ethics gate: FAIL").contains("expired on 2027-11-30")
                .doesNotContain("promoted credit-risk");
        assertThat(lastLine(out.toString())).isEqualTo("verdict: FAIL (validate FAIL, ethics FAIL). Not promoted:"
                + " validate FAIL, ethics FAIL did not pass.");
        assertThat(repo.resolve(".mlgates/registry.db")).doesNotExist();
    }

    @Test
    @DisplayName("mlgates ethics --sensitive judges only the columns given; --format json prints the result alone")
    void ethicsWithSensitiveColumns() throws Exception {
        run("ethics", "--policy", repo.resolve("mlgates.yaml").toString(), "--sensitive", "sex", "--format",
                "json");
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("gate").asText()).isEqualTo("ethics");
        assertThat(json.get("fairness").fieldNames()).toIterable().containsExactly("sex");
        assertThat(json.get("fairness").get("sex").get("disparate_impact").get("ci").size()).isEqualTo(2);
    }

    @Test
    @DisplayName("an empty --sensitive column name is a usage error, and a column the file lacks is bad input: exit 2")
    void badSensitiveColumns() {
        assertThat(run("ethics", "--policy", repo.resolve("mlgates.yaml").toString(), "--sensitive", "sex,,age_band"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--sensitive: a column name is empty");
        assertThat(run("ethics", "--policy", repo.resolve("mlgates.yaml").toString(), "--sensitive", "region"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("eval/predictions.csv:1: no column 'region'");
    }

    @Test
    @DisplayName("mlgates run --format json prints one array with the validate and the ethics result")
    void runJson() throws Exception {
        run("run", repo.toString(), "--format", "json");
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.isArray()).isTrue();
        assertThat(json.get(0).get("gate").asText()).isEqualTo("validate");
        assertThat(json.get(1).get("gate").asText()).isEqualTo("ethics");
    }

    @Test
    @DisplayName("a model policy that loosens the organisation policy exits 2 naming both files")
    void orgPolicyLoosened() throws Exception {
        Path org = Files.writeString(tmp.resolve("org-policy.yaml"), "ethics:\n  fairness:\n    minGroupSize: 20\n");
        assertThat(run("ethics", "--policy", repo.resolve("mlgates.yaml").toString(), "--org-policy",
                org.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("mlgates.yaml:").contains("ethics.fairness.minGroupSize 30 is larger"
                + " than 20").contains("which loosens the organisation policy " + org + ":3:19");
    }

    @Test
    @DisplayName("a model policy that tightens the organisation policy is judged under it; results name both digests")
    void orgPolicyTightened() throws Exception {
        Path org = Files.writeString(tmp.resolve("org-policy.yaml"), "ethics:\n  fairness:\n    minGroupSize: 50\n");
        run("ethics", "--policy", repo.resolve("mlgates.yaml").toString(), "--org-policy", org.toString(),
                "--format", "json");
        JsonNode policy = new ObjectMapper().readTree(out.toString()).get("policy");
        assertThat(policy.get("organisation").get("file").asText()).isEqualTo(org.toString());
        assertThat(policy.get("organisation").get("digest").asText()).startsWith("sha256:");
    }

    @Test
    @DisplayName("the organisation policy comes from MLGATES_ORG_POLICY when --org-policy is not given")
    void orgPolicyFromTheEnvironment() throws Exception {
        Path org = Files.writeString(tmp.resolve("org.yaml"), "ethics:\n  protectedAttributes: [own_telephone]\n");
        Validation.Options o = new Validation.Options(repo, java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), OutputFormat.table,
                io.mlgates.core.policy.ColumnChoice.none());
        Validation.Loaded loaded = Validation.load(o, Map.of(Validation.ORG_POLICY_VARIABLE, org.toString()));
        assertThat(loaded.policy().policy().ethics().protectedAttributes()).contains("age", "own_telephone");
        assertThat(Validation.load(o, Map.of()).policy().policy().ethics().protectedAttributes())
                .doesNotContain("own_telephone");
    }

    @Test
    @DisplayName("mlgates run writes under DIR/.mlgates/results by default; a second run finds the candidate in staging")
    void runDefaultResultsFolder() {
        run("run", repo.toString());
        assertThat(repo.resolve(".mlgates/results/validate.json")).exists();
        assertThat(repo.resolve(".mlgates/results/ethics.json")).exists();
        assertThat(run("run", repo.toString())).isZero();
        assertThat(out.toString()).contains("is already in staging");
    }

    @Test
    @DisplayName("mlgates run --format json keeps standard output to the gates' JSON array and tells the promotion on"
            + " standard error")
    void runJsonTellsThePromotionOnStandardError() throws Exception {
        int code = run("run", repo.toString(), "--format", "json");
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get(0).get("gate").asText()).isEqualTo("validate");
        assertThat(json.get(1).get("gate").asText()).isEqualTo("ethics");
        assertThat(code).isZero();
        assertThat(err.toString()).contains("to staging (was: none)");
    }

    @Test
    @DisplayName("a gate that fails stops mlgates run before any promotion")
    void failedGateIsNotPromoted() throws Exception {
        Path policy = repo.resolve("mlgates.yaml");
        Files.writeString(policy, Files.readString(policy).replace("min: 0.74", "min: 0.99"));
        assertThat(run("run", repo.toString())).isEqualTo(1);
        assertThat(out.toString()).doesNotContain("promoted credit-risk");
        assertThat(lastLine(out.toString())).isEqualTo("verdict: FAIL (validate FAIL, ethics WARN). Not promoted:"
                + " validate FAIL did not pass.");
        assertThat(Files.readString(repo.resolve(".mlgates/results/report/index.html")))
                .contains("<p class=\"verdict-promotion\"><bdi>Not promoted: validate FAIL did not pass.</bdi></p>");
        assertThat(repo.resolve(".mlgates/registry.db")).doesNotExist();
    }

    @Test
    @DisplayName("validate --format json prints the result alone on standard output")
    void validateJson() throws Exception {
        assertThat(run("validate", "--policy", repo.resolve("mlgates.yaml").toString(), "--format", "json")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("gate").asText()).isEqualTo("validate");
        assertThat(json.get("metrics").get("roc_auc").get("ci").size()).isEqualTo(2);
    }

    @Test
    @DisplayName("a broken fail limit exits 1")
    void failExitsOne() throws Exception {
        Path policy = repo.resolve("mlgates.yaml");
        Files.writeString(policy, Files.readString(policy).replace("min: 0.74", "min: 0.99"));
        assertThat(run("validate", "--policy", policy.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("verdict: FAIL");
    }

    @Test
    @DisplayName("a malformed policy exits 2 with file:line:column and writes nothing")
    void badPolicyExitsTwo() throws Exception {
        Files.writeString(repo.resolve("mlgates.yaml"), "task: binary\nlimits:\n  - metric: roc_auc\n    minn: 0.7\n");
        Path results = tmp.resolve("results");
        assertThat(run("run", repo.toString(), "--out", results.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("mlgates.yaml:4:5").contains("min");
        assertThat(results).doesNotExist();
    }

    @Test
    @DisplayName("a malformed prediction file exits 2 naming file and line, and writes no result")
    void badPredictionsExitTwo() throws Exception {
        Path csv = repo.resolve("eval/predictions.csv");
        String text = Files.readString(csv);
        Files.writeString(csv, text.replaceFirst("\n(\\d+),(good|bad),[0-9.E-]+,", "\n$1,$2,not-a-number,"));
        Path results = tmp.resolve("results");
        assertThat(run("run", repo.toString(), "--out", results.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("eval/predictions.csv:2: column 'score': 'not-a-number' is not a number");
        assertThat(results).doesNotExist();
    }

    @Test
    @DisplayName("a --predictions file outside the repository is refused")
    void predictionsOutsideRepository() throws Exception {
        Path outside = Files.writeString(tmp.resolve("p.csv"), "label,score\n1,0.5\n");
        assertThat(run("validate", "--policy", repo.resolve("mlgates.yaml").toString(), "--predictions",
                outside.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--predictions").contains("outside the model repository");
    }

    @Test
    @DisplayName("an unknown option is a usage error: exit 2")
    void usageError() {
        assertThat(run("validate", "--frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("--frobnicate");
    }
}
