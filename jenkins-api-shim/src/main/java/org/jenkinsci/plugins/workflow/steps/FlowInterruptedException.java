package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Result;
import jenkins.model.CauseOfInterruption;

/** Shim of workflow-step-api's {@code FlowInterruptedException}: a step ended by people, with a result and causes. */
public final class FlowInterruptedException extends InterruptedException {
    private static final long serialVersionUID = 1L;

    public FlowInterruptedException(Result result, boolean actualInterruption, CauseOfInterruption... causes) {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
