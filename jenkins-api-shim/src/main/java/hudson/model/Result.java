package hudson.model;

import java.io.Serializable;

/** Shim of jenkins-core's {@code hudson.model.Result}. The constants are not compile-time constants: never inlined. */
public final class Result implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final Result UNSTABLE = null;
    public static final Result FAILURE = null;

    /** The build or step was stopped by people: an abort, a rejected input or promotion. */
    public static final Result ABORTED = null;

    private Result() {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
