package jenkins.tasks;

import hudson.model.Action;
import java.util.Collection;

/** Shim of jenkins-core's {@code jenkins.tasks.SimpleBuildStep}; only its nested {@code LastBuildAction} is used. */
public interface SimpleBuildStep {
    /** A build action whose project actions Jenkins shows on the job page. */
    interface LastBuildAction extends Action {
        Collection<? extends Action> getProjectActions();
    }
}
