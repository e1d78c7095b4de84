package jenkins.model;

import hudson.model.AbstractCIBase;
import java.io.File;

/** Shim of jenkins-core's {@code jenkins.model.Jenkins}: the controller, and where it keeps its files. */
public class Jenkins extends AbstractCIBase {
    private Jenkins() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** The running controller; fails when Jenkins is not started or already shut down. */
    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** {@code $JENKINS_HOME}, on the controller. */
    public File getRootDir() {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
