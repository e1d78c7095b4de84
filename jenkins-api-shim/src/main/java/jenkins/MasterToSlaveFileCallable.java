package jenkins;

import jenkins.agents.ControllerToAgentFileCallable;

/** Shim of jenkins-core's {@code jenkins.MasterToSlaveFileCallable}: a file callable the controller sends to an agent. */
public abstract class MasterToSlaveFileCallable<T> implements ControllerToAgentFileCallable<T> {
    public MasterToSlaveFileCallable() {
        // empty, unlike every method: the plugin's subclasses can be created in its unit tests
    }
}
