package org.jenkinsci.plugins.workflow.steps;

import java.io.IOException;
import java.io.Serializable;

/** Shim of workflow-step-api's {@code StepContext}: where a step runs (build, workspace, log, flow node). */
public abstract class StepContext implements Serializable {
    private static final long serialVersionUID = 1L;

    private StepContext() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;
}
