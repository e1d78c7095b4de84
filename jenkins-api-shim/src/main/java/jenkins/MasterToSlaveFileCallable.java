package jenkins;

import jenkins.agents.ControllerToAgentFileCallable;

/** Shim of jenkins-core's {@code jenkins.MasterToSlaveFileCallable}: a file callable the controller sends to an agent. */
public abstract class MasterToSlaveFileCallable<T> implements ControllerToAgentFileCallable<T> {
    public MasterToSlaveFileCallable() {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
