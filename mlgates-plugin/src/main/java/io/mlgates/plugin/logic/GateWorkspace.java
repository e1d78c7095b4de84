package io.mlgates.plugin.logic;

import java.io.IOException;

/** The workspace a step runs in, as the plugin's logic sees it: somewhere a gate can be run, on its agent. */
public interface GateWorkspace {
    /** Runs {@link AgentRun} where the files are. */
    GateRun run(GateTask task, String id, String resultsDir) throws IOException, InterruptedException;
}
