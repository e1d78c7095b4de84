package hudson.security;

import jenkins.model.IdStrategy;
import org.springframework.security.core.GrantedAuthority;

/**
 * Shim of jenkins-core's {@code SecurityRealm}: how the realm compares user ids and group names, and the authority of
 * every logged-in user.
 */
public abstract class SecurityRealm {
    /** The authority every logged-in user has, which names no group of the realm. */
    public static final GrantedAuthority AUTHENTICATED_AUTHORITY2 = null;

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
