package jenkins.agents;

import hudson.FilePath;
import org.jenkinsci.remoting.RoleChecker;

/**
 * Shim of jenkins-core's {@code jenkins.agents.ControllerToAgentFileCallable}. Not itself in reference.txt, but named
 * there as the interface of {@code MasterToSlaveFileCallable}; declared so that the latter is a {@code FileCallable}
 * whose role check the plugin inherits instead of writing its own. Its only member overrides
 * {@code RoleSensitive.checkRoles}, which reference.txt lists.
 */
public interface ControllerToAgentFileCallable<T> extends FilePath.FileCallable<T> {
    @Override
    default void checkRoles(RoleChecker checker) throws SecurityException {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
