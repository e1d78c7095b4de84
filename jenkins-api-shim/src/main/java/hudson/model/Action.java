package hudson.model;

/** Shim of jenkins-core's {@code hudson.model.Action}: something shown on, and reachable from, a page. */
public interface Action extends ModelObject {
    String getIconFileName();

    String getUrlName();
}
