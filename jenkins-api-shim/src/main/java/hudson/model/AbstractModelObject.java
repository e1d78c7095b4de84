package hudson.model;

/**
 * Shim of jenkins-core's {@code hudson.model.AbstractModelObject}. Not itself in reference.txt, but named there as the
 * superclass of {@code Actionable}; declared so that {@code Actionable}'s header is exact. It declares no member.
 */
public abstract class AbstractModelObject {
    AbstractModelObject() {
    }
}
