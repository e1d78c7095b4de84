package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletResponse;

/** Shim of Stapler's {@code StaplerResponse2}; only named in {@code getDynamic} signatures. */
public interface StaplerResponse2 extends HttpServletResponse {
}
