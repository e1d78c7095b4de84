package hudson.security;

/** Shim of jenkins-core's {@code AccessControlled}: an object with permissions. */
public interface AccessControlled {
    default boolean hasPermission(Permission permission) {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
