package hudson.model;

import java.io.PrintStream;

/** Shim of jenkins-core's {@code hudson.model.TaskListener}: the build log. */
public interface TaskListener {
    PrintStream getLogger();
}
