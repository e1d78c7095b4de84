package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

/** Shim of workflow-step-api's {@code StepExecution}. */
public abstract class StepExecution implements Serializable {
    private static final long serialVersionUID = 1L;

    protected StepExecution(StepContext context) {
        // empty, unlike every method: the plugin's subclasses can be created in its unit tests
    }

    public StepContext getContext() {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
