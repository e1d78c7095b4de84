package io.mlgates.plugin;

import hudson.FilePath;
import hudson.model.TaskListener;
import io.mlgates.plugin.logic.GateRun;
import io.mlgates.plugin.logic.GateTask;
import io.mlgates.plugin.logic.GateWorkspace;
import java.io.IOException;

/** The step's workspace: the gate runs on the agent that holds it. */
final class AgentWorkspace implements GateWorkspace {
    private final FilePath workspace;
    private final TaskListener listener;

    AgentWorkspace(FilePath workspace, TaskListener listener) {
        this.workspace = workspace;
        this.listener = listener;
    }

    @Override
    public GateRun run(GateTask task, String id, String resultsDir) throws IOException, InterruptedException {
        return workspace.act(new GateCallable(task, id, resultsDir, listener));
    }
}
