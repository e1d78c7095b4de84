package hudson.model;

/**
 * Shim of jenkins-core's {@code hudson.model.AbstractCIBase}. Not itself in reference.txt, but named there as the
 * superclass of {@code jenkins.model.Jenkins}; declared so that {@code Jenkins}' header is exact. It declares no member but the constructor its subclass needs.
 */
public abstract class AbstractCIBase {
    protected AbstractCIBase() {
    }
}
