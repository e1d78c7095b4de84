package hudson.model;

import java.io.File;

/** Shim of jenkins-core's {@code hudson.model.Run}: one build of a job. */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable {
    private Run() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    public JobT getParent() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    public int getNumber() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** The build's folder, the one holding build.xml. */
    public File getRootDir() {
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
