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
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The credit-risk example on its way to production, through the commands a team would type. */
class PromotionCommandsTest {
    /** Thursday 26 November 2026: the model is built and judged. */
    private static final Instant THURSDAY = Instant.parse("2026-11-26T10:00:00Z");
    /** Tuesday 1 December, 14:30 in Berlin: the 14:00 train is open. */
    private static final Instant DEPARTURE = Instant.parse("2026-12-01T13:30:00Z");

    @TempDir
    Path tmp;
    private Path repo;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void copyOfTheExample() throws IOException {
        repo = ExampleRepository.copyInto(tmp);
    }

    private int run(String user, Instant now, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        Environment environment = new Environment(user, Map.of(), Clock.fixed(now, ZoneOffset.UTC));
        return Main.execute(environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private JsonNode json() throws IOException {
        return new ObjectMapper().readTree(out.toString());
    }

    private void inStaging() {
        assertThat(run("alice", THURSDAY, "run", repo.toString())).isZero();
    }

    @Test
    @DisplayName("to production: refused without approvals and outside a departure, then promoted when both hold")
    void toProduction() throws Exception {
        inStaging();

        assertThat(run("jenkins", THURSDAY, "promote", repo.toString(), "--to", "production")).isEqualTo(1);
        assertThat(out.toString()).startsWith("refused: credit-risk version 1 (sha256:")
                .contains("approvals.quorum: needs 2 approvals from group credit-risk-officers, has 0")
                .contains("train.departure: stage production rides the release train and no departure is open now;"
                        + " the next departure is Tuesday 2026-12-01 14:00 Europe/Berlin (cut-off Tuesday 2026-12-01"
                        + " 10:00 Europe/Berlin)");

        assertThat(run("alice", THURSDAY, "approve", repo.toString(), "--stage", "production", "--reason", "mine"))
                .as("the author may not approve").isEqualTo(1);
        assertThat(out.toString()).contains("approvals.fourEyes: alice authored credit-risk version 1");
        assertThat(run("x", THURSDAY, "approve", repo.toString(), "--stage", "production", "--as", "priya",
                "--reason", "report reviewed")).isZero();
        assertThat(out.toString()).startsWith("recorded: priya approves credit-risk sha256:");
        assertThat(run("x", THURSDAY, "approve", repo.toString(), "--stage", "production", "--as", "tomas",
                "--reason", "fairness slices reviewed", "--format", "json")).isZero();
        assertThat(json().get("result").asText()).isEqualTo("recorded");

        assertThat(run("jenkins", THURSDAY, "promote", repo.toString(), "--to", "production"))
                .as("refused only because the train has not departed: waiting, exit 4").isEqualTo(4);
        assertThat(out.toString()).contains("the candidate is ready and waits: the next departure is Tuesday"
                + " 2026-12-01 14:00 Europe/Berlin");

        assertThat(run("jenkins", DEPARTURE, "promote", repo.toString(), "--to", "production", "--format", "json"))
                .isZero();
        JsonNode promoted = json();
        assertThat(promoted.get("result").asText()).isEqualTo("promoted");
        assertThat(promoted.get("stage").asText()).isEqualTo("production");
        assertThat(promoted.get("version").asInt()).isEqualTo(1);

        assertThat(run("x", DEPARTURE, "registry", "list", repo.toString(), "--format", "json")).isZero();
        assertThat(json().get("stages").get("production").asInt()).isEqualTo(1);
        assertThat(json().get("stages").get("staging").asInt()).isEqualTo(1);
        assertThat(run("x", DEPARTURE, "registry", "history", repo.toString())).isZero();
        assertThat(out.toString()).contains("staging     promote  -     1   alice")
                .contains("production  promote  -     1   jenkins");
        assertThat(run("x", DEPARTURE, "audit", "verify", repo.toString())).isZero();
        assertThat(out.toString()).contains("5 entries, chain intact");
    }

    @Test
    @DisplayName("results in subfolders of the results folder, as the Jenkins steps write them (<id>/), and in"
            + " several --results folders")
    void resultsInSubfoldersAndSeveralFolders() throws Exception {
        String policy = repo.resolve("mlgates.yaml").toString();
        assertThat(run("alice", THURSDAY, "validate", "--policy", policy, "--out",
                repo.resolve(".mlgates/results/credit").toString())).isZero();
        Path elsewhere = tmp.resolve("elsewhere");
        assertThat(run("alice", THURSDAY, "ethics", "--policy", policy, "--out", elsewhere.toString())).isZero();

        assertThat(run("alice", THURSDAY, "promote", repo.toString(), "--to", "staging", "--format", "json"))
                .isEqualTo(1);
        assertThat(json().get("refusals").findValuesAsText("message")).singleElement().asString()
                .startsWith("no result of the ethics gate").as("validate.json found in the subfolder credit/");

        assertThat(run("alice", THURSDAY, "promote", repo.toString(), "--to", "staging", "--results",
                repo.resolve(".mlgates/results").toString(), "--results", elsewhere.toString())).isZero();
        assertThat(out.toString()).startsWith("promoted credit-risk version 1");
    }

    @Test
    @DisplayName("a rejection blocks the promotion until its author approves")
    void rejection() throws Exception {
        inStaging();
        run("x", THURSDAY, "approve", repo.toString(), "--stage", "production", "--as", "priya", "--reason", "ok");
        run("x", THURSDAY, "approve", repo.toString(), "--stage", "production", "--as", "tomas", "--reason", "ok");
        assertThat(run("x", THURSDAY, "reject", repo.toString(), "--stage", "production", "--as", "ana",
                "--reason", "the 60+ slice is too small to judge")).isZero();
        assertThat(run("jenkins", DEPARTURE, "promote", repo.toString(), "--to", "production")).isEqualTo(1);
        assertThat(out.toString()).contains("approvals.rejected: ana rejected it at 2026-11-26T10:00:00Z: the 60+ slice"
                + " is too small to judge");
    }

    @Test
    @DisplayName("the emergency path: outside the train with three approvals and a written reason")
    void emergency() throws Exception {
        inStaging();
        for (String officer : new String[] {"priya", "tomas", "ana"}) {
            run("x", THURSDAY, "approve", repo.toString(), "--stage", "production", "--as", officer, "--reason", "ok");
        }
        assertThat(run("oncall", THURSDAY, "promote", repo.toString(), "--to", "production", "--emergency",
                "defaults spiking under the current model")).isZero();
        assertThat(out.toString()).contains("to production on the emergency path (was: none)");
    }

    @Test
    @DisplayName("approving a candidate that is not registered is refused and says how to register it")
    void approvingAnUnregisteredCandidate() {
        assertThat(run("x", THURSDAY, "approve", repo.toString(), "--stage", "production", "--as", "priya",
                "--reason", "ok")).isEqualTo(1);
        assertThat(out.toString()).contains("registered: credit-risk has no candidate sha256:")
                .contains("promote it to the first stage, which registers it");
    }

    @Test
    @DisplayName("an audit row edited in the database file: audit verify names it and exits 1")
    void tamperedAuditLog() throws Exception {
        inStaging();
        run("x", THURSDAY, "approve", repo.toString(), "--stage", "production", "--as", "priya", "--reason", "ok");
        Path db = repo.resolve(".mlgates/registry.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER audit_log_no_update");
            s.executeUpdate("UPDATE audit_log SET evidence = '{\"decision\":\"approve\",\"reason\":\"all fine\"}'"
                    + " WHERE seq = 3");
        }
        assertThat(run("x", THURSDAY, "audit", "verify", repo.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("3 entries, TAMPERED WITH:")
                .contains("entry 3 was edited: its content (approve by priya) no longer matches its hash");
        assertThat(run("x", THURSDAY, "audit", "verify", repo.toString(), "--format", "json")).isEqualTo(1);
        assertThat(json().get("findings").get(0).get("seq").asInt()).isEqualTo(3);
    }

    @Test
    @DisplayName("rollback returns a stage to its previous version; with none before, it is refused")
    void rollback() throws Exception {
        inStaging();
        assertThat(run("bob", THURSDAY, "registry", "rollback", repo.toString(), "--stage", "staging", "--reason",
                "x")).isEqualTo(1);
        assertThat(out.toString()).contains("rollback.none");
        Files.writeString(repo.resolve("model/features.json"), "\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(run("alice", THURSDAY, "run", repo.toString())).isZero();
        assertThat(out.toString()).contains("promoted credit-risk version 2").contains("(was: version 1)");
        assertThat(run("bob", THURSDAY, "registry", "rollback", repo.toString(), "--stage", "staging", "--reason",
                "latency regression")).isZero();
        assertThat(out.toString()).contains("rolled back credit-risk staging from version 2 to version 1");
        assertThat(run("bob", THURSDAY, "registry", "show", repo.toString(), "--version", "2")).isZero();
        assertThat(out.toString()).contains("credit-risk version 2").contains("evidence:   validate WARN");
    }

    @Test
    @DisplayName("--registry points elsewhere; an unknown stage is bad input")
    void registryOptionAndUnknownStage() throws Exception {
        Path elsewhere = tmp.resolve("shared/registry.db");
        assertThat(run("alice", THURSDAY, "validate", "--policy", repo.resolve("mlgates.yaml").toString(), "--out",
                repo.resolve(".mlgates/results").toString())).isZero();
        // the example's staging stage requires the ethics gate too
        assertThat(run("alice", THURSDAY, "ethics", "--policy", repo.resolve("mlgates.yaml").toString(), "--out",
                repo.resolve(".mlgates/results").toString())).isZero();
        assertThat(run("alice", THURSDAY, "promote", repo.toString(), "--to", "staging", "--registry",
                elsewhere.toString())).isZero();
        assertThat(elsewhere).exists();
        assertThat(repo.resolve(".mlgates/registry.db")).doesNotExist();
        assertThat(run("alice", THURSDAY, "promote", repo.toString(), "--to", "prod")).isEqualTo(2);
        assertThat(err.toString()).contains("no stage 'prod'; the stages are staging, production");
    }

    @Test
    @DisplayName("--registry with an http URL speaks to an MLflow server; one that does not answer is exit 2")
    void mlflowThatDoesNotAnswer() {
        assertThat(run("alice", THURSDAY, "registry", "list", repo.toString(), "--registry", "http://127.0.0.1:1"))
                .isEqualTo(2);
        assertThat(err.toString()).startsWith("mlgates: http://127.0.0.1:1: GET model-versions/search");
    }
}
