package org.jenkinsci.plugins.workflow.graph;

import hudson.model.Actionable;

/** Shim of workflow-api's {@code FlowNode}: a node of the Pipeline graph, such as the step being run. */
public abstract class FlowNode extends Actionable {
    private FlowNode() {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
