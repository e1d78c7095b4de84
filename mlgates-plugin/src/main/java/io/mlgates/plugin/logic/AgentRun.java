package io.mlgates.plugin.logic;

import io.mlgates.core.BadInputException;
import io.mlgates.core.data.ThrottledProgress;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.SharedStatistics;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.report.ResultFiles;
import io.mlgates.core.workspace.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
     * The policy file's text, as the gate read it: promotion on the controller reads its rules from this copy. Empty
     * for the defaults, or when the file changed while the gate ran (its digest would not match the result's).
     */
    private static Optional<String> policyText(Path workDir, GateTask task, GateResult result) throws IOException {
        if (result.policyFile().isEmpty()) {
            return Optional.empty();
        }
        Optional<Path> file;
        try {
            file = ModelRepository.policyFile(workDir, task.policy());
        } catch (BadInputException e) {
            return Optional.empty();
        }
        if (file.isEmpty() || Files.size(file.get()) > PolicyLoader.MAX_FILE_BYTES) {
            return Optional.empty();
        }
        byte[] bytes = Files.readAllBytes(file.get());
        return PolicyLoader.digest(bytes).equals(result.policyDigest())
                ? Optional.of(new String(bytes, StandardCharsets.UTF_8)) : Optional.empty();
    }

    /**
     * @param workDir the step's working directory on the agent
     * @param id the result's id; its files go to {@code resultsDir/id/}
     * @param resultsDir folder for result files, relative to {@code workDir} and inside it
     */
    public GateRun run(Path workDir, GateTask task, String id, String resultsDir, StepLog log) throws IOException {
        return run(workDir, task, id, resultsDir, log, Optional.empty());
    }

    /**
     * As {@link #run(Path, GateTask, String, String, StepLog)}, sharing one read of the predictions with the build's
     * other gate through {@code share} (when its folder lies outside the working directory); the log says whether
     * this gate judged the statistics the other kept, or kept them, or why it read the rows.
     */
    public GateRun run(Path workDir, GateTask task, String id, String resultsDir, StepLog log,
                       Optional<BuildShare> share) throws IOException {
        GateResult result;
        Workspace work;
        Path folder;
        try {
            work = Workspace.at(workDir);
            folder = work.resolve(resultsDir + "/" + id, "resultsDir");
            ThrottledProgress progress = new ThrottledProgress(Duration.ofSeconds(10), System::nanoTime, log::say);
            Optional<SharedStatistics.Place> place = share.flatMap(s -> s.place(workDir));
            if (place.isPresent()) {
                SharedStatistics.Judged judged = task.evaluate(workDir, progress, clock, place.get());
                log.say(judged.note());
                result = judged.result();
            } else {
                result = task.evaluate(workDir, progress, clock);
            }
        } catch (BadInputException e) {
            return GateRun.badInput(e.getMessage());
        }
        List<String> files = new ArrayList<>();
        for (Path written : ResultFiles.write(result, folder)) {
            files.add(work.display(written));
        }
        BoundedResult bounded = BoundedResult.of(result, maxResultChars);
        GateRun verdict = GateRun.verdict(bounded.json(), bounded.omittedChecks(), ResultSummary.countsOf(result),
                files);
        Optional<String> policy = policyText(workDir, task, result);
        return policy.isPresent() ? verdict.withPolicy(policy.get()) : verdict;
    }
}
