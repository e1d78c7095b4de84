package org.jenkinsci.plugins.workflow.actions;

import hudson.model.Action;

/** Shim of workflow-api's {@code PersistentAction}. */
public interface PersistentAction extends Action {
}
