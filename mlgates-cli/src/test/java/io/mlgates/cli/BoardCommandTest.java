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

/**
 * {@code mlgates board} over copies of the credit-risk example, taken along the road with the commands a team types.
 * The example's train leaves Tuesdays 14:00 in Berlin (13:00 UTC in winter) with a four-hour cut-off; production
 * needs two approvals from credit-risk-officers (priya, tomas, ana), valid 14 days.
 */
class BoardCommandTest {
    /** Thursday 26 November 2026: the next departure is Tuesday 1 December, 13:00 UTC, cut-off 09:00 UTC. */
    private static final Instant THURSDAY = Instant.parse("2026-11-26T10:00:00Z");

    @TempDir
    Path tmp;
    private Path credit;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void creditRiskInStaging() throws IOException {
        credit = ExampleRepository.copyInto(tmp);
        assertThat(run("alice", "run", credit.toString())).as(err::toString).isZero();
    }

    private int run(String user, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        Environment environment = new Environment(user, Map.of(), Clock.fixed(THURSDAY, ZoneOffset.UTC));
        return Main.execute(environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private JsonNode json() throws IOException {
        return new ObjectMapper().readTree(out.toString());
    }

    /** A second model: the example under another name and team, judged by the validate gate only. */
    private Path fraud() throws IOException {
        Path fraud = ExampleRepository.copyInto(Files.createDirectories(tmp.resolve("other")));
        Path policy = fraud.resolve("mlgates.yaml");
        Files.writeString(policy, Files.readString(policy).replace("name: credit-risk\n",
                "name: fraud\n  team: payments\n"));
        assertThat(run("bob", "validate", "--policy", policy.toString(), "--out",
                fraud.resolve(".mlgates/results").toString())).as(err::toString).isZero();
        return fraud;
    }

    @Test
    @DisplayName("in staging and waiting for two approvals; once priya and tomas approve, it boards Tuesday's train")
    void waitingThenBoarding() throws Exception {
        assertThat(run("x", "board", credit.toString())).as(err::toString).isZero();
        assertThat(out.toString()).contains("credit-risk  -     WAITING  staging v1, production -  v1         "
                        + "production  Tue 2026-12-01 14:00 Europe/Berlin")
                .contains("credit-risk  production: 0 of 2 from credit-risk-officers; 2 more needed; may still"
                        + " approve: priya, tomas, ana")
                .contains("release  next Tue 2026-12-01 14:00 Europe/Berlin, cut-off Tue 2026-12-01 10:00"
                        + " Europe/Berlin; boarding -; waiting credit-risk; blocked -");

        run("x", "approve", credit.toString(), "--stage", "production", "--as", "priya", "--reason", "ok");
        run("x", "approve", credit.toString(), "--stage", "production", "--as", "tomas", "--reason", "ok");
        assertThat(run("x", "board", credit.toString(), "--format", "json")).isZero();

        JsonNode board = json();
        assertThat(board.path("counts").path("BOARDING").asInt()).isEqualTo(1);
        JsonNode model = board.path("models").get(0);
        assertThat(model.path("model").asText()).isEqualTo("credit-risk");
        assertThat(model.path("location").asText()).isEqualTo(credit.toString());
        assertThat(model.path("team").isNull()).isTrue();
        assertThat(model.path("status").asText()).isEqualTo("BOARDING");
        assertThat(model.path("candidate").path("version").asInt()).isEqualTo(1);
        assertThat(model.path("candidate").path("results").findValuesAsText("gate"))
                .containsExactlyInAnyOrder("validate", "ethics");
        assertThat(model.path("approvals").get(0).path("approvedBy").toString()).isEqualTo("[\"priya\",\"tomas\"]");
        // approvals last 14 days: given Thursday 10:00 UTC, they hold until 10 December, after the departure; the
        // example's two waivers expire 2027-11-30, so they lapse at the start of 1 December 2027 UTC (the day the
        // gates apply waivers on)
        assertThat(model.path("expiries").findValuesAsText("lapses")).containsExactly("2026-12-10T10:00:00Z",
                "2026-12-10T10:00:00Z", "2027-12-01T00:00:00Z", "2027-12-01T00:00:00Z");
        assertThat(model.path("expiries").findValuesAsText("beforeDeparture")).containsOnly("false");
        assertThat(model.path("departure").path("departs").asText()).isEqualTo("2026-12-01T14:00:00+01:00");
        assertThat(model.path("departure").path("cutoff").asText()).isEqualTo("2026-12-01T09:00:00Z");
    }

    @Test
    @DisplayName("a rejection blocks, named with who and why; filters keep only what they match")
    void blockedAndFiltered() throws Exception {
        Path fraud = fraud();
        run("x", "reject", credit.toString(), "--stage", "production", "--as", "ana", "--reason",
                "the 60+ slice is too small to judge");

        assertThat(run("x", "board", credit.toString(), fraud.toString(), "--format", "json")).as(err::toString)
                .isZero();
        JsonNode board = json();
        assertThat(board.path("models").findValuesAsText("model")).containsExactly("credit-risk", "fraud");
        JsonNode creditRow = board.path("models").get(0);
        assertThat(creditRow.path("status").asText()).isEqualTo("BLOCKED");
        assertThat(creditRow.path("blockers").get(0).path("rule").asText()).isEqualTo("approvals.rejected");
        assertThat(creditRow.path("blockers").get(0).path("message").asText())
                .isEqualTo("ana rejected it at 2026-11-26T10:00:00Z: the 60+ slice is too small to judge");
        // fraud: never promoted, so unregistered; staging needs validate and ethics, and only validate ran
        JsonNode fraudRow = board.path("models").get(1);
        assertThat(fraudRow.path("team").asText()).isEqualTo("payments");
        assertThat(fraudRow.path("candidate").path("version").isNull()).isTrue();
        assertThat(fraudRow.path("nextStage").asText()).isEqualTo("staging");
        assertThat(fraudRow.path("blockers").get(0).path("rule").asText()).isEqualTo("evidence.missing");
        assertThat(fraudRow.path("blockers").get(0).path("message").asText()).isEqualTo("no result of the ethics"
                + " gate for this candidate (.mlgates/results); stage staging needs one: run the gate on it");

        assertThat(run("x", "board", credit.toString(), fraud.toString(), "--team", "payments", "--format",
                "json")).isZero();
        assertThat(json().path("models").findValuesAsText("model")).containsExactly("fraud");
        assertThat(json().path("counts").path("BLOCKED").asInt()).isEqualTo(1);
        assertThat(run("x", "board", credit.toString(), fraud.toString(), "--stage", "production", "--format",
                "json")).isZero();
        assertThat(json().path("models").findValuesAsText("model")).containsExactly("credit-risk");
        assertThat(run("x", "board", credit.toString(), fraud.toString(), "--train", "nightly")).isZero();
        assertThat(out.toString()).startsWith("Board as of 2026-11-26T10:00:00Z: 0 models (blocked 0,")
                .contains("Filter: train=nightly");
    }

    @Test
    @DisplayName("with one shared registry, a model it knows that no repository was given for is listed by its"
            + " stages, without a candidate or a location")
    void sharedRegistry() throws Exception {
        Path fraud = fraud();
        String shared = credit.resolve(".mlgates/registry.db").toString();

        assertThat(run("x", "board", fraud.toString(), "--registry", shared, "--format", "json"))
                .as(err::toString).isZero();
        JsonNode board = json();
        assertThat(board.path("models").findValuesAsText("model")).containsExactly("credit-risk", "fraud");
        JsonNode known = board.path("models").get(0);
        assertThat(known.path("status").asText()).isEqualTo("NO_CANDIDATE");
        assertThat(known.path("location").isNull()).isTrue();
        assertThat(known.path("candidate").isNull()).isTrue();
        assertThat(known.path("stages").toString()).isEqualTo("[{\"stage\":\"staging\",\"version\":1,"
                + "\"train\":false}]");

        assertThat(run("x", "board", "--registry", shared, "--status", "no_candidate")).isZero();
        assertThat(out.toString()).contains("credit-risk  -     NO_CANDIDATE  staging v1");
    }

    @Test
    @DisplayName("bad input exits 2 naming what was expected: a filter value, a folder, a result file; a board"
            + " never creates a registry")
    void badInput() throws Exception {
        assertThat(run("x", "board", credit.toString(), "--status", "blockd")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("mlgates: --status: expected one of blocked, waiting, boarding, ready,"
                + " released, no_candidate (any case), got 'blockd'" + System.lineSeparator());

        assertThat(run("x", "board", tmp.resolve("nowhere").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("nowhere: not a folder: expected a model repository");

        Path fraud = fraud();
        Files.writeString(fraud.resolve(".mlgates/results/ethics.json"), "{\"not\": \"a result\"}");
        assertThat(run("x", "board", fraud.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("mlgates: .mlgates/results/ethics.json");

        Files.delete(fraud.resolve(".mlgates/results/ethics.json"));
        assertThat(run("x", "board", fraud.toString())).isZero();
        assertThat(fraud.resolve(".mlgates/registry.db")).doesNotExist();
        assertThat(List.of(out.toString())).singleElement().asString().contains("fraud");
    }
}
