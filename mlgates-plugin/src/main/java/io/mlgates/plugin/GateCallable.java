package io.mlgates.plugin;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.mlgates.plugin.logic.AgentRun;
import io.mlgates.plugin.logic.BuildShare;
import io.mlgates.plugin.logic.GateRun;
import io.mlgates.plugin.logic.GateTask;
import java.io.File;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import jenkins.MasterToSlaveFileCallable;

/**
 * Carries a gate to the agent and {@link AgentRun} there; its progress goes to the build log through the listener,
 * which remoting connects back to the controller.
 */
final class GateCallable extends MasterToSlaveFileCallable<GateRun> {
    private static final long serialVersionUID = 1L;

    private final GateTask task;
    private final String id;
    private final String resultsDir;
    private final TaskListener listener;
    /** Where the build's gates share one read of the predictions; null where the step knows no workspace. */
    private final BuildShare share;

    GateCallable(GateTask task, String id, String resultsDir, TaskListener listener) {
        this(task, id, resultsDir, listener, Optional.empty());
    }

    GateCallable(GateTask task, String id, String resultsDir, TaskListener listener, Optional<BuildShare> share) {
        this.share = share.orElse(null);
        this.task = task;
        this.id = id;
        this.resultsDir = resultsDir;
        this.listener = listener;
    }

    @Override
    public GateRun invoke(File workDir, VirtualChannel channel) throws IOException {
        return new AgentRun(Clock.systemUTC(), AgentRun.MAX_RESULT_CHARS)
                .run(workDir.toPath(), task, id, resultsDir, listener.getLogger()::println, Optional.ofNullable(share));
    }
}
