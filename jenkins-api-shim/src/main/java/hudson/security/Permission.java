package hudson.security;

/** Shim of jenkins-core's {@code Permission}. */
public final class Permission {
    private Permission() {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
