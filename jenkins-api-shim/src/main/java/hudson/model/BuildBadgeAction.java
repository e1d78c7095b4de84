package hudson.model;

/** Shim of jenkins-core's {@code BuildBadgeAction}: an action shown as a badge beside the build in lists. */
public interface BuildBadgeAction extends Action {
}
