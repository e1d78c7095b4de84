package hudson.model;

/** Shim of jenkins-core's {@code hudson.model.ModelObject}. */
public interface ModelObject {
    String getDisplayName();
}
