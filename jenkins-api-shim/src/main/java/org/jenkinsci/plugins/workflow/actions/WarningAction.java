package org.jenkinsci.plugins.workflow.actions;

import hudson.model.Result;

/** Shim of workflow-api's {@code WarningAction}: marks a flow node (and so its stage) with a result and a message. */
public class WarningAction implements PersistentAction {
    public WarningAction(Result result) {
        throw new UnsupportedOperationException("compile-only shim");
    }

    public WarningAction withMessage(String message) {
        throw new UnsupportedOperationException("compile-only shim");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
