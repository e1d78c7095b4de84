package org.kohsuke.stapler.interceptor;

/**
 * Shim of Stapler's {@code Interceptor}. Not itself in reference.txt, but named there as the superclass of
 * {@code RequirePOST.Processor}; it declares no member.
 */
public abstract class Interceptor {
    protected Interceptor() {
        // the shim's subclass needs one to compile
    }
}
