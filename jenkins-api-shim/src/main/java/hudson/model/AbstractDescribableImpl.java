package hudson.model;

/** Shim of jenkins-core's {@code hudson.model.AbstractDescribableImpl}, deprecated there; {@code Step} extends it. */
@Deprecated
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {
    public AbstractDescribableImpl() {
        // empty, unlike every method: the plugin's subclasses can be created in its unit tests
    }
}
