package hudson;

import java.io.IOException;

/** Shim of jenkins-core's {@code hudson.AbortException}: fails a step with a message and no stack trace. */
public class AbortException extends IOException {
    private static final long serialVersionUID = 1L;

    public AbortException(String message) {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
