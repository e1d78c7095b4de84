package hudson.model;

/** Shim of jenkins-core's {@code hudson.model.Descriptor}. */
public abstract class Descriptor<T extends Describable<T>> {
    protected Descriptor() {
        // empty, unlike every method: the plugin's subclasses can be created in its unit tests
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** Reads the descriptor's saved fields from its XML file in JENKINS_HOME. */
    public synchronized void load() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** Writes the descriptor's fields to its XML file in JENKINS_HOME. */
    public synchronized void save() {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
