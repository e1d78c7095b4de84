package jenkins.model;

import java.io.Serializable;

/** Shim of jenkins-core's {@code CauseOfInterruption}: why a build or step was interrupted, for the log and the page. */
public abstract class CauseOfInterruption implements Serializable {
    private static final long serialVersionUID = 1L;

    public CauseOfInterruption() {
        // empty: the plugin's causes are created in its unit tests
    }

    public abstract String getShortDescription();
}
