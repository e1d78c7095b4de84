package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Descriptor;
import java.util.Set;

/** Shim of workflow-step-api's {@code StepDescriptor}: a step's name and what it needs from its context. */
public abstract class StepDescriptor extends Descriptor<Step> {
    public StepDescriptor() {
        // empty, unlike every method: the plugin's subclasses can be created in its unit tests
    }

    public abstract String getFunctionName();

    public abstract Set<? extends Class<?>> getRequiredContext();
}
