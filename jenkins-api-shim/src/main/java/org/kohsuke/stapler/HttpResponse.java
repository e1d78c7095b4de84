package org.kohsuke.stapler;

import jakarta.servlet.ServletException;
import java.io.IOException;

/** Shim of Stapler's {@code HttpResponse}; only here because {@code Descriptor.FormException} implements it. */
public interface HttpResponse {
    default void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node)
            throws IOException, ServletException {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
