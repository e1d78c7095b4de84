package org.jenkinsci.remoting;

/** Shim of remoting's {@code org.jenkinsci.remoting.RoleChecker}; only named as a parameter type. */
public abstract class RoleChecker {
    private RoleChecker() {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
