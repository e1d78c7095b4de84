package io.mlgates.plugin;

import hudson.FilePath;
import hudson.model.TaskListener;
import io.mlgates.plugin.logic.BuildShare;
import io.mlgates.plugin.logic.GateRun;
import io.mlgates.plugin.logic.GateTask;
import io.mlgates.plugin.logic.GateWorkspace;
import java.io.IOException;
import java.util.Optional;

/** The step's workspace: the gate runs on the agent that holds it. */
final class AgentWorkspace implements GateWorkspace {
    private final FilePath workspace;
    private final TaskListener listener;
    private final Optional<BuildShare> share;

    /**
     * @param share where the build's gates share one read of the predictions, or empty for none
     */
    AgentWorkspace(FilePath workspace, TaskListener listener, Optional<BuildShare> share) {
        this.workspace = workspace;
        this.listener = listener;
        this.share = share;
    }

    @Override
    public GateRun run(GateTask task, String id, String resultsDir) throws IOException, InterruptedException {
        return workspace.act(new GateCallable(task, id, resultsDir, listener, share));
    }
}
