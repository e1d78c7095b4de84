package hudson.model;

/**
 * Shim of jenkins-core's {@code hudson.model.AbstractItem}. Not itself in reference.txt, but named there as the
 * superclass of {@code Job}; declared so that {@code Job}'s header is exact. It declares no member; it implements
 * {@link Item}, as the real one does, so that a job has an item's members.
 */
public abstract class AbstractItem extends Actionable implements Item {
    AbstractItem() {
    }
}
