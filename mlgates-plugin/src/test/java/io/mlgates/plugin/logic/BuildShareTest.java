package io.mlgates.plugin.logic;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.gate.SharedStatistics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two gate steps of a build share one read of the predictions through a folder beside the workspace, never in
 * it; their results are those of two reads.
 */
class BuildShareTest {
    /** Slices, and fairness by the same column: both gates read every part of the statistics. */
    private static final String POLICY = Repos.MANY_CHECKS + "ethics:\n  fairness:\n    sensitive: [g]\n";
    private static final byte[] KEY = new byte[32];

    @TempDir
    Path temp;

    private final Fakes.Log log = new Fakes.Log();

    private Path workspace() throws Exception {
        return Repos.binary(Files.createDirectories(temp.resolve("ws")), POLICY);
    }

    private BuildShare share(Path workspace) {
        return BuildShare.of(Map.of("WORKSPACE", workspace.toString(), "WORKSPACE_TMP", workspace + "@tmp"),
                "team/credit risk", 7, KEY).orElseThrow();
    }

    private GateRun run(Path workspace, GateTask task, Optional<BuildShare> share) throws Exception {
        return Serialization.roundTrip(new AgentRun(Fakes.CLOCK, AgentRun.MAX_RESULT_CHARS).run(workspace,
                Serialization.roundTrip(task), task.gate(), "out", log, share.map(s -> {
                    try {
                        return Serialization.roundTrip(s);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                })));
    }

    private String alone(Path workspace, GateTask task) throws Exception {
        return run(workspace, task, Optional.empty()).json();
    }

    @Test
    void validateThenEthicsGiveTwoReadsResultsFromOneRead() throws Exception {
        Path ws = workspace();
        GateRun validate = run(ws, new ValidateTask(null, null, null), Optional.of(share(ws)));
        GateRun ethics = run(ws, new EthicsTask(null, null, null, null), Optional.of(share(ws)));

        assertThat(log.lines).anyMatch(l -> l.contains("kept the statistics of eval/predictions.csv"))
                .anyMatch(l -> l.contains("the rows were not read again"));
        assertThat(validate.json()).isEqualTo(alone(ws, new ValidateTask(null, null, null)));
        assertThat(ethics.json()).isEqualTo(alone(ws, new EthicsTask(null, null, null, null)))
                .contains("\"source\" : \"rows\"");
    }

    @Test
    void ethicsThenValidateGiveTwoReadsResultsFromOneRead() throws Exception {
        Path ws = workspace();
        GateRun ethics = run(ws, new EthicsTask(null, null, null, null), Optional.of(share(ws)));
        GateRun validate = run(ws, new ValidateTask(null, null, null), Optional.of(share(ws)));

        assertThat(log.lines).anyMatch(l -> l.contains("the rows were not read again"));
        assertThat(validate.json()).isEqualTo(alone(ws, new ValidateTask(null, null, null)));
        assertThat(ethics.json()).isEqualTo(alone(ws, new EthicsTask(null, null, null, null)));
    }

    @Test
    void predictionsChangedBetweenTheStepsAreReadAgain() throws Exception {
        Path ws = workspace();
        run(ws, new ValidateTask(null, null, null), Optional.of(share(ws)));
        Files.writeString(ws.resolve("eval/predictions.csv"), Files.readString(ws.resolve("eval/predictions.csv"))
                .replace("1,0.9,g4\n", "0,0.9,g4\n"));
        GateRun ethics = run(ws, new EthicsTask(null, null, null, null), Optional.of(share(ws)));

        assertThat(log.lines).noneMatch(l -> l.contains("not read again"))
                .anyMatch(l -> l.contains("no statistics kept for these predictions"));
        assertThat(ethics.json()).isEqualTo(alone(ws, new EthicsTask(null, null, null, null)));
    }

    @Test
    void theFolderIsTheWorkspacesTemporarySiblingAndNothingLandsInTheWorkspace() throws Exception {
        Path ws = workspace();
        run(ws, new ValidateTask(null, null, null), Optional.of(share(ws)));

        Path folder = temp.resolve("ws@tmp/mlgates/team_credit_risk-7");
        try (Stream<Path> kept = Files.list(folder)) {
            assertThat(kept.map(f -> f.getFileName().toString())).singleElement().asString()
                    .matches("[0-9a-f]{64}\\.shared");
        }
        try (Stream<Path> inWorkspace = Files.walk(ws)) {
            assertThat(inWorkspace.map(Path::toString)).noneMatch(f -> f.endsWith(".shared"));
        }
    }

    @Test
    void theWorkspacesOwnNameIsUsedWithoutWorkspaceTmp() throws Exception {
        Path ws = workspace();
        Optional<SharedStatistics.Place> place = BuildShare.of(Map.of("WORKSPACE", ws + "/"), "job", 3, KEY)
                .orElseThrow().place(ws);

        assertThat(place.orElseThrow().folder()).isEqualTo(temp.resolve("ws@tmp/mlgates/job-3"));
    }

    @Test
    void withoutAWorkspaceNothingIsShared() {
        assertThat(BuildShare.of(Map.of(), "job", 3, KEY)).isEmpty();
    }

    @Test
    void aTemporaryFolderInsideTheWorkingDirectoryOrRelativeIsNotUsed() throws Exception {
        Path ws = workspace();
        assertThat(BuildShare.of(Map.of("WORKSPACE_TMP", ws.resolve("tmp").toString()), "job", 3, KEY)
                .orElseThrow().place(ws)).isEmpty();
        assertThat(BuildShare.of(Map.of("WORKSPACE_TMP", "relative@tmp"), "job", 3, KEY).orElseThrow()
                .place(ws)).isEmpty();

        GateRun run = run(ws, new ValidateTask(null, null, null), Optional.of(BuildShare.of(
                Map.of("WORKSPACE_TMP", ws.resolve("tmp").toString()), "job", 3, KEY).orElseThrow()));
        assertThat(run.hasVerdict()).isTrue();
        assertThat(ws.resolve("tmp")).doesNotExist();
    }

    @Test
    void aJobsNameBecomesASafeBoundedFolderName() throws Exception {
        Path ws = workspace();
        Path folder = BuildShare.of(Map.of("WORKSPACE_TMP", temp.resolve("t").toString()), "../../" + "x".repeat(200),
                12, KEY).orElseThrow().place(ws).orElseThrow().folder();

        assertThat(folder.getParent()).isEqualTo(temp.resolve("t/mlgates"));
        assertThat(folder.getFileName().toString()).hasSize(BuildShare.MAX_NAME + "-12".length())
                .startsWith(".._.._xxx").endsWith("-12");
    }
}
