package hudson.model;

/** Shim of jenkins-core's {@code hudson.model.Describable}. */
public interface Describable<T extends Describable<T>> {
}
