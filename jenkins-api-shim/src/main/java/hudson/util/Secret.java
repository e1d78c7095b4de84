package hudson.util;

import java.io.Serializable;

/** Shim of jenkins-core's {@code hudson.util.Secret}: a value kept encrypted on disk and masked in forms. */
public final class Secret implements Serializable {
    private static final long serialVersionUID = 1L;

    private Secret() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** The secret for a form's value, which is either the plain text or the encrypted value a form sent back. */
    public static Secret fromString(String data) {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** The plain text of a secret; empty for null. */
    public static String toString(Secret s) {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
