package jenkins.model;

import java.util.Comparator;

/** Shim of jenkins-core's {@code IdStrategy}: how the security realm compares user ids and group names. */
public abstract class IdStrategy implements Comparator<String> {
    IdStrategy() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    @Override
    public abstract int compare(String id1, String id2);

    public boolean equals(String id1, String id2) {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
