package hudson.model;

import java.io.File;

/** Shim of jenkins-core's {@code hudson.model.Job}. */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends AbstractItem {
    private Job() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** The folder that holds the job's builds (and files such as {@code permalinks} beside them). */
    public File getBuildDir() {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
