package org.jenkinsci.plugins.workflow.steps;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

/** Shim of workflow-step-api's {@code Step}: a Pipeline step's arguments, which starts its execution. */
@SuppressWarnings("deprecation") // as in workflow-step-api: Step still extends the deprecated base class
public abstract class Step extends AbstractDescribableImpl<Step> implements ExtensionPoint {
    public Step() {
        // empty, unlike every method: the plugin's subclasses can be created in its unit tests
    }

    public abstract StepExecution start(StepContext context) throws Exception;
}
