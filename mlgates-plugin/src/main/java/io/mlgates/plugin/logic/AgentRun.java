package io.mlgates.plugin.logic;

import io.mlgates.core.BadInputException;
import io.mlgates.core.data.ThrottledProgress;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.report.ResultFiles;
import io.mlgates.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of a gate step that runs on the agent holding the workspace: judge, write the JSON result and JUnit XML
 * into the workspace (for {@code archiveArtifacts} and {@code junit}), and return the JSON, bounded, with what it
 * left out.
 */
public final class AgentRun {
    /** Bound of the JSON result sent back to the controller and stored with the build. */
    public static final int MAX_RESULT_CHARS = 1_000_000;

    private final Clock clock;
    private final int maxResultChars;

    public AgentRun(Clock clock, int maxResultChars) {
        this.clock = clock;
        this.maxResultChars = maxResultChars;
    }

    /**
     * @param workDir the step's working directory on the agent
     * @param id the result's id; its files go to {@code resultsDir/id/}
     * @param resultsDir folder for result files, relative to {@code workDir} and inside it
     */
    public GateRun run(Path workDir, GateTask task, String id, String resultsDir, StepLog log) throws IOException {
        GateResult result;
        Workspace work;
        Path folder;
        try {
            work = Workspace.at(workDir);
            folder = work.resolve(resultsDir + "/" + id, "resultsDir");
            result = task.evaluate(workDir, new ThrottledProgress(Duration.ofSeconds(10), System::nanoTime, log::say), clock);
        } catch (BadInputException e) {
            return GateRun.badInput(e.getMessage());
        }
        List<String> files = new ArrayList<>();
        for (Path written : ResultFiles.write(result, folder)) {
            files.add(work.display(written));
        }
        BoundedResult bounded = BoundedResult.of(result, maxResultChars);
        return GateRun.verdict(bounded.json(), bounded.omittedChecks(), ResultSummary.countsOf(result), files);
    }
}
