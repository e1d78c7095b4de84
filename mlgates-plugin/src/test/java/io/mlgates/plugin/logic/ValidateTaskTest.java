package io.mlgates.plugin.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgates.core.BadInputException;
import io.mlgates.core.data.ProgressListener;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mlValidate's arguments mean what mlgates validate's options mean, relative to the step's working directory. */
class ValidateTaskTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path work;

    private GateResult evaluate(ValidateTask task) throws Exception {
        return task.evaluate(work, ProgressListener.NONE, CLOCK);
    }

    @Test
    void withoutArgumentsTheWorkingDirectoryIsTheRepositoryByConvention() throws Exception {
        Repos.binary(work, Repos.WARN);

        GateResult result = evaluate(new ValidateTask(null, null, null));

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.policyFile()).contains("mlgates.yaml");
        assertThat(result.data().rows()).isEqualTo(20);
        assertThat(result.evaluatedAt()).isEqualTo(CLOCK.instant());
    }

    @Test
    void aPolicyInASubfolderMakesThatFolderTheRepository() throws Exception {
        Repos.binary(work.resolve("models/churn"), Repos.FAIL);

        GateResult result = evaluate(new ValidateTask("models/churn/mlgates.yaml", null, null));

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.modelName()).isEqualTo("churn");
        assertThat(result.data().predictions()).isEqualTo("eval/predictions.csv");
    }

    @Test
    void predictionsAndBaselineAreGivenFromTheWorkingDirectoryAndMustLieInTheRepository() throws Exception {
        Path repo = Repos.binary(work.resolve("m"), Repos.PASS);
        Files.copy(repo.resolve("eval/predictions.csv"), repo.resolve("eval/other.csv"));
        Files.writeString(repo.resolve("eval/base.json"), "{\"accuracy\": 0.8}");

        GateResult result = evaluate(new ValidateTask("m/mlgates.yaml", "m/eval/other.csv", "m/eval/base.json"));
        assertThat(result.data().predictions()).isEqualTo("eval/other.csv");

        Files.copy(repo.resolve("eval/predictions.csv"), work.resolve("outside.csv"));
        assertThatThrownBy(() -> evaluate(new ValidateTask("m/mlgates.yaml", "outside.csv", null)))
                .isInstanceOf(BadInputException.class)
                .hasMessage("predictions: 'outside.csv' is outside the model repository m (the policy file's"
                        + " folder); expected a file inside it");
    }

    /** The gate runs with the workspace and the team registry lives with the controller: no stage to read there. */
    @Test
    void aBaselineFromAStageIsRefusedWithTheReason() throws Exception {
        Repos.binary(work, Repos.PASS + "baseline:\n  from: production\n");
        assertThatThrownBy(() -> evaluate(new ValidateTask(null, null, null)))
                .isInstanceOf(BadInputException.class).hasMessage("registry:production: a baseline from a stage reads"
                        + " the team registry, which lives with the Jenkins controller, while the gate runs where the"
                        + " workspace is; in Jenkins, name a metrics file with baseline.path");
    }

    /** Unlike the command line's, where a typed path is the user's own, a step's paths come with the repository. */
    @Test
    void absolutePathsAndPathsAboveTheWorkspaceStayRefusedForPredictionsAndBaseline() throws Exception {
        Repos.binary(work.resolve("m"), Repos.PASS);
        Path outside = Files.writeString(work.getParent().resolve(work.getFileName() + "-base.json"),
                "{\"accuracy\": 0.8}");
        try {
            assertThatThrownBy(() -> evaluate(new ValidateTask("m/mlgates.yaml", null, outside.toString())))
                    .isInstanceOf(BadInputException.class).hasMessageStartingWith("baseline: '" + outside
                            + "' is absolute; expected a path relative to");
            assertThatThrownBy(() -> evaluate(new ValidateTask("m/mlgates.yaml", null, "../" + outside.getFileName())))
                    .isInstanceOf(BadInputException.class).hasMessageStartingWith("baseline: '../"
                            + outside.getFileName() + "' leads outside");
            assertThatThrownBy(() -> evaluate(new ValidateTask("m/mlgates.yaml",
                    work.resolve("m/eval/predictions.csv").toString(), null)))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("is absolute");
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void pathsLeavingTheWorkingDirectoryOrMissingFilesAreBadInputNamingTheArgument() throws Exception {
        Repos.binary(work, Repos.PASS);

        assertThatThrownBy(() -> evaluate(new ValidateTask("../mlgates.yaml", null, null)))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("policy: '../mlgates.yaml' leads"
                        + " outside");
        assertThatThrownBy(() -> evaluate(new ValidateTask("nope.yaml", null, null)))
                .isInstanceOf(BadInputException.class).hasMessage("nope.yaml: policy file not found");
        assertThatThrownBy(() -> evaluate(new ValidateTask(null, "eval/missing.csv", null)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("eval/missing.csv");
    }

    @Test
    void aMalformedPolicyIsBadInputWithFileAndLine() throws Exception {
        Repos.binary(work, "limits:\n  - metric: accuracy\n    mni: 0.5\n");

        assertThatThrownBy(() -> evaluate(new ValidateTask(null, null, null)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("mlgates.yaml:3:5: unknown key 'mni' in limits[0]; did you mean 'min'?");
    }

    /** The statistics of the repository's predictions under its policy, as {@code mlgates stats} writes them. */
    static void writeStatistics(Path repo, Path out) throws Exception {
        io.mlgates.core.policy.Policy policy = new io.mlgates.core.policy.PolicyLoader().loadFromRepository(repo)
                .policy();
        io.mlgates.core.stats.RowStatistics.Shape shape = io.mlgates.core.stats.RowStatistics.Shape.of(policy);
        Files.createDirectories(out.getParent());
        try (io.mlgates.core.metrics.ScoreBudget budget = io.mlgates.core.metrics.ScoreBudget.defaults();
             io.mlgates.core.data.PredictionReader reader = io.mlgates.core.data.PredictionReader.open(
                     repo.resolve("eval/predictions.csv"), "eval/predictions.csv", policy.predictions(),
                     policy.task(), shape.groupColumns(), ProgressListener.NONE);
             java.io.OutputStream o = Files.newOutputStream(out)) {
            io.mlgates.core.stats.RowStatistics.read(reader, policy.predictions(), policy.task(), shape, budget)
                    .write(o);
        }
    }

    @Test
    void statsAreJudgedInsteadOfTheRowsWithTheMetricsOfTheRows() throws Exception {
        Path repo = Repos.binary(work.resolve("m"), Repos.WARN);
        writeStatistics(repo, repo.resolve("stats/all.json"));

        GateResult rows = evaluate(new ValidateTask("m/mlgates.yaml", null, null));
        GateResult statistics = evaluate(new ValidateTask("m/mlgates.yaml", null, null, null,
                java.util.List.of("m/stats/all.json")));

        assertThat(statistics.data().source()).isEqualTo(io.mlgates.core.gate.DataSource.STATISTICS);
        assertThat(statistics.data().predictions()).isEqualTo("stats/all.json");
        assertThat(statistics.metrics()).isEqualTo(rows.metrics());
        assertThat(statistics.status()).isEqualTo(rows.status());
        assertThat(statistics.evidence().inputs().get(0).role()).isEqualTo("statistics");
    }

    @Test
    void statsJudgeTheDriftOfTheRowsFromTheirProfilesAndAreRefusedWithout() throws Exception {
        Path repo = Repos.binary(work.resolve("m"), Repos.WARN + "data:\n  reference: data/reference.csv\n");
        Files.createDirectories(repo.resolve("data"));
        StringBuilder reference = new StringBuilder("g,score\n");
        for (int i = 0; i < 40; i++) {
            reference.append('g').append(i % 10).append(',').append(i % 2 == 0 ? 0.9 : 0.1).append('\n');
        }
        Files.writeString(repo.resolve("data/reference.csv"), reference);
        io.mlgates.core.policy.Policy policy = new io.mlgates.core.policy.PolicyLoader().loadFromRepository(repo)
                .policy();
        io.mlgates.core.stats.RowStatistics.Shape shape = io.mlgates.core.stats.RowStatistics.Shape.of(policy);
        java.util.List<String> inputs = io.mlgates.core.stats.CurrentProfile.columns(policy, policy.predictions(),
                java.util.List.of("label", "score", "g"));
        Files.createDirectories(repo.resolve("stats"));
        try (io.mlgates.core.metrics.ScoreBudget budget = io.mlgates.core.metrics.ScoreBudget.defaults();
             io.mlgates.core.data.PredictionReader reader = io.mlgates.core.data.PredictionReader.open(
                     repo.resolve("eval/predictions.csv"), "eval/predictions.csv", policy.predictions(),
                     policy.task(), shape.groupColumns(), inputs, ProgressListener.NONE);
             java.io.OutputStream o = Files.newOutputStream(repo.resolve("stats/profiled.json"))) {
            io.mlgates.core.stats.CurrentProfile.readWithStatistics(reader, policy.predictions(), policy.task(),
                    shape, budget, inputs).write(o);
        }

        GateResult rows = evaluate(new ValidateTask("m/mlgates.yaml", null, null));
        GateResult statistics = evaluate(new ValidateTask("m/mlgates.yaml", null, null, null,
                java.util.List.of("m/stats/profiled.json")));

        assertThat(rows.drift().orElseThrow().columns()).containsOnlyKeys("g", "score", "prediction");
        assertThat(statistics.drift()).isEqualTo(rows.drift());
        assertThat(statistics.status()).isEqualTo(rows.status());
        writeStatistics(repo, repo.resolve("stats/plain.json"));
        assertThatThrownBy(() -> evaluate(new ValidateTask("m/mlgates.yaml", null, null, null,
                java.util.List.of("m/stats/plain.json")))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("stats/plain.json:1:1: at /profile: expected the current data's column"
                        + " profiles");
    }

    @Test
    void statsMustLieInTheRepositoryAndAreNotGivenWithPredictions() throws Exception {
        Path repo = Repos.binary(work.resolve("m"), Repos.WARN);
        writeStatistics(repo, work.resolve("outside.json"));

        assertThatThrownBy(() -> evaluate(new ValidateTask("m/mlgates.yaml", null, null, null,
                java.util.List.of("outside.json")))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("outside the model repository");
        assertThatThrownBy(() -> evaluate(new ValidateTask("m/mlgates.yaml", "m/eval/predictions.csv", null, null,
                java.util.List.of("m/stats/all.json")))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("give stats or predictions, not both");
    }
}
