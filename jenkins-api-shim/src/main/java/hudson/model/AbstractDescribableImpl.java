package hudson.model;

/** Shim of jenkins-core's {@code hudson.model.AbstractDescribableImpl}, deprecated there; {@code Step} extends it. */
@Deprecated
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {
    public AbstractDescribableImpl() {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
