package hudson.model;

/** Shim of jenkins-core's {@code hudson.model.Descriptor}. */
public abstract class Descriptor<T extends Describable<T>> {
    protected Descriptor() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
