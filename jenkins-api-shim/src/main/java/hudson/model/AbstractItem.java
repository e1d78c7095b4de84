package hudson.model;

/**
 * Shim of jenkins-core's {@code hudson.model.AbstractItem}. Not itself in reference.txt, but named there as the
 * superclass of {@code Job}; declared so that {@code Job}'s header is exact. It declares no member.
 */
public abstract class AbstractItem extends Actionable {
    AbstractItem() {
    }
}
