package io.mlgates.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ways around evidence an insider with the repository tried, each now caught, through the commands they typed. */
class EvidenceCommandsTest {
    private static final Instant THURSDAY = Instant.parse("2026-11-26T10:00:00Z");

    @TempDir
    Path tmp;
    private StringWriter out;
    private StringWriter err;

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        Environment environment = new Environment("alice", Map.of(), Clock.fixed(THURSDAY, ZoneOffset.UTC));
        return Main.execute(environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private static JsonNode read(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    @DisplayName("validate --policy lax.yaml, then promote under the repository's strict mlgates.yaml: refused,"
            + " naming both policies")
    void laxPolicyIsNoEvidenceForTheStrictOne() throws Exception {
        Path repo = ExampleRepository.copyInto(tmp);
        Path results = repo.resolve(".mlgates/results");
        String strict = Files.readString(repo.resolve("mlgates.yaml"));
        // The insider's copy: the same policy without its limits.
        Files.writeString(repo.resolve("lax.yaml"), strict.replaceAll("(?s)\nlimits:.*?\nslices:", "\nslices:"));
        assertThat(run("validate", "--policy", repo.resolve("lax.yaml").toString(), "--out", results.toString()))
                .isZero();
        assertThat(read(results.resolve("validate.json")).path("overrides").path("policy").asText())
                .isEqualTo("lax.yaml");
        assertThat(run("ethics", "--policy", repo.resolve("mlgates.yaml").toString(), "--out", results.toString()))
                .isZero();

        assertThat(run("promote", repo.toString(), "--to", "staging")).isEqualTo(1);
        assertThat(out.toString()).contains("evidence.policy: validate.json was judged under the policy lax.yaml"
                + " (sha256:").contains("not under the repository's current mlgates.yaml (sha256:");
        assertThat(out.toString()).doesNotContain("ethics.json was judged");
    }

    @Test
    @DisplayName("ethics --sensitive , is a usage error; ethics --sensitive with other columns is recorded and"
            + " refused by promotion")
    void sensitiveOverride() throws Exception {
        Path repo = ExampleRepository.copyInto(tmp);
        Path results = repo.resolve(".mlgates/results");
        Path policy = repo.resolve("mlgates.yaml");
        for (String empty : new String[] {",", "", " ", "sex,"}) {
            assertThat(run("ethics", "--policy", policy.toString(), "--sensitive", empty)).as(empty).isEqualTo(2);
            assertThat(err.toString()).contains("--sensitive").contains("expected COL[,COL...]");
        }
        assertThat(run("validate", "--policy", policy.toString(), "--out", results.toString())).isZero();
        assertThat(run("ethics", "--policy", policy.toString(), "--sensitive", "sex", "--out", results.toString()))
                .isZero();
        assertThat(read(results.resolve("ethics.json")).path("overrides").path("sensitive").asText())
                .isEqualTo("sex");
        assertThat(run("promote", repo.toString(), "--to", "staging")).isEqualTo(1);
        assertThat(out.toString()).contains("evidence.overrides: ethics.json was judged with inputs other than the"
                + " policy names (sensitive 'sex')");
    }

    /** A small repository: a model file, predictions, and the given policy. */
    private Path repository(String predictions, String policy) throws IOException {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.createDirectories(repo.resolve("model"));
        Files.writeString(repo.resolve("model/m.bin"), "weights");
        Files.createDirectories(repo.resolve("eval"));
        Files.writeString(repo.resolve("eval/predictions.csv"), predictions);
        Files.writeString(repo.resolve("mlgates.yaml"), policy);
        return repo;
    }

    @Test
    @DisplayName("a model that writes NaN on the rows it gets wrong, with invalidRows: drop, scores 0.6, fails and is"
            + " not promoted")
    void nanOnTheWrongRowsIsNotPromoted() throws Exception {
        Path repo = repository("""
                label,score
                1,0.9
                1,0.8
                1,0.7
                1,NaN
                1,NaN
                0,0.1
                0,0.2
                0,0.3
                0,NaN
                0,NaN
                """, """
                model: {name: m}
                predictions: {invalidRows: drop}
                limits:
                  - {metric: accuracy, min: 0.8}
                """);
        assertThat(run("run", repo.toString())).isEqualTo(1);
        JsonNode validate = read(repo.resolve(".mlgates/results/validate.json"));
        assertThat(validate.path("metrics").path("accuracy").path("value").asDouble()).isEqualTo(0.6);
        assertThat(validate.path("data").path("failedPredictions").asLong()).isEqualTo(4);
        assertThat(validate.path("status").asText()).isEqualTo("FAIL");
        assertThat(out.toString()).doesNotContain("promoted m");
        assertThat(repo.resolve(".mlgates/registry.db")).doesNotExist();
    }

    @Test
    @DisplayName("a gate records the registry's chain head it saw, or that there was none, and never creates the"
            + " registry")
    void chainHeadSeen() throws Exception {
        Path repo = repository("label,score\n1,0.9\n0,0.1\n", "model: {name: m}\n");
        Path first = tmp.resolve("first");
        assertThat(run("validate", "--policy", repo.resolve("mlgates.yaml").toString(), "--out", first.toString()))
                .isZero();
        JsonNode none = read(first.resolve("validate.json")).path("registryHead");
        assertThat(none.path("seq").isNull()).isTrue();
        assertThat(none.path("reason").asText()).isEqualTo("no registry there");
        assertThat(repo.resolve(".mlgates/registry.db")).doesNotExist();

        assertThat(run("run", repo.toString())).isZero();
        long seq;
        String hash;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + repo.resolve(".mlgates/registry.db"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")) {
            assertThat(rs.next()).isTrue();
            seq = rs.getLong(1);
            hash = rs.getString(2);
        }
        Path second = tmp.resolve("second");
        assertThat(run("validate", "--policy", repo.resolve("mlgates.yaml").toString(), "--out", second.toString()))
                .isZero();
        JsonNode seen = read(second.resolve("validate.json")).path("registryHead");
        assertThat(seen.path("registry").asText()).isEqualTo(".mlgates/registry.db");
        assertThat(seen.path("seq").asLong()).isEqualTo(seq);
        assertThat(seen.path("hash").asText()).isEqualTo(hash);
        assertThat(seen.has("reason")).isFalse();
        JsonNode inputs = read(second.resolve("validate.json")).path("inputs");
        // printf 'label,score\n1,0.9\n0,0.1\n' | sha256sum
        assertThat(inputs.get(0).path("digest").asText())
                .isEqualTo("sha256:7e0c025afb57390ec9ec1927aaa918a35fed5c48c3f14c83abb648fc6fc45b1f");
    }

    @Test
    @DisplayName("10 MB labels with invalidRows: drop: a short message, a small validate.json")
    void hugeLabelsMakeSmallResults() throws Exception {
        String huge = "x".repeat(10_000_000);
        Path repo = repository("label,score\n1,0.9\n0,0.1\n" + (huge + ",0.5\n").repeat(3),
                "model: {name: m}\npredictions: {invalidRows: drop, maxDroppedShare: 0.9}\n");
        Path results = tmp.resolve("results");
        assertThat(run("validate", "--policy", repo.resolve("mlgates.yaml").toString(), "--out", results.toString()))
                .isZero();
        assertThat(Files.size(results.resolve("validate.json"))).isLessThan(64_000);
        assertThat(out.toString().length() + err.toString().length()).isLessThan(64_000);
        assertThat(run("report", "--results", results.toString())).isZero();
        Files.writeString(repo.resolve("mlgates.yaml"), "model: {name: m}\n");
        assertThat(run("validate", "--policy", repo.resolve("mlgates.yaml").toString())).isEqualTo(2);
        assertThat(err.toString().length()).isLessThan(1_000);
    }
}
