package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.FutureCallback;
import java.io.IOException;
import java.io.Serializable;

/**
 * Shim of workflow-step-api's {@code StepContext}: where a step runs (build, workspace, log, flow node), and how an
 * execution that returned from {@code start()} ends the step later ({@code onSuccess}, Guava's {@code onFailure}).
 */
public abstract class StepContext implements FutureCallback<Object>, Serializable {
    private static final long serialVersionUID = 1L;

    private StepContext() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;

    public abstract void onSuccess(Object result);
}
