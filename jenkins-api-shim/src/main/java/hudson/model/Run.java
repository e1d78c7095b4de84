package hudson.model;

import hudson.security.AccessControlled;
import java.io.File;
import java.io.IOException;

/** Shim of jenkins-core's {@code hudson.model.Run}: one build of a job. */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable
        implements AccessControlled {
    private Run() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    public JobT getParent() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** The cause of the given type, if the build has one. */
    public <T extends Cause> T getCause(Class<T> type) {
        throw new UnsupportedOperationException("compile-only shim");
    }

    public int getNumber() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** The build's folder, the one holding build.xml. */
    public File getRootDir() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** The build's URL relative to Jenkins' root URL: {@code job/x/42/}. */
    public String getUrl() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** Writes build.xml, with the actions attached so far. */
    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException("compile-only shim");
    }

    public void addAction(Action a) {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** Makes the result worse, never better. */
    public void setResult(Result r) {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
