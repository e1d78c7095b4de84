package hudson;

import java.util.AbstractList;

/** Shim of jenkins-core's {@code hudson.ExtensionList}: the extensions of one type, and the lookup of a singleton. */
public class ExtensionList<T> extends AbstractList<T> {
    private ExtensionList() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** The one extension of {@code type}; fails when there is none or more than one. */
    public static <U> U lookupSingleton(Class<U> type) {
        throw new UnsupportedOperationException("compile-only shim");
    }

    @Override
    public T get(int index) {
        throw new UnsupportedOperationException("compile-only shim");
    }

    @Override
    public int size() {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
