package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletRequest;

/** Shim of Stapler's {@code StaplerRequest2}; only named in {@code getDynamic} signatures. */
public interface StaplerRequest2 extends HttpServletRequest {
}
