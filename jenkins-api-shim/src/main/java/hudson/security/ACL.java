package hudson.security;

/** Shim of jenkins-core's {@code ACL}: only named, as the type {@code AccessControlled.getACL} returns. */
public abstract class ACL {
    ACL() {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
