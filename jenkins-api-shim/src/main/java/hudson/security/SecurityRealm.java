package hudson.security;

import jenkins.model.IdStrategy;

/** Shim of jenkins-core's {@code SecurityRealm}: how the realm compares user ids and group names. */
public abstract class SecurityRealm {
    SecurityRealm() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    public IdStrategy getUserIdStrategy() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    public IdStrategy getGroupIdStrategy() {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
