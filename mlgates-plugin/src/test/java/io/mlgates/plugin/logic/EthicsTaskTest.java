package io.mlgates.plugin.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgates.core.BadInputException;
import io.mlgates.core.data.ProgressListener;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mlEthicsGate's arguments mean what mlgates ethics's options mean, relative to the step's working directory; judged
 * on a copy of the credit-risk example.
 */
class EthicsTaskTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "credit-risk");
    /** A day on which the example's waivers hold. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path work;

    @BeforeEach
    void copyTheExample() throws IOException {
        Path target = work.resolve("credit");
        try (Stream<Path> files = Files.walk(EXAMPLE)) {
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                if (p.toString().contains(".mlgates")) {
                    continue;
                }
                Path to = target.resolve(EXAMPLE.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
    }

    private GateResult evaluate(EthicsTask task) throws Exception {
        return task.evaluate(work, ProgressListener.NONE, CLOCK);
    }

    @Test
    void thePolicyInASubfolderMakesThatFolderTheRepository() throws Exception {
        GateResult result = evaluate(new EthicsTask("credit/mlgates.yaml", null, null, null));

        assertThat(result.gate()).isEqualTo("ethics");
        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.modelName()).isEqualTo("credit-risk");
        assertThat(result.fairness().orElseThrow().attributes()).containsOnlyKeys("sex", "age_band", "sex&age_band");
        assertThat(result.checks()).anyMatch(c -> c.status() == Status.WAIVED);
        assertThat(result.evaluatedAt()).isEqualTo(CLOCK.instant());
    }

    @Test
    void statsOfTheExampleAreJudgedAsItsRowsWithTheStepsSensitiveColumns() throws Exception {
        ValidateTaskTest.writeStatistics(work.resolve("credit"), work.resolve("credit/stats/all.json"));

        GateResult rows = evaluate(new EthicsTask("credit/mlgates.yaml", null, "sex", null));
        GateResult statistics = evaluate(new EthicsTask("credit/mlgates.yaml", null, "sex", null, null,
                java.util.List.of("credit/stats/all.json")));

        assertThat(statistics.data().predictions()).isEqualTo("stats/all.json");
        assertThat(statistics.status()).isEqualTo(rows.status());
        assertThat(statistics.metrics()).isEqualTo(rows.metrics());
        assertThat(statistics.fairness()).isEqualTo(rows.fairness());
    }

    @Test
    void sensitiveReplacesThePolicysColumnsAndAnEmptyNameIsBadInput() throws Exception {
        GateResult result = evaluate(new EthicsTask("credit/mlgates.yaml", null, "sex", null));
        assertThat(result.fairness().orElseThrow().attributes()).containsOnlyKeys("sex");

        assertThatThrownBy(() -> evaluate(new EthicsTask("credit/mlgates.yaml", null, "sex,,age_band", null)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("sensitive: a column name is empty");
    }

    @Test
    void anOrganisationPolicyIsAFloorItsColumnsStayAndLooseningItIsBadInput() throws Exception {
        Files.writeString(work.resolve("org.yaml"), "ethics:\n  fairness:\n    sensitive: [age_band]\n"
                + "    minGroupSize: 50\n");
        GateResult tightened = evaluate(new EthicsTask("credit/mlgates.yaml", null, "sex", "org.yaml"));
        assertThat(tightened.organisationPolicy()).hasValueSatisfying(o -> {
            assertThat(o.file()).isEqualTo("org.yaml");
            assertThat(o.digest()).startsWith("sha256:");
        });
        assertThat(tightened.fairness().orElseThrow().attributes()).containsKeys("sex", "age_band");

        Files.writeString(work.resolve("org.yaml"), "ethics:\n  fairness:\n    minGroupSize: 20\n");
        assertThatThrownBy(() -> evaluate(new EthicsTask("credit/mlgates.yaml", null, null, "org.yaml")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("loosens the organisation policy");
    }

    @Test
    void theOrganisationPolicyFromManageJenkinsIsAFloorNamedOnTheResultAndNoStepMayNameAnother() throws Exception {
        OrganisationText org = new OrganisationText(OrganisationSetting.TEXT_NAME,
                "ethics:\n  fairness:\n    sensitive: [age_band]\n    minGroupSize: 50\n");

        GateResult result = evaluate(new EthicsTask("credit/mlgates.yaml", null, "sex", null, org));

        assertThat(result.organisationPolicy()).hasValueSatisfying(o -> {
            assertThat(o.file()).isEqualTo("Manage Jenkins: organisation policy");
            assertThat(o.digest()).startsWith("sha256:");
        });
        assertThat(result.fairness().orElseThrow().attributes()).containsKeys("sex", "age_band");

        OrganisationText strict = new OrganisationText(OrganisationSetting.TEXT_NAME,
                "ethics:\n  fairness:\n    minGroupSize: 20\n");
        assertThatThrownBy(() -> evaluate(new EthicsTask("credit/mlgates.yaml", null, null, null, strict)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("loosens the organisation policy")
                .hasMessageContaining("Manage Jenkins: organisation policy");
        Files.writeString(work.resolve("org.yaml"), "ethics: {}\n");
        assertThatThrownBy(() -> evaluate(new EthicsTask("credit/mlgates.yaml", null, null, "org.yaml", org)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("set in Manage Jenkins");
    }

    @Test
    void pathsLeavingTheWorkingDirectoryOrMissingFilesAreBadInputNamingTheArgument() throws Exception {
        assertThatThrownBy(() -> evaluate(new EthicsTask("credit/mlgates.yaml", null, null, "../org.yaml")))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("orgPolicy: '../org.yaml' leads"
                        + " outside");
        assertThatThrownBy(() -> evaluate(new EthicsTask("credit/mlgates.yaml", null, null, "nope.yaml")))
                .isInstanceOf(BadInputException.class).hasMessage("nope.yaml: organisation policy not found");
        Files.copy(work.resolve("credit/eval/predictions.csv"), work.resolve("outside.csv"));
        assertThatThrownBy(() -> evaluate(new EthicsTask("credit/mlgates.yaml", "outside.csv", null, null)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("outside the model repository");
    }
}
